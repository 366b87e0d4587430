// Copyright 2026 The neardup Authors.
//
// Batch deduplication of a large corpus: compact sketches per document,
// candidate pairs from MinHash LSH bands and SimHash tables, verification of
// every candidate, and clustering that cannot chain.
//
//   absl::StatusOr<neardup::Deduplicator> dedup =
//       neardup::Deduplicator::Create(options);
//   for (each batch of documents, in input order) {
//     std::vector<neardup::DocSketch> sketches =
//         dedup->SketchBatch(batch, threads);     // parallel, pure
//     for (const auto& s : sketches) dedup->Add(s);  // documents 0, 1, ...
//   }
//   neardup::DedupResult result = dedup->Finish(threads);
//   // result.docs[i]: cluster, representative, relation, scores.
//
// Per document the index keeps a 16-bit b-bit MinHash signature (2 bytes per
// register), the band keys of both LSH bandings (4 bytes per band), a
// SimHash-64 fingerprint, a text hash, word and shingle counts and the
// publication time: about 490 bytes with the defaults (plus ~450 bytes with
// the opt-in cosine path), so the documents themselves are never held.
//
// Verification: each candidate pair is scored from the sketches: exact text
// hash (copy), estimated Jaccard (near_duplicate), estimated containment of
// the smaller document in the larger (partial), SimHash distance of the
// content words (rewrite). Only pairs with a relation that counts as a
// duplicate become edges.
//
// Clustering (no chaining): documents are visited from the most complete
// (most shingles), earliest (published, then input order); an unassigned
// document becomes a cluster centre and takes every unassigned neighbour it
// has a verified edge with. Every member is thus verified against its centre
// directly, never through a chain of weak links. The representative is the
// earliest member that is nearly as complete as the centre (>= 95% of its
// shingles) and verified against every member; otherwise the centre.
//
// Results depend only on the documents and their order, never on the
// number of threads.

#ifndef NEARDUP_DEDUP_H_
#define NEARDUP_DEDUP_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/document.h"
#include "neardup/lsh.h"
#include "neardup/text.h"
#include "neardup/tfidf.h"

namespace neardup {

enum class Relation : uint8_t {
  kNone = 0,           // Not a duplicate (or the representative itself).
  kCopy = 1,           // The same text, byte for byte.
  kNearDuplicate = 2,  // Jaccard >= jaccard_threshold.
  kPartial = 3,        // One contains most of the other (truncation).
  kRewrite = 4,        // Same content words, different phrasing or order.
};

// "none", "copy", "near_duplicate", "partial", "rewrite".
std::string_view RelationName(Relation relation);
// The relation named `name`; InvalidArgument for an unknown name.
[[nodiscard]] absl::StatusOr<Relation> ParseRelation(std::string_view name);

struct DedupOptions {
  int shingle_size = 5;     // Words per shingle, >= 1.
  int num_registers = 128;  // MinHash k, a multiple of 8 in [8, 1024].
  // near_duplicate: estimated Jaccard at least this; also sets the LSH bands.
  double jaccard_threshold = 0.8;
  // partial: at least this share of the smaller document's shingles is in
  // the larger, and the smaller has at least min_partial_share of the
  // larger's shingles.
  double containment_threshold = 0.9;
  double min_partial_share = 0.3;
  // A second LSH banding tuned to this Jaccard finds partial candidates
  // (a truncation keeping 50% of a text has J = 0.5); 0 disables it. Costs
  // 4 bytes per band per document.
  double partial_lsh_threshold = 0.5;
  // rewrite: SimHash-64 of the content words within this Hamming distance
  // (searched with permuted tables); < 0 disables the SimHash path.
  int simhash_distance = 3;
  // rewrite, second path: TF-IDF cosine of the content words at least this,
  // searched exactly over compact vectors (the cosine_terms heaviest terms
  // of each document that occur in at least one other document,
  // renormalised) by all-pairs prefix filtering
  // (cosine_index.h). 0 disables it. Needs a second pass over the documents
  // (CosineVectorBatch(), AddCosineVectors()), since IDF needs the whole
  // corpus, and holds 12 bytes per term per document until Finish().
  double cosine_threshold = 0;
  int cosine_terms = 24;
  // Relations that make a document a duplicate of its representative.
  std::vector<Relation> duplicate_relations = {
      Relation::kCopy, Relation::kNearDuplicate, Relation::kPartial,
      Relation::kRewrite};
  // Documents with fewer shingles than this are never duplicates of
  // anything but exact copies (too little text to judge).
  int min_shingles = 8;
  // Cap on pairs per document per LSH bucket / SimHash key.
  int max_pairs_per_doc = 64;
  TokenizeOptions tokenize;
  LshTuning lsh_tuning;
};

// The sketch of one document: what Add() keeps, before compression.
struct DocSketch {
  std::vector<uint32_t> minhash;  // num_registers values; empty: no text.
  std::vector<uint32_t> band_keys;
  std::vector<uint32_t> partial_band_keys;
  uint64_t text_hash = 0;  // XXH3-64 of the raw text.
  uint64_t simhash = 0;    // SimHash-64 of the content words (counts).
  std::vector<uint64_t> content_terms;  // Distinct, when cosine is on.
  uint32_t num_shingles = 0;
  uint32_t num_words = 0;
  int64_t published = INT64_MAX;  // Unknown: latest.
};

// The verdict for one document.
struct DocVerdict {
  uint32_t cluster = 0;         // Cluster number: clusters are numbered in
                                // the input order of their first member.
  uint32_t representative = 0;  // Document number of the representative.
  Relation relation = Relation::kNone;  // To the representative.
  float jaccard = 1;      // Estimated Jaccard with the representative.
  float containment = 1;  // Estimated share of this document's
                          // shingles found in the representative.
  int hamming = 0;        // SimHash distance to the representative.
  float cosine = -1;      // Compact TF-IDF cosine; -1 when not on.
  bool keep() const { return relation == Relation::kNone; }
};

struct DedupStats {
  uint64_t documents = 0;
  uint64_t lsh_candidates = 0;
  uint64_t partial_lsh_candidates = 0;
  uint64_t simhash_candidates = 0;
  uint64_t cosine_candidates = 0;
  uint64_t verified_edges = 0;
  uint64_t clusters = 0;    // With at least two members.
  uint64_t duplicates = 0;  // Documents not kept.
  uint64_t largest_cluster = 0;
  uint64_t index_bytes = 0;  // Sketches and band keys.
};

struct DedupResult {
  std::vector<DocVerdict> docs;  // One per document added, in order.
  DedupStats stats;
};

// Thread-safety: Sketch() and SketchBatch() read only what Create() set, so
// they may run concurrently with each other, with the const accessors and
// with Add() (neardup dedup sketches one batch while it adds another).
// CosineVectorBatch() reads the document frequencies: run it once every
// Add() is done (it may run beside AddCosineVectors()). Add(),
// AddCosineVectors() and Finish() need exclusive access otherwise.
class Deduplicator {
 public:
  // InvalidArgument for bad options (shingle size, registers, thresholds).
  [[nodiscard]] static absl::StatusOr<Deduplicator> Create(
      const DedupOptions& options);
  Deduplicator(Deduplicator&&) noexcept;
  Deduplicator& operator=(Deduplicator&&) noexcept;
  ~Deduplicator();

  // Tokenises, shingles and sketches one document. Pure; allocates.
  DocSketch Sketch(const Document& doc) const;
  // Sketch() of every document, on up to `threads` threads (results in
  // order, identical for any thread count).
  std::vector<DocSketch> SketchBatch(absl::Span<const Document> docs,
                                     int threads) const;

  // Adds the next document (numbered 0, 1, ... in call order).
  void Add(const DocSketch& sketch);
  // Reserves room for `docs` documents in all (optional: avoids the slack
  // of growing arrays).
  void Reserve(size_t docs);

  // The cosine path's second pass: true when cosine_threshold > 0. Then,
  // after every Add(), pass the same documents again, in the same order,
  // through CosineVectorBatch() and AddCosineVectors() before Finish().
  bool wants_cosine_pass() const;
  // Compact TF-IDF vectors with the IDF of every document added. Pure;
  // runs on up to `threads` threads.
  std::vector<TermVector> CosineVectorBatch(absl::Span<const Document> docs,
                                            int threads) const;
  void AddCosineVectors(std::vector<TermVector> vectors);

  // Candidates, verification and clustering over every document added.
  // Uses up to `threads` threads; the result does not depend on it.
  DedupResult Finish(int threads);

  const LshParams& lsh_params() const;
  // The partial-candidate banding; bands = 0 when disabled.
  LshParams partial_lsh_params() const;
  uint32_t size() const;
  // Bytes held for the documents added so far.
  size_t MemoryBytes() const;

 private:
  struct Impl;
  explicit Deduplicator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace neardup

#endif  // NEARDUP_DEDUP_H_
