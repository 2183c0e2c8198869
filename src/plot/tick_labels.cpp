// Tick labels: which tick labels to show (and how) so that no two overlap along the axis.
#include "plot/tick_labels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace pika {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

// The indices every `stride` from the first.
std::vector<size_t> EveryNth(size_t count, size_t stride) {
  std::vector<size_t> shown;
  for (size_t tick_idx = 0; tick_idx < count; tick_idx += stride) shown.push_back(tick_idx);
  return shown;
}

// Whether the shown labels, centred on their ticks, keep the gap between neighbours.
// `fixed_extent` > 0 replaces the text extent (rotated labels).
bool Fits(std::span<const double> positions, std::span<const std::string> labels,
          const std::vector<size_t>& shown, const TextExtent& extent, double fixed_extent,
          double min_gap) {
  double previous_end = -std::numeric_limits<double>::infinity();
  for (const size_t tick_idx : shown) {
    if (labels[tick_idx].empty()) continue;
    const double half = (fixed_extent > 0 ? fixed_extent : extent(labels[tick_idx])) / 2;
    if (positions[tick_idx] - half < previous_end + min_gap) return false;
    previous_end = positions[tick_idx] + half;
  }
  return true;
}

// The next stride in 1, 2, 5, 10, 20, 50...
size_t NextStride(size_t stride) {
  size_t decade = 1;
  while (stride >= 10 * decade) decade *= 10;
  const size_t mantissa = stride / decade;
  return (mantissa == 1 ? 2 : mantissa == 2 ? 5 : 10) * decade;
}

// The smallest stride whose labels fit and show at least `min_shown` of them.
std::optional<LabelPlacement> Thin(std::span<const double> positions,
                                   std::span<const std::string> labels, const TextExtent& extent,
                                   double fixed_extent, double min_gap, size_t min_shown) {
  for (size_t stride = 1;; stride = NextStride(stride)) {
    std::vector<size_t> shown = EveryNth(labels.size(), stride);
    if (shown.size() < min_shown) return std::nullopt;
    if (Fits(positions, labels, shown, extent, fixed_extent, min_gap)) {
      return LabelPlacement{std::move(shown), stride, false};
    }
    if (shown.size() <= 1) return std::nullopt;
  }
}

// Byte offsets where a UTF-8 character starts, after the first one.
std::vector<size_t> CharacterEnds(std::string_view text) {
  std::vector<size_t> ends;
  for (size_t byte = 1; byte <= text.size(); ++byte) {
    if (byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) {
      ends.push_back(byte);
    }
  }
  return ends;
}

}  // namespace

LabelPlacement PlaceLabels(std::span<const double> positions_px,
                           std::span<const std::string> labels, const TextExtent& extent,
                           const LabelPlacementOptions& options) {
  const size_t count = std::min(positions_px.size(), labels.size());
  positions_px = positions_px.first(count);
  labels = labels.first(count);
  if (count == 0) return {};
  const size_t min_shown = options.allow_rotation ? std::min<size_t>(count, 2) : 1;
  if (auto upright = Thin(positions_px, labels, extent, 0, options.min_gap_px, min_shown)) {
    return *std::move(upright);
  }
  // Even two labels collide upright: rotated ones only need a line height (diagonally).
  const double rotated_extent = options.line_height_px * std::sqrt(2.0);
  auto rotated = Thin(positions_px, labels, extent, rotated_extent, options.min_gap_px, 1);
  LabelPlacement placement =
      rotated ? *std::move(rotated) : LabelPlacement{{0}, std::max<size_t>(count, 1), false};
  placement.rotated = true;
  return placement;
}

std::string TruncateLabel(std::string_view text, double max_px, const TextExtent& extent) {
  if (extent(text) <= max_px) return std::string(text);
  const std::vector<size_t> ends = CharacterEnds(text);
  // The longest prefix that fits with the ellipsis; extents grow with the prefix.
  for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
    std::string candidate(text.substr(0, *end));
    // Spaces before the ellipsis would only look like a gap.
    candidate.erase(candidate.find_last_not_of(' ') + 1);
    candidate += kEllipsis;
    if (extent(candidate) <= max_px) return candidate;
  }
  return std::string(kEllipsis);
}

CategoryLabels PlaceCategoryLabels(std::span<const double> centres_px,
                                   std::span<const std::string> names, double max_label_px,
                                   const TextExtent& extent, const LabelPlacementOptions& options) {
  CategoryLabels result;
  result.texts.reserve(names.size());
  for (const std::string& name : names) {
    result.texts.push_back(TruncateLabel(name, max_label_px, extent));
  }
  // Each name is a bar of its own: turning them all beats showing every other one upright.
  const size_t count = std::min(centres_px.size(), result.texts.size());
  const std::vector<size_t> all = EveryNth(count, 1);
  if (options.allow_rotation && count > 1 &&
      !Fits(centres_px, result.texts, all, extent, 0, options.min_gap_px) &&
      Fits(centres_px, result.texts, all, extent, options.line_height_px * std::sqrt(2.0),
           options.min_gap_px)) {
    result.placement = LabelPlacement{all, 1, true};
    return result;
  }
  result.placement = PlaceLabels(centres_px, result.texts, extent, options);
  return result;
}

}  // namespace pika
