#include "compute/plot_sql.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"

namespace pika {

namespace {

// Full precision, and a DOUBLE to DuckDB whatever the digits (1920.0 would be a DECIMAL).
std::string Number(double value) { return fmt::format("CAST('{}' AS DOUBLE)", value); }

// x as the plot placed it: microseconds since the epoch for dates and times.
std::string PlottedX(const PlotDataRequest& request, const PlotData& data) {
  const std::string x = QuoteIdentifier(request.x);
  return data.x_is_time ? fmt::format("epoch_us(CAST({} AS TIMESTAMP))", x)
                        : fmt::format("TRY_CAST({} AS DOUBLE)", x);
}

std::string RowsSql(const PlotDataRequest& request, const PlotData& data,
                    const PlotSqlOptions& options) {
  std::string columns = "*";
  if (!options.all_columns) {
    columns = QuoteIdentifier(request.x) + ", " + QuoteIdentifier(request.y);
    if (!request.color.empty()) columns += ", " + QuoteIdentifier(request.color);
  }
  std::string sql = fmt::format("SELECT {}\nFROM {}", columns, request.relation);
  if (!options.window) return sql;
  const DataWindow& window = *options.window;
  sql += fmt::format("\nWHERE {} BETWEEN {} AND {}", PlottedX(request, data), Number(window.x_min),
                     Number(window.x_max));
  // A line's view is a range of x: its y axis only follows.
  if (request.kind == "scatter") {
    sql += fmt::format("\n  AND TRY_CAST({} AS DOUBLE) BETWEEN {} AND {}",
                       QuoteIdentifier(request.y), Number(window.y_min), Number(window.y_max));
  }
  return sql;
}

std::string BarSql(const PlotDataRequest& request) {
  const std::string agg = BarAggregate(request);
  const std::string y = QuoteIdentifier(request.y);
  const std::string value = agg == "count"  ? "count(*)"
                            : agg == "mean" ? fmt::format("avg(TRY_CAST({} AS DOUBLE))", y)
                                            : fmt::format("{}(TRY_CAST({} AS DOUBLE))", agg, y);
  return fmt::format(
      "SELECT {} AS category, {} AS value\nFROM {}\nGROUP BY ALL\nORDER BY value DESC NULLS "
      "LAST\nLIMIT {}",
      QuoteIdentifier(request.x), value, request.relation, kMaxBars);
}

std::string HistogramSqlOf(const PlotDataRequest& request, const PlotData& data) {
  const HistogramBins& bins = data.bins;
  return fmt::format(
      "SELECT {0} + {1} * bin AS bin_start, {0} + {1} * (bin + 1) AS bin_end, count(*) AS "
      "rows\nFROM (SELECT CAST(floor((TRY_CAST({2} AS DOUBLE) - {0}) / {1}) AS BIGINT) AS bin\n"
      "      FROM {3} WHERE TRY_CAST({2} AS DOUBLE) IS NOT NULL)\nGROUP BY bin\nORDER BY bin",
      Number(bins.first_edge), Number(bins.width), QuoteIdentifier(request.x), request.relation);
}

}  // namespace

std::string PlotQuerySql(const PlotDataRequest& request, const PlotData& data,
                         const PlotSqlOptions& options) {
  if (request.kind == "bar") return BarSql(request);
  if (request.kind == "histogram") return HistogramSqlOf(request, data);
  return RowsSql(request, data, options);
}

}  // namespace pika
