// Copyright 2026 The neardup Authors.
//
// `neardup version`: the version and the SIMD target in use.

#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "neardup/version.h"

namespace neardup::cli {

void AddVersionCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "version", "Print the version and the SIMD target in use.");
  cmd->callback([exit_code] {
    std::cout << "neardup " << Version() << "\n";
    *exit_code = kExitOk;
  });
}

}  // namespace neardup::cli
