// Copyright 2026 The neardup Authors.

#include <memory>

#include "gtest/gtest.h"

#include "neardup/text.h"
#include "neardup/tfidf.h"

#include "story/background.h"

namespace neardup::internal {
namespace {

TEST(BackgroundTest, TiersFromScowl) {
  EXPECT_GT(BackgroundSize(), 100000);
  EXPECT_EQ(BackgroundTier(TokenHash("company")), 1);    // SCOWL level 10.
  EXPECT_GT(BackgroundTier(TokenHash("anthropic")), 5);  // The adjective.
  EXPECT_LT(BackgroundTier(TokenHash("negotiate")),
            BackgroundTier(TokenHash("anthropic")));
  // Listed only capitalised in SCOWL: names stay rare.
  EXPECT_EQ(BackgroundTier(TokenHash("microsoft")), 0);
  EXPECT_EQ(BackgroundTier(TokenHash("nvidia")), 0);
  EXPECT_EQ(BackgroundTier(TokenHash("maia")), 0);
  EXPECT_EQ(BackgroundTier(TokenHash("2026")), 0);
  EXPECT_EQ(BackgroundTier(TokenHash("qzxv")), 0);
}

TEST(BackgroundTest, RarerTiersAreRarer) {
  for (int tier = 1; tier + 1 < kNumTiers; ++tier) {
    EXPECT_GT(TierDocumentFraction(tier), TierDocumentFraction(tier + 1));
  }
  EXPECT_GT(TierDocumentFraction(kNumTiers - 1), TierDocumentFraction(0));
  const auto prior = BackgroundPrior();
  EXPECT_EQ(prior->DocumentFraction(TokenHash("company")),
            TierDocumentFraction(1));
  EXPECT_EQ(prior.get(), BackgroundPrior().get());
}

// Two documents: without the background every shared word has the same IDF;
// with it, a rare name outweighs a common word.
TEST(BackgroundTest, GivesSmallCorporaSensibleIdf) {
  const TokenizedText a = Tokenize("Microsoft company talks");
  const TokenizedText b = Tokenize("Microsoft company deal");
  TfIdfModel plain;
  plain.AddDocument(a.tokens);
  plain.AddDocument(b.tokens);
  EXPECT_DOUBLE_EQ(plain.Idf(TokenHash("microsoft")),
                   plain.Idf(TokenHash("company")));
  TfIdfModel blended;
  blended.AddDocument(a.tokens);
  blended.AddDocument(b.tokens);
  blended.SetBackground(BackgroundPrior(), kBackgroundWeight);
  EXPECT_GT(blended.Idf(TokenHash("microsoft")),
            blended.Idf(TokenHash("company")) + 1.0);
}

}  // namespace
}  // namespace neardup::internal
