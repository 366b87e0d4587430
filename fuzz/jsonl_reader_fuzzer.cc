// Copyright 2026 The neardup Authors.
//
// Fuzzes the JSONL reader (core/src/io/jsonl_reader.h) on a stream of bytes.
// Byte 0 sets how many bytes each read returns (1 to 255, or all; so line
// and buffer boundaries fall anywhere); the rest is the stream. One reader is
// kept for the whole run, as DocumentReader keeps it from file to file, so
// its reused buffers are exercised too. Checks: every item has an id and the
// location "fuzz:LINE" with increasing lines; a document is valid UTF-8 with
// a word and fits the size limit; skip reasons are named; a stream with a
// non-blank line yields at least one item.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "neardup/io.h"
#include "neardup/text.h"

#include "io/jsonl_reader.h"
#include "io/line_reader.h"

namespace {

constexpr int64_t kMaxDocBytes = 4096;  // Small: reaches the too-large path.

// The input as a ByteSource, `piece` bytes a read at most.
class MemorySource final : public neardup::internal::ByteSource {
 public:
  MemorySource(std::string_view bytes, size_t piece)
      : bytes_(bytes), piece_(piece) {}
  int64_t Read(char* buf, size_t n) override {
    const size_t len = std::min({n, piece_, bytes_.size() - pos_});
    std::memcpy(buf, bytes_.data() + pos_, len);
    pos_ += len;
    return static_cast<int64_t>(len);
  }
  std::string error() const override { return ""; }

 private:
  std::string_view bytes_;
  size_t piece_;
  size_t pos_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static neardup::internal::JsonlReader* reader =
      new neardup::internal::JsonlReader(kMaxDocBytes);
  const std::string_view stream(reinterpret_cast<const char*>(data + 1),
                                size - 1);
  MemorySource source(stream, data[0] == 0 ? stream.size() + 1 : data[0]);
  reader->Start(&source, "fuzz");
  neardup::ReadItem item;
  int64_t last_line = 0;
  while (reader->Next(&item)) {
    if (item.document.id.empty()) __builtin_trap();
    if (item.where.file != "fuzz") __builtin_trap();
    if (item.where.line != 0) {  // 0: the whole stream (binary, no lines).
      if (item.where.line <= last_line) __builtin_trap();
      last_line = item.where.line;
    }
    if (item.skipped()) {
      if (neardup::SkipReasonName(item.skip.reason) == "unknown") {
        __builtin_trap();
      }
      if (!item.document.text.empty()) __builtin_trap();
      continue;
    }
    if (!neardup::IsValidUtf8(item.document.text)) __builtin_trap();
    if (neardup::Tokenize(item.document.text, {.skip_boilerplate = false})
            .tokens.empty()) {
      __builtin_trap();
    }
    if (static_cast<int64_t>(item.document.text.size()) > kMaxDocBytes) {
      __builtin_trap();
    }
  }
  bool blank = true;
  for (const char c : stream) {
    blank = blank && (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
                      c == '\f' || c == '\v');
  }
  if (!blank && reader->items() == 0) __builtin_trap();
  return 0;
}
