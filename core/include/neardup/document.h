// Copyright 2026 The neardup Authors.
//
// Document: one news article as neardup sees it, and where it came from.
//
//   neardup::Document doc;
//   doc.id = "reuters-123";
//   doc.text = "Anthropic is in talks to rent servers ...";
//
// Plain value types; thread-compatible.

#ifndef NEARDUP_DOCUMENT_H_
#define NEARDUP_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>

namespace neardup {

struct Document {
  std::string id;    // Unique within one input set.
  std::string text;  // The original text, UTF-8. Never altered by neardup.
  // Optional metadata; empty when absent.
  std::string title;
  std::string outlet;  // Publisher, e.g. "Reuters".
  std::string url;
  std::optional<int64_t> published;  // Seconds since the Unix epoch, UTC.
};

// Where a document (or a problem) was found: a file and, for JSONL, a line.
struct SourceLocation {
  std::string file;  // "-" for standard input.
  int64_t line = 0;  // 1-based line in a JSONL file; 0 for a whole file.
};

// Renders "file:line" (or just "file" when line is 0), for messages.
std::string ToString(const SourceLocation& where);

}  // namespace neardup

#endif  // NEARDUP_DOCUMENT_H_
