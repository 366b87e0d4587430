// Copyright 2026 The neardup Authors.
//
// neardup: find near-duplicate and syndicated news articles.

#include <exception>
#include <iostream>

#include "CLI/CLI.hpp"

#include "commands.h"
#include "exit_codes.h"

int main(int argc, char** argv) {
  namespace cli = neardup::cli;
  CLI::App app{
      "neardup finds near-duplicate and syndicated news articles, measures "
      "how much text they share and where, and tells the origin from its "
      "rewrites.",
      "neardup"};
  app.require_subcommand(1);
  app.footer(cli::ExitCodesHelp());
  int exit_code = cli::kExitOk;
  cli::AddRegisteredCommands(app, &exit_code);
  cli::AddSimdOption(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "neardup: internal error: " << e.what() << "\n";
    return cli::kExitInternal;
  }
  return exit_code;
}
