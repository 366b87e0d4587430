// Copyright 2026 The neardup Authors.
//
// JSONL documents from a byte source: one JSON object per line, parsed in
// place by simdjson with one reused parser and line buffer.

#ifndef NEARDUP_IO_JSONL_READER_H_
#define NEARDUP_IO_JSONL_READER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "neardup/io.h"

#include "io/line_reader.h"

namespace neardup::internal {

// Reads JSONL sources one after another, reusing its buffers. Every
// non-blank line yields one ReadItem: a document, or a skip (kMalformedJson,
// kNotUtf8, kMissingText, kEmpty, kTooLarge for a line over
// `max_doc_bytes`, which is never parsed; kBinary for a line holding a raw
// NUL byte). A file whose first line looks binary yields one kBinary item; a
// read error, one kUnreadable item. The id is synthesised as "<file>:<line>"
// when the line has none. Duplicate ids are not checked here. Not thread-safe.
class JsonlReader {
 public:
  explicit JsonlReader(int64_t max_doc_bytes);
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // Starts on `source` (not owned; it must outlive the reading), named
  // `file` in ids and locations ("-" for standard input).
  void Start(ByteSource* source, std::string file);

  // Stores the next item in *item and returns true; false at the end of the
  // source (or before any Start()).
  bool Next(ReadItem* item);

  // Items produced since Start().
  int64_t items() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace neardup::internal

#endif  // NEARDUP_IO_JSONL_READER_H_
