#include "storage/duckdb_source.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "storage/database.h"
#include "storage/sql_quote.h"

namespace pika {

namespace {

// One alias per file, the same for every call, so a file is attached once per engine.
std::string AliasOf(const std::string& path) {
  const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  return fmt::format("pika_db_{:016x}", std::hash<std::string>{}(absolute));
}

Error Explain(const Error& error, const std::string& path) {
  if (error.kind == ErrorKind::kCancelled || error.kind == ErrorKind::kNotAllowed) return error;
  // DuckDB: "Could not set lock on file ...: Conflicting lock is held in ... (PID n)".
  if (error.message.find("Could not set lock") != std::string::npos ||
      error.message.find("Conflicting lock") != std::string::npos) {
    return InvalidInput(fmt::format(
        "'{}' is open in another program that writes to it (DuckDB lets one program write a "
        "database at a time): close it there, or open a copy of the file",
        path));
  }
  return InvalidInput(
      fmt::format("cannot read '{}' as a DuckDB database: {}", path, error.message));
}

Result<std::string> Attach(Connection& connection, const std::string& path) {
  const std::string alias = AliasOf(path);
  // IF NOT EXISTS: the engine's workers attach for the tables they read at the same time.
  const Status status = connection.Execute(fmt::format("ATTACH IF NOT EXISTS {} AS {} (READ_ONLY)",
                                                       QuoteLiteral(path), QuoteIdentifier(alias)));
  if (!status.ok()) return Explain(status.error(), path);
  return alias;
}

std::string QualifiedName(const std::string& alias, const std::string& table) {
  return QuoteIdentifier(alias) + "." + DuckDbTableSql(table);
}

}  // namespace

std::string DuckDbTableSql(const std::string& table) {
  const size_t dot = table.find('.');
  const std::string schema = dot == std::string::npos ? "main" : table.substr(0, dot);
  const std::string name = dot == std::string::npos ? table : table.substr(dot + 1);
  return QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
}

Result<std::vector<std::string>> DuckDbTables(Connection& connection, const std::string& path) {
  auto alias = Attach(connection, path);
  if (!alias.ok()) return alias.error();
  auto rows = connection.QueryAll(fmt::format(
      // A name with a dot keeps its schema, so that QualifiedName splits it right.
      "SELECT CASE WHEN schema_name = 'main' AND NOT contains(table_name, '.') THEN table_name "
      "ELSE schema_name || '.' || table_name END FROM duckdb_tables() WHERE database_name = {} "
      "ORDER BY schema_name <> 'main', schema_name, table_name",
      QuoteLiteral(*alias)));
  if (!rows.ok()) return Explain(rows.error(), path);
  std::vector<std::string> tables;
  for (size_t row = 0; row < rows->row_count; ++row) tables.push_back(rows->columns[0].TextAt(row));
  return tables;
}

Result<std::vector<std::string>> ListDuckDbTables(const std::string& path) {
  auto file = OpenSourceFile(path);
  if (!file.ok() || file->format != FileFormat::kDuckDb) return std::vector<std::string>();
  auto database = Database::Open({});
  if (!database.ok()) return database.error();
  auto connection = database->Connect();
  if (!connection.ok()) return connection.error();
  return DuckDbTables(*connection, path);
}

Result<std::string> ResolveDuckDbTable(Connection& connection, const SourceFile& file,
                                       const std::string& wanted) {
  auto tables = DuckDbTables(connection, file.path);
  if (!tables.ok()) return tables.error();
  if (tables->empty())
    return InvalidInput(fmt::format("'{}' is a DuckDB database without tables", file.path));
  if (wanted.empty()) {
    if (tables->size() == 1) return tables->front();
    return InvalidInput(
        fmt::format("'{}' holds {} tables ({}): choose one of them (--source-table)", file.path,
                    tables->size(), fmt::join(*tables, ", ")));
  }
  const auto found = std::find_if(tables->begin(), tables->end(), [&](const std::string& table) {
    return SameIdentifier(table, wanted);
  });
  if (found == tables->end()) {
    return NotFound(fmt::format("'{}' has no table '{}'; its tables are: {}", file.path, wanted,
                                fmt::join(*tables, ", ")));
  }
  return *found;
}

Result<InspectReport> InspectDuckDbTable(Connection& connection, const SourceFile& file,
                                         const std::string& table) {
  auto alias = Attach(connection, file.path);
  if (!alias.ok()) return alias.error();
  InspectReport report;
  report.dialect.format = "duckdb";
  report.dialect.compression = "internal";
  auto result =
      connection.Query(fmt::format("SELECT * FROM {} LIMIT 10", QualifiedName(*alias, table)));
  if (!result.ok()) return Explain(result.error(), file.path);
  for (const ResultColumn& column : result->columns()) {
    report.columns.push_back({column.name,
                              column.type,
                              column.engine_type,
                              1.0,
                              fmt::format("type declared in the database's table '{}'", table),
                              {}});
  }
  auto sample = result->FetchAll();
  if (!sample.ok()) return Explain(sample.error(), file.path);
  report.sample = std::move(*sample);
  report.sampled_rows = report.sample.row_count;
  return report;
}

Status CreateFromDuckDbTable(Connection& connection, const SourceFile& file,
                             const std::string& table, const std::string& target, bool in_place) {
  auto alias = Attach(connection, file.path);
  if (!alias.ok()) return alias.error();
  const Status status = connection.Execute(
      fmt::format("CREATE {} {} AS SELECT * FROM {}", in_place ? "OR REPLACE VIEW" : "TABLE",
                  QuoteIdentifier(target), QualifiedName(*alias, table)));
  if (!status.ok()) return Explain(status.error(), file.path);
  return {};
}

}  // namespace pika
