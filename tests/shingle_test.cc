// Copyright 2026 The neardup Authors.

#include "neardup/shingle.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

#include "gtest/gtest.h"

#include "sketch_reference_text.h"

namespace neardup {
namespace {

std::vector<Token> MakeTokens(const std::vector<uint64_t>& hashes) {
  std::vector<Token> tokens;
  for (uint64_t h : hashes) tokens.push_back(Token{0, 1, h, 0});
  return tokens;
}

uint64_t ReferenceShingle(const std::vector<uint64_t>& words) {
  return testing::ReferenceShingleHash(words);
}

uint64_t Next(uint64_t& x) {
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return x;
}

TEST(ShingleHashesTest, EmptyInputGivesNothing) {
  EXPECT_TRUE(ShingleHashes({}, 5).empty());
  EXPECT_TRUE(Shingles({}, 5).empty());
}

TEST(ShingleHashesTest, MatchesReferenceDefinition) {
  const std::vector<uint64_t> h = {1, 2, 0xFFFFFFFFFFFFFFFFULL, 4, 5, 6, 7};
  const std::vector<Token> tokens = MakeTokens(h);
  for (int n = 1; n <= 7; ++n) {
    const std::vector<uint64_t> got = ShingleHashes(tokens, n);
    ASSERT_EQ(got.size(), h.size() - n + 1);
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i], ReferenceShingle(std::vector<uint64_t>(
                            h.begin() + i, h.begin() + i + n)));
    }
  }
}

TEST(ShingleHashesTest, ShortTextGivesOneShingleOverAll) {
  const std::vector<uint64_t> h = {10, 20, 30};
  const std::vector<uint64_t> got = ShingleHashes(MakeTokens(h), 5);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], ReferenceShingle(h));
  EXPECT_EQ(ShingleHashes(MakeTokens({10}), 5).size(), 1u);
}

TEST(ShingleHashesTest, MatchesReferenceOnRandomWindows) {
  uint64_t x = 99;
  for (int round = 0; round < 300; ++round) {
    std::vector<uint64_t> h(round % 40);
    for (uint64_t& v : h) v = Next(x);
    // Repeated tokens too: every fourth round draws from 3 values.
    if (round % 4 == 0) {
      for (uint64_t& v : h) v %= 3;
    }
    for (int n = 1; n <= 16; ++n) {
      const std::vector<uint64_t> got = ShingleHashes(MakeTokens(h), n);
      if (h.empty()) {
        ASSERT_TRUE(got.empty());
        continue;
      }
      const size_t w = std::min<size_t>(n, h.size());
      ASSERT_EQ(got.size(), h.size() - w + 1);
      for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i], ReferenceShingle(std::vector<uint64_t>(
                              h.begin() + i, h.begin() + i + w)))
            << round << " " << n << " " << i;
      }
    }
  }
}

// Every distinct window of 1..5 tokens over a 12-word vocabulary (real token
// hashes, so with their structure) hashes to a distinct value: 271,452
// windows, where a random 64-bit function collides with probability ~2e-9.
// Permutations and repeats of the same tokens are the polynomial hash's
// weak spot (text/hash.h).
TEST(ShingleHashesTest, NoCollisionsAmongAllSmallWindows) {
  std::vector<uint64_t> vocab;
  for (const char* w : {"the", "of", "said", "a", "and", "to", "in", "minister",
                        "2026", "it", "was", "reuters"}) {
    vocab.push_back(TokenHash(w));
  }
  std::vector<uint64_t> hashes;
  std::vector<uint64_t> window;
  for (size_t len = 1; len <= 5; ++len) {
    size_t total = 1;
    for (size_t j = 0; j < len; ++j) total *= vocab.size();
    window.resize(len);
    for (size_t code = 0; code < total; ++code) {
      size_t c = code;
      for (size_t j = 0; j < len; ++j, c /= vocab.size()) {
        window[j] = vocab[c % vocab.size()];
      }
      hashes.push_back(ShingleHashes(MakeTokens(window), 5)[0]);
    }
  }
  const size_t n = hashes.size();
  ASSERT_EQ(n, 271452u);
  std::sort(hashes.begin(), hashes.end());
  EXPECT_EQ(std::unique(hashes.begin(), hashes.end()) - hashes.begin(),
            static_cast<ptrdiff_t>(n));
}

TEST(ShingleHashesTest, OrderMatters) {
  EXPECT_NE(ShingleHashes(MakeTokens({1, 2}), 2),
            ShingleHashes(MakeTokens({2, 1}), 2));
}

TEST(ShingleSetTest, SortsAndDeduplicates) {
  const ShingleSet s = ShingleSet::FromHashes({5, 3, 5, 1, 3});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.hashes()[0], 1u);
  EXPECT_EQ(s.hashes()[1], 3u);
  EXPECT_EQ(s.hashes()[2], 5u);
}

TEST(ShingleSetTest, LargeSetsAreSortedExactly) {
  // Past the radix-sort threshold, with duplicates and extreme values.
  uint64_t x = 5;
  for (size_t n : {255u, 256u, 257u, 1000u, 5000u}) {
    std::vector<uint64_t> h;
    for (size_t i = 0; i < n; ++i) h.push_back(Next(x) >> (i % 64));
    h.push_back(0);
    h.push_back(~uint64_t{0});
    h.push_back(h[7]);
    const std::set<uint64_t> want(h.begin(), h.end());
    const ShingleSet s = ShingleSet::FromHashes(h);
    ASSERT_EQ(s.size(), want.size());
    EXPECT_TRUE(std::equal(s.hashes().begin(), s.hashes().end(), want.begin()));
  }
}

TEST(SetSimilarityTest, EdgeCases) {
  const ShingleSet empty;
  const ShingleSet a = ShingleSet::FromHashes({1, 2, 3, 4});
  const ShingleSet b = ShingleSet::FromHashes({3, 4, 5});
  EXPECT_EQ(Jaccard(empty, empty), 0.0);
  EXPECT_EQ(Jaccard(a, empty), 0.0);
  EXPECT_EQ(Containment(empty, a), 0.0);
  EXPECT_EQ(Containment(a, empty), 0.0);
  EXPECT_EQ(Jaccard(a, a), 1.0);
  EXPECT_EQ(IntersectionSize(a, b), 2u);
  EXPECT_DOUBLE_EQ(Jaccard(a, b), 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(Containment(a, b), 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(Containment(b, a), 2.0 / 3.0);
}

TEST(SetSimilarityTest, MatchesBruteForceOnRandomSets) {
  uint64_t x = 88172645463325252ULL;
  for (int round = 0; round < 300; ++round) {
    // Small universes make overlaps likely; include extreme values.
    const uint64_t universe = 1 + Next(x) % 64;
    std::vector<uint64_t> ha, hb;
    const size_t na = Next(x) % 40, nb = Next(x) % 40;
    for (size_t i = 0; i < na; ++i) ha.push_back(~(Next(x) % universe));
    for (size_t i = 0; i < nb; ++i) hb.push_back(~(Next(x) % universe));
    const std::set<uint64_t> sa(ha.begin(), ha.end()), sb(hb.begin(), hb.end());
    size_t common = 0;
    for (uint64_t v : sa) common += sb.count(v);
    std::set<uint64_t> all = sa;
    all.insert(sb.begin(), sb.end());

    const ShingleSet a = ShingleSet::FromHashes(ha);
    const ShingleSet b = ShingleSet::FromHashes(hb);
    ASSERT_EQ(a.size(), sa.size());
    ASSERT_TRUE(std::equal(a.hashes().begin(), a.hashes().end(), sa.begin()));
    EXPECT_EQ(IntersectionSize(a, b), common);
    EXPECT_EQ(IntersectionSize(b, a), common);
    const double jaccard =
        all.empty() ? 0.0 : static_cast<double>(common) / all.size();
    EXPECT_DOUBLE_EQ(Jaccard(a, b), jaccard);
    EXPECT_DOUBLE_EQ(Jaccard(b, a), jaccard);
    EXPECT_DOUBLE_EQ(
        Containment(a, b),
        sa.empty() ? 0.0 : static_cast<double>(common) / sa.size());
  }
}

TEST(ShinglesTest, MatchesBruteForceOnRandomTokenStreams) {
  uint64_t x = 0x1234567ULL;
  for (int round = 0; round < 100; ++round) {
    std::vector<uint64_t> h(Next(x) % 30);
    for (uint64_t& v : h) v = Next(x) % 5;  // Repeats make repeated windows.
    const int n = 1 + static_cast<int>(Next(x) % 6);
    std::set<uint64_t> expected;
    if (!h.empty()) {
      const size_t w = std::min<size_t>(n, h.size());
      for (size_t i = 0; i + w <= h.size(); ++i) {
        expected.insert(ReferenceShingle(
            std::vector<uint64_t>(h.begin() + i, h.begin() + i + w)));
      }
    }
    const ShingleSet s = Shingles(MakeTokens(h), n);
    ASSERT_EQ(s.size(), expected.size());
    EXPECT_TRUE(
        std::equal(s.hashes().begin(), s.hashes().end(), expected.begin()));
  }
}

TEST(ShinglesTest, SharedPassageIsContained) {
  // B = A's tokens plus extra ones: all of A's shingles are in B.
  std::vector<uint64_t> a, b;
  uint64_t x = 99;
  for (int i = 0; i < 50; ++i) a.push_back(Next(x));
  b = a;
  for (int i = 0; i < 50; ++i) b.push_back(Next(x));
  const ShingleSet sa = Shingles(MakeTokens(a), 5);
  const ShingleSet sb = Shingles(MakeTokens(b), 5);
  EXPECT_EQ(Containment(sa, sb), 1.0);
  EXPECT_LT(Containment(sb, sa), 0.6);
}

}  // namespace
}  // namespace neardup
