// Copyright 2026 The neardup Authors.
//
// Small helpers over the LMDB C API: error mapping and transactions that
// abort themselves unless committed.

#ifndef NEARDUP_STORE_LMDB_UTIL_H_
#define NEARDUP_STORE_LMDB_UTIL_H_

#include <lmdb.h>

#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace neardup::internal {

// OK for MDB_SUCCESS; DataLoss for a corrupt or foreign file (MDB_CORRUPTED,
// MDB_PAGE_NOTFOUND, MDB_INVALID, MDB_VERSION_MISMATCH); ResourceExhausted
// for MDB_MAP_FULL and MDB_READERS_FULL; NotFound for MDB_NOTFOUND;
// Internal otherwise. The message names `what` and LMDB's reason.
absl::Status MdbStatus(int rc, std::string_view what);

// Debian's Abseil has its own string_view: converts for absl::StrCat.
inline absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

inline MDB_val MdbVal(const void* data, size_t size) {
  MDB_val v;
  v.mv_data = const_cast<void*>(data);
  v.mv_size = size;
  return v;
}

inline std::string_view View(const MDB_val& v) {
  return {static_cast<const char*>(v.mv_data), v.mv_size};
}

// A transaction, aborted on destruction unless committed.
class Txn {
 public:
  Txn() = default;
  ~Txn() { Abort(); }
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;

  [[nodiscard]] absl::Status Begin(MDB_env* env, bool read_only) {
    return MdbStatus(
        mdb_txn_begin(env, nullptr, read_only ? MDB_RDONLY : 0, &txn_),
        "begin transaction");
  }
  [[nodiscard]] absl::Status Commit() {
    MDB_txn* t = txn_;
    txn_ = nullptr;
    return MdbStatus(mdb_txn_commit(t), "commit");
  }
  void Abort() {
    if (txn_ != nullptr) mdb_txn_abort(txn_);
    txn_ = nullptr;
  }
  MDB_txn* get() const { return txn_; }

 private:
  MDB_txn* txn_ = nullptr;
};

}  // namespace neardup::internal

#endif  // NEARDUP_STORE_LMDB_UTIL_H_
