// Copyright 2026 The neardup Authors.
//
// A minimal parallel-for over contiguous chunks on std::thread: results are
// written by index, so they never depend on the number of threads.

#ifndef NEARDUP_SEARCH_PARALLEL_H_
#define NEARDUP_SEARCH_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace neardup::internal {

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

}  // namespace neardup::internal

#endif  // NEARDUP_SEARCH_PARALLEL_H_
