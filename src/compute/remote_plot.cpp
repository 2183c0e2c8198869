#include "compute/remote_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "plot/reduction_sql.h"
#include "plot/time_bins.h"
#include "remote/remote_catalog.h"
#include "remote/text_values.h"

namespace pika {

namespace {

SqlDialect DialectOf(RemoteEngine engine) {
  return engine == RemoteEngine::kClickHouse ? SqlDialect::kClickHouse : SqlDialect::kPostgres;
}

bool IsNumber(ColumnType type) {
  return type == ColumnType::kBigint || type == ColumnType::kDouble;
}

// Runs the plot's queries and keeps what a user is told about them.
class RemoteRun {
 public:
  RemoteRun(RemoteClient& client, const CancelToken& cancel, RemotePlot& out)
      : client_(client), cancel_(cancel), out_(out), start_bytes_(client.bytes_received()) {}

  std::string_view engine() const { return EngineName(client_.source().engine); }

  Result<TableBatch> Query(const std::string& sql) {
    out_.queries.push_back(sql);
    auto rows = client_.Query(sql, cancel_);
    out_.bytes_received = client_.bytes_received() - start_bytes_;
    return rows;
  }

 private:
  RemoteClient& client_;
  const CancelToken& cancel_;
  RemotePlot& out_;
  uint64_t start_bytes_;
};

// Dates and times of either engine (ClickHouse's text answers keep them as text).
bool IsTime(const RemoteColumn& column) {
  if (column.type == ColumnType::kDate || column.type == ColumnType::kTimestamp) return true;
  return ClickHouseBaseType(column.engine_type).starts_with("Date");
}

// Microseconds since the epoch, as a time axis places them. ClickHouse's Date counts days and
// its DateTime seconds (both UTC-based, whatever the server's time zone).
std::string TimeValueSql(RemoteEngine engine, const RemoteColumn& column,
                         const std::string& quoted) {
  const std::string_view type = ClickHouseBaseType(column.engine_type);
  if (engine == RemoteEngine::kClickHouse) {
    return type.starts_with("DateTime") ? fmt::format("toFloat64(toUInt32({})) * 1e6", quoted)
                                        : fmt::format("toFloat64(toUInt16({})) * 8.64e10", quoted);
  }
  if (column.type == ColumnType::kDate)
    return fmt::format("CAST({} - DATE '1970-01-01' AS DOUBLE PRECISION) * 8.64e10", quoted);
  return fmt::format("CAST(extract(epoch FROM {}) AS DOUBLE PRECISION) * 1e6", quoted);
}

struct AxisColumn {
  std::string sql;  // a DOUBLE expression of the engine
  bool is_time = false;
};

// The column `name` of the table, or an error that lists the columns it has.
Result<const RemoteColumn*> FindColumn(const std::vector<RemoteColumn>& columns,
                                       const std::string& name, const RemoteSource& source) {
  const auto found = std::find_if(columns.begin(), columns.end(),
                                  [&](const RemoteColumn& column) { return column.name == name; });
  if (found != columns.end()) return &*found;
  std::string names;
  for (const RemoteColumn& column : columns) names += (names.empty() ? "" : ", ") + column.name;
  return NotFound(
      fmt::format("{} has no column '{}'; its columns are {}", RemoteUrl(source), name, names));
}

// `name` as an axis: numbers as doubles, dates and times (when `time_ok`) as microseconds.
// `role` names what refuses anything else in the error ("the size of a point").
Result<AxisColumn> AxisColumnOf(const std::vector<RemoteColumn>& columns, const std::string& name,
                                const RemoteSource& source, bool time_ok,
                                std::string_view role = "this axis of a remote plot") {
  auto column = FindColumn(columns, name, source);
  if (!column.ok()) return column.error();
  const RemoteColumn* found = *column;
  auto quoted = RemoteIdentifier(name);
  if (!quoted.ok()) return quoted.error();
  if (time_ok && IsTime(*found))
    return AxisColumn{TimeValueSql(source.engine, *found, *quoted), true};
  if (!IsNumber(found->type)) {
    return InvalidInput(fmt::format(
        "column '{}' of {} is {}, not a number{}", name, RemoteUrl(source), found->engine_type,
        time_ok ? " or a date" : fmt::format(": {} takes numbers", role)));
  }
  if (source.engine == RemoteEngine::kClickHouse)
    return AxisColumn{fmt::format("toFloat64({})", *quoted)};
  return AxisColumn{fmt::format("CAST({} AS DOUBLE PRECISION)", *quoted)};
}

Status CheckSupported(const PlotDataRequest& request) {
  const std::string& kind = request.kind;
  if (kind != "scatter" && kind != "line" && kind != "histogram" && kind != "bar") {
    return InvalidInput(fmt::format(
        "{} plots of remote tables are not supported yet: use scatter, line, histogram or bar",
        kind));
  }
  if (!request.color.empty()) return InvalidInput("remote plots take no colour yet");
  if (!request.size.empty() && kind != "scatter") {
    return InvalidInput(fmt::format(
        "size is for scatter plots; a {} plot's marks have one size: clear the size column", kind));
  }
  if ((request.x_log || request.y_log) && kind != "scatter" && kind != "line") {
    return InvalidInput(fmt::format(
        "log axes are for scatter and line plots; a {} plot's axes are linear: turn off log",
        kind));
  }
  if (request.x.empty()) return InvalidInput(fmt::format("a {} plot needs an x column", kind));
  if ((kind == "scatter" || kind == "line") && request.y.empty())
    return InvalidInput(fmt::format("a {} plot needs a y column", kind));
  return {};
}

// A log axis's values as the engine computes them: log10, and not finite for values <= 0, so
// that the reductions leave those rows off as they leave off NaN.
std::string Log10Sql(RemoteEngine engine, const std::string& value) {
  // ClickHouse gives -inf or NaN; PostgreSQL's log (base 10) raises an error for them.
  if (engine == RemoteEngine::kClickHouse) return fmt::format("log10({})", value);
  return fmt::format("CASE WHEN {0} > 0 THEN log({0}) END", value);
}

// The rows a log axis leaves off (finite values <= 0), counted on the server, as the badge
// says them; empty when there are none.
Result<std::string> LeftOffNote(RemoteRun& run, SqlDialect dialect, const SqlSource& values,
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

struct Extent {
  uint64_t rows = 0;
  DataWindow window;
};

Result<Extent> FetchExtent(RemoteRun& run, SqlDialect dialect, const SqlSource& source) {
  auto rows = run.Query(ExtentSql(dialect, source));
  if (!rows.ok()) return rows.error();
  Extent extent;
  extent.rows = static_cast<uint64_t>(rows->columns[0].IntAt(0));
  if (extent.rows == 0) return extent;
  extent.window.x_min = rows->columns[1].DoubleAt(0);
  extent.window.x_max = rows->columns[2].DoubleAt(0);
  if (rows->columns.size() == 5) {
    extent.window.y_min = rows->columns[3].DoubleAt(0);
    extent.window.y_max = rows->columns[4].DoubleAt(0);
  }
  return extent;
}

// Number columns of the engine's answer (integers or doubles) as doubles.
std::vector<double> Doubles(const Column& column) {
  std::vector<double> values(column.size(), std::nan(""));
  for (size_t row = 0; row < column.size(); ++row) {
    if (!column.IsValid(row)) continue;
    values[row] = column.type == ColumnType::kDouble ? column.DoubleAt(row)
                                                     : static_cast<double>(column.IntAt(row));
  }
  return values;
}

// The column that sizes a scatter's points, and its value as the engine computes it.
struct PointSize {
  std::string column;
  std::string sql;  // empty: no sizes

  bool present() const { return !sql.empty(); }
};

// A density draws no sizes, and says so as a local one does.
PlotSpec DensitySpec(PlotSpec spec, const PointSize& size) {
  if (size.present()) spec.badge_note = kNoSizesInDensity + spec.badge_note;
  return spec;
}

// The rows themselves: the badge says where they came from, not that they were reduced.
Result<PlotScene> RawPoints(RemoteRun& run, SqlDialect dialect, const SqlSource& source,
                            const PointSize& size, PlotSpec spec, const TextExtent& text_width) {
  spec.badge_note = fmt::format(" · from {}", run.engine());
  auto rows = run.Query(FiniteRowsSql(dialect, source, spec.kind == PlotKind::kLine, size.sql));
  if (!rows.ok()) return rows.error();
  const std::vector<double> sizes =
      size.present() ? Doubles(rows->columns[2]) : std::vector<double>{};
  GridPool pool;
  return BuildPlotScene(spec, Doubles(rows->columns[0]), Doubles(rows->columns[1]), ColorEncoding{},
                        SizeEncoding{size.column, sizes}, text_width, pool);
}

struct CountedCells {
  CountGrid grid;
  uint64_t rows = 0;  // in the viewport: a window (pan, zoom) shows only some rows
};

Result<CountedCells> CountCells(RemoteRun& run, SqlDialect dialect, const SqlSource& source,
                                const DensityLayout& layout) {
  auto sql = DensitySql(dialect, source, layout.viewport, layout.shape);
  if (!sql.ok()) return sql.error();
  auto cells = run.Query(*sql);
  if (!cells.ok()) return cells.error();
  CountedCells counted{{layout.shape, std::vector<uint32_t>(layout.shape.cells(), 0), {}}, 0};
  for (size_t row = 0; row < cells->row_count; ++row) {
    const auto px = static_cast<uint32_t>(cells->columns[0].IntAt(row));
    const auto py = static_cast<uint32_t>(cells->columns[1].IntAt(row));
    if (px >= layout.shape.width || py >= layout.shape.height) continue;
    const int64_t count = cells->columns[2].IntAt(row);
    counted.grid.counts[size_t{py} * layout.shape.width + px] =
        static_cast<uint32_t>(std::min<int64_t>(count, UINT32_MAX));
    counted.rows += static_cast<uint64_t>(count);
  }
  return counted;
}

Result<PlotScene> Density(RemoteRun& run, SqlDialect dialect, const SqlSource& source,
                          const DataWindow& extent, const PlotSpec& spec,
                          const TextExtent& text_width) {
  auto counted = CountCells(run, dialect, source, DensityLayoutFor(spec, extent, text_width));
  if (!counted.ok()) return counted.error();
  return BuildCountedDensityScene(spec, extent, counted->grid, counted->rows, text_width);
}

// A pan or zoom of a scatter: the window is the extent, so the cells are counted at once
// (no scan for the extent first), and when few rows fall inside they are fetched instead.
// `source` is what the axes place (logs on log axes), `values` the rows' values.
Result<PlotScene> WindowedScatter(RemoteRun& run, SqlDialect dialect, const SqlSource& source,
                                  const SqlSource& values, const PointSize& size,
                                  const PlotSpec& spec, const TextExtent& text_width,
                                  uint64_t& rows) {
  const DataWindow& window = *spec.window;
  const DensityLayout layout = DensityLayoutFor(spec, window, text_width);
  auto counted = CountCells(run, dialect, source, layout);
  if (!counted.ok()) return counted.error();
  rows = counted->rows;
  if (counted->rows > spec.raw_point_cap) {
    return BuildCountedDensityScene(DensitySpec(spec, size), window, counted->grid, counted->rows,
                                    text_width);
  }
  const Viewport& view = layout.viewport;
  const SqlSource inside{
      fmt::format("(SELECT * FROM {} WHERE {} >= {} AND {} < {} AND {} >= {} AND {} < {}) AS "
                  "pika_window",
                  source.relation, source.x, DoubleLiteral(dialect, view.x_min), source.x,
                  DoubleLiteral(dialect, view.x_max), source.y, DoubleLiteral(dialect, view.y_min),
                  source.y, DoubleLiteral(dialect, view.y_max)),
      values.x, values.y};
  return RawPoints(run, dialect, inside, size, spec, text_width);
}

Result<PlotScene> M4Line(RemoteRun& run, SqlDialect dialect, const SqlSource& source,
                         const Extent& extent, PlotSpec spec, const TextExtent& text_width) {
  const DensityLayout layout = DensityLayoutFor(spec, extent.window, text_width);
  auto sql =
      M4Sql(dialect, source, layout.viewport.x_min, layout.viewport.x_max, layout.shape.width);
  if (!sql.ok()) return sql.error();
  auto points = run.Query(*sql);
  if (!points.ok()) return points.error();
  spec.rows_reduced_from = extent.rows;
  std::vector<double> x = Doubles(points->columns[1]);
  std::vector<double> y = Doubles(points->columns[2]);
  GridPool pool;
  return BuildPlotScene(spec, spec.x_log ? FromLog10(std::move(x)) : std::move(x),
                        spec.y_log ? FromLog10(std::move(y)) : std::move(y), text_width, pool);
}

Result<PlotScene> Histogram(RemoteRun& run, SqlDialect dialect, const SqlSource& source,
                            const Extent& extent, const PlotSpec& spec,
                            const TextExtent& text_width, HistogramBins& drawn) {
  HistogramBins bins = NiceBins(extent.window.x_min, extent.window.x_max, 40);
  auto sql = HistogramSql(dialect, source, bins.first_edge, bins.last_edge(),
                          static_cast<uint32_t>(bins.counts.size()));
  if (!sql.ok()) return sql.error();
  auto counted = run.Query(*sql);
  if (!counted.ok()) return counted.error();
  FillBins(*counted, bins);
  drawn = bins;
  return BuildHistogramScene(spec, bins, text_width);
}

// Dates and times in calendar bins (weeks from Monday, months from their first day), counted
// on the server with integer arithmetic: the bins a local histogram of the same rows has.
Result<PlotScene> TimeHistogram(RemoteRun& run, SqlDialect dialect, const SqlSource& source,
                                const Extent& extent, const PlotSpec& spec,
                                const TextExtent& text_width, HistogramBins& drawn) {
  const TimeStep& step = TimeStepFor(extent.window.x_max - extent.window.x_min);
  auto counted = run.Query(TimeHistogramSql(dialect, source, step.months, step.micros));
  if (!counted.ok()) return counted.error();
  std::map<int64_t, uint64_t> per_bin;
  for (size_t row = 0; row < counted->row_count; ++row) {
    const int64_t bin = counted->columns[0].IntAt(row);
    const double start = step.months > 0 ? MonthStartMicros(bin)
                                         : kTimeBinOrigin + static_cast<double>(bin) * step.micros;
    per_bin[static_cast<int64_t>(start)] = static_cast<uint64_t>(counted->columns[1].IntAt(row));
  }
  drawn = TimeBins(step, per_bin);
  return BuildHistogramScene(spec, drawn, text_width);
}

Result<PlotScene> Bars(RemoteRun& run, const SqlSource& source, const PlotDataRequest& request,
                       const PlotSpec& spec, const TextExtent& text_width, uint64_t& rows) {
  const std::string agg = BarAggregate(request);
  if (agg != "count" && request.y.empty())
    return InvalidInput(fmt::format("a bar plot of the {} needs a y column to aggregate", agg));
  auto bars = run.Query(GroupedAggregateSql(source, agg == "mean" ? "avg" : agg, kMaxBars));
  if (!bars.ok()) return bars.error();
  auto totals = run.Query(fmt::format("SELECT count(*) AS n, count(DISTINCT {}) AS groups FROM {}",
                                      source.x, source.relation));
  if (!totals.ok()) return totals.error();
  rows = static_cast<uint64_t>(totals->columns[0].IntAt(0));
  const auto groups = static_cast<uint64_t>(totals->columns[1].IntAt(0));
  std::vector<std::string> categories;
  for (size_t row = 0; row < bars->row_count; ++row)
    categories.push_back(bars->columns[0].IsValid(row) ? bars->columns[0].TextAt(row) : "NULL");
  const std::vector<double> values = Doubles(bars->columns[1]);
  const std::string what = agg == "count" ? "rows" : fmt::format("{} of {}", agg, request.y);
  const std::string badge =
      groups > categories.size()
          ? fmt::format("{} by {}: the {} largest of {} categories (exact)", what, request.x,
                        categories.size(), groups)
          : fmt::format("{} by {}: {} categories (exact)", what, request.x, categories.size());
  return BuildBarScene(spec, categories, values, rows, badge, text_width);
}

}  // namespace

Result<RemoteRowsBehind> FetchRemoteRowsBehind(RemoteClient& client, const PlotDataRequest& request,
                                               const DataWindow& region, uint64_t limit,
                                               const CancelToken& cancel) {
  const std::string& kind = request.kind;
  if (kind != "scatter" && kind != "line" && kind != "histogram") {
    return InvalidInput(fmt::format(
        "the rows behind a {} of a remote table cannot be fetched yet: tick \"Keep a local "
        "copy\" on the remote node",
        kind));
  }
  const RemoteSource& remote = client.source();
  const SqlDialect dialect = DialectOf(remote.engine);
  auto columns = DiscoverColumns(client, cancel);
  if (!columns.ok()) return columns.error();
  auto x = AxisColumnOf(*columns, request.x, remote, true);
  if (!x.ok()) return x.error();
  // Half-open, as the plot's pixels and bins are.
  const auto inside = [dialect](const std::string& value, double low, double high) {
    return fmt::format("{0} >= {1} AND {0} < {2}", value, DoubleLiteral(dialect, low),
                       DoubleLiteral(dialect, high));
  };
  std::string predicate = inside(x->sql, region.x_min, region.x_max);
  if (kind == "scatter") {  // a line's pixel column and a histogram's bins are ranges of x
    auto y = AxisColumnOf(*columns, request.y, remote, false);
    if (!y.ok()) return y.error();
    predicate += " AND " + inside(y->sql, region.y_min, region.y_max);
  }
  const std::string table = RemoteTableSql(remote);
  auto counted =
      client.Query(fmt::format("SELECT count(*) AS n FROM {} WHERE {}", table, predicate), cancel);
  if (!counted.ok()) return counted.error();
  auto first = client.Query(
      fmt::format("SELECT * FROM {} WHERE {} LIMIT {}", table, predicate, limit), cancel);
  if (!first.ok()) return first.error();
  return RemoteRowsBehind{{std::move(*first), static_cast<uint64_t>(counted->columns[0].IntAt(0))},
                          predicate};
}

namespace {

// A bar plot's groups: x as text, whatever its type, and y as a number when it is aggregated.
Result<PlotScene> RemoteBars(RemoteRun& run, const std::vector<RemoteColumn>& columns,
                             const RemoteSource& remote, const PlotDataRequest& request,
                             const PlotSpec& spec, const TextExtent& text_width, uint64_t& rows) {
  if (auto column = FindColumn(columns, request.x, remote); !column.ok()) return column.error();
  auto x = RemoteIdentifier(request.x);
  if (!x.ok()) return x.error();
  SqlSource source{RemoteTableSql(remote), "", ""};
  source.x = remote.engine == RemoteEngine::kClickHouse ? fmt::format("toString({})", *x)
                                                        : fmt::format("CAST({} AS TEXT)", *x);
  if (!request.y.empty()) {
    auto y = AxisColumnOf(columns, request.y, remote, false);
    if (!y.ok()) return y.error();
    source.y = y->sql;
  }
  return Bars(run, source, request, spec, text_width, rows);
}

// What a scatter, line or histogram reads on the server.
struct PlotSources {
  // What the axes place, which the reductions run over: on a log axis, the logs (the scene's
  // extent and windows are then in decades, as for local data).
  SqlSource placed;
  // The rows' values: rows fetched as they are stay values, and the scene builder takes their
  // logs and counts those left off.
  SqlSource values;
  PointSize size;
  bool x_is_time = false;
};

Result<PlotSources> SourcesOf(const std::vector<RemoteColumn>& columns, const RemoteSource& remote,
                              const PlotDataRequest& request) {
  PlotSources sources;
  SqlSource& values = sources.values;
  values.relation = RemoteTableSql(remote);
  auto x = AxisColumnOf(columns, request.x, remote, true);
  if (!x.ok()) return x.error();
  values.x = x->sql;
  sources.x_is_time = x->is_time;
  if (x->is_time && request.x_log)
    return InvalidInput("a date or time axis cannot be logarithmic: turn off log x");
  if (request.kind != "histogram") {
    auto y = AxisColumnOf(columns, request.y, remote, false);
    if (!y.ok()) return y.error();
    values.y = y->sql;
  }
  if (!request.size.empty()) {
    auto size = AxisColumnOf(columns, request.size, remote, false, "the size of a point");
    if (!size.ok()) return size.error();
    sources.size = {request.size, size->sql};
  }
  sources.placed = values;
  if (request.x_log) sources.placed.x = Log10Sql(remote.engine, values.x);
  if (request.y_log) sources.placed.y = Log10Sql(remote.engine, values.y);
  return sources;
}

// The whole plot, after its extent: bins, the rows themselves when few, else M4 or a density.
Result<PlotScene> Reduce(RemoteRun& run, SqlDialect dialect, const PlotSources& sources,
                         const Extent& extent, const std::string& kind, PlotSpec spec,
                         const TextExtent& text_width, HistogramBins& bins) {
  const SqlSource& placed = sources.placed;
  if (kind == "histogram") {
    return spec.x_is_time ? TimeHistogram(run, dialect, placed, extent, spec, text_width, bins)
                          : Histogram(run, dialect, placed, extent, spec, text_width, bins);
  }
  if (extent.rows <= spec.raw_point_cap)
    return RawPoints(run, dialect, sources.values, sources.size, spec, text_width);
  // Reduced rows hold no row <= 0 for the scene builder to count: the server counts them.
  if (spec.x_log || spec.y_log) {
    auto note = LeftOffNote(run, dialect, sources.values, spec.x_log, spec.y_log);
    if (!note.ok()) return note.error();
    spec.badge_note = *note + spec.badge_note;
  }
  if (kind == "line") return M4Line(run, dialect, placed, extent, spec, text_width);
  return Density(run, dialect, placed, extent.window, DensitySpec(spec, sources.size), text_width);
}

}  // namespace

Result<RemotePlot> PlotRemote(RemoteClient& client, const PlotDataRequest& request, PlotSpec spec,
                              const TextExtent& text_width, const CancelToken& cancel) {
  PIKA_TRY(CheckSupported(request));
  const RemoteSource& remote = client.source();
  const SqlDialect dialect = DialectOf(remote.engine);
  RemotePlot out;
  RemoteRun run(client, cancel, out);
  auto columns = DiscoverColumns(client, cancel);
  if (!columns.ok()) return columns.error();
  spec.kind = request.kind == "line" ? PlotKind::kLine : PlotKind::kScatter;
  spec.badge_note = fmt::format(" · reduced on {}", EngineName(remote.engine));
  Result<PlotScene> plot = Internal("no plot");
  if (request.kind == "bar") {
    plot = RemoteBars(run, *columns, remote, request, spec, text_width, out.rows);
  } else {
    auto sources = SourcesOf(*columns, remote, request);
    if (!sources.ok()) return sources.error();
    spec.x_is_time = sources->x_is_time;
    spec.x_log = request.x_log;
    spec.y_log = request.y_log;
    if (spec.window && request.kind == "scatter") {
      plot = WindowedScatter(run, dialect, sources->placed, sources->values, sources->size, spec,
                             text_width, out.rows);
    } else {
      auto extent = FetchExtent(run, dialect, sources->placed);
      if (!extent.ok()) return extent.error();
      if (extent->rows == 0) {
        return InvalidInput(
            fmt::format("{} has no rows with finite values in {} to plot{}", RemoteUrl(remote),
                        request.kind == "histogram" ? request.x : request.x + " and " + request.y,
                        spec.x_log || spec.y_log ? " (a log axis takes values > 0)" : ""));
      }
      out.rows = extent->rows;
      plot = Reduce(run, dialect, *sources, *extent, request.kind, spec, text_width, out.bins);
    }
  }
  if (!plot.ok()) return plot.error();
  out.plot = *std::move(plot);
  return out;
}

}  // namespace pika
