// Copyright 2026 The neardup Authors.
//
// Small helpers to fill a ReadItem in place, keeping its strings' capacity
// when a caller reuses one item for every Next().

#ifndef NEARDUP_IO_ITEMS_H_
#define NEARDUP_IO_ITEMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "neardup/io.h"

namespace neardup::internal {

// Empties *item for reuse, keeping the capacity of its strings.
inline void ResetItem(ReadItem* item) {
  Document& doc = item->document;
  doc.id.clear();
  doc.text.clear();
  doc.title.clear();
  doc.outlet.clear();
  doc.url.clear();
  doc.published.reset();
  item->where.file.clear();
  item->where.line = 0;
  item->skip.reason = SkipReason::kNone;
  item->skip.detail.clear();
}

// Marks *item skipped; a skipped item carries no text.
inline void SetSkip(ReadItem* item, SkipReason reason, std::string detail) {
  item->skip.reason = reason;
  item->skip.detail = std::move(detail);
  item->document.text.clear();
}

// An item that stands for a whole input (a path, a file, a directory).
inline ReadItem InputItem(std::string_view path, SkipReason reason,
                          std::string detail) {
  ReadItem item;
  item.document.id.assign(path.data(), path.size());
  item.where.file.assign(path.data(), path.size());
  item.skip.reason = reason;
  item.skip.detail = std::move(detail);
  return item;
}

}  // namespace neardup::internal

#endif  // NEARDUP_IO_ITEMS_H_
