// Copyright 2026 The neardup Authors.
//
// Retold sentences: the sentences of two rewrites of one story that say the
// same thing in other words. Shared passages find the text a rewrite copies;
// a rewrite retells most of its story in its own words, so its passages
// cover a few percent of it (the seeds: 1-5%) while most of its sentences
// have a counterpart in the other text. Each sentence is a TF-IDF vector of
// its content words (the document's blended IDF); sentences are paired one
// to one, the closest first, while their cosine is at least kRetoldCosine
// (PairAnalysis::retold).

#ifndef NEARDUP_STORY_RETOLD_H_
#define NEARDUP_STORY_RETOLD_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "neardup/story.h"
#include "neardup/text.h"

#include "story/features.h"

namespace neardup::internal {

// Two sentences retell each other at this TF-IDF cosine or more. Set once by
// reading the seeds' sentence pairs (docs/scan-output.md), not fitted to any
// evaluation.
inline constexpr double kRetoldCosine = 0.5;
// Sentences with fewer content words are not matched (a byline, "Read
// more"): a two-word overlap says little.
inline constexpr size_t kRetoldMinWords = 4;
// A run of words without a sentence end is cut into pieces of this many
// words (a list, a text without punctuation).
inline constexpr size_t kRetoldMaxWords = 60;

// The sentences of a document's tokens: [first, last) token ranges. A
// sentence starts at a token flagged kTokenSentenceStart (each line starts
// one) and holds at most kRetoldMaxWords tokens.
struct TokenRange {
  size_t first = 0;
  size_t last = 0;
};
std::vector<TokenRange> SplitSentences(const std::vector<Token>& tokens);

// Cosine of every sentence of a (sa, of fa's tokens) with every sentence of
// b, row-major (sa.size() x sb.size()); 0 where either has fewer than
// kRetoldMinWords content words.
std::vector<double> SentenceCosines(const DocFeatures& fa,
                                    const std::vector<TokenRange>& sa,
                                    const DocFeatures& fb,
                                    const std::vector<TokenRange>& sb);

// Greedy one-to-one matching over a rows x cols row-major matrix: the
// highest entry first (ties: lower row, then lower column), while entries
// are >= min_cosine. The (row, column) pairs, by row.
std::vector<std::pair<size_t, size_t>> MatchGreedy(
    const std::vector<double>& cosines, size_t rows, size_t cols,
    double min_cosine);

// Sets pair->retold, a_retold and b_retold: the sentences of a (fa) and b
// (fb) matched by MatchGreedy at `min_cosine`, in a's order; the shares
// count the words of the matched sentences.
void MeasureRetold(const DocFeatures& fa, const DocFeatures& fb,
                   PairAnalysis* pair, double min_cosine = kRetoldCosine);

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_RETOLD_H_
