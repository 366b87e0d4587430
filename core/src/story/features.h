// Copyright 2026 The neardup Authors.
//
// Per-document features for story analysis, and the measurements of a pair.

#ifndef NEARDUP_STORY_FEATURES_H_
#define NEARDUP_STORY_FEATURES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/types/span.h"

#include "neardup/document.h"
#include "neardup/story.h"
#include "neardup/text.h"
#include "neardup/tfidf.h"

#include "story/seed_index.h"

namespace neardup::internal {

// A rare name or number of a document, with its weight (blended IDF).
struct NameTerm {
  uint64_t hash = 0;
  double weight = 0;
  std::string text;  // As first written in the document.
};

struct DocFeatures {
  // XXH3 of the text: orients each pair's alignment, so that a pair is
  // measured the same whichever document comes first in the input, and
  // breaks exact ties of the origin evidence (StoryContext::TextKeyLess).
  uint64_t text_key = 0;
  std::vector<Token> tokens;
  // Seeds of max(align.seed_words, 1) words for AlignIndexed: each pair
  // reuses them instead of indexing its texts again.
  SeedIndex seeds;
  TermVector vector;            // Content words, background-blended IDF.
  std::vector<NameTerm> names;  // Sorted by hash, distinct.
  double names_weight = 0;      // Sum of the names' weights.
  // Distinct content words with their IDF, sorted by hash; their sum.
  std::vector<std::pair<uint64_t, double>> words;
  double words_weight = 0;
  // Distinct hashes, sorted: every word, word bigrams and trigrams, numbers;
  // only for texts of at most kSentenceTokens words (sentence pairs use
  // them), empty otherwise.
  std::vector<uint64_t> unigrams;
  std::vector<uint64_t> bigrams;
  std::vector<uint64_t> trigrams;
  std::vector<uint64_t> numbers;
  // XXH3 of the place of the news dateline the text opens with ("PEORIA,
  // Ariz. (AP) -" gives PEORIA); 0 when it has none (DatelinePlace).
  uint64_t dateline = 0;
};

// A content word: not a stopword.
inline bool IsContent(const Token& t) {
  return (t.flags & kTokenStopword) == 0;
}

// Whether a pair's alignment runs from fa's seeds (into fb's table) rather
// than the other way round: alignment is not symmetric, so each pair is
// aligned in an orientation fixed by its two texts, not by input order.
inline bool AlignsFirst(const DocFeatures& fa, const DocFeatures& fb) {
  return fa.text_key <= fb.text_key;
}

// IDF of a content word of the document (0 when it is not one).
inline double WordIdf(const DocFeatures& f, uint64_t term) {
  const auto it = std::lower_bound(f.words.begin(), f.words.end(),
                                   std::pair<uint64_t, double>(term, 0.0));
  return it != f.words.end() && it->first == term ? it->second : 0.0;
}

// The unit TF-IDF vector of `terms` (content words of f, with repeats):
// sublinear tf, as TfIdfModel::Vectorize, times WordIdf(); empty when every
// weight is 0.
TermVector WordVector(const DocFeatures& f, std::vector<uint64_t> terms);

// The place of a news dateline in the first kDatelineBytes bytes of `text`,
// hashed (0 when there is none). A dateline is one to four upper-case
// words (the place) at the start of the text or after white space, then a
// comma and a capitalised region ("OXON HILL, Md."), an agency or station in
// parentheses ("WASHINGTON (Reuters)"), or both, then a dash ("-", en or
// em dash) and white space. Both are required to be sure it is a place, not
// a label such as "VIDEO:" or "BREAKING -".
uint64_t DatelinePlace(std::string_view text);
inline constexpr size_t kDatelineBytes = 600;

// Tokenises every document and computes its features. IDF blends the
// documents' own frequencies with the background (when enabled).
std::vector<DocFeatures> ComputeFeatures(absl::Span<const Document> docs,
                                         const StoryOptions& options);

// Cosine(features[a].vector, features[b].vector) for every pair a < b, by
// PairIndex(), bit for bit: every document's terms go into one sorted list,
// and each pair of documents in a term's run adds its product, in ascending
// term order (the order of Cosine()'s merge). Most pairs of a corpus share
// few terms, so this beats a merge per pair.
std::vector<double> TopicCosines(const std::vector<DocFeatures>& features);

// Measures the pair (a, b): passages, coverages, cosine, names, then the
// story score and the relation. `topic_cosine` is
// Cosine(fa.vector, fb.vector) (TopicCosines()); `seed_positions` are the
// pair's from SeedPostings::RowPositions(), the seeds its alignment tries.
PairAnalysis AnalyzePair(uint32_t a, uint32_t b, const DocFeatures& fa,
                         const DocFeatures& fb, double topic_cosine,
                         const StoryOptions& options,
                         absl::Span<const uint32_t> seed_positions);

// The word-set overlap of two documents.
WordOverlap MeasureOverlap(const DocFeatures& fa, const DocFeatures& fb);

// Probability that two sentence-length texts say the same thing, from their
// overlap and passage coverages (the MSRP-fitted logistic).
double SentenceScore(const WordOverlap& overlap, double a_in_b, double b_in_a);

// The same-story score in [0, 1] from a pair's measurements.
// `datelines_differ`: both texts open with datelines naming different
// places and share no passage (PairAnalysis::datelines_differ).
double StoryScore(double cosine, double rest_cosine, double names,
                  double a_in_b, double b_in_a, bool datelines_differ = false);

// The relation of a measured pair (story score already set); `sentences`:
// both texts are at most kSentenceTokens words.
PairRelation ClassifyRelation(const PairAnalysis& pair, bool sentences,
                              const StoryOptions& options);

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_FEATURES_H_
