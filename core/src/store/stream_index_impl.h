// Copyright 2026 The neardup Authors.
//
// The inside of StreamIndex (index.h), shared by its translation units:
//   stream_index.cc        the public calls (locking, reads, Delete).
//   stream_index_open.cc   Create/Open: the environment, its tables, the
//                          counters, record reads, rebuilding the postings.
//   stream_index_judge.cc  judging a document: candidates from the postings,
//                          verification, the story to join, the verdict.
//   stream_index_write.cc  Ingest/Add: one transaction per batch, story
//                          updates, the memory budget.
//
// LMDB named databases:
//   meta      "format" (magic + version), "options" (JSON), "counters"; each
//             sealed with a checksum (records.h).
//   docs      u32 document number -> document record (sketch, id, story).
//   ids       external id (or a hash of a long one) -> u32 document number.
//   stories   u64 story number -> story record (centre, members, credits).
// The candidate postings (the LSH band keys, the partial band keys and the
// SimHash table keys of every document -> document numbers) are held in
// memory (mem_postings.h), rebuilt on Open() by one sequential scan of the
// docs table (each record carries its keys). A write lists its documents
// as it adds them (readers skip those not committed in their snapshot) and
// takes them out again if its commit fails. A write is then an append to
// docs, an id and a story; format version 2 (version 1 stored the postings
// in LMDB).
//
// Candidates are first checked against compact sketches held in memory
// (mem_sketches.h, set with the postings): only those that may verify are
// read from docs. Candidates by topic terms (topic_terms.h) are always
// read: the screen bounds the shingle relations only.
//
// Locking: write_mu serialises writers (Ingest, Add, Delete, Close);
// life_mu is held shared by every call and unique by Close(); postings_mu
// is held shared to read `postings` and `mem_sketches` and unique (by the
// writer, which holds write_mu) to change them.

#ifndef NEARDUP_STORE_STREAM_INDEX_IMPL_H_
#define NEARDUP_STORE_STREAM_INDEX_IMPL_H_

#include <lmdb.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/dedup.h"
#include "neardup/index.h"

#include "search/pair_score.h"
#include "store/index_format.h"
#include "store/mem_postings.h"
#include "store/mem_sketches.h"
#include "store/records.h"
#include "store/topic_terms.h"

namespace neardup {
namespace stream_index_internal {

using internal::DocRecord;
using internal::StoryRecord;

inline constexpr uint32_t kProbeDoc = std::numeric_limits<uint32_t>::max();
inline constexpr size_t kMaxIdBytes = 4096;
inline constexpr size_t kMaxOutletBytes = 1024;
inline constexpr uint64_t kSimKeySeed = 0x6e6473696d6b6579ULL;  // "ndsimkey"
// Stories a new document is checked against at most (its best matches').
inline constexpr size_t kMaxStoriesChecked = 16;

// The judged document: a new one (Ingest) or a query.
struct Probe {
  const Document* doc = nullptr;
  const DocSketch* sketch = nullptr;
  std::vector<uint16_t> bbit;
  internal::TopicTerms topic;      // Empty when the topic path is off.
  std::vector<std::string> cites;  // Credited outlets, distinct by key.
  uint32_t number = kProbeDoc;     // Its document number once added.
  internal::SketchRef ref() const;
};

internal::SketchRef RefOf(const DocRecord& d);

struct Scored {
  DocRecord rec;
  PairScore score;  // (probe, rec).
};

// What a write batch has not yet put into LMDB: its stories (each put once,
// at the end, however many documents join it).
struct PendingWrites {
  absl::flat_hash_map<uint64_t, StoryRecord> stories;
};

struct Judgement {
  std::vector<Scored> matches;       // Duplicates, best first.
  std::optional<StoryRecord> story;  // The story to join.
  std::vector<uint64_t> keys;        // The document's postings keys.
};

// a is a better match than b: a stronger relation, then a higher Jaccard.
bool Better(const PairScore& a, const PairScore& b);
IndexRole RoleOf(Relation r);
// An unknown date (INT64_MAX) as nullopt.
std::optional<int64_t> Published(int64_t p);
// The outlets `text` credits (attribution.h), distinct by key, each cut to
// `max_bytes` (at a character boundary).
std::vector<std::string> CitedOutlets(std::string_view text, size_t max_bytes);
// The verdict's matches: the first `max` of `matches` (moved from).
void AddMatches(std::vector<Scored>& matches, int max, IndexVerdict* v);

}  // namespace stream_index_internal

struct StreamIndex::Impl {
  using Probe = stream_index_internal::Probe;
  using Judgement = stream_index_internal::Judgement;
  using PendingWrites = stream_index_internal::PendingWrites;
  using DocRecord = internal::DocRecord;
  using StoryRecord = internal::StoryRecord;
  using Counters = internal::Counters;

  std::string dir;
  IndexOptions options;
  IndexOpenOptions open;
  MDB_env* env = nullptr;
  MDB_dbi meta = 0, docs = 0, ids = 0, stories = 0;
  std::optional<Deduplicator> sketcher;
  int lsh_bands = 0;
  std::vector<uint64_t> simhash_masks;
  bool counts[5] = {};
  std::mutex write_mu;
  mutable std::shared_mutex life_mu;  // Shared: any call; unique: Close().
  // Guards `postings`: shared to read, unique to change them. Only a writer
  // holding write_mu changes them (as it adds each document, on a failed
  // commit's roll-back, after a delete's commit), so that writer may also
  // read them without this lock.
  mutable std::shared_mutex postings_mu;
  internal::MemPostings postings;
  // The compact sketches of the listed documents (mem_sketches.h), guarded
  // like `postings`; set in Setup().
  std::optional<internal::MemSketches> mem_sketches;
  // (key, document) listed in `postings` by the write in progress and not
  // yet committed; only the writer (holding write_mu) touches it.
  std::vector<std::pair<uint64_t, uint32_t>> unpublished;
  bool closed = false;

  ~Impl() {
    if (env != nullptr) mdb_env_close(env);
  }

  bool Counts(Relation r) const { return counts[static_cast<int>(r)]; }

  absl::Status Setup();
  absl::Status OpenEnv(bool create);
  absl::Status OpenDbs(bool create);
  absl::Status ReadCounters(MDB_txn* txn, Counters* c) const;
  absl::Status WriteCounters(MDB_txn* txn, const Counters& c);
  absl::StatusOr<std::optional<DocRecord>> GetDoc(MDB_txn* txn,
                                                  uint32_t doc) const;
  absl::StatusOr<DocRecord> MustGetDoc(MDB_txn* txn, uint32_t doc) const;
  absl::StatusOr<std::optional<StoryRecord>> GetStoryRec(
      MDB_txn* txn, uint64_t story,
      const PendingWrites* pending = nullptr) const;
  absl::StatusOr<std::optional<uint32_t>> GetId(MDB_txn* txn,
                                                std::string_view id) const;
  bool TopicOn() const { return options.topic_cosine > 0; }
  // The postings keys of a document: its LSH bands, partial bands, SimHash
  // tables and, with the topic path on, its topic term pairs.
  std::vector<uint64_t> KeysOf(const std::vector<uint32_t>& bands,
                               const std::vector<uint32_t>& partial,
                               uint64_t simhash,
                               const internal::TopicTerms& topic,
                               bool has_text) const;
  // The topic terms of `doc` (empty when the topic path is off).
  internal::TopicTerms TopicOf(const Document& doc) const;
  // The verified relation of (probe, rec): the sketches' rules
  // (pair_score.h), then, when they find none, the topic rule.
  PairScore Score(const Probe& probe, const DocRecord& rec) const;
  PairScore Score(const internal::SketchRef& a, const internal::TopicTerms& ta,
                  const internal::SketchRef& b,
                  const internal::TopicTerms& tb) const;
  absl::Status Judge(MDB_txn* txn, const Probe& probe,
                     const PendingWrites* pending, Judgement* out) const;
  absl::Status MakeVerdict(MDB_txn* txn, const Probe& probe,
                           const StoryRecord& story, IndexVerdict* v) const;
  // The probe of `doc`, without its topic terms (TopicOf()) or credits.
  Probe MakeProbe(const Document& doc, const DocSketch& sketch) const;
  absl::Status FlushPending(MDB_txn* txn, const PendingWrites& pending);
  // Reserves the in-memory postings for `indexed` documents and, as
  // IndexOpenOptions::expected_additions asks, those to come.
  void ReserveFor(size_t indexed);
  absl::Status LoadPostings();
  // Write(): WriteBatch() in one transaction; when it fails, the postings
  // it listed are taken out again.
  absl::StatusOr<std::vector<IndexVerdict>> Write(
      absl::Span<const Document> docs, bool with_matches);
  absl::StatusOr<std::vector<IndexVerdict>> WriteBatch(
      absl::Span<const Document> docs, bool with_matches);
};

}  // namespace neardup

#endif  // NEARDUP_STORE_STREAM_INDEX_IMPL_H_
