// Copyright 2026 The neardup Authors.
//
// English background statistics for small inputs: word rarity tiers from the
// SCOWL size levels (scripts/build_background.py writes background_data.inc).
//
//   int tier = neardup::internal::BackgroundTier(token.hash);  // 0 = rare
//   model.SetBackground(neardup::internal::BackgroundPrior(),
//                       neardup::internal::kBackgroundWeight);
//
// Thread-safe: the table is decoded once, on first use (about 112,000 words,
// a few milliseconds), and never changes.

#ifndef NEARDUP_STORY_BACKGROUND_H_
#define NEARDUP_STORY_BACKGROUND_H_

#include <cstdint>
#include <memory>

#include "neardup/tfidf.h"

namespace neardup::internal {

// Tiers: 1..8 for SCOWL size levels 10, 20, 35, 40, 50, 55, 60 and 70 (most
// to least common), 0 for a word in none of them: a rare word, a name, a
// number.
inline constexpr int kNumTiers = 9;
int BackgroundTier(uint64_t token_hash);

// The share of news articles assumed to use a word of `tier`: rough Zipf
// figures for SCOWL's size bands.
double TierDocumentFraction(int tier);

// The background as a TfIdfModel prior (tfidf.h):
//   model.SetBackground(BackgroundPrior(), kBackgroundWeight);
// counts the background as kBackgroundWeight pseudo-documents, so it
// dominates a handful of inputs and fades as the corpus grows past it.
inline constexpr double kBackgroundWeight = 1000.0;
std::shared_ptr<const DocumentFrequencyPrior> BackgroundPrior();

// Number of words in the table (for tests).
int BackgroundSize();

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_BACKGROUND_H_
