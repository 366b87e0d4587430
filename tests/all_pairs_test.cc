// Copyright 2026 The neardup Authors.

#include "neardup/all_pairs.h"

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/io.h"
#include "neardup/shingle.h"

#include "test_paths.h"

namespace neardup {
namespace {

using ::neardup::testing::SourcePath;

std::vector<Document> Documents(const std::vector<ReadItem>& items) {
  std::vector<Document> docs;
  for (const ReadItem& item : items) {
    EXPECT_FALSE(item.skipped())
        << item.document.id << ": " << item.skip.detail;
    if (!item.skipped()) docs.push_back(item.document);
  }
  return docs;
}

class SeedsVersusControlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seeds_ = Documents(ReadAll({SourcePath("datasets/seeds")}));
    controls_ = Documents(ReadAll({SourcePath("tests/fixtures/controls")}));
    ASSERT_EQ(seeds_.size(), 5u);
    ASSERT_GE(controls_.size(), 5u);
    all_ = seeds_;
    all_.insert(all_.end(), controls_.begin(), controls_.end());
  }
  bool IsSeed(uint32_t i) const { return i < seeds_.size(); }

  std::vector<Document> seeds_, controls_, all_;
};

// The seeds retell one story in different words: content-word TF-IDF cosine
// separates every seed pair from every pair that involves an unrelated
// article, by a clear margin.
TEST_F(SeedsVersusControlsTest, CosineSeparatesSeedPairsFromControlPairs) {
  absl::StatusOr<Comparison> c = CompareAll(all_);
  ASSERT_TRUE(c.ok()) << c.status();
  double min_seed_pair = 1.0;
  double max_other_pair = 0.0;
  for (const PairScores& p : c->pairs) {
    if (IsSeed(p.a) && IsSeed(p.b)) {
      min_seed_pair = std::min(min_seed_pair, p.cosine);
    } else {
      max_other_pair = std::max(max_other_pair, p.cosine);
    }
  }
  EXPECT_GT(min_seed_pair, 0.2);
  EXPECT_LT(max_other_pair, 0.1);
  EXPECT_GT(min_seed_pair, 2.5 * max_other_pair)
      << "min seed pair " << min_seed_pair << ", max other pair "
      << max_other_pair;
}

// ... while they share almost no five-word phrase: they are rewrites, not
// copies.
TEST_F(SeedsVersusControlsTest, SeedsShareAlmostNoFiveWordPhrase) {
  absl::StatusOr<Comparison> c = CompareAll(seeds_);
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->pairs.size(), 10u);
  for (const PairScores& p : c->pairs) {
    EXPECT_LE(p.jaccard, 0.01) << seeds_[p.a].id << " vs " << seeds_[p.b].id;
    EXPECT_LE(std::max(p.a_in_b, p.b_in_a), 0.03);
  }
}

TEST(CompareAllTest, MatchesBruteForceShingleSets) {
  std::vector<Document> docs(3);
  docs[0].text = "the quick brown fox jumps over the lazy dog today";
  docs[1].text = "a quick brown fox jumps over the lazy dog again";
  docs[2].text = "nothing in common here at all";
  CompareOptions options;
  options.shingle_size = 3;
  absl::StatusOr<Comparison> c = CompareAll(docs, options);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->pairs.size(), 3u);
  // Brute force over word trigrams as strings.
  auto trigrams = [](const std::string& text) {
    std::vector<std::string> words;
    std::string w;
    for (char ch : text + " ") {
      if (ch == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += ch;
      }
    }
    std::set<std::string> grams;
    for (size_t i = 0; i + 3 <= words.size(); ++i) {
      grams.insert(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    }
    return grams;
  };
  for (const PairScores& p : c->pairs) {
    const auto a = trigrams(docs[p.a].text);
    const auto b = trigrams(docs[p.b].text);
    size_t shared = 0;
    for (const auto& g : a) shared += b.count(g);
    EXPECT_EQ(p.shared_shingles, shared);
    EXPECT_DOUBLE_EQ(p.jaccard,
                     double(shared) / (a.size() + b.size() - shared));
    EXPECT_DOUBLE_EQ(p.a_in_b, double(shared) / a.size());
    EXPECT_DOUBLE_EQ(p.b_in_a, double(shared) / b.size());
  }
  EXPECT_EQ(c->pairs[0].shared_shingles, 6u);
  EXPECT_EQ(c->pairs[1].shared_shingles, 0u);
  EXPECT_NEAR(c->pairs[1].cosine, 0.0, 1e-6);
  EXPECT_GT(c->pairs[0].cosine, 0.5);
}

// CompareAll counts shared shingles through one sorted list of every
// document's shingles; each pair's count must equal the merge of its two
// sets (IntersectionSize), also with many shingles shared by many documents
// and with documents that are equal or empty.
TEST(CompareAllTest, SharedShinglesMatchPairwiseIntersection) {
  std::mt19937_64 rng(2026);
  const std::vector<std::string> words = {"alpha",   "beta", "gamma", "delta",
                                          "epsilon", "zeta", "eta"};
  std::vector<Document> docs(41);
  for (size_t d = 0; d < docs.size(); ++d) {
    if (d % 10 == 3) continue;  // Empty: no shingles.
    if (d % 10 == 7) {
      docs[d].text = docs[d - 1].text;  // Equal to the one before.
      continue;
    }
    const size_t length = 1 + rng() % 60;
    for (size_t w = 0; w < length; ++w) {
      docs[d].text += words[rng() % (1 + d % words.size())] + " ";
    }
  }
  for (const int n : {1, 2, 3}) {
    CompareOptions options;
    options.shingle_size = n;
    for (const int threads : {1, 3}) {
      options.threads = threads;
      absl::StatusOr<Comparison> c = CompareAll(docs, options);
      ASSERT_TRUE(c.ok());
      ASSERT_EQ(c->pairs.size(), docs.size() * (docs.size() - 1) / 2);
      std::vector<ShingleSet> sets;
      for (const Document& d : docs) {
        sets.push_back(Shingles(Tokenize(d.text).tokens, n));
      }
      size_t k = 0, with_shared = 0;
      for (size_t a = 0; a < docs.size(); ++a) {
        for (size_t b = a + 1; b < docs.size(); ++b, ++k) {
          const PairScores& p = c->pairs[k];
          ASSERT_EQ(p.a, a);
          ASSERT_EQ(p.b, b);
          ASSERT_EQ(p.shared_shingles, IntersectionSize(sets[a], sets[b]))
              << a << " " << b << " n " << n;
          EXPECT_DOUBLE_EQ(p.jaccard, Jaccard(sets[a], sets[b]));
          with_shared += p.shared_shingles > 0;
        }
      }
      EXPECT_GT(with_shared, k / 4);  // Many pairs share some.
    }
  }
}

TEST(CompareAllTest, RejectsShingleSizeZero) {
  CompareOptions options;
  options.shingle_size = 0;
  EXPECT_EQ(CompareAll({}, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CompareAllTest, EmptyInputHasNoPairs) {
  absl::StatusOr<Comparison> c = CompareAll({});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->pairs.empty());
  EXPECT_TRUE(c->documents.empty());
}

}  // namespace
}  // namespace neardup
