// The aggregates a plot offers (count, sum, mean, min, max) as SQL over a column. Only these
// words reach the SQL: callers check the name first.
#pragma once

#include <string>

namespace pika {

// "count(*)" for count; else e.g. the avg of TRY_CAST("delay" AS DOUBLE) for mean of delay,
// over its finite values only.
std::string AggregateSql(const std::string& agg, const std::string& column);

}  // namespace pika
