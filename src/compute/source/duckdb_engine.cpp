#include "compute/source/duckdb_engine.h"

#include <fmt/format.h>

#include "storage/sql_quote.h"
#include "storage/watched_query.h"

namespace pika {

DuckDbEngine::DuckDbEngine(Connection& connection, std::string relation, std::string label)
    : connection_(connection),
      // A FROM clause of PostgreSQL's dialect, which the pipeline shares, wants an alias.
      relation_(relation.starts_with("(") ? relation + " AS pika_rows" : std::move(relation)),
      label_(std::move(label)) {}

std::string DuckDbEngine::Literal(std::string_view text) const { return QuoteLiteral(text); }

Result<std::string> DuckDbEngine::Identifier(std::string_view name) const {
  return QuoteIdentifier(name);
}

Result<std::vector<EngineColumn>> DuckDbEngine::Columns(const CancelToken& cancel) {
  if (cancel.cancelled()) return Cancelled();
  auto described = connection_.Query(fmt::format("SELECT * FROM {} LIMIT 0", relation_));
  if (!described.ok()) return described.error();
  std::vector<EngineColumn> columns;
  for (const auto& column : described->columns())
    columns.push_back({column.name, column.engine_type, column.type});
  return columns;
}

Result<TableBatch> DuckDbEngine::Query(const std::string& sql, const CancelToken& cancel) {
  // Watched: Ctrl+C in pika plot stops a reduction mid-scan, as an app job's cancel does.
  return QueryAllWatched(connection_, sql, cancel, progress_);
}

}  // namespace pika
