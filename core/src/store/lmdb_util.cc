// Copyright 2026 The neardup Authors.

#include "store/lmdb_util.h"

#include "absl/strings/str_cat.h"

namespace neardup::internal {

absl::Status MdbStatus(int rc, std::string_view what) {
  if (rc == MDB_SUCCESS) return absl::OkStatus();
  const std::string message =
      absl::StrCat("index ", Sv(what), ": ", mdb_strerror(rc));
  switch (rc) {
    case MDB_CORRUPTED:
    case MDB_PAGE_NOTFOUND:
    case MDB_INVALID:
    case MDB_VERSION_MISMATCH:
      return absl::DataLossError(message);
    case MDB_MAP_FULL:
    case MDB_READERS_FULL:
    case MDB_TXN_FULL:
      return absl::ResourceExhaustedError(message);
    case MDB_NOTFOUND:
      return absl::NotFoundError(message);
    default:
      return absl::InternalError(message);
  }
}

}  // namespace neardup::internal
