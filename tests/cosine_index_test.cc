// Copyright 2026 The neardup Authors.

#include "neardup/cosine_index.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/text.h"
#include "neardup/tfidf.h"

#include "english_text.h"

namespace neardup {
namespace {

// Unit vectors over a skewed vocabulary, in families of perturbed copies.
std::vector<TermVector> RandomVectors(int families, int members,
                                      uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<TermVector> out;
  auto term = [&] {
    // Skewed: small ids are frequent.
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<uint64_t>(std::pow(2000.0, u));
  };
  for (int f = 0; f < families; ++f) {
    std::map<uint64_t, float> base;
    for (int i = 0; i < 40; ++i) base[term()] += 1.0f + (rng() % 100) / 50.0f;
    for (int m = 0; m < members; ++m) {
      std::map<uint64_t, float> v = base;
      const int changes = static_cast<int>(rng() % 30);
      for (int c = 0; c < changes; ++c) {
        auto it = v.begin();
        std::advance(it, rng() % v.size());
        if (rng() % 2) {
          v.erase(it);
        } else {
          v[term()] += 1.0f;
        }
        if (v.empty()) v[term()] = 1;
      }
      TermVector t;
      double norm = 0;
      for (const auto& [k, w] : v) norm += double{w} * w;
      norm = std::sqrt(norm);
      for (const auto& [k, w] : v) {
        t.terms.push_back(k);
        t.weights.push_back(static_cast<float>(w / norm));
      }
      out.push_back(std::move(t));
    }
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

std::vector<CosinePair> BruteForce(const std::vector<TermVector>& v, double t) {
  std::vector<CosinePair> out;
  for (uint32_t a = 0; a < v.size(); ++a) {
    for (uint32_t b = a + 1; b < v.size(); ++b) {
      const double c = Cosine(v[a], v[b]);
      if (c >= t) out.push_back({a, b, static_cast<float>(c)});
    }
  }
  return out;
}

TEST(CosineAllPairsTest, EqualsBruteForce) {
  for (double t : {0.5, 0.7, 0.9}) {
    const std::vector<TermVector> v = RandomVectors(30, 6, 11);
    CosineAllPairsStats stats;
    const std::vector<CosinePair> got = CosineAllPairs(v, t, 1, &stats);
    const std::vector<CosinePair> want = BruteForce(v, t);
    EXPECT_GT(want.size(), 30u) << t;
    EXPECT_EQ(got, want) << t;
    // The prefix filter keeps part of every vector out of the index.
    EXPECT_LT(stats.indexed_features, stats.features);
    EXPECT_LT(stats.candidates, v.size() * (v.size() - 1) / 2);
  }
}

TEST(CosineAllPairsTest, IndependentOfThreads) {
  const std::vector<TermVector> v = RandomVectors(40, 5, 3);
  EXPECT_EQ(CosineAllPairs(v, 0.6, 1), CosineAllPairs(v, 0.6, 3));
}

TEST(CosineAllPairsTest, FindsRewritesOfRealText) {
  std::vector<std::string> texts;
  for (int d = 0; d < 20; ++d) {
    const std::string text = testing::GenerateEnglishText(2000, 70 + d);
    texts.push_back(text);
    texts.push_back(testing::PerturbText(text, 0.15, 170 + d));
  }
  TfIdfModel model;
  std::vector<TokenizedText> tokens;
  for (const std::string& t : texts) {
    tokens.push_back(Tokenize(t));
    model.AddDocument(tokens.back().tokens);
  }
  std::vector<TermVector> v;
  for (const TokenizedText& t : tokens) v.push_back(model.Vectorize(t.tokens));
  const std::vector<CosinePair> got = CosineAllPairs(v, 0.6, 2);
  EXPECT_EQ(got, BruteForce(v, 0.6));
  int rewrites = 0;
  for (const CosinePair& p : got) rewrites += p.a % 2 == 0 && p.b == p.a + 1;
  EXPECT_EQ(rewrites, 20);
}

TEST(CosineAllPairsTest, EdgeCases) {
  EXPECT_TRUE(CosineAllPairs({}, 0.5).empty());
  std::vector<TermVector> v(3);  // Empty vectors match nothing.
  EXPECT_TRUE(CosineAllPairs(v, 0.5).empty());
  v[0] = {{1, 2}, {0.6f, 0.8f}};
  v[1] = v[0];
  EXPECT_TRUE(CosineAllPairs(v, 0.0).empty());
  const std::vector<CosinePair> same = CosineAllPairs(v, 1.0);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].a, 0u);
  EXPECT_EQ(same[0].b, 1u);
}

}  // namespace
}  // namespace neardup
