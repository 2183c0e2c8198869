#include "storage/text_fallback_query.h"

#include <fmt/format.h>

#include <cctype>

#include "storage/sql_quote.h"

namespace pika {

namespace {

bool HasTextOnlyColumns(const QueryResult& result) {
  for (const ResultColumn& column : result.columns()) {
    if (column.type == ColumnType::kOther) return true;
  }
  return false;
}

std::string CastTextOnlyColumns(std::string_view sql, const QueryResult& result) {
  std::string replaced;
  for (const ResultColumn& column : result.columns()) {
    if (column.type != ColumnType::kOther) continue;
    const std::string name = QuoteIdentifier(column.name);
    replaced +=
        fmt::format("{}CAST({} AS VARCHAR) AS {}", replaced.empty() ? "" : ", ", name, name);
  }
  std::string body(sql);
  while (!body.empty() &&
         (body.back() == ';' || std::isspace(static_cast<unsigned char>(body.back())))) {
    body.pop_back();
  }
  // The newline ends a trailing -- comment before the closing parenthesis.
  return fmt::format("SELECT * REPLACE ({}) FROM (\n{}\n)", replaced, body);
}

}  // namespace

Result<QueryResult> QueryWithTextFallback(Connection& connection, std::string_view sql) {
  auto result = connection.Query(sql);
  if (!result.ok() || !HasTextOnlyColumns(*result)) return result;
  // Only a plain query can be wrapped; anything else keeps its placeholders.
  auto as_text = connection.Query(CastTextOnlyColumns(sql, *result));
  if (as_text.ok()) return as_text;
  return result;
}

}  // namespace pika
