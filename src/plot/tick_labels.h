// Tick labels: which tick labels to show (and how) so that no two overlap along the axis.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pika {

// The extent of a label along the axis in pixels, supplied by the renderer: the text width
// on an x axis, the line height on a y axis.
using TextExtent = std::function<double(std::string_view)>;

struct LabelPlacementOptions {
  double min_gap_px = 4;  // free space required between neighbouring labels
  // x axis: when even two labels cannot sit side by side, report rotation by 45 degrees
  // (and thin for rotated labels) instead of keeping only the first label.
  bool allow_rotation = false;
  // Rotated labels stack diagonally: neighbours need line height * sqrt(2) along the axis.
  double line_height_px = 14;
};

struct LabelPlacement {
  std::vector<size_t> shown;  // indices of the ticks whose label is drawn, increasing
  size_t stride = 1;          // every stride-th label from the first is shown
  bool rotated = false;       // draw the shown labels at 45 degrees
};

// Labels are centred on their ticks (positions increase along the axis). Shows every label
// when they fit, else every 2nd, 5th, 10th, 20th, 50th... counted from the first, which is
// always shown: with 1-2-5 ticks this keeps round values. Empty labels take no room.
LabelPlacement PlaceLabels(std::span<const double> positions_px,
                           std::span<const std::string> labels, const TextExtent& extent,
                           const LabelPlacementOptions& options = {});

// `text` cut at a UTF-8 character boundary, trailing spaces dropped, and ended with "…"
// (U+2026) so that its extent
// is at most max_px; returned unchanged when it fits, "…" alone when nothing else fits.
std::string TruncateLabel(std::string_view text, double max_px, const TextExtent& extent);

struct CategoryLabels {
  std::vector<std::string> texts;  // every category's label, truncated to the maximum width
  LabelPlacement placement;
};

// Category labels at band centres: truncated to max_label_px; all of them upright when they
// fit, else all turned when that fits (each names a bar), else placed as PlaceLabels.
CategoryLabels PlaceCategoryLabels(std::span<const double> centres_px,
                                   std::span<const std::string> names, double max_label_px,
                                   const TextExtent& extent,
                                   const LabelPlacementOptions& options = {});

}  // namespace pika
