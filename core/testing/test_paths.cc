// Copyright 2026 The neardup Authors.

#include "test_paths.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

namespace neardup::testing {

#ifndef NEARDUP_SOURCE_DIR
#define NEARDUP_SOURCE_DIR "."
#endif

std::string SourcePath(std::string_view relative) {
  return (std::filesystem::path(NEARDUP_SOURCE_DIR) / relative).string();
}

std::optional<std::string> SharedDataset(std::string_view name) {
  std::filesystem::path shared;
  if (const char* env = std::getenv("NEARDUP_SHARED")) {
    shared = env;
  } else {
    shared = std::filesystem::path(NEARDUP_SOURCE_DIR) / ".." / "shared";
  }
  std::filesystem::path dir = shared / "datasets" / name;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  return dir.lexically_normal().string();
}

namespace {

// The paths FreshTempPath handed out, removed when the process exits. The
// pid guards forked children (a crash test's writer): their exit must not
// remove the parent's files.
class TempPaths {
 public:
  ~TempPaths() {
    if (::getpid() != owner_) return;
    std::error_code ec;
    for (const std::filesystem::path& path : paths_) {
      std::filesystem::remove_all(path, ec);
    }
  }

  void Add(const std::filesystem::path& path) {
    std::lock_guard<std::mutex> lock(mu_);
    paths_.push_back(path);
  }

 private:
  const pid_t owner_ = ::getpid();
  std::mutex mu_;
  std::vector<std::filesystem::path> paths_;
};

}  // namespace

std::string FreshTempPath(std::string_view name) {
  static TempPaths* const paths = new TempPaths;
  static const int registered = std::atexit([] { delete paths; });
  (void)registered;
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("neardup_" + std::string(name) + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  paths->Add(path);
  return path.string();
}

void WriteHugeLineJsonl(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << R"({"id":"huge","text":")";
  const std::string chunk(1 << 20, 'a');
  for (int i = 0; i < 200; ++i) out << chunk;
  out << "\"}\n"
      << R"({"id":"small","text":"After the huge line."})";
}

}  // namespace neardup::testing
