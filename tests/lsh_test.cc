// Copyright 2026 The neardup Authors.

#include "neardup/lsh.h"

#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace neardup {
namespace {

using ::testing::ElementsAre;

TEST(LshCandidateProbabilityTest, MatchesClosedForm) {
  EXPECT_DOUBLE_EQ(LshCandidateProbability({1, 1}, 0.3), 0.3);
  EXPECT_DOUBLE_EQ(LshCandidateProbability({2, 1}, 0.5), 0.75);
  EXPECT_DOUBLE_EQ(LshCandidateProbability({1, 2}, 0.5), 0.25);
  EXPECT_DOUBLE_EQ(LshCandidateProbability({5, 3}, 1.0), 1.0);
  EXPECT_DOUBLE_EQ(LshCandidateProbability({5, 3}, 0.0), 0.0);
}

TEST(ChooseLshParamsTest, SkewedDistributionRecallsThePairsAtTheThreshold) {
  absl::StatusOr<LshParams> p = ChooseLshParams(128, 0.8);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->bands, 18);
  EXPECT_EQ(p->rows, 7);
  EXPECT_GT(LshCandidateProbability(*p, 0.8), 0.98);
  EXPECT_LT(LshCandidateProbability(*p, 0.5), 0.15);
}

TEST(ChooseLshParamsTest, UniformDistributionMissesManyPairsAtTheThreshold) {
  // The datasketch-style weighting (uniform similarities) puts the curve's
  // middle at the threshold, so it misses a large share of pairs there.
  LshTuning uniform;
  uniform.non_duplicate_decay = 0;
  absl::StatusOr<LshParams> p = ChooseLshParams(128, 0.8, uniform);
  ASSERT_TRUE(p.ok());
  EXPECT_LT(LshCandidateProbability(*p, 0.8), 0.8);
}

TEST(ChooseLshParamsTest, HigherThresholdsUseLongerBands) {
  int last_rows = 0;
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    absl::StatusOr<LshParams> p = ChooseLshParams(128, t);
    ASSERT_TRUE(p.ok());
    EXPECT_LE(p->bands * p->rows, 128);
    EXPECT_GE(p->rows, last_rows) << t;
    last_rows = p->rows;
  }
}

TEST(ChooseLshParamsTest, RejectsBadArguments) {
  EXPECT_FALSE(ChooseLshParams(0, 0.8).ok());
  EXPECT_FALSE(ChooseLshParams(128, 0.0).ok());
  EXPECT_FALSE(ChooseLshParams(128, 1.0).ok());
  EXPECT_FALSE(LshCandidateIndex::Create({20, 7}, 128).ok());
  EXPECT_FALSE(LshCandidateIndex::Create({0, 7}, 128).ok());
}

TEST(DescribeLshParamsTest, PrintsTheSCurve) {
  EXPECT_EQ(DescribeLshParams({18, 7}),
            "18 bands x 7 rows: P(candidate) = 0.132 at J=0.5, 0.787 at 0.7, "
            "0.986 at 0.8, 1.000 at 0.9");
}

// Random signatures in families: each family member copies the family's base
// signature and redraws a share of its registers.
std::vector<std::vector<uint32_t>> Families(int families, int members, int k,
                                            uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::vector<uint32_t>> sigs;
  for (int f = 0; f < families; ++f) {
    std::vector<uint32_t> base(k);
    for (uint32_t& v : base) v = rng();
    for (int m = 0; m < members; ++m) {
      std::vector<uint32_t> s = base;
      const double redraw = 0.05 * (rng() % 10);  // 0 .. 45%.
      for (uint32_t& v : s) {
        if (rng() % 1000 < redraw * 1000) v = rng() % 4;  // Small alphabet.
      }
      sigs.push_back(std::move(s));
    }
  }
  // Interleave the families.
  std::shuffle(sigs.begin(), sigs.end(), rng);
  return sigs;
}

TEST(LshCandidateIndexTest, EqualsBruteForceBandCollisions) {
  const int k = 64;
  const LshParams params{8, 8};
  for (uint32_t seed : {1u, 2u, 3u}) {
    const auto sigs = Families(40, 6, k, seed);
    absl::StatusOr<LshCandidateIndex> index =
        LshCandidateIndex::Create(params, k);
    ASSERT_TRUE(index.ok());
    for (const auto& s : sigs) index->Add(s);
    EXPECT_EQ(index->size(), sigs.size());
    const std::vector<CandidatePair> got = index->CandidatePairs(1000);

    std::vector<CandidatePair> want;
    for (uint32_t a = 0; a < sigs.size(); ++a) {
      for (uint32_t b = a + 1; b < sigs.size(); ++b) {
        for (int band = 0; band < params.bands; ++band) {
          if (std::equal(sigs[a].begin() + band * params.rows,
                         sigs[a].begin() + (band + 1) * params.rows,
                         sigs[b].begin() + band * params.rows)) {
            want.push_back({a, b});
            break;
          }
        }
      }
    }
    EXPECT_GT(want.size(), 100u);  // The test means something.
    EXPECT_EQ(got, want) << "seed " << seed;
  }
}

TEST(LshCandidateIndexTest, CapsPairsPerDocumentInABucket) {
  const int k = 16;
  absl::StatusOr<LshCandidateIndex> index =
      LshCandidateIndex::Create({2, 8}, k);
  ASSERT_TRUE(index.ok());
  std::vector<uint32_t> same(k, 7);
  for (int i = 0; i < 5; ++i) index->Add(same);
  // Each document pairs with at most 2 of the first documents of its bucket.
  EXPECT_THAT(
      index->CandidatePairs(2),
      ElementsAre(CandidatePair{0, 1}, CandidatePair{0, 2}, CandidatePair{0, 3},
                  CandidatePair{0, 4}, CandidatePair{1, 2}, CandidatePair{1, 3},
                  CandidatePair{1, 4}));
  EXPECT_EQ(index->CandidatePairs(100).size(), 10u);
}

TEST(LshCandidateIndexTest, EmptyAndMalformedSignaturesNeverPair) {
  const int k = 16;
  absl::StatusOr<LshCandidateIndex> index =
      LshCandidateIndex::Create({4, 4}, k);
  ASSERT_TRUE(index.ok());
  std::vector<uint32_t> same(k, 7);
  index->Add(same);
  index->Add(same, /*empty=*/true);
  index->Add(std::vector<uint32_t>(k - 1, 7));
  index->Add(same);
  EXPECT_THAT(index->CandidatePairs(), ElementsAre(CandidatePair{0, 3}));
}

}  // namespace
}  // namespace neardup
