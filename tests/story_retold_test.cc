// Copyright 2026 The neardup Authors.
//
// Retold sentences (story/retold.h): sentence splitting, the greedy
// one-to-one matching against brute force, and a hand-written rewrite whose
// sentence pairs are known.

#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/document.h"
#include "neardup/story.h"
#include "neardup/text.h"

#include "story/features.h"
#include "story/retold.h"

namespace neardup::internal {
namespace {

TEST(RetoldTest, SentencesStartAtSentenceStartsAndLines) {
  const std::string text = "One two three. Four five six!\nSeven eight";
  const TokenizedText t = Tokenize(text);
  ASSERT_EQ(t.tokens.size(), 8u);
  const std::vector<TokenRange> s = SplitSentences(t.tokens);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].first, 0u);
  EXPECT_EQ(s[0].last, 3u);
  EXPECT_EQ(s[1].first, 3u);
  EXPECT_EQ(s[1].last, 6u);
  EXPECT_EQ(s[2].first, 6u);
  EXPECT_EQ(s[2].last, 8u);
  EXPECT_TRUE(SplitSentences({}).empty());
}

TEST(RetoldTest, LongRunsAreCutIntoPieces) {
  std::string text;
  for (size_t i = 0; i < 2 * kRetoldMaxWords + 10; ++i) text += "word ";
  const std::vector<TokenRange> s = SplitSentences(Tokenize(text).tokens);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].last - s[0].first, kRetoldMaxWords);
  EXPECT_EQ(s[1].last - s[1].first, kRetoldMaxWords);
  EXPECT_EQ(s[2].last - s[2].first, 10u);
  EXPECT_EQ(s[2].last, 2 * kRetoldMaxWords + 10);
}

// Brute force: repeatedly take the largest free entry >= min (ties: lower
// row, then lower column).
std::vector<std::pair<size_t, size_t>> BruteGreedy(const std::vector<double>& m,
                                                   size_t rows, size_t cols,
                                                   double min) {
  std::vector<bool> row_used(rows, false), col_used(cols, false);
  std::vector<std::pair<size_t, size_t>> out;
  for (;;) {
    bool found = false;
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i < rows; ++i) {
      for (size_t j = 0; j < cols; ++j) {
        if (row_used[i] || col_used[j] || m[i * cols + j] < min) continue;
        if (!found || m[i * cols + j] > m[bi * cols + bj]) {
          found = true;
          bi = i;
          bj = j;
        }
      }
    }
    if (!found) break;
    row_used[bi] = col_used[bj] = true;
    out.emplace_back(bi, bj);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RetoldTest, GreedyMatchingIsTheBruteForceOne) {
  std::mt19937_64 rng(20261124);
  for (int trial = 0; trial < 300; ++trial) {
    const size_t rows = rng() % 9;
    const size_t cols = rng() % 9;
    std::vector<double> m(rows * cols);
    // Values on a coarse grid, so that ties are common.
    for (double& v : m) v = static_cast<double>(rng() % 11) / 10;
    const double min = static_cast<double>(rng() % 11) / 10;
    EXPECT_EQ(MatchGreedy(m, rows, cols, min), BruteGreedy(m, rows, cols, min))
        << "trial " << trial;
  }
}

std::string Sentence(const std::string& text, ByteSpan s) {
  return text.substr(s.begin, s.end - s.begin);
}

TEST(RetoldTest, AHandWrittenRewriteIsPairedSentenceBySentence) {
  std::vector<Document> docs(2);
  docs[0].id = "a";
  docs[0].text =
      "The city council of Marlow voted on Monday to close the old river "
      "bridge for eight months of repairs. Engineers found deep cracks in two "
      "of its stone arches during an inspection in May. Buses will use the "
      "northern ring road while the work goes on. The mayor said the bridge "
      "would reopen before the Christmas market.";
  docs[1].id = "b";
  docs[1].text =
      "Marlow's old river bridge will reopen in time for the Christmas "
      "market, according to the mayor. Council members decided on Monday "
      "that the river bridge must close for eight months so it can be "
      "repaired. A local bakery won a national prize for its rye bread last "
      "week. During a May inspection, engineers discovered deep cracks in "
      "two stone arches of the bridge.";
  const std::vector<DocFeatures> f = ComputeFeatures(docs, StoryOptions{});
  PairAnalysis p;
  MeasureRetold(f[0], f[1], &p);
  ASSERT_EQ(p.retold.size(), 3u);
  const std::string& a = docs[0].text;
  const std::string& b = docs[1].text;
  EXPECT_EQ(Sentence(a, p.retold[0].a).substr(0, 15), "The city counci");
  EXPECT_EQ(Sentence(b, p.retold[0].b).substr(0, 15), "Council members");
  EXPECT_EQ(Sentence(a, p.retold[1].a).substr(0, 15), "Engineers found");
  EXPECT_EQ(Sentence(b, p.retold[1].b).substr(0, 15), "During a May in");
  EXPECT_EQ(Sentence(a, p.retold[2].a).substr(0, 15), "The mayor said ");
  EXPECT_EQ(Sentence(b, p.retold[2].b).substr(0, 15), "Marlow's old ri");
  for (const RetoldSentence& r : p.retold) {
    EXPECT_GE(r.cosine, kRetoldCosine);
    EXPECT_LE(r.cosine, 1.0);
  }
  // The buses and the bakery retell nothing: the shares leave them out.
  const size_t words_a = f[0].tokens.size();
  const size_t words_b = f[1].tokens.size();
  EXPECT_GT(p.a_retold, 0.5);
  EXPECT_LT(p.a_retold, 1.0 - 10.0 / words_a);
  EXPECT_LT(p.b_retold, 1.0 - 10.0 / words_b);
}

TEST(RetoldTest, OnlyRewritesAreMeasured) {
  std::vector<Document> docs(2);
  docs[0].id = "a";
  docs[1].id = "b";
  docs[0].text = docs[1].text =
      "Engineers found deep cracks in two of the stone arches of the old "
      "river bridge in Marlow during an inspection in May, and the council "
      "voted on Monday to close the bridge for eight months of repairs. "
      "Buses will use the northern ring road while the work goes on, and "
      "the mayor said the bridge would reopen before the Christmas market.";
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->pairs.size(), 1u);
  EXPECT_EQ(r->pairs[0].relation, PairRelation::kCopy);
  EXPECT_TRUE(r->pairs[0].retold.empty());
  EXPECT_EQ(r->pairs[0].a_retold, 0.0);
}

}  // namespace
}  // namespace neardup::internal
