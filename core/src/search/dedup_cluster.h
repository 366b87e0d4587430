// Copyright 2026 The neardup Authors.
//
// Clustering of verified duplicate edges without chaining (see dedup.h):
// greedy star clustering from the most complete, earliest document, then the
// choice of each cluster's representative.

#ifndef NEARDUP_SEARCH_DEDUP_CLUSTER_H_
#define NEARDUP_SEARCH_DEDUP_CLUSTER_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/types/span.h"

#include "neardup/dedup.h"

namespace neardup {

// The verified scores of one pair (a, b).
struct PairScore {
  Relation relation = Relation::kNone;
  float jaccard = 0;
  float a_in_b = 0;  // Estimated share of a's shingles found in b.
  float b_in_a = 0;
  int hamming = 64;
  float cosine = -1;  // -1: the cosine path is off.
};

struct ScoredEdge {
  uint32_t a = 0;
  uint32_t b = 0;
  PairScore score;
};

struct ClusterInput {
  uint32_t num_docs = 0;
  absl::Span<const uint32_t> shingles;  // Completeness, per document.
  absl::Span<const int64_t> published;  // Earliness, per document.
  std::function<bool(Relation)> counts_as_duplicate;
  // Scores any pair (for the representative's checks). Thread-compatible.
  std::function<PairScore(uint32_t, uint32_t)> score;
};

// One verdict per document; fills stats->clusters, duplicates and
// largest_cluster. `edges` must only hold duplicate relations.
std::vector<DocVerdict> ClusterWithoutChaining(const ClusterInput& input,
                                               std::vector<ScoredEdge> edges,
                                               DedupStats* stats);

}  // namespace neardup

#endif  // NEARDUP_SEARCH_DEDUP_CLUSTER_H_
