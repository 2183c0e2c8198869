#include "compute/coarse_plot.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "compute/plot_color.h"
#include "compute/preflight.h"
#include "plot/reduction_sql.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// A column whose values are all equal still needs an axis of some width.
void Widen(double& low, double& high) {
  if (high > low) return;
  const double pad = std::max(std::abs(low) * 1e-3, 0.5);
  low -= pad;
  high += pad;
}

Status CountCells(Connection& connection, const std::string& source, CoarseCounts& coarse) {
  const DataWindow& extent = coarse.extent;
  // Cells are half-open: the highest values need the bound just above them.
  constexpr double kInf = std::numeric_limits<double>::infinity();
  auto sql = DensitySql(SqlDialect::kDuckDb, {source, "coarse_x", "coarse_y"},
                        {extent.x_min, std::nextafter(extent.x_max, kInf), extent.y_min,
                         std::nextafter(extent.y_max, kInf)},
                        coarse.counts.shape);
  if (!sql.ok()) return sql.error();
  auto result = connection.Query(*sql);
  if (!result.ok()) return result.error();
  auto cells = result->FetchAll();
  if (!cells.ok()) return cells.error();
  const GridShape shape = coarse.counts.shape;
  coarse.counts.counts.assign(shape.cells(), 0);
  for (size_t row = 0; row < cells->row_count; ++row) {
    const auto column = static_cast<uint64_t>(cells->columns[0].IntAt(row));
    const auto line = static_cast<uint64_t>(cells->columns[1].IntAt(row));
    if (column >= shape.width || line >= shape.height) continue;
    const auto count = static_cast<uint64_t>(cells->columns[2].IntAt(row));
    coarse.counts.counts[line * shape.width + column] +=
        static_cast<uint32_t>(std::min<uint64_t>(count, std::numeric_limits<uint32_t>::max()));
    coarse.counts.stats.in_view += count;
  }
  return {};
}

}  // namespace

GridShape CoarseShapeFor(double width, double height) {
  const auto cells = [](double pixels) {
    return static_cast<uint32_t>(std::clamp(std::ceil(pixels / 6), 8.0, 400.0));
  };
  return {cells(width), cells(height)};
}

Result<std::optional<CoarseCounts>> FetchCoarseCounts(Connection& connection,
                                                      const PlotDataRequest& request,
                                                      GridShape shape, uint64_t min_rows) {
  if (request.y.empty())
    return InvalidInput(fmt::format("a {} plot needs a y column", request.kind));
  // Two more passes over rows that a join or an aggregate computes would slow the exact plot
  // down more than a first picture is worth.
  auto plain = IsPlainScan(connection, "SELECT * FROM " + request.relation);
  if (!plain.ok()) return plain.error();
  if (!*plain) return std::optional<CoarseCounts>();
  auto type = ColumnTypeOf(connection, request.relation, request.x);
  if (!type.ok()) return type.error();
  const bool x_is_time = *type == ColumnType::kDate || *type == ColumnType::kTimestamp;
  const std::string source =
      // Not named px and py: the density SQL groups by its own px and py.
      fmt::format(
          "(SELECT {} AS coarse_x, TRY_CAST({} AS DOUBLE) AS coarse_y FROM {}) AS coarse_source",
          XValueSql(request, x_is_time), QuoteIdentifier(request.y), request.relation);
  // Plain aggregates: the coarse level is only worth it when it is much cheaper than the rows.
  auto result = connection.Query(fmt::format(
      "SELECT min(coarse_x), max(coarse_x), min(coarse_y), max(coarse_y), count(*) FROM {}",
      source));
  if (!result.ok()) return result.error();
  auto extremes = result->FetchAll();
  if (!extremes.ok()) return extremes.error();
  // Few rows, no numbers, or infinite values (which the exact plot leaves out and no grid can
  // span): the exact plot alone.
  if (static_cast<uint64_t>(extremes->columns[4].IntAt(0)) < std::max<uint64_t>(min_rows, 1))
    return std::optional<CoarseCounts>();
  double bounds[4];
  for (size_t column = 0; column < 4; ++column) {
    const Column& bound = extremes->columns[column];
    if (!bound.IsValid(0) || !std::isfinite(bound.DoubleAt(0)))
      return std::optional<CoarseCounts>();
    bounds[column] = bound.DoubleAt(0);
  }
  CoarseCounts coarse;
  coarse.extent = {bounds[0], bounds[1], bounds[2], bounds[3]};
  Widen(coarse.extent.x_min, coarse.extent.x_max);
  Widen(coarse.extent.y_min, coarse.extent.y_max);
  coarse.x_is_time = x_is_time;
  coarse.counts.shape = shape;
  PIKA_TRY(CountCells(connection, source, coarse));
  coarse.rows = coarse.counts.stats.in_view;
  if (coarse.rows < min_rows) return std::optional<CoarseCounts>();
  return std::optional<CoarseCounts>(std::move(coarse));
}

}  // namespace pika
