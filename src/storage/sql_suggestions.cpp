#include "storage/sql_suggestions.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"

namespace pika {

Result<std::vector<std::string>> SqlSuggestions(Connection& connection,
                                                std::string_view text_before_cursor, size_t limit) {
  auto rows =
      connection.QueryAll(fmt::format("SELECT suggestion FROM sql_auto_complete({}) LIMIT {}",
                                      QuoteLiteral(text_before_cursor), limit));
  if (!rows.ok()) return rows.error();
  std::vector<std::string> suggestions;
  for (size_t row = 0; row < rows->row_count; ++row)
    suggestions.push_back(FormatValue(rows->columns[0], row));
  return suggestions;
}

}  // namespace pika
