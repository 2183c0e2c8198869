#include "storage/drop_relation.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"

namespace pika {

Status DropTableOrView(Connection& connection, const std::string& name) {
  auto views = connection.QueryAll(
      fmt::format("SELECT view_name FROM duckdb_views() WHERE NOT internal AND view_name = {}",
                  QuoteLiteral(name)));
  if (!views.ok()) return views.error();
  const bool is_view = views->row_count > 0;
  return connection.Execute(
      fmt::format("DROP {} IF EXISTS {}", is_view ? "VIEW" : "TABLE", QuoteIdentifier(name)));
}

}  // namespace pika
