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
//   - a directory: its .txt, .md, .jsonl and .ndjson files, recursively, in
//     byte order of their paths; hidden names ('.'-prefixed), symbolic links
//     to directories and README files (README.md, readme.txt, ...) are left
//     out. A `manifest.jsonl` in a directory is metadata, not documents: each
//     line {"id", "file", "title", "outlet", "url", "published"} describes
//     one of the directory's text files (a listed file is read whatever its
//     extension; a listed file that is missing is a kNotFound item). A text
//     file's id is its manifest id, or else its path below the directory
//     without the extension ("a.txt" -> "a", "sub/b.md" -> "sub/b").
//   - any other file: one document, id = file name without extension (or its
//     id in a manifest.jsonl beside it), text = the whole file, less a UTF-8
//     byte-order mark.
//   - a .jsonl or .ndjson file (or "-", standard input, read as JSONL): one
//     document per line, {"id": string|integer, "text": string, "title",
//     "outlet" (or "source", "publisher"), "url", "published": ISO 8601
//     string or Unix seconds}. Blank lines are ignored; an absent id becomes
//     "<file>:<line>"; a date that does not parse is left out.
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
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/document.h"

namespace neardup {

enum class SkipReason {
  kNone = 0,
  kNotFound,       // The path does not exist.
  kUnreadable,     // The path exists but could not be read.
  kNoDocuments,    // A directory (or file) that holds no documents.
  kNotUtf8,        // The text is not valid UTF-8.
  kBinary,         // The file looks binary (NUL bytes, control bytes).
  kMalformedJson,  // A JSONL line that is not a JSON object.
  kMissingText,    // A JSON object without a string "text".
  kEmpty,          // The text has no words.
  kDuplicateId,    // An id seen before in the same input set.
  kTooLarge,       // Over ReadOptions::max_doc_bytes.
  kOverLimit,      // Beyond a command's document count or memory budget
                   // (not set by the readers; see docs/reliability.md).
};
// The number of SkipReason values (kNone included), for tables indexed by
// reason.
inline constexpr size_t kNumSkipReasons =
    static_cast<size_t>(SkipReason::kOverLimit) + 1;

// A stable, snake_case name for the reason, e.g. "not_utf8"; used in output.
std::string_view SkipReasonName(SkipReason reason);

struct Skip {
  SkipReason reason = SkipReason::kNone;
  std::string detail;  // A human-readable message, without the location.
};

// One document read, or one input (or line) that was skipped.
struct ReadItem {
  Document document;     // id is always set (synthesised when absent);
                         // text is empty when skipped.
  SourceLocation where;  // The file and line it came from.
  Skip skip;

  bool skipped() const { return skip.reason != SkipReason::kNone; }
};

struct ReadOptions {
  // Documents larger than this are skipped with kTooLarge: a text file by its
  // size (before it is read), a JSONL line by its length (it is not parsed).
  int64_t max_doc_bytes = int64_t{64} << 20;
  // What "-" reads; nullptr means std::cin. Not owned.
  std::istream* standard_input = nullptr;
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
