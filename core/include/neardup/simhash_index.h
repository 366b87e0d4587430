// Copyright 2026 The neardup Authors.
//
// Near-neighbour search over 64-bit SimHash fingerprints by permuted tables
// (Manku, Jain & Das Sarma 2007, "Detecting near-duplicates for web
// crawling"): cut the 64 bits into m blocks; two fingerprints within Hamming
// distance k differ in at most k blocks, so they agree exactly on at least
// m - k of them. One table per choice of m - k blocks, sorted by those blocks,
// finds every such pair by exact prefix match; the full distance is then
// checked with a popcount. C(m, k) tables, each keyed on about 64 (m - k) / m
// bits.
//
//   absl::StatusOr<neardup::SimHashIndex> index =
//       neardup::SimHashIndex::Create({.max_distance = 3});
//   for (uint64_t fp : fingerprints) index->Add(fp);  // docs 0, 1, ...
//   std::vector<neardup::CandidatePair> near = index->NearPairs();
//
// Memory: 8 bytes per document; NearPairs() builds one table at a time
// (12 bytes per document) and the pairs. Thread-compatible.

#ifndef NEARDUP_SIMHASH_INDEX_H_
#define NEARDUP_SIMHASH_INDEX_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"

#include "neardup/lsh.h"

namespace neardup {

struct SimHashIndexOptions {
  int max_distance = 3;  // k, in [0, 16].
  // m, in (k, 64]; 0 picks k + 2 (for k <= 3 at most 10 tables keyed on
  // about 25 bits: few false matches up to tens of millions of documents).
  int blocks = 0;
};

class SimHashIndex {
 public:
  // InvalidArgument for k outside [0, 16] or blocks outside (k, 64], or when
  // the number of tables C(blocks, k) would exceed 10,000.
  [[nodiscard]] static absl::StatusOr<SimHashIndex> Create(
      const SimHashIndexOptions& options);

  // Adds the next document (numbered 0, 1, ...).
  void Add(uint64_t fingerprint) { fingerprints_.push_back(fingerprint); }
  // Adds the next document, which never matches (no fingerprint).
  void AddNone();
  // Reserves room for `docs` documents in all.
  void Reserve(size_t docs) { fingerprints_.reserve(docs); }
  // The fingerprint of document `doc` (0 for AddNone()).
  uint64_t fingerprint(uint32_t doc) const { return fingerprints_[doc]; }

  // Every pair a < b of documents within Hamming distance max_distance,
  // sorted, without repeats. When more than `max_pairs_per_doc` documents
  // share a table key with a document, only the first ones are compared.
  std::vector<CandidatePair> NearPairs(int max_pairs_per_doc = 256) const;

  // Documents within max_distance of `fingerprint`, ascending. Scans one
  // table per block choice; O(tables * (log n + matches)) after the first
  // call, which builds the tables (12 bytes per document per table).
  std::vector<uint32_t> Query(uint64_t fingerprint);

  int num_tables() const { return static_cast<int>(tables_.size()); }
  uint32_t size() const { return static_cast<uint32_t>(fingerprints_.size()); }

 private:
  // One table: a bit permutation that moves the chosen blocks to the top.
  struct Table {
    struct Move {
      uint64_t mask;  // Bits of one block, in place.
      int shift;      // Positive: shift left; negative: right.
    };
    std::vector<Move> moves;
    int key_bits = 0;  // Total width of the chosen blocks.
    uint64_t Permute(uint64_t x) const;
  };
  struct Built {
    std::vector<uint64_t> permuted;  // Sorted.
    std::vector<uint32_t> docs;      // Parallel to permuted.
  };

  explicit SimHashIndex(const SimHashIndexOptions& options);
  Built BuildTable(const Table& table) const;

  SimHashIndexOptions options_;
  std::vector<Table> tables_;
  std::vector<uint64_t> fingerprints_;
  std::vector<uint32_t> none_;  // Documents without a fingerprint, sorted.
  std::vector<Built> built_;    // For Query(); built on first use.
};

}  // namespace neardup

#endif  // NEARDUP_SIMHASH_INDEX_H_
