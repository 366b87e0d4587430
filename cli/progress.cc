// Copyright 2026 The neardup Authors.

#include "progress.h"

#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <utility>

namespace neardup::cli {
namespace {

// " ETA m:ss" for `left` seconds.
void FormatEta(double left, char (&out)[32]) {
  std::snprintf(out, sizeof(out), "  ETA %d:%02d", static_cast<int>(left) / 60,
                static_cast<int>(left) % 60);
}

}  // namespace

uint64_t InputBytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-" || !std::filesystem::is_regular_file(p, ec)) return 0;
    total += std::filesystem::file_size(p, ec);
  }
  return total;
}

void AddProgressOption(CLI::App* cmd, std::string* mode) {
  cmd->add_option("--progress", *mode,
                  "Progress bar on stderr: auto (when it is a terminal), "
                  "always or never.")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

bool ShowProgress(const std::string& mode, bool quiet) {
  return mode == "always" ||
         (mode == "auto" && !quiet && isatty(STDERR_FILENO));
}

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled),
      total_(total_bytes),
      start_(std::chrono::steady_clock::now()) {}

bool Progress::Due(bool force, double* s) {
  if (!enabled_) return false;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(200)) return false;
  last_ = now;
  *s = std::max(1e-3, std::chrono::duration<double>(now - start_).count());
  return true;
}

void Progress::Update(uint64_t docs, uint64_t bytes, bool force) {
  double s = 0;
  if (!Due(force, &s)) return;
  char eta[32] = "";
  if (total_ > 0 && bytes > 0 && bytes <= total_) {
    FormatEta(s * (total_ - bytes) / bytes, eta);
  }
  std::fprintf(stderr, "\r  %" PRIu64 " docs  %.0f docs/s  %.1f MB/s%s   ",
               docs, docs / s, bytes / s / 1e6, eta);
  std::fflush(stderr);
}

void Progress::Count(const char* what, uint64_t done, uint64_t total,
                     bool force) {
  double s = 0;
  if (!Due(force, &s)) return;
  char eta[32] = "";
  if (done > 0 && done <= total) FormatEta(s * (total - done) / done, eta);
  std::fprintf(
      stderr, "\r  %s: %" PRIu64 " of %" PRIu64 " (%.0f%%)  %.0f/s%s   ", what,
      done, total, total > 0 ? 100.0 * done / total : 100.0, done / s, eta);
  std::fflush(stderr);
}

void Progress::Message(const char* what) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r  %s ...%40s\r", what, "");
  std::fflush(stderr);
}

void Progress::Done() {
  if (enabled_) std::fprintf(stderr, "\r%70s\r", "");
}

Ticker::Ticker(bool enabled, std::function<void()> tick)
    : tick_(std::move(tick)) {
  if (!enabled) return;
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(100),
                         [this] { return stop_; })) {
      tick_();
    }
  });
}

void Ticker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace neardup::cli
