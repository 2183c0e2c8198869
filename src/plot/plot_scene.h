// Builds the Scene of a scatter or line plot: axes fitted to the data, ticks that never
// overlap, the data drawn raw or reduced (density, M4) so that millions of rows stay cheap,
// and a badge saying which.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "plot/color_encoding.h"
#include "plot/color_marks.h"
#include "plot/density_pyramid.h"
#include "plot/grid_pool.h"
#include "plot/reduction_method.h"
#include "plot/scene.h"
#include "plot/size_encoding.h"
#include "plot/sorted_x.h"
#include "plot/theme.h"
#include "plot/tick_labels.h"

namespace pika {

// The size of tick labels, in points: renderers measure labels at this size for layout.
inline constexpr double kTickLabelPt = 9.0;

// The part of the data a view shows (pan and zoom), in data units (time: microseconds).
struct DataWindow {
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  friend bool operator==(const DataWindow&, const DataWindow&) = default;
};

struct PlotSpec {
  PlotKind kind = PlotKind::kScatter;
  std::string title, x_title, y_title;
  ThemeKind theme = ThemeKind::kLight;
  double width = 800, height = 500;  // logical pixels
  bool x_is_time = false;            // x holds microseconds since the epoch (UTC)
  // Scatter and line: base 10 axes. Their domains, windows and the scene's x_min... are then
  // in decades (log10 of the values); values <= 0 are left off and counted in the badge.
  bool x_log = false, y_log = false;
  uint64_t raw_point_cap = 250'000;
  // Lines: the order of x when the caller knows it (found when the data was fetched); unset,
  // each frame scans x for it.
  std::optional<XOrder> x_order;
  std::optional<DataWindow> window;  // scatter and line: show this part, not all the data
  // Scatter density: answer from this pyramid at once (approximate counts, said in the badge)
  // instead of binning every row: the coarse first frame of an interactive view.
  const DensityPyramid* pyramid = nullptr;
  // Lines whose points were reduced before they came (M4 pushed down to a remote engine): the
  // rows they stand for, which the badge reports. 0: the points are the rows.
  uint64_t rows_reduced_from = 0;
  // Points reduced before they came: the extent of the rows they stand for (in decades on log
  // axes), which the axes span as they would span those rows. Unset: the points' own extent.
  std::optional<DataWindow> reduced_extent;
  std::string badge_note;  // ends the badge: where the data was reduced (" · on ClickHouse")
};

// What a badge adds when a scatter sized by a column is drawn as a density (sizes are drawn
// on points one by one only).
inline constexpr const char* kNoSizesInDensity = "; no sizes in a density: zoom in to fewer points";

// What a badge adds for the rows a log axis left off (finite values <= 0); empty for none.
std::string LogLeftOffNote(uint64_t rows);

struct PlotScene {
  Scene scene;
  ReductionDescription reduction;
  std::string badge;    // what the plot shows, as the badge in its corner says it
  bool coarse = false;  // drawn from a pyramid level: an exact frame should follow
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;  // the axes' domains
  // Where the data area is, in the scene's pixels: what a view maps pointer positions with.
  double area_left = 0, area_top = 0, area_right = 0, area_bottom = 0;
};

// Equal-width bins whose edges fall on round numbers.
// Equal-width bins, or calendar ones (months, years) whose edges are listed.
struct HistogramBins {
  double first_edge = 0;
  double width = 1;
  std::vector<uint64_t> counts;  // bin i covers [start(i), end(i))
  std::vector<double> edges;     // calendar bins: counts.size() + 1 edges (else empty)
  std::string label;             // dates: the bins' length as read ("1 month"); empty: numbers

  double start(size_t bin) const {
    return edges.empty() ? first_edge + width * static_cast<double>(bin) : edges[bin];
  }
  double end(size_t bin) const { return start(bin + 1); }
  // The first and last bins that [low, high) reaches (the nearest one when it reaches none).
  std::pair<size_t, size_t> Reached(double low, double high) const {
    size_t first = 0, last = counts.empty() ? 0 : counts.size() - 1;
    while (first < last && end(first) <= low) ++first;
    while (last > first && start(last) >= high) --last;
    return {first, last};
  }
  double last_edge() const { return start(counts.size()); }
};

// About `target` bins covering [min, max] (the max inside the last bin), counts zeroed.
HistogramBins NiceBins(double min, double max, int target = 30);

// A histogram of already counted bins (the counting runs where the data is: in the engine).
// With spec.x_is_time the edges are microseconds since the epoch and the axis is a calendar.
Result<PlotScene> BuildHistogramScene(const PlotSpec& spec, const HistogramBins& bins,
                                      const TextExtent& text_width);

// Bars split by a colour column: a bar per category and colour group, stacked (totals that
// add up: counts and sums) or side by side (means, extremes).
struct BarGroups {
  ColorEncoding color;         // the groups' names (and a grey "others"): palette and legend
  std::vector<double> values;  // values[category * groups + group]; NaN where no rows are
  bool stacked = false;
};

// A bar per category and group, with a legend; the bars of a category share its slot.
Result<PlotScene> BuildBarScene(const PlotSpec& spec, std::span<const std::string> categories,
                                const BarGroups& bars, uint64_t rows, const std::string& badge,
                                const TextExtent& text_width);

// One bar per category, in the order given; `values` may be negative. `badge` says what the
// bars are and `rows` how many rows they aggregate (the aggregation ran in the engine).
Result<PlotScene> BuildBarScene(const PlotSpec& spec, std::span<const std::string> categories,
                                std::span<const double> values, uint64_t rows,
                                const std::string& badge, const TextExtent& text_width);

// The first level of a scatter or line plot whose rows are still on their way: how many rows
// fall in each cell of a coarse grid over the data's extent, estimated from a sample.
struct CoarseCounts {
  DataWindow extent;  // x and y from their lowest to their highest finite value (sampled)
  CountGrid counts;   // cell (0, 0) at the lowest x and y; the highest fall in the last cells
  uint64_t rows = 0;  // rows whose x and y are both finite (estimated when sampled)
  double sampled_percent = 100;  // of the rows the counts were taken from
  bool x_is_time = false;        // x holds microseconds since the epoch (the spec's is ignored)
};

// The coarse level drawn with the axes an exact scene of data with the same extent has, a
// block per cell, under a badge that says it is coarse (and sampled). A legend is left for the
// exact scene.
Result<PlotScene> BuildCoarseScene(PlotSpec spec, const CoarseCounts& coarse,
                                   const TextExtent& text_width);

// The grid a scatter density of data spanning `extent` is binned over: the viewport of its
// axes, at the plot area's pixels. Counted elsewhere (pushed down as SQL) over this grid, a
// density draws exactly as one binned here.
struct DensityLayout {
  Viewport viewport;
  GridShape shape;
};
DensityLayout DensityLayoutFor(const PlotSpec& spec, const DataWindow& extent,
                               const TextExtent& text_width);
// The same for a density coloured by `color`: its legend narrows the plot area.
DensityLayout DensityLayoutFor(const PlotSpec& spec, const DataWindow& extent,
                               const ColorEncoding& color, const TextExtent& text_width);

// A scatter of `rows` rows whose density was counted elsewhere over the grid
// DensityLayoutFor(spec, extent) gives.
Result<PlotScene> BuildCountedDensityScene(const PlotSpec& spec, const DataWindow& extent,
                                           const CountGrid& counts, uint64_t rows,
                                           const TextExtent& text_width);

// A scatter coloured by `color` (its names, or its range: the encoding's rows are not read)
// whose cells were counted elsewhere over the grid DensityLayoutFor(spec, extent, color) gives.
Result<PlotScene> BuildCountedDensityScene(const PlotSpec& spec, const DataWindow& extent,
                                           const ColorEncoding& color, const ColoredCells& cells,
                                           uint64_t rows, const TextExtent& text_width);

// `x` and `y` are the rows' values (NaN for NULL). `text_width` measures a label in logical
// pixels at the size labels are drawn (the renderer knows the font).
Result<PlotScene> BuildPlotScene(const PlotSpec& spec, std::span<const double> x,
                                 std::span<const double> y, const TextExtent& text_width,
                                 GridPool& pool);

// The same, coloured by `color` (with a legend right of the plot area). A line plot takes
// categories only: a line per category. A coloured scatter is always binned exactly (the
// pyramid holds counts only), so its views have no coarse frame.
Result<PlotScene> BuildPlotScene(const PlotSpec& spec, std::span<const double> x,
                                 std::span<const double> y, const ColorEncoding& color,
                                 const TextExtent& text_width, GridPool& pool);

// The same, with a scatter's points sized by `size` (and a size legend). Sizes are drawn on
// raw points only: a density or a line says in its badge that it left them out.
Result<PlotScene> BuildPlotScene(const PlotSpec& spec, std::span<const double> x,
                                 std::span<const double> y, const ColorEncoding& color,
                                 const SizeEncoding& size, const TextExtent& text_width,
                                 GridPool& pool);

}  // namespace pika
