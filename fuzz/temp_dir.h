// Copyright 2026 The neardup Authors.
//
// A temporary directory for one fuzzer run, removed when the run exits
// normally (libFuzzer exits through exit() at -max_total_time and -runs).
// A crash leaves it, beside the crash input, for the reproduction.

#ifndef NEARDUP_FUZZ_TEMP_DIR_H_
#define NEARDUP_FUZZ_TEMP_DIR_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace neardup::fuzz {

// Creates /tmp/neardup_<name>_XXXXXX (or under $TMPDIR) once per process
// and returns it; aborts when it cannot.
inline const std::string& RunTempDir(const char* name) {
  static std::string* const dir = [name] {
    std::string pattern = (std::filesystem::temp_directory_path() /
                           ("neardup_" + std::string(name) + "_XXXXXX"))
                              .string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return new std::string(pattern);
  }();
  static const pid_t owner = ::getpid();
  static const int registered = std::atexit([] {
    if (::getpid() != owner) return;  // A forked child's exit.
    std::error_code ignored;
    std::filesystem::remove_all(*dir, ignored);
  });
  (void)registered;
  return *dir;
}

}  // namespace neardup::fuzz

#endif  // NEARDUP_FUZZ_TEMP_DIR_H_
