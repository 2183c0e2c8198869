#include "compute/plot/axis_columns.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plot/reduction_sql.h"
#include "remote/text_values.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// Microseconds since the epoch, as a time axis places them. ClickHouse's Date counts days and
// its DateTime seconds (both UTC-based, whatever the server's time zone); DuckDB's as a local
// plot reads it (XValueSql).
std::string TimeValueSql(SqlDialect dialect, const EngineColumn& column,
                         const std::string& quoted) {
  const std::string_view type = ClickHouseBaseType(column.engine_type);
  if (dialect == SqlDialect::kDuckDb)
    return fmt::format("CAST(epoch_us(CAST({} AS TIMESTAMP)) AS DOUBLE)", quoted);
  if (dialect == SqlDialect::kClickHouse) {
    return type.starts_with("DateTime") ? fmt::format("toFloat64(toUInt32({})) * 1e6", quoted)
                                        : fmt::format("toFloat64(toUInt16({})) * 8.64e10", quoted);
  }
  if (column.type == ColumnType::kDate)
    return fmt::format("CAST({} - DATE '1970-01-01' AS DOUBLE PRECISION) * 8.64e10", quoted);
  return fmt::format("CAST(extract(epoch FROM {}) AS DOUBLE PRECISION) * 1e6", quoted);
}

}  // namespace

bool IsNumber(ColumnType type) {
  return type == ColumnType::kBigint || type == ColumnType::kDouble;
}

bool IsTime(const EngineColumn& column) {
  if (column.type == ColumnType::kDate || column.type == ColumnType::kTimestamp) return true;
  return ClickHouseBaseType(column.engine_type).starts_with("Date");
}

Result<const EngineColumn*> FindColumn(const std::vector<EngineColumn>& columns,
                                       const std::string& name, const SqlEngine& engine) {
  const auto found = std::find_if(columns.begin(), columns.end(),
                                  [&](const EngineColumn& column) { return column.name == name; });
  if (found != columns.end()) return &*found;
  // DuckDB reads a quoted name in any case, as a fetched plot's SQL does.
  const auto folded = std::find_if(columns.begin(), columns.end(), [&](const EngineColumn& column) {
    return engine.dialect() == SqlDialect::kDuckDb && SameIdentifier(column.name, name);
  });
  if (folded != columns.end()) return &*folded;
  std::string names;
  for (const EngineColumn& column : columns) names += (names.empty() ? "" : ", ") + column.name;
  return NotFound(
      fmt::format("{} has no column '{}'; its columns are {}", engine.label(), name, names));
}

Result<AxisColumn> AxisColumnOf(const std::vector<EngineColumn>& columns, const std::string& name,
                                const SqlEngine& engine, bool time_ok, std::string_view role) {
  auto column = FindColumn(columns, name, engine);
  if (!column.ok()) return column.error();
  const EngineColumn* found = *column;
  auto quoted = engine.Identifier(name);
  if (!quoted.ok()) return quoted.error();
  if (time_ok && IsTime(*found))
    return AxisColumn{TimeValueSql(engine.dialect(), *found, *quoted), true};
  // DuckDB reads any column as the fetched path does: text that is not a number is NULL.
  if (!IsNumber(found->type) && engine.dialect() == SqlDialect::kDuckDb)
    return AxisColumn{fmt::format("TRY_CAST({} AS DOUBLE)", *quoted)};
  if (!IsNumber(found->type)) {
    return InvalidInput(fmt::format(
        "column '{}' of {} is {}, not a number{}", name, engine.label(), found->engine_type,
        time_ok ? " or a date" : fmt::format(": {} takes numbers", role)));
  }
  if (engine.dialect() == SqlDialect::kClickHouse)
    return AxisColumn{fmt::format("toFloat64({})", *quoted)};
  return AxisColumn{fmt::format("CAST({} AS DOUBLE PRECISION)", *quoted)};
}

std::string FiniteOrNullSql(SqlDialect dialect, const std::string& value) {
  return fmt::format("CASE WHEN {} THEN {} END", FiniteSql(dialect, value), value);
}

std::vector<size_t> PlacesInOwnOrder(const std::vector<double>& order,
                                     const std::function<bool(size_t, size_t)>& before) {
  std::vector<size_t> places(order.size());
  for (size_t place = 0; place < places.size(); ++place) places[place] = place;
  std::sort(places.begin(), places.end(), [&](size_t a, size_t b) {
    const bool a_ordered = !std::isnan(order[a]), b_ordered = !std::isnan(order[b]);
    if (a_ordered != b_ordered) return a_ordered;
    if (a_ordered && order[a] != order[b]) return order[a] < order[b];
    return before(a, b);
  });
  return places;
}

std::vector<double> Doubles(const Column& column) {
  std::vector<double> values(column.size(), std::nan(""));
  for (size_t row = 0; row < column.size(); ++row) {
    if (!column.IsValid(row)) continue;
    values[row] = column.type == ColumnType::kDouble ? column.DoubleAt(row)
                                                     : static_cast<double>(column.IntAt(row));
  }
  return values;
}

}  // namespace pika
