// Copyright 2026 The neardup Authors.
//
// Fuzzes the JSONL reader: the input is a JSONL stream read through
// DocumentReader as standard input. Checks that every item has an id and a
// location, that a skipped item carries no text, and that an accepted
// document's text is valid UTF-8 with at least one word.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "neardup/io.h"
#include "neardup/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  neardup::ReadOptions options;
  options.standard_input = &in;
  // Small enough that the fuzzer reaches the too-large path.
  options.max_doc_bytes = 4096;
  neardup::DocumentReader reader({"-"}, options);
  neardup::ReadItem item;
  size_t items = 0;
  while (reader.Next(&item)) {
    ++items;
    if (item.where.file != "-") __builtin_trap();
    if (item.skipped()) {
      if (neardup::SkipReasonName(item.skip.reason) == "unknown") {
        __builtin_trap();
      }
      continue;
    }
    if (item.document.id.empty()) __builtin_trap();
    if (item.where.line < 1) __builtin_trap();
    if (!neardup::IsValidUtf8(item.document.text)) __builtin_trap();
    if (neardup::Tokenize(item.document.text, {.skip_boilerplate = false})
            .tokens.empty()) {
      __builtin_trap();
    }
    // A line holds its document, so a document is never longer than the
    // line limit.
    if (item.document.text.size() > 4096) __builtin_trap();
  }
  // Every stream yields at least one item (a document, or a skip saying
  // why there is none).
  if (items == 0) __builtin_trap();
  return 0;
}
