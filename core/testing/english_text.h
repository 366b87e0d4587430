// Copyright 2026 The neardup Authors.
//
// Seeded generators of English-like news text, for tests and benchmarks.
//
//   std::string doc = neardup::testing::GenerateEnglishText(4096, /*seed=*/7);
//   std::string copy = neardup::testing::PerturbText(doc, 0.05, /*seed=*/8);
//
// The text has the statistics that matter to tokenising and hashing: a
// Zipfian vocabulary (function words most frequent, a long tail of content
// words), sentences of 6-32 words with capitalised starts, commas, quotes,
// possessives, hyphenated compounds, numbers ("2026", "3.5", "1,200", "40%"),
// proper nouns, and paragraphs separated by blank lines. Pure ASCII unless
// `unicode` is set, which adds curly quotes, accented names and a dash.
//
// Output depends only on the arguments (own PRNG, no std distributions), so it
// is identical on every platform. Thread-safe.

#ifndef NEARDUP_TESTING_ENGLISH_TEXT_H_
#define NEARDUP_TESTING_ENGLISH_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neardup::testing {

struct EnglishTextOptions {
  // Content-word vocabulary size (function words come on top).
  int vocabulary = 20000;
  // Zipf exponent of content-word ranks.
  double zipf_exponent = 1.07;
  // Mix in non-ASCII characters (curly quotes, accents, en dash).
  bool unicode = false;
};

// About `approx_bytes` bytes (it stops at the first sentence end past it) of
// English-like text.
std::string GenerateEnglishText(size_t approx_bytes, uint64_t seed);
std::string GenerateEnglishText(size_t approx_bytes, uint64_t seed,
                                const EnglishTextOptions& options);

// `num_docs` independent documents of about `approx_bytes` each; document i
// uses seed `seed + i`.
std::vector<std::string> GenerateEnglishCorpus(size_t num_docs,
                                               size_t approx_bytes,
                                               uint64_t seed);

// A rewrite of `text`: each word is, with probability `edit_rate`, deleted,
// replaced by another word, or followed by an inserted word (one third each).
// Whitespace-separated words; punctuation attached to a word moves with it.
// edit_rate 0 returns `text` unchanged.
std::string PerturbText(std::string_view text, double edit_rate, uint64_t seed);

}  // namespace neardup::testing

#endif  // NEARDUP_TESTING_ENGLISH_TEXT_H_
