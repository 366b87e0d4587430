// Copyright 2026 The neardup Authors.
//
// A one-line progress display on stderr for long jobs, shown when stderr is
// a terminal (or when asked): `--progress auto|always|never` on the commands
// that have one.

#ifndef NEARDUP_CLI_PROGRESS_H_
#define NEARDUP_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "CLI/CLI.hpp"

namespace neardup::cli {

// Adds --progress (auto, always, never; default auto) to `cmd`.
void AddProgressOption(CLI::App* cmd, std::string* mode);
// Whether to show progress for --progress `mode`: always, or auto when not
// quiet and stderr is a terminal.
bool ShowProgress(const std::string& mode, bool quiet);

class Progress {
 public:
  // `total_bytes`: the input's size for Update()'s ETA (0: unknown).
  explicit Progress(bool enabled, uint64_t total_bytes = 0);

  // Documents and bytes read: documents/s, MB/s and, when the input size is
  // known, ETA. At most every 200 ms unless `force`.
  void Update(uint64_t docs, uint64_t bytes, bool force = false);
  // `done` of `total` units of a stage ("analysing pairs"): share, rate and
  // ETA. At most every 200 ms unless `force`.
  void Count(const char* what, uint64_t done, uint64_t total,
             bool force = false);
  // A stage without a count.
  void Message(const char* what);
  // Clears the line.
  void Done();

 private:
  // True when a line is due (200 ms since the last, or `force`); sets `*s`
  // to the seconds since the start.
  bool Due(bool force, double* s);

  bool enabled_;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_PROGRESS_H_
