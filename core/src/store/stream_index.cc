// Copyright 2026 The neardup Authors.
//
// StreamIndex (index.h) over LMDB. Named databases:
//   meta      "format" (magic + version), "options" (JSON), "counters"; each
//             sealed with a checksum (records.h).
//   docs      u32 document number -> document record (sketch, id, story).
//   ids       external id (or a hash of a long one) -> u32 document number.
//   stories   u64 story number -> story record (centre, members, credits).
// The candidate postings (the LSH band keys, the partial band keys and the
// SimHash table keys of every document -> document numbers) are held in
// memory (mem_postings.h), rebuilt on Open() by one sequential scan of the
// docs table (each record carries its keys), and published only after the
// commit that adds or deletes the documents returns. A write is then an
// append to docs, an id and a story; format version 2 (version 1 stored the
// postings in LMDB).

#include <lmdb.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "xxhash.h"

#include "neardup/attribution.h"
#include "neardup/index.h"

#include "internal/status_macros.h"
#include "search/pair_score.h"
#include "search/parallel.h"
#include "store/index_format.h"
#include "store/lmdb_util.h"
#include "store/mem_postings.h"
#include "store/records.h"

namespace neardup {
namespace {

using internal::AddCites;
using internal::Counters;
using internal::DocRecord;
using internal::IdKey;
using internal::kFormatVersion;
using internal::kLshBand;
using internal::kMagic;
using internal::kPartialBand;
using internal::kSimHashTable;
using internal::MdbStatus;
using internal::MdbVal;
using internal::OriginPick;
using internal::PickOrigin;
using internal::PostingKey;
using internal::StoryRecord;
using internal::Sv;
using internal::Txn;
using internal::View;

constexpr uint32_t kProbeDoc = std::numeric_limits<uint32_t>::max();
constexpr size_t kMaxIdBytes = 4096;
constexpr size_t kMaxOutletBytes = 1024;
constexpr uint64_t kSimKeySeed = 0x6e6473696d6b6579ULL;  // "ndsimkey"
// Stories a new document is checked against at most (its best matches').
constexpr size_t kMaxStoriesChecked = 16;

// The judged document: a new one (Ingest) or a query.
struct Probe {
  const Document* doc = nullptr;
  const DocSketch* sketch = nullptr;
  std::vector<uint16_t> bbit;
  std::vector<std::string> cites;  // Credited outlets, distinct by key.
  uint32_t number = kProbeDoc;     // Its document number once added.
  internal::SketchRef ref() const {
    internal::SketchRef r;
    r.bbit = bbit.data();
    r.text_hash = sketch->text_hash;
    r.simhash = sketch->simhash;
    r.shingles = sketch->num_shingles;
    r.words = sketch->num_words;
    return r;
  }
};

internal::SketchRef RefOf(const DocRecord& d) {
  internal::SketchRef r;
  r.bbit = d.bbit.data();
  r.text_hash = d.text_hash;
  r.simhash = d.simhash;
  r.shingles = d.shingles;
  r.words = d.words;
  return r;
}

struct Scored {
  DocRecord rec;
  PairScore score;  // (probe, rec).
};

// What a write batch has not yet put into LMDB: its postings (put sorted at
// the end, which is much cheaper than one by one) and its stories (each put
// once, however many documents join it).
struct PendingWrites {
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> postings;
  absl::flat_hash_map<uint64_t, StoryRecord> stories;
};

struct Judgement {
  std::vector<Scored> matches;       // Duplicates, best first.
  std::optional<StoryRecord> story;  // The story to join.
};

bool Better(const PairScore& a, const PairScore& b) {
  if (a.relation != b.relation) return a.relation < b.relation;
  return a.jaccard > b.jaccard;
}

IndexRole RoleOf(Relation r) {
  switch (r) {
    case Relation::kCopy:
      return IndexRole::kCopy;
    case Relation::kNearDuplicate:
      return IndexRole::kNearDuplicate;
    case Relation::kPartial:
      return IndexRole::kPartial;
    case Relation::kRewrite:
      return IndexRole::kRewrite;
    case Relation::kNone:
      break;
  }
  return IndexRole::kRelated;
}

std::optional<int64_t> Published(int64_t p) {
  if (p == INT64_MAX) return std::nullopt;
  return p;
}

}  // namespace

struct StreamIndex::Impl {
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
  // Guards `postings`: shared to read, unique to publish a commit's changes
  // (only a writer holding write_mu changes it).
  mutable std::shared_mutex postings_mu;
  internal::MemPostings postings;
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
  std::vector<uint64_t> KeysOf(const std::vector<uint32_t>& bands,
                               const std::vector<uint32_t>& partial,
                               uint64_t simhash, bool has_text) const;
  absl::Status Judge(MDB_txn* txn, const Probe& probe,
                     const PendingWrites* pending, Judgement* out) const;
  absl::Status MakeVerdict(MDB_txn* txn, const Probe& probe,
                           const StoryRecord& story, IndexVerdict* v) const;
  Probe MakeProbe(const Document& doc, const DocSketch& sketch) const;
  absl::Status FlushPending(MDB_txn* txn, const PendingWrites& pending);
  absl::Status LoadPostings();
  absl::StatusOr<std::vector<IndexVerdict>> Write(
      absl::Span<const Document> docs, bool with_matches);
};

absl::Status StreamIndex::Impl::Setup() {
  if (options.dedup.cosine_threshold > 0) {
    return absl::InvalidArgumentError(
        "the index does not support the cosine path (cosine_threshold > 0)");
  }
  if (options.dedup.simhash_distance > 8) {
    return absl::InvalidArgumentError(
        "the index supports SimHash distances up to 8");
  }
  absl::StatusOr<Deduplicator> d = Deduplicator::Create(options.dedup);
  if (!d.ok()) return d.status();
  sketcher.emplace(*std::move(d));
  lsh_bands = sketcher->lsh_params().bands;
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

std::vector<uint64_t> StreamIndex::Impl::KeysOf(
    const std::vector<uint32_t>& bands, const std::vector<uint32_t>& partial,
    uint64_t simhash, bool has_text) const {
  std::vector<uint64_t> keys;
  if (!has_text) return keys;
  keys.reserve(bands.size() + partial.size() + simhash_masks.size());
  for (size_t i = 0; i < bands.size(); ++i) {
    keys.push_back(PostingKey(kLshBand, i, bands[i]));
  }
  for (size_t i = 0; i < partial.size(); ++i) {
    keys.push_back(PostingKey(kPartialBand, i, partial[i]));
  }
  for (size_t i = 0; i < simhash_masks.size(); ++i) {
    const uint64_t bits = simhash & simhash_masks[i];
    keys.push_back(PostingKey(kSimHashTable, i,
                              XXH3_64bits_withSeed(&bits, 8, kSimKeySeed + i)));
  }
  return keys;
}

Probe StreamIndex::Impl::MakeProbe(const Document& doc,
                                   const DocSketch& sketch) const {
  Probe p;
  p.doc = &doc;
  p.sketch = &sketch;
  p.bbit.resize(options.dedup.num_registers);
  for (size_t i = 0; i < p.bbit.size() && i < sketch.minhash.size(); ++i) {
    p.bbit[i] = static_cast<uint16_t>(sketch.minhash[i]);
  }
  return p;
}

absl::Status StreamIndex::Impl::Judge(MDB_txn* txn, const Probe& probe,
                                      const PendingWrites* pending,
                                      Judgement* out) const {
  out->matches.clear();
  out->story.reset();
  const DocSketch& s = *probe.sketch;
  std::vector<uint64_t> keys =
      KeysOf(s.band_keys, s.partial_band_keys, s.simhash, !s.minhash.empty());
  // In key order, successive lookups share most of their B-tree path.
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> candidates;
  const int cap = std::max(1, options.dedup.max_pairs_per_doc);
  {
    std::shared_lock<std::shared_mutex> lock(postings_mu);
    for (uint64_t key : keys) {
      const int taken = postings.ForEach(key, cap, [&](uint32_t doc) {
        if (doc != probe.number) candidates.push_back(doc);
      });
      // Then this batch's documents (numbered after every committed one).
      if (pending != nullptr && taken < cap) {
        auto it = pending->postings.find(key);
        if (it == pending->postings.end()) continue;
        int n = taken;
        for (uint32_t doc : it->second) {
          if (n++ >= cap) break;
          if (doc != probe.number) candidates.push_back(doc);
        }
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()),
                   candidates.end());
  const internal::SketchRef me = probe.ref();
  for (uint32_t doc : candidates) {
    // The postings are read after `txn` began: a document committed since
    // (not in this snapshot) or deleted since is not a candidate.
    NEARDUP_ASSIGN_OR_RETURN(std::optional<DocRecord> found, GetDoc(txn, doc));
    if (!found.has_value()) continue;
    DocRecord rec = *std::move(found);
    const PairScore score =
        internal::ScoreSketches(me, RefOf(rec), options.dedup);
    if (Counts(score.relation)) out->matches.push_back({std::move(rec), score});
  }
  std::sort(out->matches.begin(), out->matches.end(),
            [](const Scored& a, const Scored& b) {
              if (Better(a.score, b.score)) return true;
              if (Better(b.score, a.score)) return false;
              return a.rec.doc < b.rec.doc;
            });
  // The story: the best verified relation with a story's centre, among the
  // stories of the best matches (no chaining through other members).
  std::vector<uint64_t> seen;
  std::optional<PairScore> best;
  for (const Scored& m : out->matches) {
    if (std::find(seen.begin(), seen.end(), m.rec.story) != seen.end()) {
      continue;
    }
    if (seen.size() >= kMaxStoriesChecked) break;
    seen.push_back(m.rec.story);
    NEARDUP_ASSIGN_OR_RETURN(std::optional<StoryRecord> story,
                             GetStoryRec(txn, m.rec.story, pending));
    if (!story.has_value()) {
      return absl::DataLossError(
          absl::StrCat("index record document #", m.rec.doc,
                       " refers to story ", m.rec.story, ", which is missing"));
    }
    PairScore to_centre;
    if (story->centre == m.rec.doc) {
      to_centre = m.score;
    } else {
      auto it = std::find_if(
          out->matches.begin(), out->matches.end(),
          [&](const Scored& x) { return x.rec.doc == story->centre; });
      if (it != out->matches.end()) {
        to_centre = it->score;
      } else {
        NEARDUP_ASSIGN_OR_RETURN(DocRecord centre,
                                 MustGetDoc(txn, story->centre));
        to_centre = internal::ScoreSketches(me, RefOf(centre), options.dedup);
      }
    }
    if (!Counts(to_centre.relation)) continue;
    if (!best.has_value() || Better(to_centre, *best) ||
        (!Better(*best, to_centre) && story->story < out->story->story)) {
      best = to_centre;
      out->story = std::move(story);
    }
  }
  return absl::OkStatus();
}

absl::Status StreamIndex::Impl::MakeVerdict(MDB_txn* txn, const Probe& probe,
                                            const StoryRecord& story,
                                            IndexVerdict* v) const {
  v->story = story.story;
  const OriginPick pick = PickOrigin(story);
  if (pick.external) {
    v->role = IndexRole::kDerivative;
    v->origin.kind = OriginKind::kExternal;
    v->origin.outlet = pick.outlet;
    return absl::OkStatus();
  }
  v->origin.kind = OriginKind::kDocument;
  if (pick.doc == probe.number) {
    v->role = IndexRole::kOrigin;
    v->origin.id = probe.doc->id;
    v->origin.outlet =
        std::string(internal::CutUtf8(probe.doc->outlet, kMaxOutletBytes));
    v->origin.published = probe.doc->published;
    return absl::OkStatus();
  }
  NEARDUP_ASSIGN_OR_RETURN(DocRecord origin, MustGetDoc(txn, pick.doc));
  const PairScore score =
      internal::ScoreSketches(probe.ref(), RefOf(origin), options.dedup);
  v->role =
      Counts(score.relation) ? RoleOf(score.relation) : IndexRole::kRelated;
  v->origin.id = std::move(origin.id);
  v->origin.outlet = std::move(origin.outlet);
  v->origin.published = Published(origin.published);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Impl::Write(
    absl::Span<const Document> batch, bool with_matches) {
  std::vector<DocSketch> sketches = sketcher->SketchBatch(batch, open.threads);
  std::vector<std::vector<std::string>> cites(batch.size());
  if (options.attributions) {
    internal::ParallelFor(batch.size(), open.threads, [&](size_t b, size_t e) {
      for (size_t i = b; i < e; ++i) {
        std::vector<uint64_t> seen;
        for (Attribution& a : ExtractAttributions(batch[i].text)) {
          const uint64_t h = internal::OutletHash(a.outlet);
          if (h == 0 || std::find(seen.begin(), seen.end(), h) != seen.end()) {
            continue;
          }
          seen.push_back(h);
          cites[i].push_back(
              std::string(internal::CutUtf8(a.outlet, kMaxOutletBytes)));
        }
      }
    });
  }

  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(env, false));
  Counters counters;
  NEARDUP_RETURN_IF_ERROR(ReadCounters(txn.get(), &counters));
  std::vector<IndexVerdict> verdicts(batch.size());
  Judgement judgement;
  PendingWrites pending;
  for (size_t i = 0; i < batch.size(); ++i) {
    const Document& doc = batch[i];
    IndexVerdict& v = verdicts[i];
    v.id = doc.id;
    if (doc.id.empty()) {
      v.skip = {SkipReason::kMalformedJson, "the document has an empty id"};
      continue;
    }
    if (doc.id.size() > kMaxIdBytes) {
      v.skip = {SkipReason::kTooLarge, "the id is longer than 4096 bytes"};
      continue;
    }
    NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> existing,
                             GetId(txn.get(), doc.id));
    if (existing.has_value()) {
      v.skip = {SkipReason::kDuplicateId, "the id is already in the index"};
      continue;
    }
    const DocSketch& sketch = sketches[i];
    if (sketch.minhash.empty()) {
      v.skip = {SkipReason::kEmpty, "the text has no words"};
      continue;
    }
    if (counters.next_doc >= kProbeDoc) {
      return absl::ResourceExhaustedError(
          "the index has used all 2^32 - 1 document numbers");
    }
    Probe probe = MakeProbe(doc, sketch);
    probe.cites = std::move(cites[i]);
    NEARDUP_RETURN_IF_ERROR(Judge(txn.get(), probe, &pending, &judgement));
    probe.number = static_cast<uint32_t>(counters.next_doc++);

    StoryRecord story;
    if (judgement.story.has_value()) {
      story = *std::move(judgement.story);
      if (story.members.size() == 1) ++counters.multi_stories;
    } else {
      story.story = counters.next_story++;
      story.centre = probe.number;
      ++counters.stories;
    }
    story.members.push_back(
        {probe.number, sketch.published, internal::OutletHash(doc.outlet)});
    AddCites(probe.cites, &story);

    DocRecord rec;
    rec.doc = probe.number;
    rec.story = story.story;
    rec.text_hash = sketch.text_hash;
    rec.simhash = sketch.simhash;
    rec.shingles = sketch.num_shingles;
    rec.words = sketch.num_words;
    rec.published = sketch.published;
    rec.has_text = true;
    rec.band_keys = sketch.band_keys;
    rec.partial_band_keys = sketch.partial_band_keys;
    rec.bbit = probe.bbit;
    rec.id = doc.id;
    rec.outlet = std::string(internal::CutUtf8(doc.outlet, kMaxOutletBytes));
    rec.cites = probe.cites;
    const std::string doc_bytes = internal::EncodeDoc(rec);
    const std::string id_key = IdKey(doc.id);
    {
      // Document numbers only grow: append.
      MDB_val k = MdbVal(&probe.number, 4),
              val = MdbVal(doc_bytes.data(), doc_bytes.size());
      NEARDUP_RETURN_IF_ERROR(MdbStatus(
          mdb_put(txn.get(), docs, &k, &val, MDB_APPEND), "write document"));
      MDB_val ik = MdbVal(id_key.data(), id_key.size()),
              iv = MdbVal(&probe.number, 4);
      NEARDUP_RETURN_IF_ERROR(
          MdbStatus(mdb_put(txn.get(), ids, &ik, &iv, 0), "write id"));
    }
    for (uint64_t key :
         KeysOf(rec.band_keys, rec.partial_band_keys, rec.simhash, true)) {
      pending.postings[key].push_back(probe.number);
    }
    pending.stories[story.story] = story;
    ++counters.documents;

    NEARDUP_RETURN_IF_ERROR(MakeVerdict(txn.get(), probe, story, &v));
    v.added = true;
    if (with_matches) {
      const size_t n = std::min<size_t>(judgement.matches.size(),
                                        std::max(0, open.max_matches));
      for (size_t m = 0; m < n; ++m) {
        Scored& sc = judgement.matches[m];
        v.matches.push_back({std::move(sc.rec.id), sc.rec.story,
                             sc.score.relation, sc.score.jaccard,
                             sc.score.a_in_b, sc.score.hamming});
      }
    }
  }
  NEARDUP_RETURN_IF_ERROR(FlushPending(txn.get(), pending));
  ++counters.commits;
  NEARDUP_RETURN_IF_ERROR(WriteCounters(txn.get(), counters));
  NEARDUP_RETURN_IF_ERROR(txn.Commit());
  // Durable: now queries may find this batch's documents. Per key in
  // document order (the lists were filled in order).
  {
    std::vector<std::pair<uint64_t, const std::vector<uint32_t>*>> lists;
    lists.reserve(pending.postings.size());
    for (const auto& [key, list] : pending.postings) {
      lists.emplace_back(key, &list);
    }
    std::unique_lock<std::shared_mutex> lock(postings_mu);
    for (const auto& [key, list] : lists) {
      for (uint32_t doc : *list) postings.Add(key, doc);
    }
  }
  return verdicts;
}

absl::Status StreamIndex::Impl::FlushPending(MDB_txn* txn,
                                             const PendingWrites& pending) {
  std::vector<uint64_t> ids;
  for (const auto& entry : pending.stories) ids.push_back(entry.first);
  std::sort(ids.begin(), ids.end());
  for (uint64_t id : ids) {
    const std::string bytes = internal::EncodeStory(pending.stories.at(id));
    MDB_val k = MdbVal(&id, 8), v = MdbVal(bytes.data(), bytes.size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_put(txn, stories, &k, &v, 0), "write story"));
  }
  return absl::OkStatus();
}

absl::Status StreamIndex::Impl::LoadPostings() {
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(env, true));
  MDB_stat st;
  NEARDUP_RETURN_IF_ERROR(
      MdbStatus(mdb_stat(txn.get(), docs, &st), "stat documents"));
  const size_t per_doc = static_cast<size_t>(lsh_bands) +
                         sketcher->partial_lsh_params().bands +
                         simhash_masks.size();
  postings.Reserve(st.ms_entries * per_doc);
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
                               rec->simhash, rec->has_text)) {
      postings.Add(key, doc);
    }
  }
  mdb_cursor_close(cursor);
  NEARDUP_RETURN_IF_ERROR(status);
  if (rc != MDB_NOTFOUND) return MdbStatus(rc, "read documents");
  return absl::OkStatus();
}

StreamIndex::StreamIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StreamIndex::~StreamIndex() { (void)Close(); }

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

absl::StatusOr<std::unique_ptr<StreamIndex>> StreamIndex::Create(
    std::string_view dir, const IndexOptions& options,
    const IndexOpenOptions& open) {
  if (open.read_only) {
    return absl::InvalidArgumentError("cannot create a read-only index");
  }
  if (options.max_bytes < (uint64_t{1} << 20)) {
    return absl::InvalidArgumentError("max_bytes must be at least 1 MiB");
  }
  auto m = std::make_unique<Impl>();
  m->dir = std::string(dir);
  m->options = options;
  m->open = open;
  NEARDUP_RETURN_IF_ERROR(m->Setup());
  std::error_code ec;
  const std::filesystem::path path(m->dir);
  std::filesystem::create_directories(path, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot create ", m->dir, ": ", ec.message()));
  }
  if (std::filesystem::exists(path / "data.mdb", ec)) {
    return absl::AlreadyExistsError(
        absl::StrCat("an index already exists in ", m->dir));
  }
  NEARDUP_RETURN_IF_ERROR(m->OpenEnv(/*create=*/true));
  NEARDUP_RETURN_IF_ERROR(m->OpenDbs(/*create=*/true));
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m->env, false));
  std::string format(kMagic);
  format.append(reinterpret_cast<const char*>(&kFormatVersion), 4);
  const std::string sealed_format = internal::Seal(format);
  const std::string sealed_options =
      internal::Seal(internal::OptionsJson(options));
  for (const auto& [key, value] :
       {std::pair<std::string_view, const std::string*>{"format",
                                                        &sealed_format},
        {"options", &sealed_options}}) {
    MDB_val k = MdbVal(key.data(), key.size()),
            v = MdbVal(value->data(), value->size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_put(txn.get(), m->meta, &k, &v, 0), "write meta"));
  }
  NEARDUP_RETURN_IF_ERROR(m->WriteCounters(txn.get(), Counters()));
  NEARDUP_RETURN_IF_ERROR(txn.Commit());
  return std::unique_ptr<StreamIndex>(new StreamIndex(std::move(m)));
}

absl::StatusOr<std::unique_ptr<StreamIndex>> StreamIndex::Open(
    std::string_view dir, const IndexOpenOptions& open) {
  auto m = std::make_unique<Impl>();
  m->dir = std::string(dir);
  m->open = open;
  std::error_code ec;
  const std::filesystem::path data = std::filesystem::path(m->dir) / "data.mdb";
  if (!std::filesystem::exists(data, ec)) {
    return absl::NotFoundError(absl::StrCat("no index in ", m->dir));
  }
  // An empty or tiny file would be initialised as a new environment.
  const uint64_t size = std::filesystem::file_size(data, ec);
  if (ec || size < 2 * 4096) {
    return absl::DataLossError(absl::StrCat(m->dir, "/data.mdb is truncated (",
                                            ec ? 0 : size, " bytes)"));
  }
  NEARDUP_RETURN_IF_ERROR(m->OpenEnv(/*create=*/false));
  NEARDUP_RETURN_IF_ERROR(m->OpenDbs(/*create=*/false));
  {
    Txn txn;
    NEARDUP_RETURN_IF_ERROR(txn.Begin(m->env, true));
    MDB_val k = MdbVal("format", 6), v;
    int rc = mdb_get(txn.get(), m->meta, &k, &v);
    if (rc == MDB_NOTFOUND) {
      return absl::DataLossError(
          absl::StrCat("not a neardup index (no format record) in ", m->dir));
    }
    NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read format"));
    NEARDUP_ASSIGN_OR_RETURN(std::string_view format,
                             internal::Unseal(View(v), "format"));
    if (format.size() != kMagic.size() + 4 ||
        format.substr(0, kMagic.size()) != kMagic) {
      return absl::DataLossError(
          absl::StrCat("not a neardup index (bad format record) in ", m->dir));
    }
    uint32_t version = 0;
    std::memcpy(&version, format.data() + kMagic.size(), 4);
    if (version != kFormatVersion) {
      return absl::FailedPreconditionError(
          absl::StrCat("index format version ", version, " in ", m->dir,
                       "; this build reads only version ", kFormatVersion,
                       " (create a new index and ingest the documents again)"));
    }
    k = MdbVal("options", 7);
    rc = mdb_get(txn.get(), m->meta, &k, &v);
    if (rc == MDB_NOTFOUND) {
      return absl::DataLossError("index options record is missing");
    }
    NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read options"));
    NEARDUP_ASSIGN_OR_RETURN(std::string_view options_json,
                             internal::Unseal(View(v), "options"));
    NEARDUP_ASSIGN_OR_RETURN(m->options,
                             internal::ParseOptionsJson(options_json));
    Counters counters;
    NEARDUP_RETURN_IF_ERROR(m->ReadCounters(txn.get(), &counters));
  }
  absl::Status setup = m->Setup();
  if (!setup.ok()) {
    return absl::DataLossError(
        absl::StrCat("index options are invalid: ", setup.message()));
  }
  NEARDUP_RETURN_IF_ERROR(m->LoadPostings());
  return std::unique_ptr<StreamIndex>(new StreamIndex(std::move(m)));
}

#define NEARDUP_INDEX_CHECK_OPEN_(m)                               \
  do {                                                             \
    if ((m).closed) {                                              \
      return absl::FailedPreconditionError("the index is closed"); \
    }                                                              \
  } while (0)

absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Ingest(
    absl::Span<const Document> docs) {
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  if (impl_->open.read_only) {
    return absl::FailedPreconditionError("the index is open read-only");
  }
  return impl_->Write(docs, /*with_matches=*/true);
}

absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Add(
    absl::Span<const Document> docs) {
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  if (impl_->open.read_only) {
    return absl::FailedPreconditionError("the index is open read-only");
  }
  return impl_->Write(docs, /*with_matches=*/false);
}

absl::StatusOr<IndexVerdict> StreamIndex::Query(const Document& doc) const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  const Impl& m = *impl_;
  IndexVerdict v;
  v.id = doc.id;
  const DocSketch sketch = m.sketcher->Sketch(doc);
  if (sketch.minhash.empty()) {
    v.skip = {SkipReason::kEmpty, "the text has no words"};
    return v;
  }
  Probe probe = m.MakeProbe(doc, sketch);
  if (m.options.attributions) {
    std::vector<uint64_t> seen;
    for (Attribution& a : ExtractAttributions(doc.text)) {
      const uint64_t h = internal::OutletHash(a.outlet);
      if (h == 0 || std::find(seen.begin(), seen.end(), h) != seen.end()) {
        continue;
      }
      seen.push_back(h);
      probe.cites.push_back(std::move(a.outlet));
    }
  }
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, true));
  // An indexed document queried again is judged as text, never against
  // itself.
  if (!doc.id.empty()) {
    NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> self,
                             m.GetId(txn.get(), doc.id));
    if (self.has_value()) probe.number = *self;
  }
  Judgement judgement;
  NEARDUP_RETURN_IF_ERROR(m.Judge(txn.get(), probe, nullptr, &judgement));
  if (judgement.story.has_value()) {
    StoryRecord story = *std::move(judgement.story);
    // As if it were added: a member, with its date and credits. A document
    // already in this story is not counted twice.
    const uint32_t self = probe.number;
    probe.number = kProbeDoc;
    story.members.erase(
        std::remove_if(story.members.begin(), story.members.end(),
                       [self](const internal::StoryMemberRec& r) {
                         return r.doc == self;
                       }),
        story.members.end());
    if (!story.members.empty() && story.centre == self) {
      story.centre = story.members.front().doc;
    }
    story.members.push_back(
        {kProbeDoc, sketch.published, internal::OutletHash(doc.outlet)});
    AddCites(probe.cites, &story);
    NEARDUP_RETURN_IF_ERROR(m.MakeVerdict(txn.get(), probe, story, &v));
  } else {
    v.role = IndexRole::kNew;
  }
  const size_t n = std::min<size_t>(judgement.matches.size(),
                                    std::max(0, m.open.max_matches));
  for (size_t i = 0; i < n; ++i) {
    Scored& sc = judgement.matches[i];
    v.matches.push_back({std::move(sc.rec.id), sc.rec.story, sc.score.relation,
                         sc.score.jaccard, sc.score.a_in_b, sc.score.hamming});
  }
  return v;
}

absl::Status StreamIndex::Delete(std::string_view id) {
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  Impl& m = *impl_;
  if (m.open.read_only) {
    return absl::FailedPreconditionError("the index is open read-only");
  }
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, false));
  NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> doc, m.GetId(txn.get(), id));
  if (!doc.has_value()) {
    return absl::NotFoundError(absl::StrCat(
        "no document '", Sv(internal::CutUtf8(id, 200)), "' in the index"));
  }
  NEARDUP_ASSIGN_OR_RETURN(DocRecord rec, m.MustGetDoc(txn.get(), *doc));
  Counters counters;
  NEARDUP_RETURN_IF_ERROR(m.ReadCounters(txn.get(), &counters));
  {
    const std::string key = IdKey(id);
    MDB_val ik = MdbVal(key.data(), key.size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_del(txn.get(), m.ids, &ik, nullptr), "delete id"));
    MDB_val dk = MdbVal(&rec.doc, 4);
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_del(txn.get(), m.docs, &dk, nullptr), "delete document"));
  }
  NEARDUP_ASSIGN_OR_RETURN(std::optional<StoryRecord> story,
                           m.GetStoryRec(txn.get(), rec.story));
  if (!story.has_value()) {
    return absl::DataLossError(absl::StrCat("index record document #", rec.doc,
                                            " refers to a missing story"));
  }
  const size_t before = story->members.size();
  story->members.erase(
      std::remove_if(story->members.begin(), story->members.end(),
                     [&rec](const internal::StoryMemberRec& r) {
                       return r.doc == rec.doc;
                     }),
      story->members.end());
  for (const std::string& name : rec.cites) {
    const uint64_t h = internal::OutletHash(name);
    auto it = std::find_if(
        story->cites.begin(), story->cites.end(),
        [h](const internal::StoryCite& c) { return c.key_hash == h; });
    if (it != story->cites.end() && --it->count == 0) story->cites.erase(it);
  }
  MDB_val sk = MdbVal(&story->story, 8);
  if (story->members.empty()) {
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_del(txn.get(), m.stories, &sk, nullptr), "delete story"));
    --counters.stories;
  } else {
    if (before >= 2 && story->members.size() == 1) --counters.multi_stories;
    if (story->centre == rec.doc) story->centre = story->members.front().doc;
    const std::string bytes = internal::EncodeStory(*story);
    MDB_val sv = MdbVal(bytes.data(), bytes.size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_put(txn.get(), m.stories, &sk, &sv, 0), "write story"));
  }
  --counters.documents;
  ++counters.deleted;
  ++counters.commits;
  NEARDUP_RETURN_IF_ERROR(m.WriteCounters(txn.get(), counters));
  NEARDUP_RETURN_IF_ERROR(txn.Commit());
  std::unique_lock<std::shared_mutex> lock(m.postings_mu);
  for (uint64_t key :
       m.KeysOf(rec.band_keys, rec.partial_band_keys, rec.simhash, true)) {
    m.postings.Remove(key, rec.doc);
  }
  return absl::OkStatus();
}

absl::StatusOr<IndexStory> StreamIndex::GetStory(uint64_t story_id) const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  const Impl& m = *impl_;
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, true));
  NEARDUP_ASSIGN_OR_RETURN(std::optional<StoryRecord> rec,
                           m.GetStoryRec(txn.get(), story_id));
  if (!rec.has_value()) {
    return absl::NotFoundError(absl::StrCat("no story ", story_id));
  }
  const OriginPick pick = PickOrigin(*rec);
  IndexStory story;
  story.id = rec->story;
  NEARDUP_ASSIGN_OR_RETURN(
      DocRecord reference,
      m.MustGetDoc(txn.get(), pick.external ? rec->centre : pick.doc));
  if (pick.external) {
    story.origin.kind = OriginKind::kExternal;
    story.origin.outlet = pick.outlet;
  } else {
    story.origin.kind = OriginKind::kDocument;
    story.origin.id = reference.id;
    story.origin.outlet = reference.outlet;
    story.origin.published = Published(reference.published);
  }
  for (const internal::StoryCite& c : rec->cites) {
    story.cited_outlets.push_back(c.name);
  }
  for (const internal::StoryMemberRec& mem : rec->members) {
    NEARDUP_ASSIGN_OR_RETURN(DocRecord d, m.MustGetDoc(txn.get(), mem.doc));
    IndexStoryMember out;
    if (mem.doc == rec->centre) story.centre = d.id;
    if (mem.doc == reference.doc) {
      out.role = pick.external ? IndexRole::kDerivative : IndexRole::kOrigin;
      out.jaccard = 1;
      out.containment = 1;
      out.hamming = 0;
    } else {
      const PairScore s =
          internal::ScoreSketches(RefOf(d), RefOf(reference), m.options.dedup);
      out.role = pick.external          ? IndexRole::kDerivative
                 : m.Counts(s.relation) ? RoleOf(s.relation)
                                        : IndexRole::kRelated;
      out.jaccard = s.jaccard;
      out.containment = s.a_in_b;
      out.hamming = s.hamming;
    }
    out.id = std::move(d.id);
    out.outlet = std::move(d.outlet);
    out.published = Published(d.published);
    out.arrival = mem.doc;
    story.members.push_back(std::move(out));
  }
  return story;
}

absl::StatusOr<uint64_t> StreamIndex::Lookup(std::string_view id) const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(impl_->env, true));
  NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> doc,
                           impl_->GetId(txn.get(), id));
  if (!doc.has_value()) {
    return absl::NotFoundError(absl::StrCat(
        "no document '", Sv(internal::CutUtf8(id, 200)), "' in the index"));
  }
  NEARDUP_ASSIGN_OR_RETURN(DocRecord rec, impl_->MustGetDoc(txn.get(), *doc));
  return rec.story;
}

absl::StatusOr<IndexStats> StreamIndex::Stats() const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  const Impl& m = *impl_;
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, true));
  Counters c;
  NEARDUP_RETURN_IF_ERROR(m.ReadCounters(txn.get(), &c));
  IndexStats s;
  s.format_version = kFormatVersion;
  s.documents = c.documents;
  s.deleted = c.deleted;
  s.stories = c.stories;
  s.multi_stories = c.multi_stories;
  s.commits = c.commits;
  s.options = m.options;
  MDB_envinfo info;
  MDB_stat stat;
  NEARDUP_RETURN_IF_ERROR(MdbStatus(mdb_env_info(m.env, &info), "info"));
  NEARDUP_RETURN_IF_ERROR(MdbStatus(mdb_env_stat(m.env, &stat), "stat"));
  s.used_bytes = (uint64_t{info.me_last_pgno} + 1) * stat.ms_psize;
  std::error_code ec;
  const uint64_t size =
      std::filesystem::file_size(std::filesystem::path(m.dir) / "data.mdb", ec);
  s.file_bytes = ec ? 0 : size;
  return s;
}

const IndexOptions& StreamIndex::options() const { return impl_->options; }

absl::Status StreamIndex::Close() {
  if (impl_ == nullptr) return absl::OkStatus();
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::unique_lock<std::shared_mutex> life(impl_->life_mu);
  if (impl_->closed) return absl::OkStatus();
  impl_->closed = true;
  if (impl_->env != nullptr) {
    int rc = MDB_SUCCESS;
    if (!impl_->open.read_only && !impl_->open.sync) {
      rc = mdb_env_sync(impl_->env, 1);
    }
    mdb_env_close(impl_->env);
    impl_->env = nullptr;
    return MdbStatus(rc, "sync on close");
  }
  return absl::OkStatus();
}

}  // namespace neardup
