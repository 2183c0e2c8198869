#include "remote/remote_catalog.h"

#include <fmt/format.h>

#include "remote/text_values.h"

namespace pika {

namespace {

// "schema"."table" as the text to_regclass reads.
std::string PostgresRegclass(const RemoteSource& source) {
  return RemoteLiteral(RemoteEngine::kPostgres, RemoteTableSql(source));
}

std::string ColumnsSql(const RemoteSource& source) {
  if (source.engine == RemoteEngine::kClickHouse) {
    return fmt::format("SELECT name, type FROM system.columns WHERE database = {} AND table = {}",
                       RemoteLiteral(source.engine, source.database),
                       RemoteLiteral(source.engine, source.table));
  }
  return fmt::format(
      "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, "
      "a.atttypid::bigint AS oid FROM pg_attribute a WHERE a.attrelid = to_regclass({}) AND "
      "a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
      PostgresRegclass(source));
}

std::string Where(const RemoteSource& source) {
  return fmt::format("{} at {}:{}", EngineName(source.engine), source.host, PortOf(source));
}

}  // namespace

std::string RemoteLiteral(RemoteEngine engine, std::string_view text) {
  std::string literal = "'";
  for (char c : text) {
    if (c == '\'')
      literal += engine == RemoteEngine::kClickHouse ? "\\'" : "''";
    else if (c == '\\' && engine == RemoteEngine::kClickHouse)
      literal += "\\\\";
    else
      literal += c;
  }
  return literal + "'";
}

Result<std::string> RemoteIdentifier(std::string_view name) {
  if (name.find('"') != std::string_view::npos)
    return InvalidInput(
        fmt::format("column names with a double quote are not supported: {}", name));
  return fmt::format("\"{}\"", name);
}

namespace {

// A query's columns: ClickHouse describes a SELECT with its own type names; PostgreSQL's
// are read from an empty result's column types.
Result<std::vector<EngineColumn>> QueryColumns(RemoteClient& client, const CancelToken& cancel) {
  const RemoteSource& source = client.source();
  std::vector<EngineColumn> columns;
  if (source.engine == RemoteEngine::kClickHouse) {
    auto rows = client.Query(fmt::format("DESC ({})", source.query), cancel);
    if (!rows.ok()) return rows.error();
    for (size_t row = 0; row < rows->row_count; ++row) {
      EngineColumn column{rows->columns[0].TextAt(row), rows->columns[1].TextAt(row)};
      column.type = ClickHouseColumnType(column.engine_type);
      columns.push_back(std::move(column));
    }
    return columns;
  }
  auto empty =
      client.Query(fmt::format("SELECT * FROM {} LIMIT 0", RemoteTableSql(source)), cancel);
  if (!empty.ok()) return empty.error();
  for (const Column& column : empty->columns)
    columns.push_back({column.name, std::string(ToDuckDbName(column.type)), column.type});
  return columns;
}

}  // namespace

Result<std::vector<EngineColumn>> DiscoverColumns(RemoteClient& client, const CancelToken& cancel) {
  const RemoteSource& source = client.source();
  if (!source.query.empty()) return QueryColumns(client, cancel);
  auto rows = client.Query(ColumnsSql(source), cancel);
  if (!rows.ok()) return rows.error();
  if (rows->row_count == 0) {
    return NotFound(fmt::format("{} has no table {} in database {}: check the name in {}",
                                Where(source), source.table, source.database, RemoteUrl(source)));
  }
  std::vector<EngineColumn> columns;
  for (size_t row = 0; row < rows->row_count; ++row) {
    EngineColumn column{rows->columns[0].TextAt(row), rows->columns[1].TextAt(row)};
    column.type = source.engine == RemoteEngine::kClickHouse
                      ? ClickHouseColumnType(column.engine_type)
                      : PostgresColumnType(static_cast<unsigned>(rows->columns[2].IntAt(row)));
    columns.push_back(std::move(column));
  }
  return columns;
}

Result<RowEstimate> EstimateRemoteRows(RemoteClient& client, const CancelToken& cancel) {
  const RemoteSource& source = client.source();
  if (source.engine == RemoteEngine::kPostgres && source.query.empty()) {
    auto estimate = client.Query(
        fmt::format("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass({})",
                    PostgresRegclass(source)),
        cancel);
    if (!estimate.ok()) return estimate.error();
    // -1: never vacuumed nor analysed, so the planner knows nothing yet.
    if (estimate->row_count == 1 && estimate->columns[0].IsValid(0) &&
        estimate->columns[0].IntAt(0) >= 0)
      return RowEstimate{static_cast<uint64_t>(estimate->columns[0].IntAt(0)), false};
  }
  auto count =
      client.Query(fmt::format("SELECT count(*) AS n FROM {}", RemoteTableSql(source)), cancel);
  if (!count.ok()) return count.error();
  return RowEstimate{static_cast<uint64_t>(count->columns[0].IntAt(0)), true};
}

Result<TableBatch> PreviewRemote(RemoteClient& client, uint32_t rows, const CancelToken& cancel) {
  return client.Query(
      fmt::format("SELECT * FROM {} LIMIT {}", RemoteTableSql(client.source()), rows), cancel);
}

}  // namespace pika
