// Copyright 2026 The neardup Authors.
//
// EstimateJsonlDocuments() (index.h): how many documents an ingest is about
// to add, from the input files' sizes, for IndexOpenOptions::
// expected_additions.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "neardup/index.h"

namespace neardup {
namespace {

constexpr size_t kSampleBytes = size_t{1} << 20;

// Lines of the regular file `path`, estimated from its first kSampleBytes;
// 0 for anything else.
uint64_t EstimateLines(const std::string& path) {
  if (path == "-") return 0;
  std::error_code ec;
  const std::filesystem::path p(path);
  if (!std::filesystem::is_regular_file(p, ec) || ec) return 0;
  const uint64_t size = std::filesystem::file_size(p, ec);
  if (ec || size == 0) return 0;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return 0;
  std::vector<char> buf(std::min<uint64_t>(size, kSampleBytes));
  const size_t got = std::fread(buf.data(), 1, buf.size(), f);
  std::fclose(f);
  if (got == 0) return 0;
  uint64_t lines =
      static_cast<uint64_t>(std::count(buf.begin(), buf.begin() + got, '\n'));
  if (got == size) {
    // The whole file: a last line without its newline counts too.
    return lines + (buf[got - 1] != '\n' ? 1 : 0);
  }
  // A sample without a line end is one line of at least its length.
  lines = std::max<uint64_t>(lines, 1);
  return static_cast<uint64_t>(
      std::llround(static_cast<double>(size) * static_cast<double>(lines) /
                   static_cast<double>(got)));
}

}  // namespace

uint64_t EstimateJsonlDocuments(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  for (const std::string& path : paths) total += EstimateLines(path);
  return total;
}

}  // namespace neardup
