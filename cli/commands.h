// Copyright 2026 The neardup Authors.
//
// The subcommands of `neardup`. Each Add*Command() registers one subcommand
// on the application and sets its callback; the callback stores the exit code
// in *exit_code.

#ifndef NEARDUP_CLI_COMMANDS_H_
#define NEARDUP_CLI_COMMANDS_H_

#include "CLI/CLI.hpp"

namespace neardup::cli {

void AddDedupCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddScanCommand(CLI::App& app, int* exit_code);
void AddVersionCommand(CLI::App& app, int* exit_code);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_COMMANDS_H_
