// Copyright 2026 The neardup Authors.

#include "reporting.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"

#include "exit_codes.h"

namespace neardup::cli {

void PrintSkip(std::string_view command, const ReadItem& item) {
  PrintSkip(command, item.where, item.document.id, item.skip);
}

void PrintSkip(std::string_view command, const SourceLocation& where,
               std::string_view id, const Skip& skip) {
  std::cerr << "neardup " << command << ": " << ToString(where) << ": skipped "
            << id << " (" << SkipReasonName(skip.reason) << "): " << skip.detail
            << "\n";
}

void AddMaxDocBytesOption(CLI::App* cmd, int64_t* max_doc_bytes,
                          std::string_view note) {
  cmd->add_option("--max-doc-bytes", *max_doc_bytes,
                  absl::StrCat("Skip (too_large) a document, file or JSONL "
                               "line, larger than this many bytes, without "
                               "reading it into memory. Suffixes k, m, g "
                               "(powers of 1024).",
                               std::string(note)))
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40))
      ->capture_default_str();
}

void Accounting::Count(const ReadItem& item) {
  if (item.skipped()) {
    ++skipped_[static_cast<size_t>(item.skip.reason)];
  } else {
    ++processed_;
  }
}

void Accounting::Demote(SkipReason reason) {
  --processed_;
  ++skipped_[static_cast<size_t>(reason)];
}

void Accounting::Add(SkipReason reason, int64_t n) {
  if (reason == SkipReason::kNone) {
    processed_ += n;
  } else {
    skipped_[static_cast<size_t>(reason)] += n;
  }
}

int64_t Accounting::skipped() const {
  int64_t total = 0;
  for (const int64_t n : skipped_) total += n;
  return total;
}

int64_t Accounting::skipped(SkipReason reason) const {
  return skipped_[static_cast<size_t>(reason)];
}

std::string Accounting::Summary() const {
  std::string out = absl::StrCat("read ", read(), ", processed ", processed_,
                                 ", skipped ", skipped());
  // Reasons in name order, so the line reads the same in every run.
  std::map<std::string, int64_t> by_name;
  for (size_t r = 1; r < skipped_.size(); ++r) {
    if (skipped_[r] > 0) {
      by_name[std::string(SkipReasonName(static_cast<SkipReason>(r)))] =
          skipped_[r];
    }
  }
  const char* sep = " (";
  for (const auto& [name, n] : by_name) {
    absl::StrAppend(&out, sep, name, " ", n);
    sep = ", ";
  }
  if (!by_name.empty()) out += ")";
  return out;
}

void Accounting::PrintSummary(std::string_view command) const {
  std::cerr << "neardup " << command << ": summary: " << Summary() << "\n";
}

nlohmann::ordered_json Accounting::ToJson() const {
  nlohmann::ordered_json by_reason = nlohmann::ordered_json::object();
  std::map<std::string, int64_t> by_name;
  for (size_t r = 1; r < skipped_.size(); ++r) {
    if (skipped_[r] > 0) {
      by_name[std::string(SkipReasonName(static_cast<SkipReason>(r)))] =
          skipped_[r];
    }
  }
  for (const auto& [name, n] : by_name) by_reason[name] = n;
  return {{"read", read()},
          {"processed", processed_},
          {"skipped", skipped()},
          {"skipped_by_reason", by_reason}};
}

int Accounting::ExitCode() const {
  if (processed_ == 0) return kExitNoDocuments;
  return skipped() > 0 ? kExitSkipped : kExitOk;
}

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
    if (!quiet) PrintSkip(command, item);
  }
  if (usable == 0) {
    std::cerr << "neardup " << command << ": no usable document in the input\n";
    return kExitNoDocuments;
  }
  return skipped > 0 ? kExitSkipped : kExitOk;
}

int ThreadCount(int flag) {
  return flag > 0 ? flag
                  : static_cast<int>(
                        std::max(1u, std::thread::hardware_concurrency()));
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
