// Copyright 2026 The neardup Authors.

#include "exit_codes.h"

namespace neardup::cli {

std::string ExitCodesHelp() {
  return "Exit codes:\n"
         "  0  every input document was processed\n"
         "  1  done, but some inputs or documents were skipped (named on "
         "stderr and in the output)\n"
         "  2  bad command line\n"
         "  3  no usable document in the input\n"
         "  4  internal error\n";
}

}  // namespace neardup::cli
