// Copyright 2026 The neardup Authors.
//
// All pairs of n items: their order and index, and the pairs that share a
// key, found through one sorted list instead of a comparison per pair.

#ifndef NEARDUP_INTERNAL_PAIRS_H_
#define NEARDUP_INTERNAL_PAIRS_H_

#include <cstddef>
#include <vector>

namespace neardup::internal {

// How many pairs n items make: n(n - 1) / 2.
inline size_t NumPairs(size_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

// The index of pair (a, b), a < b < n, in the order (0, 1), (0, 2), ...,
// (0, n - 1), (1, 2), ...: the order of ParallelForPairs() and of every
// list of all pairs (CompareAll, AnalyzeStories).
inline size_t PairIndex(size_t a, size_t b, size_t n) {
  return a * n - a * (a + 1) / 2 + (b - a - 1);
}

// For `entries` sorted by key(entry): calls fn(x, y) for every two entries
// x before y (indices into `entries`) in each run of equal keys, runs in
// order. With entries (key, item) sorted by key then item, fn sees, per
// pair of items, their shared keys in ascending order; a pair that shares
// k keys costs k calls, a pair that shares none costs nothing.
template <typename Entry, typename Key, typename Fn>
void ForEachPairInRuns(const std::vector<Entry>& entries, const Key& key,
                       const Fn& fn) {
  for (size_t i = 0; i < entries.size();) {
    size_t end = i + 1;
    while (end < entries.size() && key(entries[end]) == key(entries[i])) {
      ++end;
    }
    for (size_t x = i; x < end; ++x) {
      for (size_t y = x + 1; y < end; ++y) fn(x, y);
    }
    i = end;
  }
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_PAIRS_H_
