// The parts every plot scene is built from: axes with ticks and labels, the plot area's frame,
// titles and the badge, category names under their bands. Shared by the scene builders of each
// plot kind (plot_scene.cpp, box_scene.cpp, heatmap_scene.cpp) so that all kinds look alike.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "plot/nice_ticks.h"
#include "plot/plot_scene.h"
#include "plot/scene.h"
#include "plot/theme.h"
#include "plot/tick_labels.h"

namespace pika::scene_parts {

inline constexpr double kTitlePt = 13.0;
inline constexpr double kAxisTitlePt = 10.0;
inline constexpr double kBadgePt = 8.0;
inline constexpr double kRightMarginPx = 20.0;    // right of the plot area (and of its legend)
inline constexpr double kCategoryRoomPx = 120.0;  // a category name longer is cut
inline constexpr double kLineHeightPx = 14.0;     // a 9 pt label's line at 96 DPI, with leading

struct AxisTicks {
  double min = 0, max = 1;
  std::vector<double> values;
  std::vector<std::string> labels;
};

struct Frame {
  double left = 0, top = 0, right = 0, bottom = 0;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
};

AxisTicks FromNumeric(const NumericTicks& ticks);

// The axis over exactly [min, max], keeping the ticks inside.
AxisTicks ClipTo(AxisTicks axis, double min, double max);

// A calendar axis over the finite values of x (microseconds since the epoch).
AxisTicks TimeAxis(std::span<const double> x, int target);

// The plot area inside the spec's size, left of a legend `legend_px` wide.
Frame LayOut(const PlotSpec& spec, const AxisTicks& y_ticks, const TextExtent& text_width,
             double legend_px = 0);

double ToPx(double value, double min, double max, double from, double to);

// Ticks, grid lines and labels (turned when they would overlap) below the plot area.
void AddXAxis(const AxisTicks& ticks, const Frame& frame, const Theme& theme,
              const TextExtent& text_width, Scene& scene);

// Ticks, grid lines and the labels that fit left of the plot area.
void AddYAxis(const AxisTicks& ticks, const Frame& frame, const Theme& theme, Scene& scene);

Status CheckSize(const PlotSpec& spec);

// An empty scene of the spec's size with its axes' domains and plot area set.
PlotScene StartScene(const PlotSpec& spec, const Theme& theme, double x_min, double x_max,
                     const AxisTicks& y_axis, const Frame& frame);

// The axis lines, the titles and the badge, which the title shares the top line with.
void AddFrameAndLabels(const PlotSpec& spec, const Frame& frame, const Theme& theme,
                       const std::string& badge_text, const TextExtent& text_width,
                       PlotScene& plot);

// The centres of `count` equal bands across the plot area.
std::vector<double> BandCentres(size_t count, const Frame& frame);

// The room turned names take below the plot area beyond the one line of labels LayOut keeps.
double TurnedNamesRoom(std::span<const std::string> names, const Frame& frame,
                       const TextExtent& text_width);

// Category names under their bands: truncated, thinned, or turned 45 degrees to fit.
void AddCategoryAxis(std::span<const std::string> names, const Frame& frame, const Theme& theme,
                     const TextExtent& text_width, Scene& scene);

// Category names left of the plot area, one per band from the bottom up (already cut to
// fit); every k-th when the bands are thinner than a line.
void AddCategoryYAxis(std::span<const std::string> names, const Frame& frame, const Theme& theme,
                      Scene& scene);

}  // namespace pika::scene_parts
