#include "compute/rows_behind.h"

#include <fmt/format.h>

namespace pika {

Result<RowsBehind> FetchRowsBehind(Connection& connection, const std::string& relation,
                                   const std::string& predicate, uint64_t limit,
                                   const CancelToken& cancel) {
  // The predicate on lines of its own: a trailing comment must not swallow what follows.
  const std::string matching = fmt::format("FROM {} WHERE (\n{}\n)", relation, predicate);
  auto counted = connection.Query("SELECT count(*) " + matching);
  if (!counted.ok()) return counted.error();
  auto total = counted->FetchAll();
  if (!total.ok()) return total.error();
  if (cancel.cancelled()) return Cancelled();
  auto rows = connection.Query(fmt::format("SELECT * {}\nLIMIT {}", matching, limit));
  if (!rows.ok()) return rows.error();
  auto first = rows->FetchAll();
  if (!first.ok()) return first.error();
  return RowsBehind{std::move(*first), static_cast<uint64_t>(total->columns[0].IntAt(0))};
}

}  // namespace pika
