// Copyright 2026 The neardup Authors.
//
// Reading documents: files, directories, JSONL and standard input.
//
//   neardup::DocumentReader reader({"datasets/seeds", "more.jsonl", "-"});
//   neardup::ReadItem item;
//   while (reader.Next(&item)) {
//     if (item.skipped()) { /* item.skip.reason, item.skip.detail */ }
//     else { Use(item.document); }
//   }
//
// Inputs:
//   - a directory: its .txt, .md and .jsonl files, recursively, in byte order
//     of their paths. A `manifest.jsonl` in a directory is metadata, not
//     documents: each line {"id", "file", "title", "outlet", "url",
//     "published"} describes one of the directory's text files.
//   - a .txt or .md file: one document, id = file name without extension
//     (or the manifest's id), text = the whole file.
//   - a .jsonl file (or "-", standard input, read as JSONL): one document per
//     line, {"id": string|number, "text": string, "title", "outlet", "url",
//     "published": ISO 8601 string or Unix seconds}. Blank lines are ignored.
//
// Reading never fails as a whole: every problem (a missing path, an empty
// directory, a file that is not UTF-8 or is binary, a malformed JSON line, an
// empty document, a duplicate id) becomes a ReadItem with a skip reason, and
// reading goes on with the next input. So every document, and every input
// that yielded none, is accounted for.
//
// Thread-compatible: one reader per thread.

#ifndef NEARDUP_IO_H_
#define NEARDUP_IO_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/document.h"

namespace neardup {

enum class SkipReason {
  kNone = 0,
  kNotFound,         // The path does not exist.
  kUnreadable,       // The path exists but could not be read.
  kNoDocuments,      // A directory (or file) that holds no documents.
  kNotUtf8,          // The text is not valid UTF-8.
  kBinary,           // The file looks binary (NUL bytes, control bytes).
  kMalformedJson,    // A JSONL line that is not a JSON object.
  kMissingText,      // A JSON object without a string "text".
  kEmpty,            // The text has no words.
  kDuplicateId,      // An id seen before in the same input set.
  kTooLarge,         // Over ReadOptions::max_doc_bytes.
};

// A stable, snake_case name for the reason, e.g. "not_utf8"; used in output.
std::string_view SkipReasonName(SkipReason reason);

struct Skip {
  SkipReason reason = SkipReason::kNone;
  std::string detail;  // A human-readable message, without the location.
};

// One document read, or one input (or line) that was skipped.
struct ReadItem {
  Document document;      // id is always set (synthesised when absent);
                          // text is empty when skipped.
  SourceLocation where;   // The file and line it came from.
  Skip skip;

  bool skipped() const { return skip.reason != SkipReason::kNone; }
};

struct ReadOptions {
  // Documents larger than this are skipped with kTooLarge.
  int64_t max_doc_bytes = int64_t{64} << 20;
};

class DocumentReader {
 public:
  // `paths`: files, directories, or "-" for standard input.
  explicit DocumentReader(std::vector<std::string> paths,
                          ReadOptions options = {});
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Stores the next document or skipped input in *item and returns true;
  // returns false when every input is exhausted. Documents come in input
  // order: paths in the order given, directory entries sorted, lines in
  // order. Streams: holds at most one file (or one JSONL line) in memory.
  bool Next(ReadItem* item);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience: reads everything into memory.
std::vector<ReadItem> ReadAll(std::vector<std::string> paths,
                              ReadOptions options = {});

}  // namespace neardup

#endif  // NEARDUP_IO_H_
