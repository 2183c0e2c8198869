#include "compute/box_stats.h"

#include <fmt/format.h>

#include "compute/plot/engine_boxes.h"
#include "compute/plot/reduce_in_duckdb.h"
#include "plot/reduction_method.h"
#include "storage/sql_quote.h"

namespace pika {

Result<BoxSummary> SummariseBoxes(Connection& connection, const std::string& relation,
                                  const std::string& x, const std::string& y) {
  return ReduceInDuckDb(connection, relation,
                        [&](PlotQueries& run, const std::vector<EngineColumn>& columns) {
                          return SummariseEngineBoxes(run, columns, x, y);
                        });
}

std::string BoxQuartilesSql(const std::string& relation, const std::string& x,
                            const std::string& y) {
  const std::string value = fmt::format("TRY_CAST({} AS DOUBLE)", QuoteIdentifier(y));
  const std::string group =
      x.empty() ? QuoteLiteral(y)
                : fmt::format("coalesce(CAST({} AS VARCHAR), 'NULL')", QuoteIdentifier(x));
  return fmt::format(
      "SELECT {0} AS category, count({1}) AS n, quantile_cont({1}, 0.25) AS q1, "
      "quantile_cont({1}, 0.5) AS median, quantile_cont({1}, 0.75) AS q3, "
      "min({1}) AS lowest, max({1}) AS highest FROM {2} WHERE isfinite({1}) GROUP BY ALL "
      "ORDER BY n DESC",
      group, value, relation);
}

std::string BoxBadge(const BoxSummary& summary, const std::string& x, const std::string& y) {
  std::string badge = x.empty() ? fmt::format("{} of {} rows", y, WithThousands(summary.rows))
                                : fmt::format("{} by {}: {} rows in {} groups", y, x,
                                              WithThousands(summary.rows), summary.boxes.size());
  if (summary.group_count > summary.boxes.size())
    badge += fmt::format(" (the largest of {})", summary.group_count);
  badge += ", whiskers at 1.5 IQR";
  if (summary.outliers_cut)
    badge += fmt::format(", the {} lowest and highest outliers drawn", kOutliersPerEnd);
  return badge + " (exact)";
}

}  // namespace pika
