// Copyright 2026 The neardup Authors.
//
// What every subcommand shares: skip messages on stderr, output streams, the
// default input.

#ifndef NEARDUP_CLI_REPORTING_H_
#define NEARDUP_CLI_REPORTING_H_

#include <array>
#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>

#include "CLI/CLI.hpp"
#include "absl/types/span.h"
#include "nlohmann/json.hpp"

#include "neardup/io.h"

namespace neardup::cli {

// Prints "neardup CMD: FILE:LINE: skipped ID (reason): detail" to stderr.
void PrintSkip(std::string_view command, const ReadItem& item);
// The same for a document read at `where` that a later stage skipped.
void PrintSkip(std::string_view command, const SourceLocation& where,
               std::string_view id, const Skip& skip);

// Adds --max-doc-bytes (k, m, g suffixes) to `cmd`, the same on every
// command that reads documents; `note` is appended to its description.
void AddMaxDocBytesOption(CLI::App* cmd, int64_t* max_doc_bytes,
                          std::string_view note = "");

// The accounting of one command run (issue 7): every input item read is
// either processed or skipped with a reason, so read == processed + skipped
// and the skips add up by reason. Every command prints Summary() on stderr
// and, where its output has a summary object, adds ToJson() to it.
//
//   neardup dedup: summary: read 12, processed 8, skipped 4 (duplicate_id 1,
//   not_utf8 3)
class Accounting {
 public:
  // Counts one item read: processed, or skipped by its reason.
  void Count(const ReadItem& item);
  // A document read and accepted that a later stage could not take after
  // all (a document or memory limit): moves it from processed to skipped.
  void Demote(SkipReason reason);
  // Counts `n` items at once: processed (kNone) or skipped for `reason`.
  void Add(SkipReason reason, int64_t n);

  int64_t read() const { return processed_ + skipped(); }
  int64_t processed() const { return processed_; }
  int64_t skipped() const;
  int64_t skipped(SkipReason reason) const;

  // "read 12, processed 8, skipped 4 (duplicate_id 1, not_utf8 3)": reasons
  // by name, each with its count.
  std::string Summary() const;
  // Prints "neardup CMD: summary: <Summary()>" to stderr.
  void PrintSummary(std::string_view command) const;
  // {"read", "processed", "skipped", "skipped_by_reason": {name: count}}.
  nlohmann::ordered_json ToJson() const;
  // kExitNoDocuments when nothing was processed, kExitSkipped when something
  // was skipped, else kExitOk.
  int ExitCode() const;

 private:
  int64_t processed_ = 0;
  // Indexed by SkipReason.
  std::array<int64_t, static_cast<size_t>(SkipReason::kOverLimit) + 1>
      skipped_{};
};

// Prints "neardup CMD: FILE:LINE: skipped ID (reason): detail" for each
// skipped item unless `quiet`, and returns the exit code the items call for:
// kExitNoDocuments when none is usable, kExitSkipped when some were skipped,
// else kExitOk.
int ReportSkips(std::string_view command, absl::Span<const ReadItem> items,
                bool quiet);

// datasets/seeds in the working directory, else in the source tree the
// binary was built from.
std::string DefaultSeedsPath();

// A -j/--threads flag's value: itself when positive, else one per core.
int ThreadCount(int flag);

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
