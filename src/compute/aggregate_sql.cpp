#include "compute/aggregate_sql.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"

namespace pika {

std::string AggregateSql(const std::string& agg, const std::string& column) {
  if (agg == "count") return "count(*)";
  // NaN and infinities are left out, as plots leave them off their axes: the mean of a column
  // with a few NaN is the mean of its numbers, not NaN.
  return fmt::format("{0}(CASE WHEN isfinite({1}) THEN {1} END)", agg == "mean" ? "avg" : agg,
                     fmt::format("TRY_CAST({} AS DOUBLE)", QuoteIdentifier(column)));
}

}  // namespace pika
