// Copyright 2026 The neardup Authors.
//
// MinHash: options, estimators against exact Jaccard (seeded statistical
// tests within 4 sigma), b-bit compression and golden vectors.

#include "neardup/minhash.h"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "sketch_reference.h"

namespace neardup {
namespace {

using ::testing::Each;
using ::testing::Eq;

// Two sets of random hashes with |A ∪ B| = union_size and |A ∩ B| =
// common: the first `common` hashes are shared, the rest split between A
// and B.
struct SetPair {
  std::vector<uint64_t> a, b;
  double jaccard = 0;
};

SetPair MakePair(size_t union_size, size_t common, std::mt19937_64& rng) {
  SetPair pair;
  for (size_t i = 0; i < union_size; ++i) {
    const uint64_t x = rng();
    if (i < common) {
      pair.a.push_back(x);
      pair.b.push_back(x);
    } else if ((i - common) % 2 == 0) {
      pair.a.push_back(x);
    } else {
      pair.b.push_back(x);
    }
  }
  pair.jaccard = testing::ExactJaccard(pair.a, pair.b);
  return pair;
}

TEST(MinHasherTest, RejectsBadRegisterCounts) {
  for (int k : {0, 4, 12, 1025, 1032, -8}) {
    EXPECT_EQ(MinHasher::Create({.num_registers = k}).status().code(),
              absl::StatusCode::kInvalidArgument)
        << k;
  }
  for (int k : {8, 16, 128, 1024}) {
    EXPECT_TRUE(MinHasher::Create({.num_registers = k}).ok()) << k;
  }
  EXPECT_FALSE(MinHasher::Create({.mode = static_cast<MinHashMode>(9)}).ok());
}

TEST(MinHasherTest, EmptySetGivesEmptySignature) {
  for (MinHashMode mode :
       {MinHashMode::kClassic, MinHashMode::kOnePermutation}) {
    const MinHasher hasher = MinHasher::Create({.mode = mode}).value();
    const MinHashSignature s = hasher.Sketch({});
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s.values.size(), 128u);
    EXPECT_THAT(s.values, Each(Eq(0xFFFFFFFFu)));
    EXPECT_EQ(EstimateJaccard(s, s), 0.0);
  }
}

TEST(MinHasherTest, IdenticalSetsAndOrderAndRepeats) {
  std::mt19937_64 rng(1);
  std::vector<uint64_t> a(500);
  for (uint64_t& x : a) x = rng();
  std::vector<uint64_t> shuffled = a;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  shuffled.insert(shuffled.end(), a.begin(), a.begin() + 50);  // Repeats.
  for (MinHashMode mode :
       {MinHashMode::kClassic, MinHashMode::kOnePermutation}) {
    const MinHasher hasher = MinHasher::Create({.mode = mode}).value();
    const MinHashSignature s = hasher.Sketch(a);
    const MinHashSignature t = hasher.Sketch(shuffled);
    EXPECT_EQ(s.values, t.values);
    EXPECT_EQ(EstimateJaccard(s, t), 1.0);
    EXPECT_EQ(EstimateContainment(s, s), 1.0);
  }
}

TEST(MinHasherTest, SeedsGiveDifferentFunctions) {
  const std::vector<uint64_t> a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const MinHasher h1 = MinHasher::Create({.seed = 1}).value();
  const MinHasher h2 = MinHasher::Create({.seed = 2}).value();
  EXPECT_NE(h1.Sketch(a).values, h2.Sketch(a).values);
}

TEST(MinHasherTest, SketchIntoMatchesSketch) {
  const std::vector<uint64_t> a = {11, 22, 33};
  const MinHasher hasher = MinHasher::Create({.num_registers = 64}).value();
  std::vector<uint32_t> registers(64, 0);
  hasher.SketchInto(a, absl::MakeSpan(registers));
  EXPECT_EQ(registers, hasher.Sketch(a).values);
}

// Estimates within 4 sigma of the exact Jaccard, sigma = sqrt(J(1-J)/k),
// over set pairs spanning J in [0, 1]. Seeded: a failure is reproducible,
// and the expected number of 4-sigma excursions over these pairs is ~0.01.
void CheckWithinFourSigma(MinHashMode mode, int k, size_t min_union) {
  const MinHasher hasher =
      MinHasher::Create({.num_registers = k, .mode = mode, .seed = 99}).value();
  std::mt19937_64 rng(2026);
  double total_error = 0;
  int pairs = 0;
  for (int step = 0; step <= 20; ++step) {
    for (int rep = 0; rep < 8; ++rep) {
      const size_t union_size = min_union + rng() % 400;
      const size_t common = union_size * step / 20;
      const SetPair pair = MakePair(union_size, common, rng);
      const double estimate =
          EstimateJaccard(hasher.Sketch(pair.a), hasher.Sketch(pair.b));
      const double j = pair.jaccard;
      // At J = 0 or 1 the estimate is exact: sigma 0 allows no error; for
      // J near 0 or 1 a floor of half a register keeps the bound meaningful.
      const double sigma = std::max(std::sqrt(j * (1 - j) / k), 0.5 / k);
      EXPECT_LE(std::abs(estimate - j), 4 * sigma)
          << "J=" << j << " estimate=" << estimate << " k=" << k
          << " |A u B|=" << union_size;
      total_error += estimate - j;
      ++pairs;
    }
  }
  // No bias: the mean error over all pairs is far below one sigma of one.
  EXPECT_LT(std::abs(total_error / pairs), 0.01);
}

TEST(MinHashStatisticsTest, ClassicWithinFourSigma) {
  CheckWithinFourSigma(MinHashMode::kClassic, 128, 20);
  CheckWithinFourSigma(MinHashMode::kClassic, 256, 20);
}

TEST(MinHashStatisticsTest, DensifiedOnePermutationWithinFourSigma) {
  // Sets of 64+ elements; with k = 128 many bins are empty and densified.
  CheckWithinFourSigma(MinHashMode::kOnePermutation, 128, 64);
  CheckWithinFourSigma(MinHashMode::kOnePermutation, 256, 64);
}

TEST(MinHashStatisticsTest, ContainmentOfSubset) {
  std::mt19937_64 rng(5);
  std::vector<uint64_t> big(2000);
  for (uint64_t& x : big) x = rng();
  const std::vector<uint64_t> small(big.begin(), big.begin() + 500);
  const MinHasher hasher = MinHasher::Create({.num_registers = 512}).value();
  const MinHashSignature s = hasher.Sketch(small);
  const MinHashSignature b = hasher.Sketch(big);
  // J = 0.25; containment of small in big is 1, of big in small 0.25.
  EXPECT_NEAR(EstimateContainment(s, b), 1.0, 0.12);
  EXPECT_NEAR(EstimateContainment(b, s), 0.25, 0.06);
}

TEST(BbitTest, PacksLowBitsLittleEndian) {
  MinHashSignature s;
  s.values = {0x11223344u, 0xAABBCCDDu};
  s.set_size = 2;
  const BbitSignature b8 = CompressBbit(s, 8).value();
  EXPECT_EQ(b8.packed, (std::vector<uint8_t>{0x44, 0xDD}));
  const BbitSignature b16 = CompressBbit(s, 16).value();
  EXPECT_EQ(b16.packed, (std::vector<uint8_t>{0x44, 0x33, 0xDD, 0xCC}));
  EXPECT_EQ(b16.value(1), 0xCCDDu);
  const BbitSignature b32 = CompressBbit(s, 32).value();
  EXPECT_EQ(b32.value(0), 0x11223344u);
  EXPECT_FALSE(CompressBbit(s, 4).ok());
  EXPECT_FALSE(CompressBbit(s, 64).ok());
}

TEST(BbitTest, CorrectedEstimatorWithinFourSigma) {
  // The b-bit estimate's variance (Li & König 2010, eq. 12):
  // P(1-P) / (k (1-C2)^2), P = C1 + (1-C2) J.
  const int k = 512;
  const MinHasher hasher = MinHasher::Create({.num_registers = k}).value();
  std::mt19937_64 rng(77);
  for (int bits : {8, 16, 32}) {
    for (int step = 0; step <= 10; ++step) {
      const SetPair pair = MakePair(600, 60 * step, rng);
      const BbitSignature a = CompressBbit(hasher.Sketch(pair.a), bits).value();
      const BbitSignature b = CompressBbit(hasher.Sketch(pair.b), bits).value();
      const double j = pair.jaccard;
      const double c = std::ldexp(1.0, -bits);
      const double p = c + (1 - c) * j;
      const double sigma =
          std::max(std::sqrt(p * (1 - p) / k) / (1 - c), 0.5 / k);
      const double estimate = EstimateJaccard(a, b);
      EXPECT_LE(std::abs(estimate - j), 4 * sigma)
          << "bits=" << bits << " J=" << j << " estimate=" << estimate;
    }
  }
}

TEST(BbitTest, CorrectionRemovesChanceMatches) {
  // Disjoint sets: any equal 8-bit register is a chance match of two
  // different minima, about 1 in 256. Over 20 pairs of k = 1024 that is ~80
  // of 20480 registers (sigma ~9): the raw fraction is ~0.0039, the
  // corrected estimate ~0 (4 sigma = 0.0018).
  const int k = 1024;
  const MinHasher hasher = MinHasher::Create({.num_registers = k}).value();
  std::mt19937_64 rng(78);
  double raw = 0, corrected = 0;
  constexpr int kPairs = 20;
  for (int i = 0; i < kPairs; ++i) {
    const SetPair pair = MakePair(600, 0, rng);
    const BbitSignature a = CompressBbit(hasher.Sketch(pair.a), 8).value();
    const BbitSignature b = CompressBbit(hasher.Sketch(pair.b), 8).value();
    size_t equal = 0;
    for (int r = 0; r < k; ++r) equal += a.value(r) == b.value(r);
    raw += static_cast<double>(equal) / k;
    corrected += EstimateJaccard(a, b);
  }
  raw /= kPairs;
  corrected /= kPairs;
  EXPECT_NEAR(raw, 1.0 / 256, 0.0018);
  // The estimator clamps at 0, so its mean is >= 0 and small.
  EXPECT_LT(corrected, 0.0018);
}

TEST(BbitTest, MismatchedShapesEstimateZero) {
  const MinHasher hasher = MinHasher::Create({}).value();
  const MinHashSignature s = hasher.Sketch(std::vector<uint64_t>{1, 2, 3});
  EXPECT_EQ(
      EstimateJaccard(CompressBbit(s, 8).value(), CompressBbit(s, 16).value()),
      0.0);
  EXPECT_EQ(
      EstimateJaccard(CompressBbit(s, 16).value(), CompressBbit(s, 16).value()),
      1.0);
}

}  // namespace
}  // namespace neardup
