#include "compute/plot_data.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <map>

#include "compute/aggregate_sql.h"
#include "compute/memory_budget.h"
#include "compute/plot/engine_bars.h"
#include "compute/plot/engine_histogram.h"
#include "compute/plot/reduce_in_duckdb.h"
#include "compute/preflight.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// x as DOUBLE, or as microseconds since the epoch when it is a date or time.
Result<std::string> XExpression(Connection& connection, const PlotDataRequest& request,
                                PlotData& data) {
  auto type = ColumnTypeOf(connection, request.relation, request.x);
  if (!type.ok()) return type.error();
  data.x_is_time = *type == ColumnType::kDate || *type == ColumnType::kTimestamp;
  return XValueSql(request, data.x_is_time);
}

void AppendDoubles(const Column& values, std::vector<double>& out) {
  const auto& doubles = std::get<std::vector<double>>(values.values);
  for (size_t row = 0; row < values.size(); ++row)
    out.push_back(values.IsValid(row) ? doubles[row] : std::nan(""));
}

Status FetchColumns(Connection& connection, const PlotDataRequest& request, PlotData& data) {
  if (request.y.empty())
    return InvalidInput(fmt::format("a {} plot needs a y column", request.kind));
  auto x = XExpression(connection, request, data);
  if (!x.ok()) return x.error();
  std::string select = fmt::format("{}, TRY_CAST({} AS DOUBLE)", *x, QuoteIdentifier(request.y));
  if (!request.color.empty()) {
    data.color.column = request.color;
    auto color =
        PlanPlotColor(connection, request.relation,
                      request.kind == "line" ? ColorUse::kLines : ColorUse::kPoints, data.color);
    if (!color.ok()) return color.error();
    select += ", " + *color;
  }
  if (!request.size.empty())
    select += fmt::format(", TRY_CAST({} AS DOUBLE)", QuoteIdentifier(request.size));
  auto result = connection.Query(fmt::format("SELECT {} FROM {}", select, request.relation));
  if (!result.ok()) return result.error();
  const uint64_t limit = request.max_bytes > 0 ? request.max_bytes : DefaultMemoryBudget() / 4;
  const uint64_t row_bytes = (2 + !request.color.empty() + !request.size.empty()) * sizeof(double);
  const size_t size_column = request.color.empty() ? 2 : 3;
  while (true) {
    auto batch = result->NextBatch();
    if (!batch.ok()) return batch.error();
    if (!batch->has_value()) return {};
    if ((data.x.size() + (*batch)->row_count) * row_bytes > limit)
      return TooBigToPlot(request.kind, limit);
    if (!request.color.empty()) AppendPlotColor((*batch)->columns[2], data.color);
    if (!request.size.empty()) AppendDoubles((*batch)->columns[size_column], data.size);
    AppendDoubles((*batch)->columns[0], data.x);
    AppendDoubles((*batch)->columns[1], data.y);
  }
}

// Counted in the engine as a server counts it: only the bins come back.
Status CountHistogram(Connection& connection, const PlotDataRequest& request, PlotData& data) {
  auto histogram = ReduceInDuckDb(connection, request.relation,
                                  [&](PlotQueries& run, const std::vector<EngineColumn>& columns) {
                                    return CountEngineHistogram(run, columns, request.x);
                                  });
  if (!histogram.ok()) return histogram.error();
  data.bins = std::move(histogram->bins);
  data.binned_rows = histogram->rows;
  data.x_is_time = histogram->x_is_time;
  return {};
}

// Aggregated in the engine as a server aggregates them: one row per bar comes back.
Status AggregateBars(Connection& connection, const PlotDataRequest& request, PlotData& data) {
  auto bars = ReduceInDuckDb(connection, request.relation,
                             [&](PlotQueries& run, const std::vector<EngineColumn>& columns) {
                               return AggregateEngineBars(run, columns, request);
                             });
  if (!bars.ok()) return bars.error();
  data.categories = std::move(bars->categories);
  data.bar_values = std::move(bars->values);
  data.binned_rows = bars->rows;
  data.category_count = bars->distinct;
  data.bar_badge = std::move(bars->badge);
  data.color = std::move(bars->color);
  data.bar_group_values = std::move(bars->group_values);
  data.bar_stacked = bars->stacked;
  return {};
}

}  // namespace

void FillBins(const TableBatch& rows, HistogramBins& bins) {
  for (size_t row = 0; row < rows.row_count; ++row) {
    const auto bin = static_cast<size_t>(rows.columns[0].IntAt(row));
    if (bin < bins.counts.size())
      bins.counts[bin] = static_cast<uint64_t>(rows.columns[1].IntAt(row));
  }
}

std::string BarAggregate(const PlotDataRequest& request) {
  if (!request.agg.empty()) return request.agg;
  return request.y.empty() ? "count" : "mean";
}

std::string BarValueSql(const PlotDataRequest& request) {
  return AggregateSql(BarAggregate(request), request.y);
}

std::string XValueSql(const PlotDataRequest& request, bool x_is_time) {
  const std::string x = QuoteIdentifier(request.x);
  return x_is_time ? fmt::format("epoch_us(CAST({} AS TIMESTAMP))::DOUBLE", x)
                   : fmt::format("TRY_CAST({} AS DOUBLE)", x);
}

bool KindTakesColor(const std::string& kind) {
  return kind == "scatter" || kind == "line" || kind == "bar" || kind == "heatmap";
}

bool KindPicksCategories(const PlotDataRequest& request) {
  return request.kind == "bar" || (request.kind == "box" && !request.x.empty());
}

bool KindBrushesRanges(const std::string& kind) {
  return kind == "scatter" || kind == "line" || kind == "histogram";
}

HeatmapRequest HeatmapRequestOf(const PlotDataRequest& request) {
  return {request.relation, request.x, request.y, request.color, request.agg};
}

double AxisToValue(double axis_value, bool log) {
  // An unbounded side stays unbounded: it says nothing of its column.
  return log && std::isfinite(axis_value) ? std::pow(10.0, axis_value) : axis_value;
}

DataWindow AxisToValues(const PlotDataRequest& request, const DataWindow& axis_window) {
  return {
      AxisToValue(axis_window.x_min, request.x_log), AxisToValue(axis_window.x_max, request.x_log),
      AxisToValue(axis_window.y_min, request.y_log), AxisToValue(axis_window.y_max, request.y_log)};
}

std::string PlotYTitle(const PlotDataRequest& request) {
  if (request.kind == "histogram") return "rows";
  if (request.kind != "bar") return request.y;
  const std::string agg = BarAggregate(request);
  return agg == "count" ? "rows" : agg + " of " + request.y;
}

Result<PlotData> FetchPlotData(Connection& connection, const PlotDataRequest& request) {
  // Kind and aggregate end up in SQL as words: only known ones, whatever a file says.
  if (request.kind != "scatter" && request.kind != "line" && request.kind != "histogram" &&
      request.kind != "bar" && request.kind != "box" && request.kind != "heatmap")
    return InvalidInput(
        fmt::format("'{}' is not a plot kind: use scatter, line, histogram, bar, box or heatmap",
                    request.kind));
  const std::string agg = request.agg;
  if (!agg.empty() && agg != "count" && agg != "sum" && agg != "mean" && agg != "min" &&
      agg != "max")
    return InvalidInput(
        fmt::format("'{}' is not an aggregate: use count, sum, mean, min or max", agg));
  // A box plot without x summarises all of y in one box.
  if ((request.x_log || request.y_log) && request.kind != "scatter" && request.kind != "line")
    return InvalidInput(fmt::format(
        "log axes are for scatter and line plots; a {} plot's axes are linear: turn off log",
        request.kind));
  if (!request.size.empty() && request.kind != "scatter")
    return InvalidInput(fmt::format(
        "size is for scatter plots; a {} plot's marks have one size: clear the size column",
        request.kind));
  if (request.x.empty() && request.kind != "box")
    return InvalidInput(fmt::format("a {} plot needs an x column", request.kind));
  if (!request.color.empty() && !KindTakesColor(request.kind))
    return InvalidInput(fmt::format(
        "colour is for scatter, line, bar and heatmap plots; a {} plot is drawn in one colour: "
        "clear the colour column",
        request.kind));
  PlotData data;
  if (request.kind == "box") {
    auto box = SummariseBoxes(connection, request.relation, request.x, request.y);
    if (!box.ok()) return box.error();
    data.box = std::move(*box);
    data.binned_rows = data.box.rows;
    if (!request.x.empty())
      for (const BoxStats& stats : data.box.boxes) data.categories.push_back(stats.name);
    return data;
  }
  if (request.kind == "heatmap") {
    auto heatmap = FetchHeatmap(connection, HeatmapRequestOf(request));
    if (!heatmap.ok()) return heatmap.error();
    data.heatmap = std::move(*heatmap);
    data.binned_rows = data.heatmap.rows;
    return data;
  }
  Status fetched = request.kind == "histogram" ? CountHistogram(connection, request, data)
                   : request.kind == "bar"     ? AggregateBars(connection, request, data)
                                               : FetchColumns(connection, request, data);
  if (!fetched.ok()) return fetched.error();
  if (request.kind == "line") data.x_order = DetectXOrder(data.x);
  return data;
}

Result<PlotScene> BuildScene(const PlotDataRequest& request, const PlotData& data, PlotSpec spec,
                             const TextExtent& text_width, GridPool& pool) {
  spec.kind = request.kind == "line" ? PlotKind::kLine : PlotKind::kScatter;
  spec.x_is_time = data.x_is_time;
  spec.x_order = data.x_order;
  spec.x_log = request.x_log;
  spec.y_log = request.y_log;
  if (request.kind == "histogram") return BuildHistogramScene(spec, data.bins, text_width);
  if (request.kind == "heatmap")
    return BuildHeatmapScene(spec, data.heatmap.cells,
                             HeatmapBadge(data.heatmap, HeatmapRequestOf(request)), text_width);
  if (request.kind == "box")
    return BuildBoxScene(spec, data.box.boxes, BoxBadge(data.box, request.x, request.y),
                         text_width);
  if (request.kind == "bar" && !data.color.names.empty()) {
    return BuildBarScene(spec, data.categories,
                         BarGroups{EncodingOf(data.color), data.bar_group_values, data.bar_stacked},
                         data.binned_rows, data.bar_badge, text_width);
  }
  if (request.kind == "bar") {
    return BuildBarScene(spec, data.categories, data.bar_values, data.binned_rows, data.bar_badge,
                         text_width);
  }
  return BuildPlotScene(spec, data.x, data.y, EncodingOf(data.color),
                        SizeEncoding{request.size, data.size}, text_width, pool);
}

}  // namespace pika
