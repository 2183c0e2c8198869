// The `pika` subcommands. Each registers itself on the app and sets the exit code it earns.
#pragma once

#include <CLI/CLI.hpp>

#include "core/error.h"

namespace pika::cli {

void AddInspectCommand(CLI::App& app, int& exit_code);
void AddImportCommand(CLI::App& app, int& exit_code);
void AddSqlCommand(CLI::App& app, int& exit_code);
void AddPlotCommand(CLI::App& app, int& exit_code);
void AddRemoteCommand(CLI::App& app, int& exit_code);
void AddWorkspaceCommands(CLI::App& app, int& exit_code);  // info, render

// Prints a failure once, on stderr, and returns its exit code.
int Fail(const Error& error);

}  // namespace pika::cli
