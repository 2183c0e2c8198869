// Fetches what a plot needs from the engine: the x/y columns of a scatter or line, or, for
// the aggregating kinds, only the aggregate (histogram bins, one value per bar category)
// computed where the data is. Shared by `pika plot` and the app's Plot nodes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compute/box_stats.h"
#include "compute/heatmap_data.h"
#include "compute/plot_color.h"
#include "core/result.h"
#include "plot/plot_scene.h"
#include "storage/connection.h"

namespace pika {

struct PlotDataRequest {
  std::string relation;          // what to plot from: a quoted table name or "(SELECT ...)"
  std::string kind = "scatter";  // scatter, line, histogram, bar, box, heatmap
  std::string x, y;
  std::string agg;  // bar: count, sum, mean, min, max (empty: count without y, mean with it)
  // Scatter, line, bar: the column that colours the marks (empty: none); heatmap: the column
  // whose aggregate colours the cells (empty: they count rows).
  std::string color;
  // Scatter, line: the most bytes of rows to hold (0: a quarter of the memory budget); past
  // it the fetch stops with a message that says what to plot instead.
  uint64_t max_bytes = 0;
  bool x_log = false, y_log = false;  // scatter, line: base 10 axes
  std::string size;                   // scatter: the number column that sizes the points
};

struct PlotData {
  std::vector<double> x, y;             // scatter, line: NaN for NULL
  std::vector<double> size;             // scatter with a size column: NaN for NULL
  HistogramBins bins;                   // histogram: counted in the engine, x and y stay empty
  uint64_t binned_rows = 0;             // histogram and bar: the rows the aggregate covers
  std::vector<std::string> categories;  // bar: aggregated in the engine; box: the groups
  std::vector<double> bar_values;
  uint64_t category_count = 0;  // bar: categories before keeping the largest
  std::string bar_badge;
  // Bar, coloured: values[category * groups + group] for the groups in color.names (NaN where a
  // category has no rows of a group), stacked when they add up (count, sum).
  std::vector<double> bar_group_values;
  bool bar_stacked = false;
  BoxSummary box;          // box: per group of x, computed in the engine
  Heatmap heatmap;         // heatmap: the cells, counted or aggregated in the engine
  bool x_is_time = false;  // x holds microseconds since the epoch
  // Lines: x's order, found once when fetched, so that frames do not scan x again for it.
  std::optional<XOrder> x_order;
  PlotColor color;  // scatter, line: a code or value per row; bar: the groups (request.color)
};

inline constexpr size_t kMaxBars = 50;

// Sets the counts of `bins` from HistogramSql's rows (bin, n), in any engine's answer.
void FillBins(const TableBatch& rows, HistogramBins& bins);

// "count" without y, "mean" with it, unless `agg` says.
std::string BarAggregate(const PlotDataRequest& request);

// The aggregate of a bar as SQL: "count(*)", "avg(TRY_CAST("y" AS DOUBLE))"...
std::string BarValueSql(const PlotDataRequest& request);

// x as the plot places it: a DOUBLE, or microseconds since the epoch for dates and times.
std::string XValueSql(const PlotDataRequest& request, bool x_is_time);

// Scatter, line, bar plots and heatmaps take a colour column; histograms and boxes draw in
// one colour.
bool KindTakesColor(const std::string& kind);

// Bars, and boxes by group: a click picks a category, whose rows the plot passes on.
bool KindPicksCategories(const PlotDataRequest& request);

// Scatter, line and histogram: a drag brushes a range of x (and of y, on a scatter).
bool KindBrushesRanges(const std::string& kind);

// A heatmap's request: its value column is the plot's colour column.
HeatmapRequest HeatmapRequestOf(const PlotDataRequest& request);

// A value on a plot's axis as the data holds it: log axes are laid out in decades (log10).
double AxisToValue(double axis_value, bool log);
DataWindow AxisToValues(const PlotDataRequest& request, const DataWindow& axis_window);

// The y axis title the plot of `request` gets.
std::string PlotYTitle(const PlotDataRequest& request);

Result<PlotData> FetchPlotData(Connection& connection, const PlotDataRequest& request);

// The scene of fetched data, laid out for `spec` (whose kind and x_is_time it sets).
Result<PlotScene> BuildScene(const PlotDataRequest& request, const PlotData& data, PlotSpec spec,
                             const TextExtent& text_width, GridPool& pool);

}  // namespace pika
