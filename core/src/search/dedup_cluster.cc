// Copyright 2026 The neardup Authors.

#include "search/dedup_cluster.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace neardup {
namespace {

constexpr uint32_t kUnassigned = UINT32_MAX;

// A member nearly as complete as the centre may represent the cluster when
// it is earlier.
constexpr double kCompleteEnough = 0.95;

}  // namespace

std::vector<DocVerdict> ClusterWithoutChaining(const ClusterInput& input,
                                               std::vector<ScoredEdge> edges,
                                               DedupStats* stats) {
  const uint32_t n = input.num_docs;
  // Adjacency lists (CSR), neighbours in ascending order.
  std::vector<uint32_t> offsets(n + 1, 0);
  for (const ScoredEdge& e : edges) {
    ++offsets[e.a + 1];
    ++offsets[e.b + 1];
  }
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<uint32_t> neighbours(offsets[n]);
  {
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (const ScoredEdge& e : edges) {
      neighbours[fill[e.a]++] = e.b;
      neighbours[fill[e.b]++] = e.a;
    }
  }
  edges = {};
  for (uint32_t d = 0; d < n; ++d) {
    std::sort(neighbours.begin() + offsets[d],
              neighbours.begin() + offsets[d + 1]);
  }

  // Most complete first; then earliest; then input order.
  auto before = [&](uint32_t x, uint32_t y) {
    if (input.shingles[x] != input.shingles[y]) {
      return input.shingles[x] > input.shingles[y];
    }
    if (input.published[x] != input.published[y]) {
      return input.published[x] < input.published[y];
    }
    return x < y;
  };
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), before);

  // Star clustering: a centre takes its unassigned neighbours, which all
  // come later in `order`, so every member has a verified edge with its
  // centre and no cluster grows through chains.
  std::vector<uint32_t> center(n, kUnassigned);
  for (uint32_t u : order) {
    if (center[u] != kUnassigned) continue;
    center[u] = u;
    for (uint32_t i = offsets[u]; i < offsets[u + 1]; ++i) {
      if (center[neighbours[i]] == kUnassigned) center[neighbours[i]] = u;
    }
  }

  // Members of each centre, in input order.
  const std::vector<uint32_t> offsets_by_doc = offsets;
  std::fill(offsets.begin(), offsets.end(), 0);
  for (uint32_t d = 0; d < n; ++d) ++offsets[center[d] + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<uint32_t> members(n);
  {
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (uint32_t d = 0; d < n; ++d) members[fill[center[d]]++] = d;
  }

  std::vector<DocVerdict> verdicts(n);
  std::vector<uint32_t> rep_of(n);
  for (uint32_t d = 0; d < n; ++d) {
    verdicts[d].representative = d;
    rep_of[d] = d;
  }
  std::vector<uint32_t> candidates;
  for (uint32_t c = 0; c < n; ++c) {
    const uint32_t size = offsets[c + 1] - offsets[c];
    if (size < 2) continue;
    const absl::Span<const uint32_t> group(members.data() + offsets[c], size);
    // The representative: the earliest member nearly as complete as the
    // centre that every other member verifies against; else the centre.
    candidates.clear();
    for (uint32_t m : group) {
      if (m != c && input.shingles[m] >= kCompleteEnough * input.shingles[c] &&
          (input.published[m] < input.published[c] ||
           (input.published[m] == input.published[c] && m < c))) {
        candidates.push_back(m);
      }
    }
    std::sort(candidates.begin(), candidates.end(),
              [&](uint32_t x, uint32_t y) {
                return input.published[x] != input.published[y]
                           ? input.published[x] < input.published[y]
                           : x < y;
              });
    uint32_t rep = c;
    for (uint32_t r : candidates) {
      bool all = true;
      for (uint32_t m : group) {
        if (m != r && !input.counts_as_duplicate(input.score(m, r).relation)) {
          all = false;
          break;
        }
      }
      if (all) {
        rep = r;
        break;
      }
    }
    for (uint32_t m : group) {
      rep_of[m] = rep;
      DocVerdict& v = verdicts[m];
      v.representative = rep;
      if (m == rep) continue;
      const PairScore s = input.score(m, rep);
      v.relation = s.relation;
      v.jaccard = s.jaccard;
      v.containment = s.a_in_b;
      v.hamming = s.hamming;
      v.cosine = s.cosine;
    }
    ++stats->clusters;
    stats->duplicates += size - 1;
    stats->largest_cluster = std::max<uint64_t>(stats->largest_cluster, size);
  }
  // A document left alone because its neighbours joined other stars joins
  // the cluster of the neighbour whose representative it verifies against
  // best (directly: still no chaining).
  std::vector<uint32_t> size_of(n, 0);
  for (uint32_t d = 0; d < n; ++d) ++size_of[rep_of[d]];
  for (uint32_t u : order) {
    if (rep_of[u] != u || size_of[u] != 1) continue;
    uint32_t best = kUnassigned;
    PairScore best_score;
    for (uint32_t i = offsets_by_doc[u]; i < offsets_by_doc[u + 1]; ++i) {
      const uint32_t r = rep_of[neighbours[i]];
      if (r == u || size_of[r] < 2) continue;
      const PairScore s = input.score(u, r);
      if (input.counts_as_duplicate(s.relation) &&
          (best == kUnassigned || s.jaccard > best_score.jaccard ||
           (s.jaccard == best_score.jaccard && r < best))) {
        best = r;
        best_score = s;
      }
    }
    if (best == kUnassigned) continue;
    rep_of[u] = best;
    ++size_of[best];
    size_of[u] = 0;
    DocVerdict& v = verdicts[u];
    v.representative = best;
    v.relation = best_score.relation;
    v.jaccard = best_score.jaccard;
    v.containment = best_score.a_in_b;
    v.hamming = best_score.hamming;
    v.cosine = best_score.cosine;
    ++stats->duplicates;
    stats->largest_cluster =
        std::max<uint64_t>(stats->largest_cluster, size_of[best]);
  }

  // Clusters are numbered in the input order of their first member.
  std::vector<uint32_t> number(n, kUnassigned);
  uint32_t next = 0;
  for (uint32_t d = 0; d < n; ++d) {
    uint32_t& num = number[rep_of[d]];
    if (num == kUnassigned) num = next++;
    verdicts[d].cluster = num;
  }
  if (n > 0 && stats->largest_cluster == 0) stats->largest_cluster = 1;
  return verdicts;
}

}  // namespace neardup
