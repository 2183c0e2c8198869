// pika remote URL [--rows N] [--sql SQL] [--format table|csv|json]: what a remote table holds
// (columns, row count, first rows), or the result of SQL run on its engine.
#include <fmt/format.h>

#include <cctype>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/database_flag.h"
#include "cli/exit_codes.h"
#include "cli/interrupt_signal.h"
#include "cli/remote_flag.h"
#include "cli/report_json.h"
#include "cli/table_text.h"
#include "compute/bring_local.h"
#include "compute/remote_table.h"
#include "remote/remote_catalog.h"
#include "storage/query_export.h"

namespace pika::cli {

namespace {

struct RemoteArgs {
  std::string url;
  std::string sql;
  uint32_t rows = 10;
  std::optional<uint64_t> max_rows;  // printed: 10,000; brought into --out: 5,000,000
  std::string out;                   // with --sql: write the rows to this CSV or Parquet file
  std::string format = "table";
};

void PrintRows(const std::string& format, const TableBatch& rows) {
  if (format == "json") {
    std::cout << RowsToJson(rows).dump(2) << '\n';
  } else if (format == "csv") {
    PrintCsv(std::cout, rows);
  } else {
    PrintTable(std::cout, rows);
  }
}

nlohmann::json ColumnsJson(const std::vector<EngineColumn>& columns) {
  nlohmann::json list = nlohmann::json::array();
  for (const EngineColumn& column : columns) {
    list.push_back({{"name", column.name},
                    {"type", column.engine_type},
                    {"pika_type", std::string(ToDuckDbName(column.type))}});
  }
  return list;
}

void PrintDescription(const RemoteArgs& args, const RemoteClient& client,
                      const std::vector<EngineColumn>& columns, const RowEstimate& estimate,
                      const TableBatch& preview) {
  if (args.format == "json") {
    const nlohmann::json out{{"source", RemoteUrl(client.source())},
                             {"engine", std::string(EngineName(client.source().engine))},
                             {"columns", ColumnsJson(columns)},
                             {"rows", estimate.rows},
                             {"rows_exact", estimate.exact},
                             {"preview", RowsToJson(preview)}};
    std::cout << out.dump(2) << '\n';
    return;
  }
  std::cout << fmt::format("{} ({}): {}{} rows\n", RemoteUrl(client.source()),
                           EngineName(client.source().engine), estimate.exact ? "" : "~",
                           estimate.rows);
  for (const EngineColumn& column : columns)
    std::cout << fmt::format("  {}  {}\n", column.name, column.engine_type);
  std::cout << '\n';
  PrintRows("table", preview);
}

bool IsQuery(const std::string& sql) {
  const size_t start = sql.find_first_not_of(" \t\r\n(");
  if (start == std::string::npos) return false;
  std::string word = sql.substr(start, 6);
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word.starts_with("select") || word.starts_with("with");
}

std::string WithoutTrailingSemicolons(std::string sql) {
  while (!sql.empty() &&
         (sql.back() == ';' || std::isspace(static_cast<unsigned char>(sql.back()))))
    sql.pop_back();
  return sql;
}

// The query's rows brought local, then written to the file: all or nothing.
int WriteRemoteRows(const RemoteArgs& args, RemoteClient& client, const std::string& sql,
                    const CancelToken& cancel) {
  if (!IsQuery(sql)) return Fail(InvalidInput("--out takes a query: SELECT ... or WITH ..."));
  auto format = DataFileFormatOf(args.out);
  if (!format.ok()) return Fail(format.error());
  auto database = OpenEngine();
  if (!database.ok()) return Fail(database.error());
  auto local = database->Connect();
  if (!local.ok()) return Fail(local.error());
  auto rows = BringLocal(client, sql, args.max_rows.value_or(kBringLocalRows), *local,
                         "remote_rows", cancel);
  if (!rows.ok()) return Fail(rows.error());
  if (Status written = ExportQueryResult(*local, "SELECT * FROM remote_rows", args.out, cancel, {});
      !written.ok())
    return Fail(written.error());
  std::cout << fmt::format("{}: {} rows from {}\n", args.out, *rows, RemoteUrl(client.source()));
  return kExitOk;
}

// A query's rows are capped on the server: a result too big for this machine never leaves it.
int RunRemoteSql(const RemoteArgs& args, RemoteClient& client, const CancelToken& cancel) {
  std::string sql = WithoutTrailingSemicolons(args.sql);
  if (!args.out.empty()) return WriteRemoteRows(args, client, sql, cancel);
  const uint64_t max_rows = args.max_rows.value_or(10'000);
  const bool capped = IsQuery(sql);
  if (capped) sql = fmt::format("SELECT * FROM ({}) AS pika_rows LIMIT {}", sql, max_rows + 1);
  auto rows = client.Query(sql, cancel);
  if (!rows.ok()) return Fail(rows.error());
  const bool cut = capped && rows->row_count > max_rows;
  if (cut) KeepFirstRows(*rows, max_rows);
  PrintRows(args.format, *rows);
  if (cut)
    std::cerr << fmt::format("pika: only the first {} rows are shown (--max-rows)\n", max_rows);
  return kExitOk;
}

int RunRemote(const RemoteArgs& args) {
  const CancelToken& cancel = CancelOnInterrupt();
  auto client = ConnectRemoteUrl(args.url);
  if (!client.ok()) return Fail(client.error());
  if (!args.sql.empty()) return RunRemoteSql(args, **client, cancel);
  auto table = DescribeRemoteTable(**client, args.rows, cancel);
  if (!table.ok()) return Fail(table.error());
  PrintDescription(args, **client, table->columns, table->rows, table->preview);
  return kExitOk;
}

}  // namespace

void AddRemoteCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RemoteArgs>();
  CLI::App* command = app.add_subcommand(
      "remote", "Describe a table in ClickHouse or PostgreSQL, or run SQL on its engine");
  command->add_option("URL", args->url, kRemoteUrlHelp)->required();
  command->add_option("--rows", args->rows, "Rows to preview (default 10)");
  command->add_option("--sql", args->sql,
                      "Run this SQL on the remote engine and print its result instead");
  command->add_option("--max-rows", args->max_rows,
                      "With --sql: print at most this many rows of a query (default 10000), or "
                      "bring at most this many into --out (default 5000000)");
  command->add_option("--out", args->out,
                      "With --sql: write the query's rows to this .csv or .parquet file");
  command->add_option("--format", args->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  command->callback([args, &exit_code] { exit_code = RunRemote(*args); });
}

}  // namespace pika::cli
