// Copyright 2026 The neardup Authors.
//
// The parallel-for helpers (core/src/internal/parallel.h) against plain
// loops: every index and every pair exactly once, with the pair's index in
// row order, for any number of threads.

#include "internal/parallel.h"

#include <atomic>
#include <cstddef>
#include <vector>

#include "gtest/gtest.h"

namespace neardup::internal {
namespace {

TEST(ParallelTest, ParallelForCoversEveryIndexOnce) {
  for (const size_t n : {0, 1, 63, 64, 65, 1000}) {
    for (const int threads : {0, 1, 2, 3, 8}) {
      std::vector<std::atomic<int>> seen(n);
      ParallelFor(n, threads, [&](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) ++seen[i];
      });
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(seen[i].load(), 1) << "n " << n << " threads " << threads;
      }
    }
  }
}

TEST(ParallelTest, ParallelForPairsVisitsEveryPairOnceAtItsRowOrderIndex) {
  for (const size_t n : {0, 1, 2, 3, 12, 13, 17, 64, 130}) {
    // The index of each pair by the plain double loop.
    std::vector<std::vector<size_t>> want(n, std::vector<size_t>(n, 0));
    size_t pairs = 0;
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = a + 1; b < n; ++b) want[a][b] = pairs++;
    }
    for (const int threads : {1, 2, 3, 7, 64}) {
      std::vector<std::atomic<int>> seen(pairs);
      std::atomic<int> wrong{0};
      ParallelForPairs(n, threads, [&](size_t k, size_t a, size_t b) {
        if (a >= b || b >= n || k >= pairs || want[a][b] != k) {
          ++wrong;
          return;
        }
        ++seen[k];
      });
      EXPECT_EQ(wrong.load(), 0) << "n " << n << " threads " << threads;
      for (size_t k = 0; k < pairs; ++k) {
        ASSERT_EQ(seen[k].load(), 1)
            << "pair " << k << " n " << n << " threads " << threads;
      }
    }
  }
}

TEST(ParallelTest, ThreadCountZeroMeansOnePerCore) {
  EXPECT_EQ(ThreadCount(3), 3);
  EXPECT_GE(ThreadCount(0), 1);
  EXPECT_EQ(ThreadCount(0), ThreadCount(-1));
}

}  // namespace
}  // namespace neardup::internal
