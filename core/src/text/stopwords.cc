// Copyright 2026 The neardup Authors.
//
// The stopword list: English function words, which carry grammar rather than
// topic, so TF-IDF leaves them out and tokens carry kTokenStopword. Content
// words that merely are frequent in news ("said", "year") and numerals stay
// out of the list: they still tell one story from another.

#include "text/stopwords.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "neardup/text.h"

namespace neardup::internal {
namespace {

// Normalised forms, as TokenHash() sees them: lower case, ASCII apostrophe,
// possessive "'s" already dropped (so "it's" is "it", "that's" is "that").
constexpr std::string_view kStopwords[] = {
    // Articles and determiners.
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "each",
    "every",
    "either",
    "neither",
    "no",
    "all",
    "both",
    "few",
    "many",
    "much",
    "more",
    "most",
    "other",
    "another",
    "such",
    "own",
    "same",
    "several",
    "less",
    "least",
    "enough",
    // Pronouns.
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "whatever",
    "whoever",
    "whichever",
    "someone",
    "anyone",
    "everyone",
    "something",
    "anything",
    "everything",
    "nothing",
    "nobody",
    // Auxiliary and modal verbs.
    "be",
    "am",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "done",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "ought",
    // Contractions.
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "haven't",
    "hasn't",
    "hadn't",
    "won't",
    "wouldn't",
    "can't",
    "cannot",
    "couldn't",
    "shouldn't",
    "mustn't",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "you're",
    "you've",
    "you'd",
    "you'll",
    "we're",
    "we've",
    "we'd",
    "we'll",
    "they're",
    "they've",
    "they'd",
    "they'll",
    "he'd",
    "he'll",
    "she'd",
    "she'll",
    // Prepositions.
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "per",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "unlike",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
    // Conjunctions.
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "because",
    "although",
    "though",
    "while",
    "whereas",
    "if",
    "unless",
    "whether",
    "than",
    "once",
    // Common adverbs and particles.
    "also",
    "very",
    "too",
    "just",
    "only",
    "even",
    "still",
    "already",
    "again",
    "ever",
    "never",
    "not",
    "always",
    "often",
    "here",
    "there",
    "then",
    "now",
    "when",
    "where",
    "why",
    "how",
    "however",
    "thus",
    "therefore",
    "hence",
    "else",
    "rather",
    "quite",
    "almost",
    "perhaps",
    "indeed",
    "yes",
    "let",
    "well",
    "really",
    "instead",
};

}  // namespace

StopwordTable::StopwordTable() {
  std::vector<uint64_t> hashes;
  for (std::string_view word : kStopwords) {
    const uint64_t h = TokenHash(word);
    if (h != 0) hashes.push_back(h);  // 0 marks an empty way.
  }
  auto fill = [&](int shift) {
    for (auto& bucket : buckets_) bucket.fill(0);
    for (uint64_t h : hashes) {
      auto& bucket = buckets_[(h >> shift) & kMask];
      size_t way = 0;
      while (way < kWays && bucket[way] != 0) ++way;
      if (way == kWays) return false;
      bucket[way] = h;
    }
    return true;
  };
  for (shift_ = 0; shift_ <= 56; ++shift_) {
    if (fill(shift_)) return;
  }
  // No shift fits: keep what fits at shift 0, the rest in the overflow list.
  shift_ = 0;
  for (auto& bucket : buckets_) bucket.fill(0);
  for (uint64_t h : hashes) {
    auto& bucket = buckets_[h & kMask];
    size_t way = 0;
    while (way < kWays && bucket[way] != 0) ++way;
    if (way == kWays) {
      overflow_.push_back(h);
    } else {
      bucket[way] = h;
    }
  }
}

const StopwordTable& StopwordTable::Get() {
  static const StopwordTable table;  // Thread-safe initialisation (C++11).
  return table;
}

absl::Span<const std::string_view> Stopwords() { return kStopwords; }

}  // namespace neardup::internal
