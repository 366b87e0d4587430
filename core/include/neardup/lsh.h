// Copyright 2026 The neardup Authors.
//
// MinHash LSH banding (Indyk & Motwani 1998; Broder 1997; "Mining of Massive
// Datasets" ch. 3): a k-register signature is cut into b bands of r rows, and
// two documents become a candidate pair when all r rows of some band agree.
// A pair of Jaccard similarity s collides with probability 1 - (1 - s^r)^b:
// an S-curve whose steep part sits near (1/b)^(1/r).
//
//   absl::StatusOr<neardup::LshParams> p = neardup::ChooseLshParams(128, 0.8);
//   absl::StatusOr<neardup::LshCandidateIndex> index =
//       neardup::LshCandidateIndex::Create(*p, 128);
//   for (const auto& sig : signatures) index->Add(sig.values);  // doc 0, 1..
//   std::vector<neardup::CandidatePair> pairs = index->CandidatePairs();
//
// Choosing b and r: datasketch minimises false positives plus false negatives
// with pair similarities uniform on [0, 1]; at threshold 0.8 and k = 128 it
// picks 9 x 13, which finds only ~40% of the pairs at J = 0.8. Real corpora
// are skewed: almost every pair is dissimilar, and duplicates are few but
// matter. ChooseLshParams() weighs false positives by a density that decays
// from 0 (most pairs share little) and false negatives by the density of
// duplicate pairs above the threshold; at 0.8 and k = 128 it picks 18 x 7
// (P = 0.99 at J = 0.8, 0.13 at J = 0.5). Candidates are verified afterwards,
// so a false positive costs one signature comparison, a false negative a
// missed duplicate.

#ifndef NEARDUP_LSH_H_
#define NEARDUP_LSH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace neardup {

struct LshParams {
  int bands = 0;
  int rows = 0;  // Registers per band; bands * rows <= k.
};

// Probability that a pair of Jaccard similarity s shares at least one band:
// 1 - (1 - s^rows)^bands.
double LshCandidateProbability(const LshParams& params, double s);

// The similarity distribution ChooseLshParams() weighs errors by.
struct LshTuning {
  // Non-duplicate pair similarities s < threshold have density
  // ~ exp(-decay * s): most pairs share almost nothing. 0 = uniform.
  double non_duplicate_decay = 10.0;
  // Duplicate pair similarities s >= threshold have density
  // ~ exp(skew * (s - 1)): positive values put more duplicates near 1.
  double duplicate_skew = 0.0;
  double false_positive_weight = 1.0;
  double false_negative_weight = 1.0;
};

// The bands x rows (bands * rows <= num_registers) that minimise
// false_positive_weight * E[P(s) | s < t] + false_negative_weight *
// E[1 - P(s) | s >= t] under `tuning`. Deterministic.
// InvalidArgument unless 1 <= num_registers <= 4096 and 0 < threshold < 1.
[[nodiscard]] absl::StatusOr<LshParams> ChooseLshParams(
    int num_registers, double threshold, const LshTuning& tuning = {});

// "18 bands x 7 rows: P(candidate) = 0.132 at J=0.5, 0.787 at 0.7, 0.986 at
// 0.8, 1.000 at 0.9".
std::string DescribeLshParams(const LshParams& params);

// Seed of the band key hash; part of the candidate set (not of any output
// format, since candidates are verified).
inline constexpr uint64_t kLshBandSeed = 0x6e6561726c736831ULL;  // "nearlsh1"

struct CandidatePair {
  uint32_t a = 0;  // a < b: document numbers in the order they were added.
  uint32_t b = 0;
  friend bool operator==(const CandidatePair&, const CandidatePair&) = default;
  friend bool operator<(const CandidatePair& x, const CandidatePair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  }
};

// Batch LSH: collects one 32-bit key per band for each document, then lists
// the pairs that share a band. Memory: 4 bytes per band per document, plus
// 8 bytes per document and the pairs while CandidatePairs() runs.
// Thread-compatible.
class LshCandidateIndex {
 public:
  // InvalidArgument unless params are positive and bands * rows <=
  // num_registers.
  [[nodiscard]] static absl::StatusOr<LshCandidateIndex> Create(
      const LshParams& params, int num_registers);

  // The band keys of a signature (num_registers values) into `keys`
  // (params.bands values): XXH3-64 of the band's registers, seeded by
  // kLshBandSeed + band, low 32 bits. Thread-safe; does not allocate.
  void BandKeys(absl::Span<const uint32_t> signature,
                absl::Span<uint32_t> keys) const;

  // Adds the next document (numbered 0, 1, ...). A signature of the wrong
  // length, or one marked empty by the caller (`empty` = true), gets no band
  // keys and so never becomes a candidate.
  void Add(absl::Span<const uint32_t> signature, bool empty = false);
  // Adds the next document from precomputed BandKeys().
  void AddKeys(absl::Span<const uint32_t> keys);
  // Reserves room for `docs` documents in all.
  void Reserve(size_t docs) { keys_.reserve(docs * params_.bands); }

  // Every pair that shares a band key, sorted, without repeats. Within a
  // bucket of m documents, each document is paired with at most
  // `max_pairs_per_doc` of the bucket's earlier documents (the first ones
  // added), so a bucket costs O(m * max_pairs_per_doc), not O(m^2).
  std::vector<CandidatePair> CandidatePairs(int max_pairs_per_doc = 64) const;

  const LshParams& params() const { return params_; }
  uint32_t size() const { return num_docs_; }
  // Bytes held by the band keys.
  size_t MemoryBytes() const { return keys_.capacity() * sizeof(uint32_t); }

 private:
  LshCandidateIndex(const LshParams& params, int num_registers)
      : params_(params), num_registers_(num_registers) {}

  LshParams params_;
  int num_registers_ = 0;
  uint32_t num_docs_ = 0;
  std::vector<uint32_t> keys_;     // num_docs_ x bands, document-major.
  std::vector<uint32_t> no_keys_;  // Documents added without keys, sorted.
};

}  // namespace neardup

#endif  // NEARDUP_LSH_H_
