// The columns of a remote table as values a plot reads: numbers as doubles, dates and times as
// microseconds since the epoch, in the engine's SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "plot/reduction_sql.h"
#include "remote/remote_catalog.h"

namespace pika {

// The reduction SQL's dialect of a remote engine.
SqlDialect RemoteDialect(RemoteEngine engine);

bool IsNumber(ColumnType type);

// Dates and times of either engine (ClickHouse's text answers keep them as text).
bool IsTime(const RemoteColumn& column);

struct AxisColumn {
  std::string sql;  // a DOUBLE expression of the engine
  bool is_time = false;
};

// The column `name` of the table, or an error that lists the columns it has.
Result<const RemoteColumn*> FindColumn(const std::vector<RemoteColumn>& columns,
                                       const std::string& name, const RemoteSource& source);

// `name` as an axis: numbers as doubles, dates and times (when `time_ok`) as microseconds.
// `role` names what refuses anything else in the error ("the size of a point").
Result<AxisColumn> AxisColumnOf(const std::vector<RemoteColumn>& columns, const std::string& name,
                                const RemoteSource& source, bool time_ok,
                                std::string_view role = "this axis of a remote plot");

// `value` (a DOUBLE expression), NULL where it is NaN or infinite: what aggregates take, so
// that they leave those out as local ones do (AggregateSql).
std::string FiniteOrNullSql(RemoteEngine engine, const std::string& value);

// A number column of an engine's answer (integers or doubles) as doubles, NaN for NULL.
std::vector<double> Doubles(const Column& column);

}  // namespace pika
