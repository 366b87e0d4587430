// Copyright 2026 The neardup Authors.
//
// Origin inference and member roles for one story.

#ifndef NEARDUP_STORY_ORIGIN_H_
#define NEARDUP_STORY_ORIGIN_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

#include "neardup/document.h"
#include "neardup/story.h"

namespace neardup::internal {

// What origin inference reads.
struct StoryContext {
  absl::Span<const Document> docs;
  absl::Span<const PairAnalysis> pairs;  // Every pair a < b, in order.
  absl::Span<const std::vector<Attribution>> attributions;
  absl::Span<const size_t> token_counts;  // Tokens per document.
  // A hash of each document's text (DocFeatures::text_key).
  absl::Span<const uint64_t> text_keys;
  StoryOptions options;

  const PairAnalysis& Pair(uint32_t x, uint32_t y) const;
  // A total order on documents that does not depend on input order: by
  // text key, then by id (ids are distinct). Exact ties the evidence cannot
  // break (twins, equal counts) are broken by it, so shuffling the input
  // never changes the origin or a role.
  bool TextKeyLess(uint32_t x, uint32_t y) const;
  // Share of x's words inside passages shared with y.
  double Share(uint32_t x, uint32_t y) const;
  // Share of x's words in sentences y retells (PairAnalysis::retold).
  double Retold(uint32_t x, uint32_t y) const;
};

// Builds the story of `members` (sorted document indices): its origin, and
// each member's role, share taken, confidence and reasons.
//
// Origin, first rule that applies:
//  1. an outlet the members credit is a member's `outlet`: that document;
//  2. text reuse (pairs `partial` or closer): the member that holds the most
//     of the text the others reuse (ties: earliest publication, then the
//     member with the least text of its own, then a hash of the text and
//     the id: never input order); if it credits
//     an outlet outside the input with a strong cue, that outlet is the
//     origin instead (external) and the hub is its first rewrite;
//  3. members credit an outlet outside the input: external, the outlet most
//     members credit;
//  4. publication times: the earliest member;
//  5. otherwise unknown.
Story BuildStory(const StoryContext& context,
                 const std::vector<uint32_t>& members);

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_ORIGIN_H_
