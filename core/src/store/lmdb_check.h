// Copyright 2026 The neardup Authors.
//
// A structural check of an LMDB data file before LMDB maps it. LMDB trusts
// its pages: a flipped bit in a branch page's child number or in a node's
// offset sends it outside the map, and the process crashes. The index
// promises DataLoss for a damaged file instead, so Open() runs this first.
//
// The check reads the file as LMDB 0.9 lays it out on a little-endian
// 64-bit machine (two meta pages, then B-tree pages; docs/reliability.md,
// "Damaged index files") and walks every tree the current meta page reaches:
// the free-page tree, the main tree and each named table in it. It checks what
// LMDB would follow without checking: page numbers inside the file, each
// page reached once, the page type the tree depth implies, node offsets and
// sizes inside their page, overflow runs inside the file, sub-table records
// and free-list page numbers in range. It does not check key order or
// record contents (records carry their own checksums).

#ifndef NEARDUP_STORE_LMDB_CHECK_H_
#define NEARDUP_STORE_LMDB_CHECK_H_

#include <string>

#include "absl/status/status.h"

namespace neardup::internal {

// OK if `path` (an LMDB data.mdb) is structurally sound; DataLoss "PATH is
// damaged: PROBLEM" for the first problem found otherwise; NotFound if it
// does not exist; Internal for an I/O error.
absl::Status CheckLmdbFile(const std::string& path);

// As CheckLmdbFile, over the file's bytes; the DataLoss message is the
// problem alone (e.g. "page 7: node 2 at 4100").
absl::Status CheckLmdbBytes(const char* data, size_t size);

}  // namespace neardup::internal

#endif  // NEARDUP_STORE_LMDB_CHECK_H_
