// Copyright 2026 The neardup Authors.
//
// DocumentReader: walks the inputs one task at a time, reads text files and
// JSONL streams, and turns repeated ids into kDuplicateId skips.

#include <cstdint>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "xxhash.h"

#include "neardup/io.h"

#include "io/input_walk.h"
#include "io/items.h"
#include "io/jsonl_reader.h"
#include "io/line_reader.h"
#include "io/text_file.h"

namespace neardup {

std::string_view SkipReasonName(SkipReason reason) {
  switch (reason) {
    case SkipReason::kNone:
      return "none";
    case SkipReason::kNotFound:
      return "not_found";
    case SkipReason::kUnreadable:
      return "unreadable";
    case SkipReason::kNoDocuments:
      return "no_documents";
    case SkipReason::kNotUtf8:
      return "not_utf8";
    case SkipReason::kBinary:
      return "binary";
    case SkipReason::kMalformedJson:
      return "malformed_json";
    case SkipReason::kMissingText:
      return "missing_text";
    case SkipReason::kEmpty:
      return "empty";
    case SkipReason::kDuplicateId:
      return "duplicate_id";
    case SkipReason::kTooLarge:
      return "too_large";
    case SkipReason::kOverLimit:
      return "over_limit";
  }
  return "unknown";
}

namespace {

constexpr uint64_t kIdHashSeed = 0x6e65617264757069ULL;  // "neardupi"

}  // namespace

struct DocumentReader::Impl {
  Impl(std::vector<std::string> p, const ReadOptions& o)
      : paths(std::move(p)), options(o), jsonl(o.max_doc_bytes) {}

  bool Next(ReadItem* item);
  // Starts a JSONL task; false (with *item set) when the file cannot be
  // opened.
  bool StartJsonl(const internal::FileTask& task, ReadItem* item);
  // Skips a document whose id was seen before.
  void CheckDuplicate(ReadItem* item);

  struct FirstSeen {
    uint32_t file;  // Index into `files`.
    int64_t line;
  };
  // Ids are remembered by their 128-bit XXH3 hash: 16 bytes an id, no
  // allocation, and a false duplicate needs a 128-bit collision.
  struct IdKey {
    uint64_t low;
    uint64_t high;
    bool operator==(const IdKey& other) const {
      return low == other.low && high == other.high;
    }
    template <typename H>
    friend H AbslHashValue(H h, const IdKey& key) {
      return H::combine(std::move(h), key.low, key.high);
    }
  };

  const std::vector<std::string> paths;
  const ReadOptions options;
  size_t next_path = 0;
  std::deque<internal::FileTask> tasks;

  internal::JsonlReader jsonl;
  std::unique_ptr<internal::ByteSource> jsonl_source;
  std::string jsonl_file;  // Empty when no JSONL input is open.

  // The first place of every id (looked up, never iterated); `files` holds
  // each file name once.
  absl::flat_hash_map<IdKey, FirstSeen> seen;
  std::vector<std::string> files;
};

bool DocumentReader::Impl::StartJsonl(const internal::FileTask& task,
                                      ReadItem* item) {
  if (task.kind == internal::FileTask::Kind::kStdin) {
    std::istream* in =
        options.standard_input != nullptr ? options.standard_input : &std::cin;
    jsonl_source = std::make_unique<internal::IstreamSource>(in);
  } else {
    auto file = std::make_unique<internal::FileSource>();
    const absl::Status opened = file->Open(task.path);
    if (!opened.ok()) {
      *item = internal::InputItem(
          task.path,
          absl::IsNotFound(opened) ? SkipReason::kNotFound
                                   : SkipReason::kUnreadable,
          absl::StrCat("cannot open: ", opened.message()));
      return false;
    }
    jsonl_source = std::move(file);
  }
  jsonl_file = task.path;
  jsonl.Start(jsonl_source.get(), task.path);
  return true;
}

void DocumentReader::Impl::CheckDuplicate(ReadItem* item) {
  if (item->skipped()) return;
  if (files.empty() || files.back() != item->where.file) {
    files.push_back(item->where.file);
  }
  const FirstSeen here{static_cast<uint32_t>(files.size() - 1),
                       item->where.line};
  const std::string& id = item->document.id;
  const XXH128_hash_t hash =
      XXH3_128bits_withSeed(id.data(), id.size(), kIdHashSeed);
  const auto [it, inserted] =
      seen.try_emplace(IdKey{hash.low64, hash.high64}, here);
  if (inserted) return;
  const SourceLocation first{files[it->second.file], it->second.line};
  internal::SetSkip(item, SkipReason::kDuplicateId,
                    absl::StrCat("id \"", item->document.id,
                                 "\" was first seen at ", ToString(first)));
}

bool DocumentReader::Impl::Next(ReadItem* item) {
  for (;;) {
    if (!jsonl_file.empty()) {
      if (jsonl.Next(item)) {
        CheckDuplicate(item);
        return true;
      }
      const bool none = jsonl.items() == 0;
      std::string file = std::move(jsonl_file);
      jsonl_file.clear();
      jsonl_source.reset();
      if (none) {
        *item = internal::InputItem(file, SkipReason::kNoDocuments,
                                    "no JSON lines (empty or blank)");
        return true;
      }
      continue;
    }
    if (!tasks.empty()) {
      internal::FileTask task = std::move(tasks.front());
      tasks.pop_front();
      switch (task.kind) {
        case internal::FileTask::Kind::kSkip:
          *item = std::move(task.skip);
          return true;
        case internal::FileTask::Kind::kText:
          internal::ResetItem(item);
          // Swaps rather than assigning the Document: keeps the capacity of
          // item->document.text.
          item->document.id.swap(task.id);
          item->document.title.swap(task.metadata.title);
          item->document.outlet.swap(task.metadata.outlet);
          item->document.url.swap(task.metadata.url);
          item->document.published = task.metadata.published;
          internal::ReadTextFile(task.path, options.max_doc_bytes, item);
          CheckDuplicate(item);
          return true;
        case internal::FileTask::Kind::kJsonl:
        case internal::FileTask::Kind::kStdin:
          if (!StartJsonl(task, item)) return true;
          continue;
      }
    }
    if (next_path < paths.size()) {
      for (internal::FileTask& task : internal::ExpandInput(paths[next_path])) {
        tasks.push_back(std::move(task));
      }
      ++next_path;
      continue;
    }
    return false;
  }
}

DocumentReader::DocumentReader(std::vector<std::string> paths,
                               ReadOptions options)
    : impl_(std::make_unique<Impl>(std::move(paths), options)) {}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::Next(ReadItem* item) { return impl_->Next(item); }

std::vector<ReadItem> ReadAll(std::vector<std::string> paths,
                              ReadOptions options) {
  std::vector<ReadItem> items;
  DocumentReader reader(std::move(paths), options);
  ReadItem item;
  while (reader.Next(&item)) items.push_back(std::move(item));
  return items;
}

}  // namespace neardup
