// Copyright 2026 The neardup Authors.
//
// The topic cosines of all pairs (internal::TopicCosines, one sorted list of
// every document's terms) against Cosine() of each pair's two vectors: the
// same doubles, bit for bit, since the products are added in the same order.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/tfidf.h"

#include "internal/pairs.h"
#include "story/features.h"

namespace neardup::internal {
namespace {

TEST(TopicCosinesTest, EqualsCosineOfEveryPairBitForBit) {
  std::mt19937_64 rng(20261125);
  for (const size_t vocabulary : {3, 40, 2000}) {
    std::vector<DocFeatures> features(37);
    for (size_t d = 0; d < features.size(); ++d) {
      if (d % 9 == 4) continue;  // No terms.
      std::vector<uint64_t> terms;
      const size_t length = 1 + rng() % 80;
      // Hashes spread over the whole range, so the order is by hash.
      for (size_t t = 0; t < length; ++t) {
        terms.push_back((rng() % vocabulary) * 0x9E3779B97F4A7C15ULL);
      }
      std::sort(terms.begin(), terms.end());
      features[d].vector = WeightTerms(terms, [&](uint64_t term) {
        return 1.0 + static_cast<double>(term % 7) / 3.0;
      });
    }
    const std::vector<double> got = TopicCosines(features);
    ASSERT_EQ(got.size(), features.size() * (features.size() - 1) / 2);
    size_t nonzero = 0;
    for (size_t a = 0; a < features.size(); ++a) {
      for (size_t b = a + 1; b < features.size(); ++b) {
        const double want = Cosine(features[a].vector, features[b].vector);
        ASSERT_EQ(got[PairIndex(a, b, features.size())], want)
            << a << " " << b << " vocabulary " << vocabulary;
        nonzero += want != 0;
      }
    }
    EXPECT_GT(nonzero, 0u);
  }
  EXPECT_TRUE(TopicCosines({}).empty());
  EXPECT_TRUE(TopicCosines(std::vector<DocFeatures>(1)).empty());
}

}  // namespace
}  // namespace neardup::internal
