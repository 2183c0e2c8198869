#include "compute/aggregate_sql.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"

namespace pika {

std::string AggregateSql(const std::string& agg, const std::string& column) {
  if (agg == "count") return "count(*)";
  return fmt::format("{}(TRY_CAST({} AS DOUBLE))", agg == "mean" ? "avg" : agg,
                     QuoteIdentifier(column));
}

}  // namespace pika
