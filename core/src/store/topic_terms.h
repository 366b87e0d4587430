// Copyright 2026 The neardup Authors.
//
// Topic terms: the streaming index's second way to find a story it already
// has. Rewrites of one report share almost no five-word phrase, so the
// shingle MinHash and the SimHash of near-copies miss them, but they keep
// its rare names, numbers and content words. A document's topic terms are
// its kTopicTerms heaviest content words by TF-IDF, with IDF from the
// English background alone (story/background.h: a name or number is rare,
// "said" is not), so a document's terms never change as the index grows.
//
//   TopicTerms t = MakeTopicTerms(buffer.content());  // TokenizeHashes
//   double c = TopicCosine(t, other);                  // in [0, 1]
//   std::vector<uint32_t> keys;
//   TopicKeys(t, &keys);  // postings keys: pairs of the heaviest terms
//
// Two documents are candidates when they share a pair of their
// kTopicKeyTerms heaviest terms (a single rare name is too common in a
// news stream), and join one story when their topic cosine reaches
// IndexOptions::topic_cosine. Weights are quantised to 16 bits, so the
// stored record and every cosine are exact integers up to the last
// division: the same on every machine.

#ifndef NEARDUP_STORE_TOPIC_TERMS_H_
#define NEARDUP_STORE_TOPIC_TERMS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace neardup::internal {

inline constexpr size_t kTopicTerms = 32;
inline constexpr size_t kTopicKeyTerms = 8;
// The background is English: in a text whose content words it mostly does
// not know (another language, generated text) every unknown word would
// look rare, and unrelated texts would share "rare" words. Such a text
// gets no topic terms. Measured share of known content words: English
// SemEval-2022 texts 5th percentile 0.63, median 0.81; the seeds 0.86-0.95;
// its 2,078 texts in other languages at most 0.45; generated test text
// (english_text.h) 0.29-0.40.
inline constexpr double kTopicMinKnownShare = 0.5;

struct TopicTerms {
  // Low 32 bits of the token hashes, ascending and distinct.
  std::vector<uint32_t> terms;
  // Same length: sublinear tf x background IDF, scaled so that the
  // heaviest is 65535 (0 never: a term's weight is at least 1).
  std::vector<uint16_t> weights;
};

// The topic terms of a document from its content-word hashes (stopwords
// removed, repeats kept; TokenHashBuffer::content()). Empty for no words,
// or when fewer than kTopicMinKnownShare of them are in the background.
TopicTerms MakeTopicTerms(absl::Span<const uint64_t> content);

// Cosine of the two weight vectors (0 when either is empty).
double TopicCosine(const TopicTerms& a, const TopicTerms& b);

// The number of keys TopicKeys() gives `t` at most (one per pair of its
// heaviest terms; fewer only when two pairs hash alike).
inline size_t MaxTopicKeys(const TopicTerms& t) {
  const size_t n =
      t.terms.size() < kTopicKeyTerms ? t.terms.size() : kTopicKeyTerms;
  return n < 2 ? 0 : n * (n - 1) / 2;
}

// The documents a probe's topic keys list most often: `hits` holds one
// entry per (key, document) found. Returns at most `max` distinct
// documents, those under the most keys first (they share the most heavy
// terms; ties: the later document, the more recent article), ascending.
// Bounds the records a judgement reads when a pair of names is common.
std::vector<uint32_t> MostSharedDocuments(std::vector<uint32_t> hits,
                                          size_t max);
// Topic candidates verified per judgement at most.
inline constexpr size_t kMaxTopicCandidates = 32;

// The postings keys of `t` into *keys (replaced): one per pair of its
// kTopicKeyTerms heaviest terms (ties: the smaller term), ascending and
// distinct. None for fewer than two terms.
void TopicKeys(const TopicTerms& t, std::vector<uint32_t>* keys);

}  // namespace neardup::internal

#endif  // NEARDUP_STORE_TOPIC_TERMS_H_
