// The columns of an engine's rows as values a plot reads: numbers as doubles, dates and times
// as microseconds since the epoch, in the engine's SQL.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compute/source/sql_engine.h"
#include "core/result.h"
#include "plot/reduction_sql.h"

namespace pika {

bool IsNumber(ColumnType type);

// Dates and times of any engine (ClickHouse's text answers keep them as text).
bool IsTime(const EngineColumn& column);

struct AxisColumn {
  std::string sql;  // a DOUBLE expression of the engine
  bool is_time = false;
};

// The column `name` of the table, or an error that lists the columns it has.
Result<const EngineColumn*> FindColumn(const std::vector<EngineColumn>& columns,
                                       const std::string& name, const SqlEngine& engine);

// `name` as an axis: numbers as doubles, dates and times (when `time_ok`) as microseconds.
// `role` names what refuses anything else in the error ("the size of a point").
Result<AxisColumn> AxisColumnOf(const std::vector<EngineColumn>& columns, const std::string& name,
                                const SqlEngine& engine, bool time_ok,
                                std::string_view role = "this axis");

// `value` (a DOUBLE expression), NULL where it is NaN or infinite: what aggregates take, so
// that they leave those out as local ones do (AggregateSql).
std::string FiniteOrNullSql(SqlDialect dialect, const std::string& value);

// The places 0..n-1 in the order plots lay out groups: those with an `order` value (x as a
// number or time; NaN for none) first, by it; the others, and ties, as `before` says.
std::vector<size_t> PlacesInOwnOrder(const std::vector<double>& order,
                                     const std::function<bool(size_t, size_t)>& before);

// A number column of an engine's answer (integers or doubles) as doubles, NaN for NULL.
std::vector<double> Doubles(const Column& column);

}  // namespace pika
