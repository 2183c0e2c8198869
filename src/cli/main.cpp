// pika: the headless Pika-Plot command. Same engine as the app; used by tests and scripts.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/error.h"

namespace pika::cli {

int Fail(const Error& error) {
  std::cerr << "pika: " << error.message << '\n';
  return ExitCodeFor(error);
}

namespace {

int Run(int argc, char** argv) {
  CLI::App app{"pika: import, inspect, query and plot data files with the Pika-Plot engine"};
  app.require_subcommand(1);
  int exit_code = kExitOk;
  AddInspectCommand(app, exit_code);
  AddImportCommand(app, exit_code);
  AddSqlCommand(app, exit_code);
  AddPlotCommand(app, exit_code);
  AddRemoteCommand(app, exit_code);
  AddWorkspaceCommands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUserError;
  }
  return exit_code;
}

}  // namespace
}  // namespace pika::cli

int main(int argc, char** argv) {
  try {
    return pika::cli::Run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "pika: internal error: " << error.what() << '\n';
  } catch (...) {
    std::cerr << "pika: internal error\n";
  }
  return pika::cli::kExitInternal;
}
