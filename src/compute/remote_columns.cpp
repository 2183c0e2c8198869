#include "compute/remote_columns.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plot/reduction_sql.h"
#include "remote/text_values.h"

namespace pika {

namespace {

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

}  // namespace

SqlDialect RemoteDialect(RemoteEngine engine) {
  return engine == RemoteEngine::kClickHouse ? SqlDialect::kClickHouse : SqlDialect::kPostgres;
}

bool IsNumber(ColumnType type) {
  return type == ColumnType::kBigint || type == ColumnType::kDouble;
}

bool IsTime(const RemoteColumn& column) {
  if (column.type == ColumnType::kDate || column.type == ColumnType::kTimestamp) return true;
  return ClickHouseBaseType(column.engine_type).starts_with("Date");
}

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

Result<AxisColumn> AxisColumnOf(const std::vector<RemoteColumn>& columns, const std::string& name,
                                const RemoteSource& source, bool time_ok, std::string_view role) {
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

std::string FiniteOrNullSql(RemoteEngine engine, const std::string& value) {
  return fmt::format("CASE WHEN {} THEN {} END", FiniteSql(RemoteDialect(engine), value), value);
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
