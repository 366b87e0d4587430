// Copyright 2026 The neardup Authors.
//
// The subcommands of `neardup`. Each Add*Command() adds one subcommand to the
// application and sets its callback; the callback stores the exit code in
// *exit_code. Every cli/<name>_command.cc registers its function with
// NEARDUP_REGISTER_COMMAND, so adding a subcommand touches no other file;
// main() adds them all, ordered by their `order` value (the order of --help).

#ifndef NEARDUP_CLI_COMMANDS_H_
#define NEARDUP_CLI_COMMANDS_H_

#include "CLI/CLI.hpp"

namespace neardup::cli {

void AddDedupCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddIndexCommand(CLI::App& app, int* exit_code);
void AddScanCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
void AddSketchCommand(CLI::App& app, int* exit_code);
void AddVersionCommand(CLI::App& app, int* exit_code);

using AddCommandFn = void (*)(CLI::App& app, int* exit_code);

// Records `add` for AddRegisteredCommands(); returns true. Called during
// static initialisation through NEARDUP_REGISTER_COMMAND.
bool RegisterCommand(int order, AddCommandFn add);

// Adds every registered subcommand to `app`, by ascending order.
void AddRegisteredCommands(CLI::App& app, int* exit_code);

#define NEARDUP_CLI_CONCAT_INNER_(a, b) a##b
#define NEARDUP_CLI_CONCAT_(a, b) NEARDUP_CLI_CONCAT_INNER_(a, b)
// At namespace scope in a command's .cc file: NEARDUP_REGISTER_COMMAND(10,
// AddScanCommand);
#define NEARDUP_REGISTER_COMMAND(order, add)              \
  [[maybe_unused]] static const bool NEARDUP_CLI_CONCAT_( \
      neardup_command_registered_, __LINE__) =            \
      ::neardup::cli::RegisterCommand(order, add)

// The global --simd option (and NEARDUP_SIMD): forces a SIMD target.
void AddSimdOption(CLI::App& app);

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_COMMANDS_H_
