// Copyright 2026 The neardup Authors.
//
// A cheap test that lets a caller (the streaming index) skip attribution
// (ExtractAttributions(), which tokenises the whole text again) for texts that
// cannot credit an outlet.
//
//   if (internal::MayCiteOutlet(doc.text)) found = ExtractAttributions(...);

#ifndef NEARDUP_STORY_CITE_FILTER_H_
#define NEARDUP_STORY_CITE_FILTER_H_

#include <string_view>

namespace neardup::internal {

// False only when ExtractAttributions(text) is certainly empty: `text` is
// ASCII and contains none of the words every attribution cue is anchored on
// ("according", "report" (also "reported", "reports"), "citing", "told"),
// in any case, even inside a longer word. True for any text with a byte
// over 0x7F (normalisation could turn other characters into these words).
// Every cue of attribution.cc (Matcher::Run) needs a token
// equal to one of these words; a new cue must add its word here
// (tests/story_cite_filter_test.cc checks each cue). Does not allocate.
bool MayCiteOutlet(std::string_view text);

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_CITE_FILTER_H_
