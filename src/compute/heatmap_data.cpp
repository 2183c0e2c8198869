#include "compute/heatmap_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "compute/aggregate_sql.h"
#include "compute/plot/engine_heatmap.h"
#include "compute/plot/reduce_in_duckdb.h"
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
  return ReduceInDuckDb(connection, request.relation,
                        [&](PlotQueries& run, const std::vector<EngineColumn>& columns) {
                          return FetchEngineHeatmap(run, columns, request);
                        });
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
