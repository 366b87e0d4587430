// Copyright 2026 The neardup Authors.
//
// Paths to fixtures for tests and benchmarks.

#ifndef NEARDUP_TESTING_TEST_PATHS_H_
#define NEARDUP_TESTING_TEST_PATHS_H_

#include <optional>
#include <string>
#include <string_view>

namespace neardup::testing {

// The project's source tree (tests run with it as working directory).
std::string SourcePath(std::string_view relative);

// ../shared/datasets/<name> beside the project, when present. Tests that need
// it skip when this returns nullopt. NEARDUP_SHARED overrides the location.
std::optional<std::string> SharedDataset(std::string_view name);

// A path under the system's temporary folder, neardup_<name>_<pid>, with
// whatever was there removed: a fresh directory or file for one test.
// Whatever is at the path is removed again when the process that asked for
// it exits normally (a forked child's exit leaves it alone).
std::string FreshTempPath(std::string_view name);

// Writes a two-line JSONL file at `path`: document "huge", whose line is
// 200 MiB of 'a' plus the JSON around it, then document "small".
void WriteHugeLineJsonl(const std::string& path);

}  // namespace neardup::testing

#endif  // NEARDUP_TESTING_TEST_PATHS_H_
