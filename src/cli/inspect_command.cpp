// pika inspect FILE [--json]: the inferred schema, dialect and first rows; imports nothing.
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

struct InspectArgs {
  std::string file;
  bool json = false;
  CsvFlags csv;
};

int RunInspect(const InspectArgs& args) {
  auto options = ToImportOptions(args.csv);
  if (!options.ok()) return Fail(options.error());
  auto database = OpenEngine();
  if (!database.ok()) return Fail(database.error());
  auto connection = database->Connect();
  if (!connection.ok()) return Fail(connection.error());
  auto report = InspectFile(*connection, args.file, *options, CancelOnInterrupt());
  if (!report.ok()) return Fail(report.error());
  if (args.json) {
    std::cout << ToJson(*report).dump(2) << '\n';
  } else {
    PrintInspect(std::cout, *report);
  }
  return kExitOk;
}

}  // namespace

void AddInspectCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<InspectArgs>();
  CLI::App* command =
      app.add_subcommand("inspect", "Show the inferred schema, dialect and first rows of a file");
  command->add_option("FILE", args->file, "CSV/TSV (.gz, .zst) or Parquet file")->required();
  command->add_flag("--json", args->json, "Print JSON (see docs/cli.md)");
  AddCsvFlags(*command, args->csv);
  command->callback([args, &exit_code] { exit_code = RunInspect(*args); });
}

}  // namespace pika::cli
