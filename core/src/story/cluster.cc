// Copyright 2026 The neardup Authors.

#include "story/cluster.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace neardup::internal {

std::vector<std::vector<uint32_t>> ClusterStories(
    size_t n, absl::Span<const PairAnalysis> pairs, double threshold) {
  // sum[i * n + j]: sum of pair scores between groups i and j (by the index
  // of their representative); size[i]: members of group i, 0 when merged.
  std::vector<double> sum(n * n, 0.0);
  for (const PairAnalysis& p : pairs) {
    sum[p.a * n + p.b] = p.story;
    sum[p.b * n + p.a] = p.story;
  }
  std::vector<size_t> size(n, 1);
  std::vector<std::vector<uint32_t>> members(n);
  for (size_t i = 0; i < n; ++i) members[i] = {static_cast<uint32_t>(i)};
  while (true) {
    double best = -1;
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i < n; ++i) {
      if (size[i] == 0) continue;
      for (size_t j = i + 1; j < n; ++j) {
        if (size[j] == 0) continue;
        const double mean =
            sum[i * n + j] / static_cast<double>(size[i] * size[j]);
        if (mean > best) {
          best = mean;
          bi = i;
          bj = j;
        }
      }
    }
    if (best < threshold) break;
    // Merge bj into bi (Lance-Williams update for average linkage: sums add).
    for (size_t k = 0; k < n; ++k) {
      if (size[k] == 0 || k == bi || k == bj) continue;
      sum[bi * n + k] += sum[bj * n + k];
      sum[k * n + bi] = sum[bi * n + k];
    }
    size[bi] += size[bj];
    size[bj] = 0;
    members[bi].insert(members[bi].end(), members[bj].begin(),
                       members[bj].end());
    members[bj].clear();
  }
  std::vector<std::vector<uint32_t>> groups;
  for (size_t i = 0; i < n; ++i) {
    if (size[i] == 0) continue;
    std::sort(members[i].begin(), members[i].end());
    groups.push_back(std::move(members[i]));
  }
  std::sort(groups.begin(), groups.end());
  return groups;
}

}  // namespace neardup::internal
