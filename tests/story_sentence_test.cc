// Copyright 2026 The neardup Authors.
//
// Sentence-length pairs: word-set overlap measured exactly, and the fitted
// sentence model deciding whether two sentences say the same thing.

#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/story.h"

namespace neardup {
namespace {

PairAnalysis Analyse(std::string a, std::string b) {
  std::vector<Document> docs(2);
  docs[0].id = "a";
  docs[0].text = std::move(a);
  docs[1].id = "b";
  docs[1].text = std::move(b);
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? r->pairs[0] : PairAnalysis{};
}

TEST(StorySentenceTest, OverlapCountsWordSetsExactly) {
  // Words {alpha, beta, gamma} vs {alpha, beta, delta}: two of three shared.
  const PairAnalysis p = Analyse("alpha beta gamma", "alpha beta delta");
  EXPECT_DOUBLE_EQ(p.overlap.unigrams, 2.0 * 2 / 6);
  // Bigrams {alpha beta, beta gamma} vs {alpha beta, beta delta}.
  EXPECT_DOUBLE_EQ(p.overlap.bigrams, 2.0 * 1 / 4);
  EXPECT_DOUBLE_EQ(p.overlap.trigrams, 0.0);
  EXPECT_DOUBLE_EQ(p.overlap.length_ratio, 1.0);
  EXPECT_DOUBLE_EQ(p.overlap.numbers_differ, 0.0);
  // Rarity weights: the shared words weigh the same on both sides, so the
  // weighted containments lie between 0 and 1 and bracket the Dice.
  EXPECT_GT(p.overlap.words, 0.0);
  EXPECT_LT(p.overlap.words, 1.0);
  EXPECT_LE(p.overlap.words_lo, p.overlap.words);
  EXPECT_GE(p.overlap.words_hi, p.overlap.words);
}

TEST(StorySentenceTest, NumbersOnlyOneSideGives) {
  // Numbers {1995, 693} vs {1998, 693}: one shared of three distinct.
  const PairAnalysis p = Analyse("the chain was sold in 1995 for 693 million",
                                 "the chain was sold in 1998 for 693 million");
  EXPECT_DOUBLE_EQ(p.overlap.numbers_differ, 2.0 / 3);
  const PairAnalysis same = Analyse("sold in 1995", "sold in 1995");
  EXPECT_DOUBLE_EQ(same.overlap.numbers_differ, 0.0);
}

TEST(StorySentenceTest, ParaphraseIsARewriteOrCloser) {
  const PairAnalysis p = Analyse(
      "The harbour authority said on Tuesday that the northern pier will "
      "close for repairs until the end of March.",
      "The northern pier will close for repairs until the end of March, the "
      "harbour authority said on Tuesday.");
  EXPECT_GT(p.sentence, 0.5);
  EXPECT_EQ(p.story, p.sentence);
  EXPECT_GE(p.relation, PairRelation::kRewrite);
}

TEST(StorySentenceTest, SameWordsDifferentFactsAreNotARewrite) {
  // Much shared wording, but different figures and years, and a clause the
  // other lacks: the sentence model says different content, and the shared
  // wording does not make it `partial`.
  const PairAnalysis p = Analyse(
      "Lindqvist Foods bought the Harbor Market chain in 1995 for $693 "
      "million.",
      "Lindqvist Foods sold the Harbor Market chain to Corvel in 2004 for "
      "$1.8 billion after years of falling sales.");
  EXPECT_LT(p.sentence, 0.5);
  EXPECT_LT(p.relation, PairRelation::kRewrite);
}

TEST(StorySentenceTest, LongTextsKeepTheDocumentScore) {
  std::string a, b;
  for (int i = 0; i < 10; ++i) {
    a += "The council met on Monday to vote on the harbour budget. ";
    b += "Councillors voted on Monday on the budget for the harbour. ";
  }
  const PairAnalysis p = Analyse(a, b);
  EXPECT_EQ(p.sentence, 0.0);
}

TEST(StorySentenceTest, LongTextsAreNotMeasuredAsSentences) {
  // Over kSentenceTokens words each: the passages speak, not word sets.
  std::string text;
  for (int i = 0; i < 80; ++i) text += "word" + std::to_string(i) + " ";
  const PairAnalysis p = Analyse(text, text);
  EXPECT_DOUBLE_EQ(p.sentence, 0.0);
  EXPECT_DOUBLE_EQ(p.overlap.unigrams, 0.0);
  EXPECT_DOUBLE_EQ(p.overlap.words, 0.0);
  EXPECT_DOUBLE_EQ(p.overlap.length_ratio, 0.0);
  EXPECT_DOUBLE_EQ(p.a_in_b, 1.0);  // One passage covers both.
}

}  // namespace
}  // namespace neardup
