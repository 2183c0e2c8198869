#include "compute/heatmap_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "compute/aggregate_sql.h"
#include "compute/plot_color.h"
#include "plot/reduction_method.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// The column as the number an axis places: a DOUBLE, or microseconds since the epoch.
std::string NumberOf(const std::string& column, bool is_time) {
  const std::string quoted = QuoteIdentifier(column);
  return is_time ? fmt::format("epoch_us(CAST({} AS TIMESTAMP))::DOUBLE", quoted)
                 : fmt::format("TRY_CAST({} AS DOUBLE)", quoted);
}

std::string NameOf(const std::string& column) {
  return fmt::format("coalesce(CAST({} AS VARCHAR), 'NULL')", QuoteIdentifier(column));
}

std::string Typed(double value) { return fmt::format("{:.17g}::DOUBLE", value); }

// The cell coordinate of a row along `axis`: its category's name, or its bin's index (the
// bounds typed as DOUBLE: a decimal literal makes the engine slow).
std::string CoordinateSql(const HeatAxis& axis, const std::string& column) {
  if (axis.categorical()) return NameOf(column);
  // Rounding may put a value just under the last edge one bin past the end: it stays in.
  return fmt::format("least(CAST(floor(({} - {}) / {}) AS BIGINT), {})",
                     NumberOf(column, axis.is_time), Typed(axis.bins.first_edge),
                     Typed(axis.bins.width), axis.size() - 1);
}

// The rows `axis` places: those of its categories, or inside its bins.
std::string InsideSql(const HeatAxis& axis, const std::string& column) {
  if (axis.categorical()) {
    std::vector<std::string> literals;
    for (const std::string& name : axis.names) literals.push_back(QuoteLiteral(name));
    return fmt::format("{} IN ({})", NameOf(column), fmt::join(literals, ", "));
  }
  const std::string number = NumberOf(column, axis.is_time);
  return fmt::format("{0} >= {1} AND {0} < {2}", number, Typed(axis.bins.first_edge),
                     Typed(axis.bins.last_edge()));
}

std::string AggregateOf(const HeatmapRequest& request) {
  if (!request.agg.empty()) return request.agg;
  return request.value.empty() ? "count" : "mean";
}

std::string ValueSql(const HeatmapRequest& request) {
  return AggregateSql(AggregateOf(request), request.value);
}

// Text (and anything else without an order): a band for each of the most frequent values,
// by name.
Status PlanNames(Connection& connection, const std::string& relation, const std::string& column,
                 HeatAxis& axis, uint64_t& categories) {
  auto batch = connection.QueryAll(
      fmt::format("SELECT name, count(*) OVER () FROM (SELECT {} AS name FROM {}) "
                  "GROUP BY name ORDER BY count(*) DESC, name LIMIT {}",
                  NameOf(column), relation, kMaxHeatBands));
  if (!batch.ok()) return batch.error();
  for (size_t row = 0; row < batch->row_count; ++row) {
    axis.names.push_back(FormatValue(batch->columns[0], row));
    categories = static_cast<uint64_t>(batch->columns[1].IntAt(row));
  }
  std::sort(axis.names.begin(), axis.names.end());
  if (axis.names.empty()) return InvalidInput("there are no rows to place on the heatmap");
  return {};
}

// Numbers and times: a band per value when there are few (hours, weekdays), in their order;
// else about `target` bins on round edges.
Status PlanNumbers(Connection& connection, const std::string& relation, const std::string& column,
                   int target, HeatAxis& axis, uint64_t& categories) {
  const std::string number = NumberOf(column, axis.is_time);
  auto stats =
      connection.QueryAll(fmt::format("SELECT count(DISTINCT v), min(v), max(v) FROM "
                                      "(SELECT {} AS v FROM {}) WHERE isfinite(v)",
                                      number, relation));
  if (!stats.ok()) return stats.error();
  const auto distinct = static_cast<uint64_t>(stats->columns[0].IntAt(0));
  if (distinct == 0)
    return InvalidInput(
        fmt::format("'{}' has no numbers or dates to place on the heatmap", column));
  if (distinct > kMaxHeatBands) {
    axis.bins = NiceBins(stats->columns[1].DoubleAt(0), stats->columns[2].DoubleAt(0), target);
    return {};
  }
  categories = distinct;
  auto names = connection.QueryAll(
      fmt::format("SELECT name FROM (SELECT CAST({} AS VARCHAR) AS name, {} AS v "
                  "FROM {}) WHERE isfinite(v) GROUP BY name ORDER BY min(v)",
                  QuoteIdentifier(column), number, relation));
  if (!names.ok()) return names.error();
  for (size_t row = 0; row < names->row_count; ++row)
    axis.names.push_back(FormatValue(names->columns[0], row));
  return {};
}

Result<HeatAxis> PlanAxis(Connection& connection, const std::string& relation,
                          const std::string& column, int target, uint64_t& categories) {
  auto type = ColumnTypeOf(connection, relation, column);
  if (!type.ok()) return type.error();
  HeatAxis axis;
  axis.is_time = *type == ColumnType::kDate || *type == ColumnType::kTimestamp;
  if (HasOwnOrder(*type)) {
    PIKA_TRY(PlanNumbers(connection, relation, column, target, axis, categories));
  } else {
    PIKA_TRY(PlanNames(connection, relation, column, axis, categories));
  }
  return axis;
}

// The cell of a result row's coordinate along `axis`, or none when it is not on the grid.
std::optional<size_t> CellIndex(const HeatAxis& axis, const std::map<std::string, size_t>& bands,
                                const Column& column, size_t row) {
  if (!column.IsValid(row)) return std::nullopt;
  if (axis.categorical()) {
    const auto found = bands.find(FormatValue(column, row));
    return found == bands.end() ? std::nullopt : std::optional(found->second);
  }
  const int64_t bin = column.IntAt(row);
  if (bin < 0 || static_cast<size_t>(bin) >= axis.size()) return std::nullopt;
  return static_cast<size_t>(bin);
}

std::map<std::string, size_t> BandsOf(const HeatAxis& axis) {
  std::map<std::string, size_t> bands;
  for (size_t band = 0; band < axis.names.size(); ++band) bands[axis.names[band]] = band;
  return bands;
}

}  // namespace

Result<Heatmap> FetchHeatmap(Connection& connection, const HeatmapRequest& request) {
  if (request.x.empty() || request.y.empty())
    return InvalidInput("a heatmap needs an x and a y column: the grid's two sides");
  const std::string agg = AggregateOf(request);
  if (agg != "count" && request.value.empty())
    return InvalidInput(fmt::format(
        "a heatmap of the {} needs a colour column: the values each cell aggregates", agg));
  Heatmap heatmap;
  HeatmapCells& cells = heatmap.cells;
  auto x = PlanAxis(connection, request.relation, request.x, 40, heatmap.x_categories);
  if (!x.ok()) return x.error();
  auto y = PlanAxis(connection, request.relation, request.y, 30, heatmap.y_categories);
  if (!y.ok()) return y.error();
  cells.x = std::move(*x);
  cells.y = std::move(*y);
  cells.value_title = agg == "count" ? "rows" : fmt::format("{} of {}", agg, request.value);
  auto batch = connection.QueryAll(HeatmapSql(heatmap, request));
  if (!batch.ok()) return batch.error();
  FillHeatmapCells(*batch, heatmap);
  return heatmap;
}

void FillHeatmapCells(const TableBatch& rows, Heatmap& heatmap) {
  HeatmapCells& cells = heatmap.cells;
  const size_t nx = cells.x.size(), ny = cells.y.size();
  cells.values.assign(nx * ny, std::nan(""));
  cells.rows.assign(nx * ny, 0);
  heatmap.rows = 0;
  const auto x_bands = BandsOf(cells.x), y_bands = BandsOf(cells.y);
  const Column& value = rows.columns[3];
  for (size_t row = 0; row < rows.row_count; ++row) {
    const auto column = CellIndex(cells.x, x_bands, rows.columns[0], row);
    const auto line = CellIndex(cells.y, y_bands, rows.columns[1], row);
    if (!column || !line) continue;
    const size_t cell = *line * nx + *column;
    cells.rows[cell] = static_cast<uint64_t>(rows.columns[2].IntAt(row));
    heatmap.rows += cells.rows[cell];
    if (!value.IsValid(row)) continue;
    cells.values[cell] = value.type == ColumnType::kDouble ? value.DoubleAt(row)
                                                           : static_cast<double>(value.IntAt(row));
  }
}

std::string HeatmapSql(const Heatmap& heatmap, const HeatmapRequest& request) {
  const HeatmapCells& cells = heatmap.cells;
  return fmt::format(
      "SELECT {} AS x_cell, {} AS y_cell, count(*) AS n, CAST({} AS DOUBLE) AS value FROM {} "
      "WHERE {} AND {} GROUP BY 1, 2 ORDER BY 1, 2",
      CoordinateSql(cells.x, request.x), CoordinateSql(cells.y, request.y), ValueSql(request),
      request.relation, InsideSql(cells.x, request.x), InsideSql(cells.y, request.y));
}

std::string HeatmapBadge(const Heatmap& heatmap, const HeatmapRequest& request) {
  const HeatmapCells& cells = heatmap.cells;
  std::string badge =
      fmt::format("{} by {} and {}: {} x {} cells of {} rows", cells.value_title, request.x,
                  request.y, cells.x.size(), cells.y.size(), WithThousands(heatmap.rows));
  const auto cut = [&](const HeatAxis& axis, uint64_t categories, const std::string& column) {
    if (axis.categorical() && categories > axis.size())
      badge += fmt::format(", the {} most frequent of {} {}", axis.size(), categories, column);
  };
  cut(cells.x, heatmap.x_categories, request.x);
  cut(cells.y, heatmap.y_categories, request.y);
  return badge + " (exact)";
}

}  // namespace pika
