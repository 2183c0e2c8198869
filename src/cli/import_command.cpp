// pika import FILE: creates a table from a CSV or Parquet file and reports what it did.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/csv_flags.h"
#include "cli/database_flag.h"
#include "cli/exit_codes.h"
#include "cli/interrupt_signal.h"
#include "cli/report_json.h"
#include "cli/report_text.h"
#include "storage/file_importer.h"

namespace pika::cli {

namespace {

struct ImportArgs {
  std::string file;
  std::string db = kDefaultDatabase;
  std::string table;
  bool replace = false;
  bool json = false;
  CsvFlags csv;
};

ProgressFn TerminalProgress() {
  if (!isatty(STDERR_FILENO)) return {};
  return [last = -1](double fraction) mutable {
    const int percent = static_cast<int>(fraction * 100.0);
    if (percent == last) return;
    last = percent;
    std::cerr << fmt::format("\rimporting... {:3d}%", percent) << std::flush;
  };
}

std::string BadRowsAdvice(const ImportReport& report) {
  return fmt::format(
      "{} rows of '{}' do not fit (first: line {}: {}); nothing was imported. Fix the file, "
      "set the column types (--type COL=VARCHAR), or re-run with --on-bad-rows=skip to import "
      "the other rows or --on-bad-rows=text to keep failing columns as text",
      report.rejected, report.table, report.rejects.empty() ? 0 : report.rejects[0].line,
      report.rejects.empty() ? "" : report.rejects[0].reason);
}

int RunImport(const ImportArgs& args) {
  auto options = ToImportOptions(args.csv);
  if (!options.ok()) return Fail(options.error());
  auto database = OpenDatabaseFor(args.db, DatabaseUse::kCreateIfMissing);
  if (!database.ok()) return Fail(database.error());
  auto connection = database->Connect();
  if (!connection.ok()) return Fail(connection.error());
  const ImportRequest request{args.file, args.table, args.replace, *options};
  const ProgressFn progress = args.json ? ProgressFn{} : TerminalProgress();
  auto result = ImportFile(*connection, request, CancelOnInterrupt(), progress);
  if (progress) std::cerr << '\r' << std::string(20, ' ') << '\r';
  if (!result.ok()) return Fail(result.error());
  if (args.json) {
    std::cout << ToJson(result->report).dump(2) << '\n';
  } else {
    PrintImport(std::cout, result->report);
  }
  if (result->outcome == ImportOutcome::kStoppedOnBadRows) {
    std::cerr << "pika: " << BadRowsAdvice(result->report) << '\n';
    return kExitUserError;
  }
  return kExitOk;
}

}  // namespace

void AddImportCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* command = app.add_subcommand("import", "Import a CSV or Parquet file into a table");
  command->add_option("FILE", args->file, "CSV/TSV (.gz, .zst) or Parquet file")->required();
  command->add_option("--db", args->db, "DuckDB database file (default: ./pika.duckdb)");
  command->add_option("--table", args->table, "Table name (default: from the file name)");
  command->add_flag("--replace", args->replace, "Replace a table of the same name");
  command->add_flag("--json", args->json, "Print JSON (see docs/cli.md)");
  AddCsvFlags(*command, args->csv);
  command->callback([args, &exit_code] { exit_code = RunImport(*args); });
}

}  // namespace pika::cli
