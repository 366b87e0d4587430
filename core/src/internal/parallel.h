// Copyright 2026 The neardup Authors.
//
// A minimal parallel-for over contiguous chunks on std::thread, and one over
// all pairs of n items: results are written by index, so they never depend
// on the number of threads.

#ifndef NEARDUP_INTERNAL_PARALLEL_H_
#define NEARDUP_INTERNAL_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

#include "internal/pairs.h"

namespace neardup::internal {

// `threads`, or one per core when it is 0 or less (an options field's
// "0: one per core").
inline int ThreadCount(int threads) {
  return threads > 0 ? threads
                     : static_cast<int>(
                           std::max(1u, std::thread::hardware_concurrency()));
}

// Calls fn(begin, end) over a partition of [0, n) into at most `threads`
// contiguous chunks, on as many threads (the calling thread runs the last).
template <typename Fn>
void ParallelFor(size_t n, int threads, const Fn& fn) {
  const size_t t = std::clamp<size_t>(threads < 1 ? 1 : threads, 1,
                                      std::max<size_t>(n / 64, 1));
  if (t <= 1) {
    fn(size_t{0}, n);
    return;
  }
  std::vector<std::thread> workers;
  workers.reserve(t - 1);
  for (size_t i = 0; i + 1 < t; ++i) {
    workers.emplace_back([&fn, i, t, n] { fn(n * i / t, n * (i + 1) / t); });
  }
  fn(n * (t - 1) / t, n);
  for (std::thread& w : workers) w.join();
}

// Calls fn(state, k, a, b) for every pair a < b of [0, n), where k is the
// pair's index in the order (0, 1), (0, 2), ..., (0, n - 1), (1, 2), ...,
// and `state` is a State made for each chunk (work one pair of a row can
// leave for the next): the pairs are split into ParallelFor() chunks of
// about equal size (rows are not, so splitting by row would leave threads
// idle).
template <typename State, typename Fn>
void ParallelForPairsWith(size_t n, int threads, const Fn& fn) {
  ParallelFor(NumPairs(n), threads, [n, &fn](size_t begin, size_t end) {
    if (begin >= end) return;
    State state;
    // The pair at index `begin`: skip whole rows (row a holds n - a - 1).
    size_t a = 0;
    size_t row_start = 0;
    while (row_start + (n - a - 1) <= begin) row_start += n - 1 - a++;
    size_t b = a + 1 + (begin - row_start);
    for (size_t k = begin; k < end; ++k) {
      fn(state, k, a, b);
      if (++b == n) {
        ++a;
        b = a + 1;
      }
    }
  });
}

// ParallelForPairsWith() without a state: fn(k, a, b).
template <typename Fn>
void ParallelForPairs(size_t n, int threads, const Fn& fn) {
  struct None {};
  ParallelForPairsWith<None>(
      n, threads, [&fn](None&, size_t k, size_t a, size_t b) { fn(k, a, b); });
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_PARALLEL_H_
