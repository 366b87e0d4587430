// Copyright 2026 The neardup Authors.
//
// Grouping documents into stories.

#ifndef NEARDUP_STORY_CLUSTER_H_
#define NEARDUP_STORY_CLUSTER_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

#include "neardup/story.h"

namespace neardup::internal {

// Average-linkage agglomerative clustering of `n` documents on the pairs'
// story scores: the two groups with the highest mean score merge while that
// mean is at least `threshold`. Unlike single linkage (connected
// components), one strong link cannot chain two different stories that share
// a company name through a single bridging article. `pairs` holds every
// pair a < b. Returns groups of document indices, each sorted, groups by
// their first index. Time O(n^3) in the worst case, memory O(n^2).
std::vector<std::vector<uint32_t>> ClusterStories(
    size_t n, absl::Span<const PairAnalysis> pairs, double threshold);

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_CLUSTER_H_
