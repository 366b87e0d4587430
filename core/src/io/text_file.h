// Copyright 2026 The neardup Authors.
//
// One whole text file as one document.

#ifndef NEARDUP_IO_TEXT_FILE_H_
#define NEARDUP_IO_TEXT_FILE_H_

#include <cstdint>
#include <string>

#include "neardup/io.h"

namespace neardup::internal {

// Reads the file at `path` into item->document.text and sets item->where.
// The caller has set the id and metadata. A file over `max_doc_bytes` is
// skipped (kTooLarge) before it is read when its size is known; then a
// leading byte-order mark is dropped, and the text is checked in this order:
// kBinary, kNotUtf8, kEmpty. Opening or reading errors give kNotFound or
// kUnreadable. Reuses item->document.text's capacity.
void ReadTextFile(const std::string& path, int64_t max_doc_bytes,
                  ReadItem* item);

}  // namespace neardup::internal

#endif  // NEARDUP_IO_TEXT_FILE_H_
