// Copyright 2026 The neardup Authors.
//
// Exact all-pairs cosine similarity search over sparse TF-IDF vectors with
// prefix filtering (Bayardo, Ma & Srikant 2007, "Scaling up all pairs
// similarity search"; the l2 prefix bound of Anastasiu & Karypis 2014,
// "L2AP"). For rewrites that share words but few phrases: shingle MinHash
// misses them, the bag of content words does not.
//
//   std::vector<neardup::TermVector> vectors = ...;  // unit L2 norm
//   std::vector<neardup::CosinePair> pairs =
//       neardup::CosineAllPairs(vectors, /*threshold=*/0.8, /*threads=*/2);
//
// Each vector's features are ordered by decreasing document frequency.
// Only the suffix after the longest prefix whose l2 norm stays below the
// threshold is indexed: if cos(x, y) >= t, then x and y share a feature in
// y's indexed suffix, since the prefix alone contributes less than t (by
// Cauchy-Schwarz, dot(y_prefix, x) <= |y_prefix| < t for unit x). Common
// words thus stay out of the index, and each query touches few postings.
// Every candidate is verified with the exact dot product (Cosine()).
//
// Thread-compatible; allocates the index (8 bytes per indexed feature) and
// the result. The result does not depend on the number of threads.

#ifndef NEARDUP_COSINE_INDEX_H_
#define NEARDUP_COSINE_INDEX_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

#include "neardup/tfidf.h"

namespace neardup {

struct CosinePair {
  uint32_t a = 0;  // a < b: indices into the input.
  uint32_t b = 0;
  float cosine = 0;  // Cosine(vectors[a], vectors[b]).
  friend bool operator==(const CosinePair&, const CosinePair&) = default;
};

struct CosineAllPairsStats {
  uint64_t features = 0;          // Non-zero features of all vectors.
  uint64_t indexed_features = 0;  // Those in the index (suffixes).
  uint64_t candidates = 0;        // Pairs verified.
};

// Every pair a < b with Cosine(vectors[a], vectors[b]) >= threshold, sorted
// by (a, b). Vectors are expected to have unit norm (TfIdfModel::Vectorize);
// empty vectors match nothing. threshold in (0, 1]; a threshold <= 0 returns
// nothing (every pair would qualify). Uses up to `threads` threads.
std::vector<CosinePair> CosineAllPairs(absl::Span<const TermVector> vectors,
                                       double threshold, int threads = 1,
                                       CosineAllPairsStats* stats = nullptr);

}  // namespace neardup

#endif  // NEARDUP_COSINE_INDEX_H_
