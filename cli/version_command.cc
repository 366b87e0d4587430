// Copyright 2026 The neardup Authors.
//
// `neardup version`: the version and the SIMD target in use; and the global
// --simd option (NEARDUP_SIMD) that forces a target.

#include <iostream>
#include <string>

#include "absl/strings/str_join.h"

#include "neardup/version.h"

#include "commands.h"
#include "exit_codes.h"

namespace neardup::cli {

void AddVersionCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "version", "Print the version and the SIMD target in use.");
  cmd->callback([exit_code] {
    std::cout << "neardup " << Version() << "\n";
    std::cout << "simd " << SimdTarget()
              << " (available: " << absl::StrJoin(AvailableSimdTargets(), ", ")
              << ")\n";
    *exit_code = kExitOk;
  });
}

void AddSimdOption(CLI::App& app) {
  app.add_option_function<std::string>(
         "--simd",
         [](const std::string& name) {
           const absl::Status status = SetSimdTarget(name);
           if (!status.ok()) {
             throw CLI::ValidationError("--simd",
                                        std::string(status.message()));
           }
         },
         "Force a SIMD target for every kernel (auto, avx3_dl, avx3/avx512, "
         "avx2, sse4, ssse3, scalar); `neardup version` lists those "
         "available.")
      ->envname("NEARDUP_SIMD");
}

NEARDUP_REGISTER_COMMAND(90, AddVersionCommand);

}  // namespace neardup::cli
