// Copyright 2026 The neardup Authors.
//
// Syndication analysis: which articles tell the same story, how each pair is
// related, where the shared text is, who had the story first, and which
// articles copy or rewrite it.
//
//   absl::StatusOr<neardup::StoryReport> report =
//       neardup::AnalyzeStories(docs, neardup::StoryOptions{});
//   for (const neardup::Story& s : report->stories) {
//     // s.origin.kind == OriginKind::kExternal, s.origin.outlet ==
//     // "The Information"; s.members[k].role == Role::kRewrite ...
//   }
//
// Pairs are compared exactly (all pairs), so this is for tens to a few
// thousands of documents; large corpora go through candidate generation
// first. Word rarity comes from a built-in English background (SCOWL word
// tiers) blended with the input's own document frequencies, so five
// documents are enough. Thread-compatible; allocates its result. The output
// is deterministic and independent of thread count.

#ifndef NEARDUP_STORY_H_
#define NEARDUP_STORY_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/align.h"
#include "neardup/attribution.h"
#include "neardup/document.h"
#include "neardup/text.h"

namespace neardup {

// How two documents relate, from the loosest to the closest.
enum class PairRelation {
  kUnrelated = 0,
  kRelated,        // Same names or topic, a different event.
  kRewrite,        // The same story retold: few shared phrases.
  kPartial,        // One contains passages of the other.
  kNearDuplicate,  // The same text with light edits.
  kCopy,           // Verbatim.
};
// "unrelated", "related", "rewrite", "partial", "near_duplicate", "copy".
std::string_view PairRelationName(PairRelation relation);

// A member's part in its story.
enum class Role {
  kOrigin = 0,     // The report the others derive from.
  kCopy,           // Takes the origin's text verbatim.
  kNearDuplicate,  // Takes it with light edits.
  kRewrite,        // Retells the story in its own words.
  kIndependent,    // Same story, no sign of derivation.
};
// "origin", "copy", "near_duplicate", "rewrite", "independent".
std::string_view RoleName(Role role);

enum class OriginKind {
  kUnknown = 0,  // No evidence points at an origin.
  kDocument,     // A document of the input.
  kExternal,     // An outlet the members credit, not in the input.
};
// "unknown", "document", "external".
std::string_view OriginKindName(OriginKind kind);

struct StoryOptions {
  TokenizeOptions tokenize;
  AlignOptions align;
  // Two documents (and, on average, two groups) with a story score at least
  // this are the same story.
  double story_threshold = 0.5;
  // Use the built-in English background for word rarity, counted as this
  // many pseudo-documents (TfIdfModel::SetBackground); 0 turns it off.
  double background_weight = 1000;
  // All pairs are compared and kept: memory grows as n^2 (about 400 bytes a
  // pair). Larger inputs are refused; deduplicate or cluster them first.
  size_t max_documents = 2000;
  // Threads for the pair comparisons (0: one per core). The report is the
  // same for any number.
  int threads = 1;
  // When set, the pairs analysed so far are added to it as the analysis
  // goes (from any of its threads), for a progress display: it reaches
  // n(n-1)/2 when AnalyzeStories() returns.
  std::atomic<uint64_t>* pairs_done = nullptr;
};

// Texts of at most this many words are sentences: shared passages and
// document-level topic similarity say little about them, and the pair's
// story score is PairAnalysis::sentence.
inline constexpr size_t kSentenceTokens = 40;

// How much wording two texts share, by word sets.
struct WordOverlap {
  double unigrams = 0;  // Dice of the word sets (stopwords kept).
  double words = 0;     // Rarity-weighted (IDF) Dice of the content words.
  // Rarity-weighted share of each side's content words found in the other:
  // the smaller and the larger of the two.
  double words_lo = 0;
  double words_hi = 0;
  double bigrams = 0;   // Dice of the word-bigram sets.
  double trigrams = 0;  // Dice of the word-trigram sets.
  // Share of the distinct numbers that only one side mentions (0 when
  // neither mentions any): sentences that differ in a figure differ in fact.
  double numbers_differ = 0;
  double length_ratio = 0;  // Shorter text's words over the longer's.
};

// A sentence of a retold by a sentence of b (PairAnalysis::retold).
struct RetoldSentence {
  ByteSpan a;         // The sentence in a.
  ByteSpan b;         // The sentence in b.
  double cosine = 0;  // TF-IDF cosine of their content words.
};

// Everything measured about one pair of documents.
struct PairAnalysis {
  uint32_t a = 0;  // Document indices, a < b.
  uint32_t b = 0;
  PairRelation relation = PairRelation::kUnrelated;
  double story = 0;   // Same-story score in [0, 1] (the decision score).
  double cosine = 0;  // Content-word TF-IDF cosine (background-blended IDF).
  // The same cosine over the words outside shared passages: what the two
  // texts have in common besides the text they share (shared boilerplate
  // such as a site's subscription notice says nothing about the story).
  // Equals `cosine` when they share no passage.
  double rest_cosine = 0;
  double names = 0;  // Weighted overlap of rare names and numbers, [0, 1].
  // Both texts open with a news dateline ("PEORIA, Ariz. (AP) -") and the
  // two name different places: two events, most likely. When the texts
  // share no passage, the story score's topic evidence then counts half.
  bool datelines_differ = false;
  double a_in_b = 0;  // Share of a's words inside passages shared with b.
  double b_in_a = 0;  // Share of b's words inside passages shared with a.
  // Wording overlap, the evidence for texts too short for passages: measured
  // for sentence-length pairs only (see `sentence`), all zero otherwise.
  WordOverlap overlap;
  // Sentence-length pairs (both texts at most kSentenceTokens words): the
  // probability that they say the same thing, from `overlap` and the
  // coverages (a logistic fitted on the MSRP train split by
  // scripts/fit_sentence.py). It is then their story score. 0 otherwise.
  double sentence = 0;
  std::vector<std::string> shared_names;  // The rarest shared names, <= 8.
  std::vector<Passage> passages;          // Shared passages, in a's order.
  // Rewrites only (relation kRewrite): the sentences of a and b that say the
  // same thing in other words, paired one to one (content-word TF-IDF cosine
  // >= 0.5, closest first), in a's order; and the share of a's (b's) words
  // in those sentences. Empty and zero for every other relation.
  std::vector<RetoldSentence> retold;
  double a_retold = 0;
  double b_retold = 0;
};

// A citation of the origin: document `document` credits an outlet.
struct CitedSpan {
  uint32_t document = 0;
  Attribution attribution;
};

struct StoryOrigin {
  OriginKind kind = OriginKind::kUnknown;
  std::string outlet;                // The outlet, when known.
  std::optional<uint32_t> document;  // kDocument: its index.
  std::string id;                    // kDocument: its id.
  double confidence = 0;             // In [0, 1].
  std::vector<std::string> reasons;  // Why, for --explain.
  std::vector<CitedSpan> evidence;   // Citations of the outlet.
};

struct StoryMember {
  uint32_t document = 0;
  std::string id;
  Role role = Role::kIndependent;
  double confidence = 0;  // In [0, 1].
  // Share of the member's words inside passages it shares with the origin
  // document (with the other members when the origin is not a document).
  double share_taken = 0;
  // Share of the member's words in sentences the origin document retells
  // in other words (the largest with any other member when the origin is
  // not a document); see PairAnalysis::retold.
  double share_retold = 0;
  std::vector<std::string> reasons;
};

struct Story {
  std::vector<StoryMember> members;  // The origin first, then input order.
  StoryOrigin origin;
};

struct StoryReport {
  // Every input document is in exactly one story (a singleton when it
  // matches nothing). Stories by size, then by their first document.
  std::vector<Story> stories;
  // Every pair a < b, in order.
  std::vector<PairAnalysis> pairs;
  // The attributions found in each document, by document index.
  std::vector<std::vector<Attribution>> attributions;

  // The analysis of documents a and b (a != b, either order, both below
  // attributions.size()).
  const PairAnalysis& Pair(size_t a, size_t b) const;
};

// The role document `member` (pair.a or pair.b) would have in a story whose
// origin is the pair's other document, from the share of its words inside
// passages shared with it and how exactly they match (the rules
// AnalyzeStories applies to members against an in-input origin; credits
// are not considered): kCopy, kNearDuplicate, kRewrite or kIndependent.
// For callers that know the origin, and for evaluation against labels.
Role RoleAgainstOrigin(const PairAnalysis& pair, uint32_t member);

// Analyses `docs`. Errors: InvalidArgument for bad options (seed_words < 1,
// a threshold outside [0, 1]) or duplicate document ids; ResourceExhausted
// for more than max_documents documents.
[[nodiscard]] absl::StatusOr<StoryReport> AnalyzeStories(
    absl::Span<const Document> docs, const StoryOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_STORY_H_
