#include "storage/in_place_view.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"

namespace pika {

Status CreateInPlaceView(Connection& connection, const std::string& table,
                         const std::string& file) {
  PIKA_TRY(
      connection.Execute(fmt::format("CREATE OR REPLACE VIEW {} AS SELECT * FROM read_parquet({})",
                                     QuoteIdentifier(table), QuoteFileLiteral(file))));
  return connection.Execute(
      fmt::format("COMMENT ON VIEW {} IS {}", QuoteIdentifier(table), QuoteLiteral(file)));
}

Result<std::string> InPlaceFile(Connection& connection, const std::string& table) {
  auto found = connection.QueryAll(fmt::format(
      "SELECT comment FROM duckdb_views() WHERE NOT internal AND view_name = {} AND comment "
      "IS NOT NULL",
      QuoteLiteral(table)));
  if (!found.ok()) return found.error();
  if (found->row_count == 0) return std::string();
  return found->columns[0].TextAt(0);
}

}  // namespace pika
