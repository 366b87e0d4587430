// Copyright 2026 The neardup Authors.
//
// What every subcommand shares: skip messages on stderr, output streams, the
// default input.

#ifndef NEARDUP_CLI_REPORTING_H_
#define NEARDUP_CLI_REPORTING_H_

#include <fstream>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/types/span.h"

#include "neardup/io.h"

namespace neardup::cli {

// Prints "neardup CMD: FILE:LINE: skipped ID (reason): detail" for each
// skipped item unless `quiet`, and returns the exit code the items call for:
// kExitNoDocuments when none is usable, kExitSkipped when some were skipped,
// else kExitOk.
int ReportSkips(std::string_view command, absl::Span<const ReadItem> items,
                bool quiet);

// datasets/seeds in the working directory, else in the source tree the
// binary was built from.
std::string DefaultSeedsPath();

// Standard output for "-", else a file opened for writing.
class OutputStream {
 public:
  explicit OutputStream(const std::string& path);
  bool ok() const { return stream_ != nullptr && stream_->good(); }
  std::ostream& stream() { return *stream_; }

 private:
  std::ofstream file_;
  std::ostream* stream_ = nullptr;
};

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_REPORTING_H_
