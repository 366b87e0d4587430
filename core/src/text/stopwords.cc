// Copyright 2026 The neardup Authors.
//
// The stopword list: English function words, which carry grammar rather than
// topic, so TF-IDF leaves them out and tokens carry kTokenStopword. Content
// words that merely are frequent in news ("said", "year") and numerals stay
// out of the list: they still tell one story from another.

#include "text/stopwords.h"

#include <algorithm>
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
  for (std::string_view word : kStopwords) {
    const uint64_t h = TokenHash(word);
    if (h != 0) sorted_.push_back(h);  // TokenHash() is never 0 in practice.
  }
  std::sort(sorted_.begin(), sorted_.end());
  sorted_.erase(std::unique(sorted_.begin(), sorted_.end()), sorted_.end());
  if (sorted_.empty()) return;
  perfect_ = Build(sorted_);
}

// Places every hash: the buckets (h & 255), the
// fullest first, each get the smallest displacement that sends all their
// hashes to free slots. False when some bucket fits nowhere.
bool StopwordTable::Build(const std::vector<uint64_t>& hashes) {
  std::vector<std::vector<uint64_t>> buckets(kBuckets);
  for (uint64_t h : hashes) buckets[h & (kBuckets - 1)].push_back(h);
  std::vector<size_t> order(kBuckets);
  for (size_t b = 0; b < kBuckets; ++b) order[b] = b;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return buckets[x].size() > buckets[y].size();
  });
  std::vector<bool> used(kSlots, false);
  displacement_.fill(0);
  for (size_t b : order) {
    if (buckets[b].empty()) break;
    bool placed = false;
    for (size_t d = 0; d < kSlots && !placed; ++d) {
      displacement_[b] = static_cast<uint16_t>(d);
      placed = true;
      std::vector<size_t> taken;
      for (uint64_t h : buckets[b]) {
        const size_t slot = Slot(h);
        if (used[slot] ||
            std::find(taken.begin(), taken.end(), slot) != taken.end()) {
          placed = false;
          break;
        }
        taken.push_back(slot);
      }
      if (placed) {
        for (size_t i = 0; i < taken.size(); ++i) {
          used[taken[i]] = true;
          slots_[taken[i]] = buckets[b][i];
        }
      }
    }
    if (!placed) return false;
  }
  // Empty slots hold a stopword's hash: a probe that lands there matches
  // only that stopword, which is right either way.
  for (size_t i = 0; i < kSlots; ++i) {
    if (!used[i]) slots_[i] = hashes[0];
  }
  return true;
}

bool StopwordTable::ContainsSorted(uint64_t h) const {
  return std::binary_search(sorted_.begin(), sorted_.end(), h);
}

const StopwordTable& StopwordTable::Get() {
  static const StopwordTable table;  // Thread-safe initialisation (C++11).
  return table;
}

absl::Span<const std::string_view> Stopwords() { return kStopwords; }

}  // namespace neardup::internal
