// Copyright 2026 The neardup Authors.
//
// SimHash-64: all 64 bits in use, weights, token helpers, and distance
// growing with the fraction of edited words (seeded).

#include "neardup/simhash.h"

#include <cstdint>
#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "sketch_reference.h"

namespace neardup {
namespace {

std::vector<uint64_t> RandomFeatures(size_t n, std::mt19937_64& rng) {
  std::vector<uint64_t> out(n);
  for (uint64_t& x : out) x = rng();
  return out;
}

TEST(SimHashTest, EmptyAndMismatchedInputsGiveZero) {
  EXPECT_EQ(SimHashUniform({}), 0u);
  const std::vector<uint64_t> f = {1, 2};
  const std::vector<float> w = {1.0f};
  EXPECT_EQ(SimHash(f, w), 0u);
}

TEST(SimHashTest, SingleFeatureIsItsOwnHash) {
  // One feature with positive weight: sum j is +w exactly where bit j is set.
  const uint64_t x = 0x8000000180000001ULL;
  EXPECT_EQ(SimHashUniform(std::vector<uint64_t>{x}), x);
  EXPECT_EQ(SimHash(std::vector<uint64_t>{x}, std::vector<float>{2.5f}), x);
}

TEST(SimHashTest, EveryBitIsUsed) {
  // Over many random documents each of the 64 bits is set about half the
  // time (a SimHash that left bits 32..63 zero would fail here).
  std::mt19937_64 rng(3);
  constexpr int kDocs = 2000;
  int set[64] = {};
  for (int d = 0; d < kDocs; ++d) {
    // An odd number of unit weights: no sum is ever 0, so P(bit) = 1/2.
    const uint64_t h =
        SimHashUniform(RandomFeatures(51 + 2 * (rng() % 100), rng));
    for (int j = 0; j < 64; ++j) set[j] += (h >> j) & 1;
  }
  // Binomial(2000, 0.5): sigma = 22.4; 4 sigma = 90.
  for (int j = 0; j < 64; ++j) {
    EXPECT_NEAR(set[j], kDocs / 2, 90) << "bit " << j;
  }
}

TEST(SimHashTest, WeightsDecide) {
  // A heavy feature dominates a light one.
  const std::vector<uint64_t> f = {0x0123456789ABCDEFULL,
                                   ~0x0123456789ABCDEFULL};
  EXPECT_EQ(SimHash(f, std::vector<float>{3.0f, 1.0f}), f[0]);
  EXPECT_EQ(SimHash(f, std::vector<float>{1.0f, 3.0f}), f[1]);
  // Equal weights cancel: every sum is 0, no bit set.
  EXPECT_EQ(SimHashUniform(f), 0u);
}

TEST(SimHashTest, TermVectorUsesItsWeights) {
  TermVector v;
  v.terms = {10, 20, 30};
  v.weights = {0.5f, 0.7f, 0.1f};
  EXPECT_EQ(SimHash(v), testing::ReferenceSimHash(v.terms, v.weights));
}

TEST(SimHashTest, TokenWeightings) {
  auto token = [](uint64_t hash, uint8_t flags = 0) {
    Token t;
    t.hash = hash;
    t.flags = flags;
    return t;
  };
  const uint64_t a = 0xFFFF0000FFFF0000ULL, b = 0x0000FFFF0000FFFFULL;
  // "a a b" plus a stopword that must be ignored.
  const std::vector<Token> tokens = {token(a), token(a), token(b),
                                     token(~a, kTokenStopword)};
  // Counts: a weighs 2, b 1, so a wins every bit.
  EXPECT_EQ(SimHashTokens(tokens, SimHashWeighting::kCounts), a);
  // Uniform: a and b weigh 1 each and cancel.
  EXPECT_EQ(SimHashTokens(tokens, SimHashWeighting::kUniform), 0u);
}

TEST(SimHashTest, CountsOverManyChunksMatchReference) {
  // More content words than one 256-word chunk of SimHashTokens().
  std::mt19937_64 rng(21);
  const std::vector<uint64_t> vocabulary = RandomFeatures(300, rng);
  std::vector<Token> tokens;
  std::vector<uint64_t> content;
  for (int i = 0; i < 1000; ++i) {
    Token t;
    t.hash = vocabulary[rng() % vocabulary.size()];
    t.flags = rng() % 4 == 0 ? kTokenStopword : 0;
    if (t.flags == 0) content.push_back(t.hash);
    tokens.push_back(t);
  }
  ASSERT_GT(content.size(), 512u);
  EXPECT_EQ(SimHashTokens(tokens, SimHashWeighting::kCounts),
            testing::ReferenceSimHash(content, {}));
}

TEST(SimHashTest, DistanceGrowsWithEdits) {
  // Documents of 300 words from a 5000-word vocabulary; replace a fraction
  // of the words by random others. The mean Hamming distance over 200
  // documents increases with the fraction, and is 0 with no edits.
  std::mt19937_64 rng(11);
  const std::vector<uint64_t> vocabulary = RandomFeatures(5000, rng);
  const std::vector<double> fractions = {0.0, 0.05, 0.1, 0.2, 0.4, 0.8};
  std::vector<double> mean(fractions.size(), 0.0);
  constexpr int kDocs = 200;
  for (int d = 0; d < kDocs; ++d) {
    std::vector<uint64_t> doc(300);
    for (uint64_t& w : doc) w = vocabulary[rng() % vocabulary.size()];
    const uint64_t original = SimHashUniform(doc);
    for (size_t f = 0; f < fractions.size(); ++f) {
      std::vector<uint64_t> edited = doc;
      for (uint64_t& w : edited) {
        if (std::uniform_real_distribution<double>(0, 1)(rng) < fractions[f]) {
          w = vocabulary[rng() % vocabulary.size()];
        }
      }
      mean[f] += HammingDistance(original, SimHashUniform(edited));
    }
  }
  for (double& m : mean) m /= kDocs;
  EXPECT_EQ(mean[0], 0.0);
  for (size_t f = 1; f < fractions.size(); ++f) {
    EXPECT_GT(mean[f], mean[f - 1] + 0.5)
        << "fraction " << fractions[f] << " vs " << fractions[f - 1];
  }
  // Unrelated documents differ in about half the bits.
  EXPECT_GT(mean.back(), 20.0);
}

TEST(SimHashTest, HammingDistance) {
  EXPECT_EQ(HammingDistance(0, 0), 0);
  EXPECT_EQ(HammingDistance(0, ~uint64_t{0}), 64);
  EXPECT_EQ(HammingDistance(0x5, 0x3), 2);
}

}  // namespace
}  // namespace neardup
