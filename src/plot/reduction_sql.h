// Reduction SQL: the density, M4 and histogram reductions as SQL, for data we do not hold.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "plot/pixel_axis.h"

namespace pika {

enum class SqlDialect { kDuckDb, kClickHouse, kPostgres };

// Where the rows come from. Every field is SQL text the caller has already quoted: a table
// name or a parenthesized subquery, and column names or expressions.
struct SqlSource {
  std::string relation;
  std::string x;
  std::string y;
};

// Bucket arithmetic is done exactly as PixelAxis does it, so that the SQL and the C++
// kernels agree row for row: (v * pre - offset) * scale, floored, cast to BIGINT and clamped
// to the last pixel with an integer. Bounds are written as typed doubles: a literal such as
// 1920.0 is a DECIMAL in DuckDB and made these queries 50-80x slower.

// `value` as a literal the engine types as a double (never a DECIMAL or NUMERIC).
std::string DoubleLiteral(SqlDialect dialect, double value);

// A condition: `column` holds a finite number (not NULL, NaN or infinite).
std::string FiniteSql(SqlDialect dialect, const std::string& column);

// Columns px, py, n: rows per pixel cell with x and y in the viewport; empty cells absent.
Result<std::string> DensitySql(SqlDialect dialect, const SqlSource& source,
                               const Viewport& viewport, GridShape shape);

// Columns px, py, code, n: rows per pixel cell and category, where `code` is an integer
// expression of a row's category; empty cells absent.
Result<std::string> CategoryDensitySql(SqlDialect dialect, const SqlSource& source,
                                       const std::string& code, const Viewport& viewport,
                                       GridShape shape);

// Columns px, py, n, m, total: per pixel cell, its rows, those whose `value` (a DOUBLE
// expression) is finite, and the sum of those values (NULL when there are none).
Result<std::string> MeanDensitySql(SqlDialect dialect, const SqlSource& source,
                                   const std::string& value, const Viewport& viewport,
                                   GridShape shape);

// Columns px, x, y ordered by px then x: per pixel column, the rows holding the first and
// last x and the lowest and highest finite y (ties give more than one row).
Result<std::string> M4Sql(SqlDialect dialect, const SqlSource& source, double x_min, double x_max,
                          uint32_t width);

// M4 per category: columns code, px, x, y ordered by code, px, x, for the rows whose `code`
// (an integer expression) is below `codes`.
Result<std::string> CategoryM4Sql(SqlDialect dialect, const SqlSource& source,
                                  const std::string& code, uint32_t codes, double x_min,
                                  double x_max, uint32_t width);

// Columns bin, n ordered by bin: rows per bin of x over [x_min, x_max); empty bins absent.
Result<std::string> HistogramSql(SqlDialect dialect, const SqlSource& source, double x_min,
                                 double x_max, uint32_t bins);

// Columns bin, n ordered by bin: rows per time bin of x (microseconds since the epoch, a
// DOUBLE expression), with empty bins absent. `months` > 0: calendar bins of that many months,
// and bin is the first month's index (year * 12 + month from 0), computed from the day with
// integer arithmetic only; else bins of `micros` from kTimeBinOrigin, and bin is the bin's
// number from there. MonthStartMicros and kTimeBinOrigin turn either into its start.
std::string TimeHistogramSql(SqlDialect dialect, const SqlSource& source, int months,
                             double micros);

// Columns n, x_min, x_max (and y_min, y_max when source.y is set): the rows whose x (and y)
// are finite, and the extent of each axis's finite values.
std::string ExtentSql(SqlDialect dialect, const SqlSource& source);

// Columns pika_x, pika_y: the rows whose x and y are both finite, ordered by x if asked.
// Each expression of `also` adds a column of each row (pika_also0, ...), whatever its value.
std::string FiniteRowsSql(SqlDialect dialect, const SqlSource& source, bool order_by_x,
                          const std::vector<std::string>& also = {});

// Columns category, value, n: per value of source.x (text), `aggregate` (count, avg, sum,
// min, max) of source.y and the rows, for the `limit` groups with the largest values (NULL
// last, then by name). With an `order` (a DOUBLE expression: x as a number or time), a column
// x_order too: its lowest value in the group, which the bars follow. The same text in every
// dialect.
std::string GroupedAggregateSql(const SqlSource& source, const std::string& aggregate,
                                const std::string& order, uint32_t limit);

}  // namespace pika
