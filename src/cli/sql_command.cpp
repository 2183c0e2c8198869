// pika sql [--db DB] [--format table|csv|json] [--file F] [--explain-cache] [SQL]: runs SQL
// statements through the query cache and prints the last result, or how each was answered.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/database_flag.h"
#include "cli/exit_codes.h"
#include "cli/report_json.h"
#include "cli/table_text.h"
#include "compute/cached_query_runner.h"
#include "compute/sql_lexer.h"

namespace pika::cli {

namespace {

constexpr size_t kCacheBudgetBytes = size_t{512} << 20;

struct SqlArgs {
  std::string sql;
  std::string file;
  std::string db;
  std::string format = "table";
  bool explain_cache = false;
};

Result<std::string> ReadScript(const SqlArgs& args) {
  if (args.file.empty() == args.sql.empty()) {
    return InvalidInput("give the SQL either as an argument or with --file, not both");
  }
  if (args.file.empty()) return args.sql;
  std::ifstream file(args.file, std::ios::binary);
  if (!file) return NotFound(fmt::format("cannot read the SQL script '{}'", args.file));
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void PrintRows(const SqlArgs& args, const TableBatch& rows) {
  if (args.format == "json") {
    std::cout << RowsToJson(rows).dump(2) << '\n';
  } else if (args.format == "csv") {
    PrintCsv(std::cout, rows);
  } else {
    PrintTable(std::cout, rows);
  }
}

void PrintExplanation(const SqlArgs& args, size_t index, const std::string& statement,
                      const Answer& answer) {
  const size_t rows = answer.result->rows.row_count;
  if (args.format == "json") {
    const nlohmann::json line{{"statement", statement},
                              {"how", ToString(answer.how)},
                              {"from", answer.from},
                              {"remainder", answer.remainder},
                              {"ms", std::round(answer.ms * 1000.0) / 1000.0},
                              {"rows", rows}};
    std::cout << line.dump() << '\n';
    return;
  }
  std::string how(ToString(answer.how));
  if (!answer.from.empty()) how += " (from: " + answer.from + ")";
  if (!answer.note.empty()) how += " (" + answer.note + ")";
  std::cout << fmt::format("[{}] {} in {:.3f} ms, {} rows: {}\n", index + 1, how, answer.ms, rows,
                           CollapseWhitespace(statement));
}

int RunSql(const SqlArgs& args) {
  auto script = ReadScript(args);
  if (!script.ok()) return Fail(script.error());
  const std::vector<std::string> statements = SplitStatements(*script);
  if (statements.empty()) return Fail(InvalidInput("no SQL statement to run"));
  std::string path = args.db;
  if (path.empty() && std::filesystem::exists(kDefaultDatabase)) path = kDefaultDatabase;
  auto database = OpenDatabaseFor(path, DatabaseUse::kExisting);
  if (!database.ok()) return Fail(database.error());
  auto connection = database->Connect();
  if (!connection.ok()) return Fail(connection.error());
  QueryCache cache(kCacheBudgetBytes);
  SourceVersions versions;
  CachedQueryRunner runner(*connection, cache, versions);
  CachedResultPtr last;
  for (size_t index = 0; index < statements.size(); ++index) {
    auto answer = runner.Run(statements[index]);
    if (!answer.ok()) {
      Error error = answer.error();
      if (statements.size() > 1) {
        error.message = fmt::format("statement {}: {}", index + 1, error.message);
      }
      return Fail(error);
    }
    if (args.explain_cache) PrintExplanation(args, index, statements[index], *answer);
    last = answer->result;
  }
  if (!args.explain_cache) PrintRows(args, last->rows);
  return kExitOk;
}

}  // namespace

void AddSqlCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SqlArgs>();
  CLI::App* command =
      app.add_subcommand("sql", "Run SQL statements and print the result of the last one");
  command->add_option("SQL", args->sql, "One or more ;-separated SQL statements");
  command->add_option("--file", args->file, "Read the statements from a script file");
  command->add_option("--db", args->db,
                      "DuckDB database file (default: ./pika.duckdb if present, else in memory)");
  command->add_option("--format", args->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  command->add_flag("--explain-cache", args->explain_cache,
                    "Print how each statement was answered (fresh or from the cache) and its time");
  command->callback([args, &exit_code] { exit_code = RunSql(*args); });
}

}  // namespace pika::cli
