// Copyright 2026 The neardup Authors.
//
// Exit codes of every neardup command (documented in --help and README.md).

#ifndef NEARDUP_CLI_EXIT_CODES_H_
#define NEARDUP_CLI_EXIT_CODES_H_

#include <string>

namespace neardup::cli {

enum ExitCode : int {
  kExitOk = 0,           // Every input document was processed.
  kExitSkipped = 1,      // Done, but some inputs or documents were skipped
                         // (each is named on stderr and in the output).
  kExitUsage = 2,        // Bad command line (unknown option, bad value).
  kExitNoDocuments = 3,  // Nothing could be processed: no usable document.
  kExitInternal = 4,     // An unexpected internal error.
};

// The table above as text, for --help footers.
std::string ExitCodesHelp();

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_EXIT_CODES_H_
