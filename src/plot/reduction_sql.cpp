// Reduction SQL: the density, M4 and histogram reductions as SQL, for data we do not hold.
#include "plot/reduction_sql.h"

#include <fmt/format.h>

namespace pika {

namespace {

// A double literal the engine types as a double: DuckDB and ClickHouse read the exponent
// form as DOUBLE/Float64, PostgreSQL needs a cast (it reads it as NUMERIC).
std::string Double(SqlDialect dialect, double value) {
  const std::string digits = fmt::format("{:.17e}", value);
  if (dialect == SqlDialect::kPostgres) return fmt::format("CAST({} AS DOUBLE PRECISION)", digits);
  return digits;
}

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
      fmt::format("(({} * {} - {}) * {})", column, Double(dialect, axis.pre()),
                  Double(dialect, axis.offset()), Double(dialect, axis.scale()));
  return fmt::format("least({}, {})", Floor(dialect, scaled), axis.pixels() - 1);
}

// The first `count` output columns as GROUP BY keys. By position where the engine reads
// positions, so that a source column named like an output (px, bin) is not grouped instead;
// ClickHouse resolves the output's names first (positions need a setting there).
std::string GroupKeys(SqlDialect dialect, const std::string& names, int count) {
  if (dialect == SqlDialect::kClickHouse) return names;
  return count == 1 ? "1" : "1, 2";
}

std::string Inside(SqlDialect dialect, const std::string& column, const PixelAxis& axis) {
  return fmt::format("{0} >= {1} AND {0} < {2}", column, Double(dialect, axis.min()),
                     Double(dialect, axis.max()));
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

Result<std::string> DensitySql(SqlDialect dialect, const SqlSource& source,
                               const Viewport& viewport, GridShape shape) {
  PIKA_TRY(ValidateViewport(viewport, shape));
  const PixelAxis x_axis(viewport.x_min, viewport.x_max, shape.width);
  const PixelAxis y_axis(viewport.y_min, viewport.y_max, shape.height);
  return fmt::format("SELECT {} AS px, {} AS py, count(*) AS n FROM {} WHERE {} AND {} GROUP BY {}",
                     Pixel(dialect, source.x, x_axis), Pixel(dialect, source.y, y_axis),
                     source.relation, Inside(dialect, source.x, x_axis),
                     Inside(dialect, source.y, y_axis), GroupKeys(dialect, "px, py", 2));
}

Result<std::string> M4Sql(SqlDialect dialect, const SqlSource& source, double x_min, double x_max,
                          uint32_t width) {
  PIKA_TRY(ValidateAxis(x_min, x_max, width, "x"));
  const PixelAxis axis(x_min, x_max, width);
  return fmt::format(
      "WITH rows_in_view AS (SELECT {} AS px, {} AS x, {} AS y FROM {} WHERE {} AND {}), "
      "extremes AS (SELECT px, min(x) AS x_first, max(x) AS x_last, min(y) AS y_low, "
      "max(y) AS y_high FROM rows_in_view GROUP BY px) "
      "SELECT r.px AS px, r.x AS x, r.y AS y FROM rows_in_view r JOIN extremes e ON r.px = e.px "
      "WHERE r.x = e.x_first OR r.x = e.x_last OR r.y = e.y_low OR r.y = e.y_high "
      "ORDER BY px, x",
      Pixel(dialect, source.x, axis), source.x, source.y, source.relation,
      Inside(dialect, source.x, axis), Finite(dialect, source.y));
}

Result<std::string> HistogramSql(SqlDialect dialect, const SqlSource& source, double x_min,
                                 double x_max, uint32_t bins) {
  PIKA_TRY(ValidateAxis(x_min, x_max, bins, "x"));
  const PixelAxis axis(x_min, x_max, bins);
  return fmt::format("SELECT {} AS bin, count(*) AS n FROM {} WHERE {} GROUP BY {} ORDER BY {}",
                     Pixel(dialect, source.x, axis), source.relation,
                     Inside(dialect, source.x, axis), GroupKeys(dialect, "bin", 1),
                     GroupKeys(dialect, "bin", 1));
}

}  // namespace pika
