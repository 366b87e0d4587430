// Copyright 2026 The neardup Authors.

#include "neardup/simhash_index.h"

#include <bit>
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace neardup {
namespace {

// Random fingerprints, each followed by a few neighbours at distance 0..k+2.
std::vector<uint64_t> Fingerprints(int groups, int k, uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> fps;
  for (int g = 0; g < groups; ++g) {
    const uint64_t base = rng();
    fps.push_back(base);
    for (int n = 0; n < 4; ++n) {
      uint64_t fp = base;
      const int flips = static_cast<int>(rng() % (k + 3));
      for (int f = 0; f < flips; ++f) fp ^= uint64_t{1} << (rng() % 64);
      fps.push_back(fp);
    }
  }
  std::shuffle(fps.begin(), fps.end(), rng);
  return fps;
}

std::vector<CandidatePair> BruteForce(const std::vector<uint64_t>& fps, int k) {
  std::vector<CandidatePair> out;
  for (uint32_t a = 0; a < fps.size(); ++a) {
    for (uint32_t b = a + 1; b < fps.size(); ++b) {
      if (std::popcount(fps[a] ^ fps[b]) <= k) out.push_back({a, b});
    }
  }
  return out;
}

TEST(SimHashIndexTest, NearPairsEqualBruteForce) {
  for (int k : {0, 1, 3, 5}) {
    for (int blocks : {0, k + 1, k + 3}) {
      const std::vector<uint64_t> fps = Fingerprints(150, k, 7 + k);
      absl::StatusOr<SimHashIndex> index =
          SimHashIndex::Create({.max_distance = k, .blocks = blocks});
      ASSERT_TRUE(index.ok()) << index.status();
      for (uint64_t fp : fps) index->Add(fp);
      const std::vector<CandidatePair> want = BruteForce(fps, k);
      EXPECT_GT(want.size(), 50u);
      EXPECT_EQ(index->NearPairs(), want) << "k=" << k << " blocks=" << blocks;
    }
  }
}

TEST(SimHashIndexTest, QueryEqualsBruteForce) {
  const int k = 3;
  const std::vector<uint64_t> fps = Fingerprints(100, k, 99);
  absl::StatusOr<SimHashIndex> index =
      SimHashIndex::Create({.max_distance = k});
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->num_tables(), 10);  // C(5, 3).
  for (uint64_t fp : fps) index->Add(fp);
  for (size_t q = 0; q < fps.size(); q += 7) {
    std::vector<uint32_t> want;
    for (uint32_t d = 0; d < fps.size(); ++d) {
      if (std::popcount(fps[d] ^ fps[q]) <= k) want.push_back(d);
    }
    EXPECT_EQ(index->Query(fps[q]), want) << q;
  }
}

TEST(SimHashIndexTest, DocumentsWithoutFingerprintNeverMatch) {
  absl::StatusOr<SimHashIndex> index = SimHashIndex::Create({});
  ASSERT_TRUE(index.ok());
  index->Add(0);
  index->AddNone();
  index->Add(1);
  const std::vector<CandidatePair> pairs = index->NearPairs();
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (CandidatePair{0, 2}));
  EXPECT_EQ(index->Query(0), (std::vector<uint32_t>{0, 2}));
}

TEST(SimHashIndexTest, RejectsBadOptions) {
  EXPECT_FALSE(SimHashIndex::Create({.max_distance = -1}).ok());
  EXPECT_FALSE(SimHashIndex::Create({.max_distance = 17}).ok());
  EXPECT_FALSE(SimHashIndex::Create({.max_distance = 3, .blocks = 3}).ok());
  EXPECT_FALSE(SimHashIndex::Create({.max_distance = 3, .blocks = 65}).ok());
  EXPECT_FALSE(SimHashIndex::Create({.max_distance = 16, .blocks = 64}).ok());
}

}  // namespace
}  // namespace neardup
