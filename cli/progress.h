// Copyright 2026 The neardup Authors.
//
// A one-line progress display on stderr for long jobs, shown when stderr is
// a terminal (or when asked): `--progress auto|always|never` on the commands
// that have one.

#ifndef NEARDUP_CLI_PROGRESS_H_
#define NEARDUP_CLI_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"

namespace neardup::cli {

// Adds --progress (auto, always, never; default auto) to `cmd`.
void AddProgressOption(CLI::App* cmd, std::string* mode);
// Whether to show progress for --progress `mode`: always, or auto when not
// quiet and stderr is a terminal.
bool ShowProgress(const std::string& mode, bool quiet);

// The total size of `paths` when every one is a regular file, else 0
// (standard input or a directory: the size is not known ahead).
uint64_t InputBytes(const std::vector<std::string>& paths);

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

  bool enabled() const { return enabled_; }

 private:
  // True when a line is due (200 ms since the last, or `force`); sets `*s`
  // to the seconds since the start.
  bool Due(bool force, double* s);

  bool enabled_;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
};

// Calls `tick` every 100 ms on a thread of its own, when `enabled`, until
// Stop() or destruction: a progress display for work that runs on the
// calling thread (which keeps its memory where single-threaded work put it).
class Ticker {
 public:
  Ticker(bool enabled, std::function<void()> tick);
  ~Ticker() { Stop(); }
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;

  // Stops the ticks and waits for the thread; a tick under way finishes.
  void Stop();

 private:
  std::function<void()> tick_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_PROGRESS_H_
