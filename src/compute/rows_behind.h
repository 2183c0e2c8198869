// Drill-down: the rows behind a mark (a density pixel, a line's pixel column, a bar, a bin),
// fetched with a bound: the first rows and how many there are in all, never the whole set.
#pragma once

#include <cstdint>
#include <string>

#include "core/cancel_token.h"
#include "core/result.h"
#include "core/table_batch.h"
#include "storage/connection.h"

namespace pika {

struct RowsBehind {
  TableBatch first;    // at most `limit` rows, every column
  uint64_t total = 0;  // rows matching in all
};

Result<RowsBehind> FetchRowsBehind(Connection& connection, const std::string& relation,
                                   const std::string& predicate, uint64_t limit,
                                   const CancelToken& cancel);

}  // namespace pika
