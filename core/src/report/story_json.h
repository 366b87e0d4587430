// Copyright 2026 The neardup Authors.
//
// The parts of the story JSON (docs/story-json.md), one at a time, so that
// a renderer can write a large report piece by piece instead of building it
// whole (a scan of 2,000 documents has 2 million pairs).

#ifndef NEARDUP_REPORT_STORY_JSON_H_
#define NEARDUP_REPORT_STORY_JSON_H_

#include "absl/types/span.h"
#include "nlohmann/json.hpp"

#include "neardup/story.h"
#include "neardup/text.h"

namespace neardup::internal {

// "stories": every story with its origin and members.
nlohmann::ordered_json StoriesJson(absl::Span<const Document> docs,
                                   const StoryReport& report);
// One element of "pairs".
nlohmann::ordered_json PairJson(absl::Span<const Document> docs,
                                const PairAnalysis& p);
// "attributions": every outlet credit, in document then text order.
nlohmann::ordered_json AttributionsJson(absl::Span<const Document> docs,
                                        const StoryReport& report);

}  // namespace neardup::internal

#endif  // NEARDUP_REPORT_STORY_JSON_H_
