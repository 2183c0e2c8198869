// Builds the Scene of a scatter or line plot: axes fitted to the data, ticks that never
// overlap, the data drawn raw or reduced (density, M4) so that millions of rows stay cheap,
// and a badge saying which.
#pragma once

#include <span>
#include <string>

#include "core/result.h"
#include "plot/grid_pool.h"
#include "plot/reduction_method.h"
#include "plot/scene.h"
#include "plot/theme.h"
#include "plot/tick_labels.h"

namespace pika {

// The size of tick labels, in points: renderers measure labels at this size for layout.
inline constexpr double kTickLabelPt = 9.0;

struct PlotSpec {
  PlotKind kind = PlotKind::kScatter;
  std::string title, x_title, y_title;
  ThemeKind theme = ThemeKind::kLight;
  double width = 800, height = 500;  // logical pixels
  bool x_is_time = false;            // x holds microseconds since the epoch (UTC)
  uint64_t raw_point_cap = 250'000;
};

struct PlotScene {
  Scene scene;
  ReductionDescription reduction;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;  // the axes' domains
};

// `x` and `y` are the rows' values (NaN for NULL). `text_width` measures a label in logical
// pixels at the size labels are drawn (the renderer knows the font).
Result<PlotScene> BuildPlotScene(const PlotSpec& spec, std::span<const double> x,
                                 std::span<const double> y, const TextExtent& text_width,
                                 GridPool& pool);

}  // namespace pika
