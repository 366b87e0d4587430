// Copyright 2026 The neardup Authors.
//
// StreamIndex (index.h): the LMDB environment and its tables, the
// counters, reading records, and rebuilding the in-memory postings on
// Open() (stream_index_impl.h).

#include <lmdb.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "neardup/index.h"

#include "internal/status_macros.h"
#include "store/index_format.h"
#include "store/lmdb_util.h"
#include "store/records.h"
#include "store/stream_index_impl.h"

namespace neardup {

namespace {

using internal::Counters;
using internal::DocRecord;
using internal::IdKey;
using internal::MdbStatus;
using internal::MdbVal;
using internal::StoryRecord;
using internal::Sv;
using internal::Txn;
using internal::View;
using namespace stream_index_internal;  // NOLINT(build/namespaces)

}  // namespace

absl::Status StreamIndex::Impl::Setup() {
  if (options.dedup.cosine_threshold > 0) {
    return absl::InvalidArgumentError(
        "the index does not support the cosine path (cosine_threshold > 0)");
  }
  if (!(options.topic_cosine >= 0 && options.topic_cosine <= 1)) {
    return absl::InvalidArgumentError("topic_cosine must be in [0, 1]");
  }
  if (options.dedup.simhash_distance > 8) {
    return absl::InvalidArgumentError(
        "the index supports SimHash distances up to 8");
  }
  absl::StatusOr<Deduplicator> d = Deduplicator::Create(options.dedup);
  if (!d.ok()) return d.status();
  sketcher.emplace(*std::move(d));
  lsh_bands = sketcher->lsh_params().bands;
  mem_sketches.emplace(options.dedup.num_registers);
  simhash_masks = internal::SimHashMasks(options.dedup.simhash_distance);
  for (Relation r : options.dedup.duplicate_relations) {
    counts[static_cast<int>(r)] = true;
  }
  counts[0] = false;
  return absl::OkStatus();
}

absl::Status StreamIndex::Impl::OpenDbs(bool create) {
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(env, open.read_only));
  const unsigned c = create ? MDB_CREATE : 0;
  struct Db {
    const char* name;
    unsigned flags;
    MDB_dbi* dbi;
  } dbs[] = {
      {"meta", 0, &meta},
      {"docs", MDB_INTEGERKEY, &docs},
      {"ids", 0, &ids},
      {"stories", MDB_INTEGERKEY, &stories},
  };
  for (const Db& db : dbs) {
    const int rc = mdb_dbi_open(txn.get(), db.name, db.flags | c, db.dbi);
    if (rc == MDB_NOTFOUND || rc == MDB_INCOMPATIBLE) {
      return absl::DataLossError(absl::StrCat("not a neardup index (no '",
                                              db.name, "' table) in ", dir));
    }
    NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "open table"));
  }
  return txn.Commit();
}

absl::Status StreamIndex::Impl::ReadCounters(MDB_txn* txn, Counters* c) const {
  MDB_val k = MdbVal("counters", 8), v;
  const int rc = mdb_get(txn, meta, &k, &v);
  if (rc == MDB_NOTFOUND) {
    return absl::DataLossError("index counters record is missing");
  }
  NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read counters"));
  NEARDUP_ASSIGN_OR_RETURN(std::string_view payload,
                           internal::Unseal(View(v), "counters"));
  if (payload.size() != sizeof(Counters)) {
    return absl::DataLossError("index counters record has a bad size");
  }
  std::memcpy(c, payload.data(), sizeof(Counters));
  return absl::OkStatus();
}

absl::Status StreamIndex::Impl::WriteCounters(MDB_txn* txn, const Counters& c) {
  const std::string rec = internal::EncodeCounters(c);
  MDB_val k = MdbVal("counters", 8), v = MdbVal(rec.data(), rec.size());
  return MdbStatus(mdb_put(txn, meta, &k, &v, 0), "write counters");
}

absl::StatusOr<std::optional<DocRecord>> StreamIndex::Impl::GetDoc(
    MDB_txn* txn, uint32_t doc) const {
  MDB_val k = MdbVal(&doc, 4), v;
  const int rc = mdb_get(txn, docs, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<DocRecord>();
  NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read document"));
  NEARDUP_ASSIGN_OR_RETURN(DocRecord rec, internal::DecodeDoc(View(v), doc));
  if (rec.bbit.size() != static_cast<size_t>(options.dedup.num_registers)) {
    return absl::DataLossError(
        absl::StrCat("index record document #", doc, " has a bad signature"));
  }
  return std::optional<DocRecord>(std::move(rec));
}

absl::StatusOr<DocRecord> StreamIndex::Impl::MustGetDoc(MDB_txn* txn,
                                                        uint32_t doc) const {
  NEARDUP_ASSIGN_OR_RETURN(std::optional<DocRecord> rec, GetDoc(txn, doc));
  if (!rec.has_value()) {
    return absl::DataLossError(
        absl::StrCat("index refers to document #", doc, ", which is missing"));
  }
  return *std::move(rec);
}

absl::StatusOr<std::optional<StoryRecord>> StreamIndex::Impl::GetStoryRec(
    MDB_txn* txn, uint64_t story, const PendingWrites* pending) const {
  if (pending != nullptr) {
    auto it = pending->stories.find(story);
    if (it != pending->stories.end()) {
      return std::optional<StoryRecord>(it->second);
    }
  }
  MDB_val k = MdbVal(&story, 8), v;
  const int rc = mdb_get(txn, stories, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<StoryRecord>();
  NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read story"));
  NEARDUP_ASSIGN_OR_RETURN(StoryRecord rec,
                           internal::DecodeStory(View(v), story));
  if (rec.members.empty()) {
    return absl::DataLossError(
        absl::StrCat("index record story ", story, " has no members"));
  }
  return std::optional<StoryRecord>(std::move(rec));
}

absl::StatusOr<std::optional<uint32_t>> StreamIndex::Impl::GetId(
    MDB_txn* txn, std::string_view id) const {
  const std::string key = IdKey(id);
  MDB_val k = MdbVal(key.data(), key.size()), v;
  const int rc = mdb_get(txn, ids, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<uint32_t>();
  NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read id"));
  if (v.mv_size != 4) {
    return absl::DataLossError(absl::StrCat(
        "index id record '", Sv(internal::CutUtf8(id, 80)), "' is damaged"));
  }
  uint32_t doc = 0;
  std::memcpy(&doc, v.mv_data, 4);
  return std::optional<uint32_t>(doc);
}

void StreamIndex::Impl::ReserveFor(size_t indexed) {
  const size_t per_doc = static_cast<size_t>(lsh_bands) +
                         sketcher->partial_lsh_params().bands +
                         simhash_masks.size();
  // Copies and near-duplicates share keys: room for half the postings as
  // distinct keys holds most indexes without a rehash (one doubling
  // otherwise), where room for all of them took twice the memory ingest
  // did. Never more room than the memory budget allows.
  size_t keys = indexed * per_doc / 2;
  size_t docs = indexed;
  if (open.memory_budget > 0) {
    keys = std::min<size_t>(keys, open.memory_budget / 20);
  } else if (!open.read_only && open.expected_additions > 0) {
    // The size hint: room for the documents to come too, at ~5/6 of their
    // keys (the generated corpus has 49.5-52 distinct keys a document of
    // 60, from 10,000 to 1,000,000 documents), so that the table is sized
    // once instead of doubled (rehashed) ~20 times on the way.
    docs += static_cast<size_t>(
        std::min<uint64_t>(open.expected_additions, uint64_t{1} << 32));
    keys = std::max(keys, docs * per_doc * 5 / 6);
  }
  postings.Reserve(keys);
  mem_sketches->Reserve(docs);
}

absl::Status StreamIndex::Impl::LoadPostings() {
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(env, true));
  MDB_stat st;
  NEARDUP_RETURN_IF_ERROR(
      MdbStatus(mdb_stat(txn.get(), docs, &st), "stat documents"));
  ReserveFor(st.ms_entries);
  MDB_cursor* cursor = nullptr;
  NEARDUP_RETURN_IF_ERROR(
      MdbStatus(mdb_cursor_open(txn.get(), docs, &cursor), "open cursor"));
  absl::Status status;
  MDB_val k, v;
  int rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST);
  // Ascending document numbers: every list is filled in order.
  for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
    if (k.mv_size != 4) {
      status = absl::DataLossError("index documents table has a bad key");
      break;
    }
    uint32_t doc = 0;
    std::memcpy(&doc, k.mv_data, 4);
    absl::StatusOr<DocRecord> rec = internal::DecodeDoc(View(v), doc);
    if (!rec.ok()) {
      status = rec.status();
      break;
    }
    for (uint64_t key : KeysOf(rec->band_keys, rec->partial_band_keys,
                               rec->simhash, rec->topic, rec->has_text)) {
      postings.Add(key, doc);
    }
    if (rec->has_text) mem_sketches->Set(doc, RefOf(*rec));
  }
  mdb_cursor_close(cursor);
  NEARDUP_RETURN_IF_ERROR(status);
  if (rc != MDB_NOTFOUND) return MdbStatus(rc, "read documents");
  return absl::OkStatus();
}

absl::Status StreamIndex::Impl::OpenEnv(bool create) {
  Impl* m = this;
  NEARDUP_RETURN_IF_ERROR(
      MdbStatus(mdb_env_create(&m->env), "create environment"));
  NEARDUP_RETURN_IF_ERROR(
      MdbStatus(mdb_env_set_maxdbs(m->env, 8), "set tables"));
  NEARDUP_RETURN_IF_ERROR(
      MdbStatus(mdb_env_set_maxreaders(m->env, 1024), "set readers"));
  if (create) {
    NEARDUP_RETURN_IF_ERROR(MdbStatus(
        mdb_env_set_mapsize(m->env, m->options.max_bytes), "set map size"));
  }
  unsigned flags = MDB_NOTLS | MDB_NORDAHEAD;
  if (!m->open.sync) flags |= MDB_NOSYNC;
  if (m->open.read_only) flags |= MDB_RDONLY;
  const int rc = mdb_env_open(m->env, m->dir.c_str(), flags, 0644);
  if (rc == ENOENT) {
    return absl::NotFoundError(absl::StrCat("no index in ", m->dir));
  }
  if (rc == MDB_INVALID || rc == MDB_VERSION_MISMATCH) {
    return absl::DataLossError(absl::StrCat(
        m->dir, "/data.mdb is not a readable index: ", mdb_strerror(rc)));
  }
  NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, absl::StrCat("open ", m->dir)));
  // Reader slots left by a process that died (e.g. SIGKILL) are freed.
  if (!m->open.read_only) {
    int dead = 0;
    (void)mdb_reader_check(m->env, &dead);
  }
  // A file cut short would fault when a page beyond its end is touched:
  // check that every page the last commit uses is in the file.
  MDB_envinfo info;
  MDB_stat stat;
  NEARDUP_RETURN_IF_ERROR(MdbStatus(mdb_env_info(m->env, &info), "info"));
  NEARDUP_RETURN_IF_ERROR(MdbStatus(mdb_env_stat(m->env, &stat), "stat"));
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(
      std::filesystem::path(m->dir) / "data.mdb", ec);
  const uint64_t needed = (uint64_t{info.me_last_pgno} + 1) * stat.ms_psize;
  if (ec || size < needed) {
    return absl::DataLossError(absl::StrCat(m->dir,
                                            "/data.mdb is truncated: ", size,
                                            " bytes, the index uses ", needed));
  }
  return absl::OkStatus();
}

}  // namespace neardup
