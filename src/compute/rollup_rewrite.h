// Roll-up: rewrites a GROUP BY query to aggregate a cached finer GROUP BY result instead of
// its table (count -> sum of counts, sum -> sum of sums, avg -> sum of sums / sum of counts).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compute/canonical_query.h"

namespace pika {

struct RollupSource {
  const QueryShape& shape;                       // the base's shape (a roll-up base)
  const std::vector<std::string>& column_names;  // the base result's output columns
  std::string catalog, table;                    // where the base is materialized
  // Conjuncts of the query's WHERE that the base already applied (by canonical text): they
  // are dropped, since the base's rows no longer have the columns they test.
  std::set<std::string> applied_conjuncts;
  std::set<std::string> quoted;  // identifiers the query wrote in double quotes
};

// `statement` is DuckDB's parse of the query (as in CanonicalQuery::parsed); `output_names`
// are the names a fresh run would give its columns. Returns the rewritten statement, or
// nullopt when the query is not a roll-up of the base (anything unsure is a no).
std::optional<nlohmann::json> RewriteAsRollup(const nlohmann::json& statement,
                                              const RollupSource& source,
                                              const std::vector<std::string>& output_names);

}  // namespace pika
