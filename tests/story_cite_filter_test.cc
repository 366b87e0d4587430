// Copyright 2026 The neardup Authors.
//
// internal::MayCiteOutlet (story/cite_filter.h), the index's shortcut past
// attribution: it may only answer false where ExtractAttributions() finds
// nothing.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

#include "neardup/attribution.h"

#include "english_text.h"
#include "story/cite_filter.h"

namespace neardup {
namespace {

using internal::MayCiteOutlet;

// One sentence per cue of Matcher::Run() (story/attribution.cc), in several
// cases; each credits an outlet.
const std::vector<std::string>& CueSentences() {
  static const auto* const s = new std::vector<std::string>{
      "Output rose, according to Reuters.",
      "Output rose, ACCORDING TO The Wall Street Journal.",
      "The deal was first reported by The Information.",
      "The deal, as reported by Puck News, fell through.",
      "The deal was Reported By Semafor yesterday.",
      "That is in a report by Puck, which said so.",
      "That is in a Report from Puck, which said so.",
      "That is in a report in Nikkei Asia, which said so.",
      "Citing the Financial Times, the firm said no.",
      "A spokesman told The New York Times on Monday.",
      "Bloomberg reported the talks.",
      "The Information first reported the talks.",
      "The Guardian has reported the talks.",
      "Reuters reports that output rose.",
  };
  return *s;
}

TEST(CiteFilterTest, EveryCueSentenceCreditsAndPasses) {
  for (const std::string& s : CueSentences()) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(ExtractAttributions(s).empty());  // The sentence is a cue.
    EXPECT_TRUE(MayCiteOutlet(s));
  }
}

TEST(CiteFilterTest, NeverFalseWhereAttributionFindsSomething) {
  // Generated articles, some with a cue sentence spliced in at a random
  // place (also mid-word: the filter must not depend on word breaks).
  int credited = 0, skipped = 0;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    std::string text = testing::GenerateEnglishText(1500, seed);
    if (seed % 3 == 0) {
      const std::string& cue = CueSentences()[seed % CueSentences().size()];
      text.insert((seed * 7919) % text.size(), absl::StrCat(" ", cue, " "));
    }
    const bool found = !ExtractAttributions(text).empty();
    const bool may = MayCiteOutlet(text);
    SCOPED_TRACE(text);
    if (found) {
      EXPECT_TRUE(may);
      ++credited;
    }
    skipped += !may;
  }
  EXPECT_GT(credited, 50);  // The cue sentences did credit.
  EXPECT_GT(skipped, 10);   // And the filter does skip texts.
}

TEST(CiteFilterTest, TextsWithoutCueWordsAreSkipped) {
  EXPECT_FALSE(MayCiteOutlet(""));
  EXPECT_FALSE(MayCiteOutlet("tol"));
  EXPECT_FALSE(MayCiteOutlet("The firm said output rose by 3.5% in May."));
  EXPECT_FALSE(MayCiteOutlet("Bloomberg said; Reuters wrote; acc rep cit."));
  // Inside longer words it errs on the side of attribution.
  EXPECT_TRUE(MayCiteOutlet("the reporter"));
  EXPECT_TRUE(MayCiteOutlet("untold"));
  EXPECT_TRUE(MayCiteOutlet("TOLD"));
  EXPECT_TRUE(MayCiteOutlet("x told"));  // At the very end.
}

TEST(CiteFilterTest, NonAsciiTextsAlwaysPass) {
  // Normalisation may fold other characters into ASCII letters (full-width
  // forms, ligatures), so a non-ASCII text is never skipped.
  EXPECT_TRUE(MayCiteOutlet("caf\xC3\xA9"));
  EXPECT_TRUE(
      MayCiteOutlet("\xEF\xBD\x94\xEF\xBD\x8F\xEF\xBD\x8C\xEF\xBD\x84"));
  EXPECT_TRUE(MayCiteOutlet("plain text and a \xE2\x80\x99 quote"));
}

}  // namespace
}  // namespace neardup
