// Copyright 2026 The neardup Authors.

#include "test_paths.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

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

std::string FreshTempPath(std::string_view name) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("neardup_" + std::string(name) + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
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
