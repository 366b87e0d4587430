// Copyright 2026 The neardup Authors.

#include "reporting.h"

#include <filesystem>
#include <iostream>

#include "exit_codes.h"

namespace neardup::cli {

int ReportSkips(std::string_view command, absl::Span<const ReadItem> items,
                bool quiet) {
  size_t usable = 0;
  size_t skipped = 0;
  for (const ReadItem& item : items) {
    if (!item.skipped()) {
      ++usable;
      continue;
    }
    ++skipped;
    if (quiet) continue;
    std::cerr << "neardup " << command << ": " << ToString(item.where)
              << ": skipped " << item.document.id << " ("
              << SkipReasonName(item.skip.reason) << "): " << item.skip.detail
              << "\n";
  }
  if (usable == 0) {
    std::cerr << "neardup " << command << ": no usable document in the input\n";
    return kExitNoDocuments;
  }
  return skipped > 0 ? kExitSkipped : kExitOk;
}

std::string DefaultSeedsPath() {
  const std::filesystem::path local = "datasets/seeds";
  std::error_code ec;
  if (std::filesystem::is_directory(local, ec)) return local.string();
  return (std::filesystem::path(NEARDUP_SOURCE_DIR) / local).string();
}

OutputStream::OutputStream(const std::string& path) {
  if (path == "-") {
    stream_ = &std::cout;
    return;
  }
  file_.open(path, std::ios::binary | std::ios::trunc);
  if (file_.is_open()) stream_ = &file_;
}

}  // namespace neardup::cli
