// pika sql [--db DB] [--format table|csv|json] SQL: runs SQL and prints the last result.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/database_flag.h"
#include "cli/exit_codes.h"
#include "cli/report_json.h"
#include "cli/table_text.h"
#include "storage/sql_quote.h"

namespace pika::cli {

namespace {

struct SqlArgs {
  std::string sql;
  std::string db;
  std::string format = "table";
};

bool HasTextOnlyColumns(const QueryResult& result) {
  for (const ResultColumn& column : result.columns()) {
    if (column.type == ColumnType::kOther) return true;
  }
  return false;
}

// Lists, structs, intervals...: let DuckDB write them as text, as its own shell does.
std::string CastTextOnlyColumns(const std::string& sql, const QueryResult& result) {
  std::string replaced;
  for (const ResultColumn& column : result.columns()) {
    if (column.type != ColumnType::kOther) continue;
    const std::string name = QuoteIdentifier(column.name);
    replaced +=
        fmt::format("{}CAST({} AS VARCHAR) AS {}", replaced.empty() ? "" : ", ", name, name);
  }
  std::string body = sql;
  while (!body.empty() &&
         (body.back() == ';' || std::isspace(static_cast<unsigned char>(body.back())))) {
    body.pop_back();
  }
  return fmt::format("SELECT * REPLACE ({}) FROM (\n{}\n)", replaced, body);
}

Result<TableBatch> RunQuery(Connection& connection, const std::string& sql) {
  auto result = connection.Query(sql);
  if (!result.ok()) return result.error();
  if (HasTextOnlyColumns(*result)) {
    auto as_text = connection.Query(CastTextOnlyColumns(sql, *result));
    if (as_text.ok()) return as_text->FetchAll();
  }
  return result->FetchAll();
}

int RunSql(const SqlArgs& args) {
  std::string path = args.db;
  if (path.empty() && std::filesystem::exists(kDefaultDatabase)) path = kDefaultDatabase;
  auto database = OpenDatabaseFor(path, DatabaseUse::kExisting);
  if (!database.ok()) return Fail(database.error());
  auto connection = database->Connect();
  if (!connection.ok()) return Fail(connection.error());
  auto rows = RunQuery(*connection, args.sql);
  if (!rows.ok()) return Fail(rows.error());
  if (args.format == "json") {
    std::cout << RowsToJson(*rows).dump(2) << '\n';
  } else if (args.format == "csv") {
    PrintCsv(std::cout, *rows);
  } else {
    PrintTable(std::cout, *rows);
  }
  return kExitOk;
}

}  // namespace

void AddSqlCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SqlArgs>();
  CLI::App* command =
      app.add_subcommand("sql", "Run SQL and print the result of the last statement");
  command->add_option("SQL", args->sql, "One or more SQL statements")->required();
  command->add_option("--db", args->db,
                      "DuckDB database file (default: ./pika.duckdb if present, else in memory)");
  command->add_option("--format", args->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  command->callback([args, &exit_code] { exit_code = RunSql(*args); });
}

}  // namespace pika::cli
