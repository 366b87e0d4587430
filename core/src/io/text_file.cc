// Copyright 2026 The neardup Authors.

#include "io/text_file.h"

#include <algorithm>
#include <string_view>

#include "absl/strings/str_cat.h"

#include "neardup/text.h"

#include "io/items.h"
#include "io/line_reader.h"
#include "io/text_checks.h"

namespace neardup::internal {
namespace {

// `bytes` is the file's size, or -1 when only known to be over the limit.
std::string TooLarge(int64_t bytes, int64_t max_doc_bytes) {
  if (bytes < 0) {
    return absl::StrCat("over the limit of ", max_doc_bytes, " bytes");
  }
  return absl::StrCat(bytes, " bytes, over the limit of ", max_doc_bytes,
                      " bytes");
}

}  // namespace

void ReadTextFile(const std::string& path, int64_t max_doc_bytes,
                  ReadItem* item) {
  item->where.file = path;
  item->where.line = 0;
  std::string& text = item->document.text;
  text.clear();

  FileSource file;
  const absl::Status opened = file.Open(path);
  if (!opened.ok()) {
    SetSkip(item,
            absl::IsNotFound(opened) ? SkipReason::kNotFound
                                     : SkipReason::kUnreadable,
            absl::StrCat("cannot open: ", opened.message()));
    return;
  }
  const int64_t size = file.RegularFileSize();
  if (size > max_doc_bytes) {
    SetSkip(item, SkipReason::kTooLarge, TooLarge(size, max_doc_bytes));
    return;
  }

  // One byte more than the expected size, to see the end in one read. The
  // buffer never grows past max_doc_bytes + 1.
  const size_t limit =
      static_cast<size_t>(std::max<int64_t>(max_doc_bytes, 0)) + 1;
  size_t used = 0;
  text.resize(std::min(
      limit, size >= 0 ? static_cast<size_t>(size) + 1 : size_t{1} << 16));
  for (;;) {
    if (used == text.size()) {
      if (used >= limit) {
        SetSkip(item, SkipReason::kTooLarge, TooLarge(-1, max_doc_bytes));
        return;
      }
      text.resize(std::min(limit, text.size() * 2));
    }
    const int64_t got = file.Read(text.data() + used, text.size() - used);
    if (got < 0) {
      SetSkip(item, SkipReason::kUnreadable,
              absl::StrCat("read error: ", file.error()));
      return;
    }
    if (got == 0) break;
    used += static_cast<size_t>(got);
  }
  text.resize(used);

  const size_t bom = text.size() - StripBom(text).size();
  if (bom > 0) text.erase(0, bom);
  const std::string binary = BinaryReason(text);
  if (!binary.empty()) {
    SetSkip(item, SkipReason::kBinary, absl::StrCat("looks binary: ", binary));
    return;
  }
  if (!IsValidUtf8(text)) {
    SetSkip(item, SkipReason::kNotUtf8,
            absl::StrCat("not UTF-8: invalid byte at offset ",
                         bom + FirstInvalidUtf8(text)));
    return;
  }
  if (!HasWordCharacter(text)) {
    SetSkip(item, SkipReason::kEmpty,
            text.empty() ? "empty file" : "no letters or digits");
  }
}

}  // namespace neardup::internal
