// Reduction SQL: the density, M4 and histogram reductions as SQL, for data we do not hold.
#include "plot/reduction_sql.h"

#include <fmt/format.h>

#include "plot/time_bins.h"

namespace pika {

// DuckDB and ClickHouse read the exponent form as DOUBLE/Float64; PostgreSQL needs a cast (it
// reads it as NUMERIC).
std::string DoubleLiteral(SqlDialect dialect, double value) {
  const std::string digits = fmt::format("{:.17e}", value);
  if (dialect == SqlDialect::kPostgres) return fmt::format("CAST({} AS DOUBLE PRECISION)", digits);
  return digits;
}

namespace {

std::string Floor(SqlDialect dialect, const std::string& value) {
  switch (dialect) {
    case SqlDialect::kDuckDb: return fmt::format("CAST(floor({}) AS BIGINT)", value);
    case SqlDialect::kClickHouse: return fmt::format("toInt64(floor({}))", value);
    case SqlDialect::kPostgres: return fmt::format("CAST(floor({}) AS BIGINT)", value);
  }
  return value;
}

// The pixel of `column` on `axis`, as PixelAxis::PixelOf for rows inside the axis.
std::string Pixel(SqlDialect dialect, const std::string& column, const PixelAxis& axis) {
  const std::string scaled =
      fmt::format("(({} * {} - {}) * {})", column, DoubleLiteral(dialect, axis.pre()),
                  DoubleLiteral(dialect, axis.offset()), DoubleLiteral(dialect, axis.scale()));
  return fmt::format("least({}, {})", Floor(dialect, scaled), axis.pixels() - 1);
}

std::string Inside(SqlDialect dialect, const std::string& column, const PixelAxis& axis) {
  return fmt::format("{0} >= {1} AND {0} < {2}", column, DoubleLiteral(dialect, axis.min()),
                     DoubleLiteral(dialect, axis.max()));
}

std::string Finite(SqlDialect dialect, const std::string& column) {
  switch (dialect) {
    case SqlDialect::kDuckDb: return fmt::format("isfinite({})", column);
    case SqlDialect::kClickHouse: return fmt::format("isFinite({})", column);
    case SqlDialect::kPostgres:
      return fmt::format("{} NOT IN ('NaN', 'Infinity', '-Infinity')", column);
  }
  return "true";
}

}  // namespace

std::string FiniteSql(SqlDialect dialect, const std::string& column) {
  return Finite(dialect, column);
}

// Bin expressions are computed in a subquery, a fence PostgreSQL's planner aggregates well
// (grouping by the expressions themselves was 3-10x slower there). The fence also names the
// keys with names no source column has: ClickHouse would let an alias such as px replace a
// source column px anywhere in its own query.
namespace {

// Per pixel cell (px, py), `outputs` aggregated over its rows in view; `inputs` adds columns
// to those rows, and `keys` groups them by more than their cell. (See the fence note above.)
Result<std::string> CellsSql(SqlDialect dialect, const SqlSource& source, const Viewport& viewport,
                             GridShape shape, const std::string& inputs, const std::string& keys,
                             const std::string& outputs) {
  PIKA_TRY(ValidateViewport(viewport, shape));
  const PixelAxis x_axis(viewport.x_min, viewport.x_max, shape.width);
  const PixelAxis y_axis(viewport.y_min, viewport.y_max, shape.height);
  return fmt::format(
      "SELECT pika_px AS px, pika_py AS py, {} FROM (SELECT {} AS pika_px, {} AS pika_py{} FROM "
      "{} WHERE {} AND {}) AS cells GROUP BY pika_px, pika_py{}",
      outputs, Pixel(dialect, source.x, x_axis), Pixel(dialect, source.y, y_axis), inputs,
      source.relation, Inside(dialect, source.x, x_axis), Inside(dialect, source.y, y_axis), keys);
}

}  // namespace

Result<std::string> DensitySql(SqlDialect dialect, const SqlSource& source,
                               const Viewport& viewport, GridShape shape) {
  return CellsSql(dialect, source, viewport, shape, "", "", "count(*) AS n");
}

Result<std::string> CategoryDensitySql(SqlDialect dialect, const SqlSource& source,
                                       const std::string& code, const Viewport& viewport,
                                       GridShape shape) {
  return CellsSql(dialect, source, viewport, shape, fmt::format(", {} AS pika_code", code),
                  ", pika_code", "pika_code AS code, count(*) AS n");
}

Result<std::string> MeanDensitySql(SqlDialect dialect, const SqlSource& source,
                                   const std::string& value, const Viewport& viewport,
                                   GridShape shape) {
  // NULL for values that are not finite: count and sum skip them, as BinSums does.
  const std::string finite_value =
      fmt::format("CASE WHEN {} THEN {} END", Finite(dialect, value), value);
  return CellsSql(dialect, source, viewport, shape, fmt::format(", {} AS pika_value", finite_value),
                  "", "count(*) AS n, count(pika_value) AS m, sum(pika_value) AS total");
}

namespace {

// The rows in view with their pixel column; with a `code`, only those whose code is below
// `codes`, with it as pika_code.
std::string RowsInViewSql(SqlDialect dialect, const SqlSource& source, const PixelAxis& axis,
                          const std::string& code = "", uint32_t codes = 0) {
  const std::string coded = code.empty() ? "" : fmt::format(", {} AS pika_code", code);
  const std::string below = code.empty() ? "" : fmt::format(" AND {} < {}", code, codes);
  return fmt::format("SELECT {} AS pika_px, {} AS pika_x, {} AS pika_y{} FROM {} WHERE {} AND {}{}",
                     Pixel(dialect, source.x, axis), source.x, source.y, coded, source.relation,
                     Inside(dialect, source.x, axis), Finite(dialect, source.y), below);
}

// ClickHouse 18.16 has no WITH ... AS (subquery) and joins only with USING; its argMin and
// argMax give each column's four points in one pass instead, unrolled with ARRAY JOIN. A row
// that is two extremes at once (the last x and the lowest y) is sent once, as the join sends it.
// `rows` come from RowsInViewSql; `key` is the grouping beyond the pixel column.
std::string ClickHouseM4Sql(const std::string& rows, const std::string& key) {
  const std::string keyed = key.empty() ? "" : fmt::format("{} AS code, ", key);
  return fmt::format(
      "SELECT {0}px, tupleElement(point, 1) AS x, tupleElement(point, 2) AS y FROM (SELECT {1}"
      "pika_px AS px, arrayDistinct([(min(pika_x), argMin(pika_y, pika_x)), (max(pika_x), "
      "argMax(pika_y, pika_x)), (argMin(pika_x, pika_y), min(pika_y)), (argMax(pika_x, pika_y), "
      "max(pika_y))]) AS points FROM ({2}) GROUP BY {3}pika_px) ARRAY JOIN points AS point ORDER "
      "BY {0}px, x",
      key.empty() ? "" : "code, ", keyed, rows, key.empty() ? "" : key + ", ");
}

// Each pixel column's extremes found, then the rows holding them (per `key` too, if any).
std::string JoinedM4Sql(const std::string& rows, const std::string& key) {
  const std::string keyed = key.empty() ? "" : fmt::format("{}, ", key);
  const std::string same_key = key.empty() ? "" : fmt::format(" AND r.{0} = e.{0}", key);
  return fmt::format(
      "WITH rows_in_view AS ({0}), "
      "extremes AS (SELECT {1}pika_px, min(pika_x) AS x_first, max(pika_x) AS x_last, "
      "min(pika_y) AS y_low, max(pika_y) AS y_high FROM rows_in_view GROUP BY {1}pika_px) "
      "SELECT {2}r.pika_px AS px, r.pika_x AS x, r.pika_y AS y FROM rows_in_view r JOIN extremes "
      "e ON r.pika_px = e.pika_px{3} WHERE r.pika_x = e.x_first OR r.pika_x = e.x_last OR "
      "r.pika_y = e.y_low OR r.pika_y = e.y_high ORDER BY {4}px, x",
      rows, keyed, key.empty() ? "" : fmt::format("r.{} AS code, ", key), same_key,
      key.empty() ? "" : "code, ");
}

}  // namespace

Result<std::string> M4Sql(SqlDialect dialect, const SqlSource& source, double x_min, double x_max,
                          uint32_t width) {
  PIKA_TRY(ValidateAxis(x_min, x_max, width, "x"));
  const std::string rows = RowsInViewSql(dialect, source, PixelAxis(x_min, x_max, width));
  if (dialect == SqlDialect::kClickHouse) return ClickHouseM4Sql(rows, "");
  return JoinedM4Sql(rows, "");
}

Result<std::string> CategoryM4Sql(SqlDialect dialect, const SqlSource& source,
                                  const std::string& code, uint32_t codes, double x_min,
                                  double x_max, uint32_t width) {
  PIKA_TRY(ValidateAxis(x_min, x_max, width, "x"));
  const std::string rows =
      RowsInViewSql(dialect, source, PixelAxis(x_min, x_max, width), code, codes);
  if (dialect == SqlDialect::kClickHouse) return ClickHouseM4Sql(rows, "pika_code");
  return JoinedM4Sql(rows, "pika_code");
}

Result<std::string> HistogramSql(SqlDialect dialect, const SqlSource& source, double x_min,
                                 double x_max, uint32_t bins) {
  PIKA_TRY(ValidateAxis(x_min, x_max, bins, "x"));
  const PixelAxis axis(x_min, x_max, bins);
  return fmt::format(
      "SELECT pika_bin AS bin, count(*) AS n FROM (SELECT {} AS pika_bin FROM {} WHERE {}) AS "
      "bins GROUP BY pika_bin ORDER BY bin",
      Pixel(dialect, source.x, axis), source.relation, Inside(dialect, source.x, axis));
}

namespace {

// Integer division of non-negative integers, in each engine's words (DuckDB's `/` gives a
// DOUBLE; PostgreSQL's `/` on BIGINT truncates).
std::string IntDiv(SqlDialect dialect, const std::string& a, int64_t b) {
  switch (dialect) {
    case SqlDialect::kDuckDb: return fmt::format("(({}) // {})", a, b);
    case SqlDialect::kClickHouse: return fmt::format("intDiv({}, {})", a, b);
    case SqlDialect::kPostgres: return fmt::format("(({}) / {})", a, b);
  }
  return a;
}

// The month index (year * 12 + month from 0) of the rows' days, as pika_month. From the day
// count, by the civil-from-days algorithm (Howard Hinnant's), shifted so that every integer
// is non-negative from year 0 on: no engine's date functions or time zones take part.
std::string MonthIndexRows(SqlDialect dialect, const SqlSource& source) {
  const auto div = [dialect](const std::string& a, int64_t b) { return IntDiv(dialect, a, b); };
  // Days since 0000-03-01, then 400-year eras, day of the era, year of the era.
  const std::string days =
      fmt::format("SELECT {} + 719468 AS pika_z FROM {} WHERE {}",
                  Floor(dialect, fmt::format("{} / {}", source.x, DoubleLiteral(dialect, 8.64e10))),
                  source.relation, Finite(dialect, source.x));
  const std::string eras =
      fmt::format("SELECT pika_z, {} AS pika_era FROM ({}) AS days", div("pika_z", 146097), days);
  const std::string day_of_era = fmt::format(
      "SELECT pika_era, pika_z - 146097 * pika_era AS pika_doe FROM ({}) AS eras", eras);
  const std::string year_of_era =
      fmt::format("SELECT pika_era, pika_doe, {} AS pika_yoe FROM ({}) AS doe",
                  div(fmt::format("pika_doe - {} + {} - {}", div("pika_doe", 1460),
                                  div("pika_doe", 36524), div("pika_doe", 146096)),
                      365),
                  day_of_era);
  // The month from March (mp = 0..11) of the day of the year; March of year Y is Y * 12 + 2,
  // and January of Y + 1 (mp = 10) is (Y + 1) * 12: 12 * Y + mp + 2 either way.
  const std::string month_from_march =
      div(fmt::format("5 * (pika_doe - (365 * pika_yoe + {} - {})) + 2", div("pika_yoe", 4),
                      div("pika_yoe", 100)),
          153);
  return fmt::format(
      "SELECT 12 * (pika_yoe + 400 * pika_era) + {} + 2 AS pika_month FROM ({}) AS yoe",
      month_from_march, year_of_era);
}

}  // namespace

std::string TimeHistogramSql(SqlDialect dialect, const SqlSource& source, int months,
                             double micros) {
  if (months > 0) {
    return fmt::format(
        "SELECT pika_month_bin * {} AS bin, count(*) AS n FROM (SELECT {} AS pika_month_bin FROM "
        "({}) AS month_index) AS months GROUP BY pika_month_bin ORDER BY bin",
        months, IntDiv(dialect, "pika_month", months), MonthIndexRows(dialect, source));
  }
  return fmt::format(
      "SELECT pika_bin AS bin, count(*) AS n FROM (SELECT {} AS pika_bin FROM {} WHERE {}) AS "
      "bins GROUP BY pika_bin ORDER BY bin",
      Floor(dialect, fmt::format("({} - {}) / {}", source.x, DoubleLiteral(dialect, kTimeBinOrigin),
                                 DoubleLiteral(dialect, micros))),
      source.relation, Finite(dialect, source.x));
}

std::string ExtentSql(SqlDialect dialect, const SqlSource& source) {
  if (source.y.empty()) {
    return fmt::format(
        "SELECT count(*) AS n, min(pika_x) AS x_min, max(pika_x) AS x_max FROM (SELECT {} AS "
        "pika_x FROM {}) AS v WHERE {}",
        source.x, source.relation, Finite(dialect, "pika_x"));
  }
  // Each axis spans its own finite values, as a plot of rows held here does; the rows counted
  // are those with both.
  const std::string fx = Finite(dialect, "pika_x"), fy = Finite(dialect, "pika_y");
  return fmt::format(
      "SELECT count(CASE WHEN {0} AND {1} THEN 1 END) AS n, min(CASE WHEN {0} THEN pika_x END) AS "
      "x_min, max(CASE WHEN {0} THEN pika_x END) AS x_max, min(CASE WHEN {1} THEN pika_y END) AS "
      "y_min, max(CASE WHEN {1} THEN pika_y END) AS y_max FROM (SELECT {2} AS pika_x, {3} AS "
      "pika_y FROM {4}) AS v WHERE {0} OR {1}",
      fx, fy, source.x, source.y, source.relation);
}

std::string FiniteRowsSql(SqlDialect dialect, const SqlSource& source, bool order_by_x,
                          const std::vector<std::string>& also) {
  std::string more;
  for (size_t column = 0; column < also.size(); ++column)
    more += fmt::format(", {} AS pika_also{}", also[column], column);
  return fmt::format("SELECT {} AS pika_x, {} AS pika_y{} FROM {} WHERE {} AND {}{}", source.x,
                     source.y, more, source.relation, Finite(dialect, source.x),
                     Finite(dialect, source.y), order_by_x ? " ORDER BY pika_x" : "");
}

std::string GroupedAggregateSql(const SqlSource& source, const std::string& aggregate,
                                const std::string& order, uint32_t limit) {
  const std::string value = source.y.empty() ? "NULL" : source.y;
  const std::string ordered = order.empty() ? "" : ", min(pika_order) AS x_order";
  return fmt::format(
      "SELECT pika_group AS category, {} AS value, count(*) AS n{} FROM (SELECT {} AS pika_group, "
      "{} AS pika_value{} FROM {}) AS g GROUP BY pika_group ORDER BY value DESC NULLS LAST, "
      "category LIMIT {}",
      aggregate == "count" ? "count(*)" : fmt::format("{}(pika_value)", aggregate), ordered,
      source.x, value, order.empty() ? "" : fmt::format(", {} AS pika_order", order),
      source.relation, limit);
}

}  // namespace pika
