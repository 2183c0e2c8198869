#include "compute/plot/engine_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>

#include "compute/plot/axis_columns.h"
#include "compute/plot/engine_bars.h"
#include "compute/plot/engine_boxes.h"
#include "compute/plot/engine_color.h"
#include "compute/plot/engine_heatmap.h"
#include "compute/plot/engine_histogram.h"
#include "compute/plot/extent.h"
#include "compute/plot/plot_queries.h"
#include "plot/reduction_sql.h"

namespace pika {

namespace {

Status CheckSupported(const PlotDataRequest& request) {
  const std::string& kind = request.kind;
  if (kind != "scatter" && kind != "line" && kind != "histogram" && kind != "bar" &&
      kind != "box" && kind != "heatmap") {
    return InvalidInput(fmt::format(
        "'{}' is not a plot kind: use scatter, line, histogram, bar, box or heatmap", kind));
  }
  if (!request.color.empty() && !KindTakesColor(kind)) {
    return InvalidInput(fmt::format(
        "colour is for scatter, line, bar and heatmap plots; a {} plot is drawn in one colour: "
        "clear the colour column",
        kind));
  }
  if (!request.size.empty() && kind != "scatter") {
    return InvalidInput(fmt::format(
        "size is for scatter plots; a {} plot's marks have one size: clear the size column", kind));
  }
  if ((request.x_log || request.y_log) && kind != "scatter" && kind != "line") {
    return InvalidInput(fmt::format(
        "log axes are for scatter and line plots; a {} plot's axes are linear: turn off log",
        kind));
  }
  if (request.x.empty() && kind != "box")  // a box plot without x summarises all of y
    return InvalidInput(fmt::format("a {} plot needs an x column", kind));
  if ((kind == "scatter" || kind == "line") && request.y.empty())
    return InvalidInput(fmt::format("a {} plot needs a y column", kind));
  return {};
}

// A log axis's values as the engine computes them: log10, and not finite for values <= 0, so
// that the reductions leave those rows off as they leave off NaN.
std::string Log10Sql(SqlDialect dialect, const std::string& value) {
  // ClickHouse gives -inf or NaN; PostgreSQL's log (base 10) raises an error for them.
  if (dialect == SqlDialect::kClickHouse) return fmt::format("log10({})", value);
  return fmt::format("CASE WHEN {0} > 0 THEN log({0}) END", value);
}

// The rows a log axis leaves off (finite values <= 0), counted on the server, as the badge
// says them; empty when there are none.
Result<std::string> LeftOffNote(PlotQueries& run, SqlDialect dialect, const SqlSource& values,
                                bool x_log, bool y_log) {
  const std::string at_most_zero = x_log && y_log ? "pika_x <= 0 OR pika_y <= 0"
                                   : x_log        ? "pika_x <= 0"
                                                  : "pika_y <= 0";
  auto counted = run.Query(fmt::format("SELECT count(*) AS n FROM ({}) AS v WHERE {}",
                                       FiniteRowsSql(dialect, values, false), at_most_zero));
  if (!counted.ok()) return counted.error();
  return LogLeftOffNote(static_cast<uint64_t>(counted->columns[0].IntAt(0)));
}

// Values back from their logs: the scene builder takes values and places them on log axes.
std::vector<double> FromLog10(std::vector<double> logs) {
  for (double& value : logs) value = std::pow(10.0, value);
  return logs;
}

// The column that sizes a scatter's points, and its value as the engine computes it.
struct PointSize {
  std::string column;
  std::string sql;  // empty: no sizes

  bool present() const { return !sql.empty(); }
};

// What a row's mark carries besides its place.
struct Channels {
  PointSize size;
  EngineColor color;
};

// A density draws no sizes, and says so as a local one does.
PlotSpec DensitySpec(PlotSpec spec, const PointSize& size) {
  if (size.present()) spec.badge_note = kNoSizesInDensity + spec.badge_note;
  return spec;
}

// The rows themselves: the badge says where they came from, not that they were reduced.
Result<PlotScene> RawPoints(PlotQueries& run, SqlDialect dialect, const SqlSource& source,
                            const Channels& channels, PlotSpec spec, const TextExtent& text_width) {
  spec.badge_note = fmt::format(" · from {}", run.engine().name());
  std::vector<std::string> also;
  if (channels.color.present()) also.push_back(channels.color.sql);
  if (channels.size.present()) also.push_back(channels.size.sql);
  auto rows = run.Query(FiniteRowsSql(dialect, source, spec.kind == PlotKind::kLine, also));
  if (!rows.ok()) return rows.error();
  PlotColor color = channels.color.color;  // the plan, which the rows' codes or values join
  size_t column = 2;
  if (channels.color.present()) AppendPlotColor(rows->columns[column++], color);
  const std::vector<double> sizes =
      channels.size.present() ? Doubles(rows->columns[column]) : std::vector<double>{};
  GridPool pool;
  return BuildPlotScene(spec, Doubles(rows->columns[0]), Doubles(rows->columns[1]),
                        EncodingOf(color), SizeEncoding{channels.size.column, sizes}, text_width,
                        pool);
}

// A density's cells as the server counted them: plain counts, or coloured cells.
struct CountedCells {
  CountGrid grid;
  ColoredCells colored;
  uint64_t rows = 0;  // in the viewport: a window (pan, zoom) shows only some rows
};

// The cell of a row of the server's answer (px, py first), or nothing for one off the grid.
std::optional<size_t> CellOf(const TableBatch& cells, size_t row, GridShape shape) {
  const auto px = static_cast<uint64_t>(cells.columns[0].IntAt(row));
  const auto py = static_cast<uint64_t>(cells.columns[1].IntAt(row));
  if (px >= shape.width || py >= shape.height) return std::nullopt;
  return static_cast<size_t>(py * shape.width + px);
}

uint32_t Count32(int64_t count) {
  return static_cast<uint32_t>(std::min<int64_t>(count, UINT32_MAX));
}

Result<CountedCells> CountPlainCells(PlotQueries& run, SqlDialect dialect, const SqlSource& source,
                                     const DensityLayout& layout) {
  auto sql = DensitySql(dialect, source, layout.viewport, layout.shape);
  if (!sql.ok()) return sql.error();
  auto cells = run.Query(*sql);
  if (!cells.ok()) return cells.error();
  CountedCells counted;
  counted.grid = {layout.shape, std::vector<uint32_t>(layout.shape.cells(), 0), {}};
  for (size_t row = 0; row < cells->row_count; ++row) {
    const std::optional<size_t> cell = CellOf(*cells, row, layout.shape);
    if (!cell) continue;
    const int64_t count = cells->columns[2].IntAt(row);
    counted.grid.counts[*cell] = Count32(count);
    counted.rows += static_cast<uint64_t>(count);
  }
  return counted;
}

// Rows per cell and category (codes past the names are rows no category draws).
Result<CountedCells> CountCategoryCells(PlotQueries& run, SqlDialect dialect,
                                        const SqlSource& source, const EngineColor& color,
                                        const DensityLayout& layout) {
  auto sql = CategoryDensitySql(dialect, source, color.sql, layout.viewport, layout.shape);
  if (!sql.ok()) return sql.error();
  auto cells = run.Query(*sql);
  if (!cells.ok()) return cells.error();
  const auto categories = static_cast<uint32_t>(color.color.names.size());
  CountedCells counted;
  CategoryGrid& grid = counted.colored.categories;
  grid = {
      layout.shape, categories, std::vector<uint32_t>(layout.shape.cells() * categories, 0), {}};
  for (size_t row = 0; row < cells->row_count; ++row) {
    const std::optional<size_t> cell = CellOf(*cells, row, layout.shape);
    const auto code = static_cast<uint64_t>(cells->columns[2].IntAt(row));
    if (!cell || code >= categories) continue;
    const int64_t count = cells->columns[3].IntAt(row);
    grid.counts[*cell * categories + code] = Count32(count);
    counted.rows += static_cast<uint64_t>(count);
  }
  return counted;
}

// Per cell, its rows, and the count and sum of their finite colour values (their mean colours
// the pixel).
Result<CountedCells> CountMeanCells(PlotQueries& run, SqlDialect dialect, const SqlSource& source,
                                    const EngineColor& color, const DensityLayout& layout) {
  auto sql = MeanDensitySql(dialect, source, color.sql, layout.viewport, layout.shape);
  if (!sql.ok()) return sql.error();
  auto cells = run.Query(*sql);
  if (!cells.ok()) return cells.error();
  CountedCells counted;
  ValueGrid& grid = counted.colored.values;
  grid.shape = layout.shape;
  grid.counts.assign(layout.shape.cells(), 0);
  grid.sums.assign(layout.shape.cells(), 0);
  const std::vector<double> totals = Doubles(cells->columns[4]);
  for (size_t row = 0; row < cells->row_count; ++row) {
    const std::optional<size_t> cell = CellOf(*cells, row, layout.shape);
    if (!cell) continue;
    counted.rows += static_cast<uint64_t>(cells->columns[2].IntAt(row));
    grid.counts[*cell] = Count32(cells->columns[3].IntAt(row));
    grid.sums[*cell] = std::isnan(totals[row]) ? 0 : totals[row];  // NULL: no finite values
  }
  return counted;
}

Result<CountedCells> CountCells(PlotQueries& run, SqlDialect dialect, const SqlSource& source,
                                const EngineColor& color, const DensityLayout& layout) {
  if (!color.present()) return CountPlainCells(run, dialect, source, layout);
  if (color.categorical()) return CountCategoryCells(run, dialect, source, color, layout);
  return CountMeanCells(run, dialect, source, color, layout);
}

// The colour's names or scale, for a legend over cells counted on the server.
ColorEncoding LegendOf(const EngineColor& color) {
  ColorEncoding encoding = EncodingOf(color.color);
  encoding.scale_only = color.present() && !color.categorical();
  return encoding;
}

// The density over `extent` (the grid DensityLayoutFor gave the cells), with the colour's
// legend when it has one.
Result<PlotScene> DrawCells(const CountedCells& counted, const DataWindow& extent,
                            const Channels& channels, const PlotSpec& spec,
                            const TextExtent& text_width) {
  const PlotSpec density = DensitySpec(spec, channels.size);
  if (!channels.color.present())
    return BuildCountedDensityScene(density, extent, counted.grid, counted.rows, text_width);
  return BuildCountedDensityScene(density, extent, LegendOf(channels.color), counted.colored,
                                  counted.rows, text_width);
}

// The grid of a density over `extent`: a colour legend narrows it.
DensityLayout LayoutFor(const PlotSpec& spec, const DataWindow& extent, const EngineColor& color,
                        const TextExtent& text_width) {
  return DensityLayoutFor(spec, extent, LegendOf(color), text_width);
}

Result<PlotScene> Density(PlotQueries& run, SqlDialect dialect, const SqlSource& source,
                          const DataWindow& extent, const Channels& channels, const PlotSpec& spec,
                          const TextExtent& text_width) {
  auto counted = CountCells(run, dialect, source, channels.color,
                            LayoutFor(spec, extent, channels.color, text_width));
  if (!counted.ok()) return counted.error();
  return DrawCells(*counted, extent, channels, spec, text_width);
}

// A pan or zoom of a scatter: the window is the extent, so the cells are counted at once
// (no scan for the extent first), and when few rows fall inside they are fetched instead.
// `source` is what the axes place (logs on log axes), `values` the rows' values.
Result<PlotScene> WindowedScatter(PlotQueries& run, SqlDialect dialect, const SqlSource& source,
                                  const SqlSource& values, const Channels& channels,
                                  const PlotSpec& spec, const TextExtent& text_width,
                                  uint64_t& rows) {
  const DataWindow& window = *spec.window;
  const DensityLayout layout = LayoutFor(spec, window, channels.color, text_width);
  auto counted = CountCells(run, dialect, source, channels.color, layout);
  if (!counted.ok()) return counted.error();
  rows = counted->rows;
  if (counted->rows > spec.raw_point_cap)
    return DrawCells(*counted, window, channels, spec, text_width);
  const Viewport& view = layout.viewport;
  const SqlSource inside{
      fmt::format("(SELECT * FROM {} WHERE {} >= {} AND {} < {} AND {} >= {} AND {} < {}) AS "
                  "pika_window",
                  source.relation, source.x, DoubleLiteral(dialect, view.x_min), source.x,
                  DoubleLiteral(dialect, view.x_max), source.y, DoubleLiteral(dialect, view.y_min),
                  source.y, DoubleLiteral(dialect, view.y_max)),
      values.x, values.y};
  return RawPoints(run, dialect, inside, channels, spec, text_width);
}

// A line per pixel column's extremes (M4); with a colour, per category, one line each.
Result<PlotScene> M4Line(PlotQueries& run, SqlDialect dialect, const SqlSource& source,
                         const Extent& extent, const EngineColor& color, PlotSpec spec,
                         const TextExtent& text_width) {
  const DensityLayout layout = LayoutFor(spec, extent.window, color, text_width);
  const Viewport& view = layout.viewport;
  const auto lines = static_cast<uint32_t>(color.color.names.size());
  auto sql = color.present() ? CategoryM4Sql(dialect, source, color.sql, lines, view.x_min,
                                             view.x_max, layout.shape.width)
                             : M4Sql(dialect, source, view.x_min, view.x_max, layout.shape.width);
  if (!sql.ok()) return sql.error();
  auto points = run.Query(*sql);
  if (!points.ok()) return points.error();
  spec.rows_reduced_from = extent.rows;
  spec.reduced_extent = extent.window;           // rows whose y is not finite widen x, as here
  const size_t first = color.present() ? 1 : 0;  // code, px, x, y or px, x, y
  std::vector<double> x = Doubles(points->columns[first + 1]);
  std::vector<double> y = Doubles(points->columns[first + 2]);
  PlotColor coded = color.color;
  if (color.present()) AppendPlotColor(points->columns[0], coded);
  GridPool pool;
  return BuildPlotScene(spec, spec.x_log ? FromLog10(std::move(x)) : std::move(x),
                        spec.y_log ? FromLog10(std::move(y)) : std::move(y), EncodingOf(coded),
                        text_width, pool);
}

}  // namespace

namespace {

// The rows of the engine's relation where `predicate` holds: counted, and the first `limit`.
Result<EngineRowsBehind> RowsWhere(SqlEngine& engine, const std::string& predicate, uint64_t limit,
                                   const CancelToken& cancel) {
  const std::string& table = engine.relation();
  auto counted =
      engine.Query(fmt::format("SELECT count(*) AS n FROM {} WHERE {}", table, predicate), cancel);
  if (!counted.ok()) return counted.error();
  auto first = engine.Query(
      fmt::format("SELECT * FROM {} WHERE {} LIMIT {}", table, predicate, limit), cancel);
  if (!first.ok()) return first.error();
  return EngineRowsBehind{{std::move(*first), static_cast<uint64_t>(counted->columns[0].IntAt(0))},
                          predicate};
}

}  // namespace

Result<EngineRowsBehind> FetchRowsBehindInEngine(SqlEngine& engine, const PlotDataRequest& request,
                                                 const DataWindow& region, uint64_t limit,
                                                 const CancelToken& cancel) {
  const std::string& kind = request.kind;
  if (kind != "scatter" && kind != "line" && kind != "histogram") {
    return InvalidInput(fmt::format(
        "the rows behind a {} plot of a remote table are those of a group: right-click a bar or "
        "a box{}",
        kind,
        kind == "heatmap" ? " (a heatmap's cells cannot be drilled into yet: tick \"Keep a "
                            "local copy\" on the remote node)"
                          : ""));
  }
  const SqlDialect dialect = engine.dialect();
  auto columns = engine.Columns(cancel);
  if (!columns.ok()) return columns.error();
  auto x = AxisColumnOf(*columns, request.x, engine, true);
  if (!x.ok()) return x.error();
  // Half-open, as the plot's pixels and bins are.
  const auto inside = [dialect](const std::string& value, double low, double high) {
    return fmt::format("{0} >= {1} AND {0} < {2}", value, DoubleLiteral(dialect, low),
                       DoubleLiteral(dialect, high));
  };
  std::string predicate = inside(x->sql, region.x_min, region.x_max);
  if (kind == "scatter") {  // a line's pixel column and a histogram's bins are ranges of x
    auto y = AxisColumnOf(*columns, request.y, engine, false);
    if (!y.ok()) return y.error();
    predicate += " AND " + inside(y->sql, region.y_min, region.y_max);
  }
  return RowsWhere(engine, predicate, limit, cancel);
}

Result<EngineRowsBehind> FetchRowsOfGroupInEngine(SqlEngine& engine, const PlotDataRequest& request,
                                                  const std::string& group, uint64_t limit,
                                                  const CancelToken& cancel) {
  if (!KindPicksCategories(request)) {
    return InvalidInput(fmt::format(
        "a {} plot has no bars or boxes to take the rows of: right-click on a point, pixel or bin",
        request.kind));
  }
  auto columns = engine.Columns(cancel);
  if (!columns.ok()) return columns.error();
  if (auto column = FindColumn(*columns, request.x, engine); !column.ok()) return column.error();
  auto x = engine.Identifier(request.x);
  if (!x.ok()) return x.error();
  // The text the groups were named by, as the plot grouped them.
  const std::string predicate =
      fmt::format("{} = {}", CategoryTextSql(engine.dialect(), *x), engine.Literal(group));
  return RowsWhere(engine, predicate, limit, cancel);
}

namespace {

// What a scatter, line or histogram reads on the server.
struct PlotSources {
  // What the axes place, which the reductions run over: on a log axis, the logs (the scene's
  // extent and windows are then in decades, as for local data).
  SqlSource placed;
  // The rows' values: rows fetched as they are stay values, and the scene builder takes their
  // logs and counts those left off.
  SqlSource values;
  Channels channels;
  bool x_is_time = false;
};

Result<PlotSources> SourcesOf(const std::vector<EngineColumn>& columns, const SqlEngine& engine,
                              const PlotDataRequest& request) {
  PlotSources sources;
  SqlSource& values = sources.values;
  values.relation = engine.relation();
  auto x = AxisColumnOf(columns, request.x, engine, true);
  if (!x.ok()) return x.error();
  values.x = x->sql;
  sources.x_is_time = x->is_time;
  if (x->is_time && request.x_log)
    return InvalidInput("a date or time axis cannot be logarithmic: turn off log x");
  auto y = AxisColumnOf(columns, request.y, engine, false);
  if (!y.ok()) return y.error();
  values.y = y->sql;
  if (!request.size.empty()) {
    auto size = AxisColumnOf(columns, request.size, engine, false, "the size of a point");
    if (!size.ok()) return size.error();
    sources.channels.size = {request.size, size->sql};
  }
  sources.placed = values;
  if (request.x_log) sources.placed.x = Log10Sql(engine.dialect(), values.x);
  if (request.y_log) sources.placed.y = Log10Sql(engine.dialect(), values.y);
  return sources;
}

// A scatter or line after its extent: the rows themselves when few, else M4 or a density.
Result<PlotScene> Reduce(PlotQueries& run, SqlDialect dialect, const PlotSources& sources,
                         const Extent& extent, const std::string& kind, PlotSpec spec,
                         const TextExtent& text_width) {
  const SqlSource& placed = sources.placed;
  if (extent.rows <= spec.raw_point_cap)
    return RawPoints(run, dialect, sources.values, sources.channels, spec, text_width);
  // Reduced rows hold no row <= 0 for the scene builder to count: the server counts them.
  if (spec.x_log || spec.y_log) {
    auto note = LeftOffNote(run, dialect, sources.values, spec.x_log, spec.y_log);
    if (!note.ok()) return note.error();
    spec.badge_note = *note + spec.badge_note;
  }
  if (kind == "line")
    return M4Line(run, dialect, placed, extent, sources.channels.color, spec, text_width);
  return Density(run, dialect, placed, extent.window, sources.channels, spec, text_width);
}

}  // namespace

Result<EnginePlot> PlotInEngine(SqlEngine& engine, const PlotDataRequest& request, PlotSpec spec,
                                const TextExtent& text_width, const CancelToken& cancel) {
  PIKA_TRY(CheckSupported(request));
  const SqlDialect dialect = engine.dialect();
  EnginePlot out;
  PlotQueries run(engine, cancel, out.queries, out.bytes_received);
  auto columns = engine.Columns(cancel);
  if (!columns.ok()) return columns.error();
  spec.kind = request.kind == "line" ? PlotKind::kLine : PlotKind::kScatter;
  spec.badge_note = engine.in_process() != nullptr ? fmt::format(" · reduced in {}", engine.name())
                                                   : fmt::format(" · reduced on {}", engine.name());
  Result<PlotScene> plot = Internal("no plot");
  if (request.kind == "bar") {
    auto bars = AggregateEngineBars(run, *columns, request);
    if (!bars.ok()) return bars.error();
    out.rows = bars->rows;
    out.groups = bars->categories;
    out.color = bars->color;
    plot = BuildEngineBarScene(*bars, spec, text_width);
  } else if (request.kind == "heatmap") {
    const HeatmapRequest cells{"", request.x, request.y, request.color, request.agg};
    auto heatmap = FetchEngineHeatmap(run, *columns, cells);
    if (!heatmap.ok()) return heatmap.error();
    out.rows = heatmap->rows;
    plot = BuildHeatmapScene(spec, heatmap->cells, HeatmapBadge(*heatmap, cells), text_width);
  } else if (request.kind == "histogram") {
    auto histogram = CountEngineHistogram(run, *columns, request.x);
    if (!histogram.ok()) return histogram.error();
    out.rows = histogram->rows;
    out.bins = histogram->bins;
    out.x_is_time = histogram->x_is_time;
    spec.x_is_time = histogram->x_is_time;
    plot = BuildHistogramScene(spec, histogram->bins, text_width);
  } else if (request.kind == "box") {
    auto summary = SummariseEngineBoxes(run, *columns, request.x, request.y);
    if (!summary.ok()) return summary.error();
    out.rows = summary->rows;
    for (const BoxStats& box : summary->boxes) out.groups.push_back(box.name);
    plot =
        BuildBoxScene(spec, summary->boxes, BoxBadge(*summary, request.x, request.y), text_width);
  } else {
    auto sources = SourcesOf(*columns, engine, request);
    if (!sources.ok()) return sources.error();
    // Planned on every frame: a cached client answers a pan's plan from its first frame's.
    auto color = PlanEngineColor(run, *columns, request.color,
                                 request.kind == "line" ? ColorUse::kLines : ColorUse::kPoints);
    if (!color.ok()) return color.error();
    out.color = color->color;
    sources->channels.color = *std::move(color);
    spec.x_is_time = sources->x_is_time;
    out.x_is_time = sources->x_is_time;
    spec.x_log = request.x_log;
    spec.y_log = request.y_log;
    if (spec.window && request.kind == "scatter") {
      plot = WindowedScatter(run, dialect, sources->placed, sources->values, sources->channels,
                             spec, text_width, out.rows);
    } else {
      auto extent = FetchExtent(run, sources->placed);
      if (!extent.ok()) return extent.error();
      if (extent->rows == 0) {
        return InvalidInput(fmt::format(
            "{} has no rows with finite values in {} and {} to plot{}", engine.label(), request.x,
            request.y, spec.x_log || spec.y_log ? " (a log axis takes values > 0)" : ""));
      }
      out.rows = extent->rows;
      plot = Reduce(run, dialect, *sources, *extent, request.kind, spec, text_width);
    }
  }
  if (!plot.ok()) return plot.error();
  out.plot = *std::move(plot);
  return out;
}

}  // namespace pika
