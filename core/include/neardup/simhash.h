// Copyright 2026 The neardup Authors.
//
// Weighted SimHash-64 (Charikar 2002, "Similarity estimation techniques from
// rounding algorithms"): the sign of a weighted sum of random ±1 vectors, one
// per feature. The Hamming distance of two fingerprints estimates the angle
// between the weighted feature vectors: E[distance] = 64 * angle / pi.
//
//   // Counts of the content words of a document:
//   uint64_t a = neardup::SimHashTokens(tokens_a,
//   neardup::SimHashWeighting::kCounts); uint64_t b =
//   neardup::SimHashTokens(tokens_b, neardup::SimHashWeighting::kCounts); int d
//   = neardup::HammingDistance(a, b);  // 0..64
//   // TF-IDF weights:
//   uint64_t c = neardup::SimHash(model.Vectorize(tokens_a));
//
// Bit j of the fingerprint is set when the sum over features of
// (bit j of the feature hash ? +w : -w) is positive, for every j in 0..63.
// Feature hashes are used as given (token and shingle hashes are already
// XXH3-64); sums are float, added in feature order, so the result is the same
// on every SIMD target (docs/signature-format.md).
//
// All functions are thread-safe; they allocate only where noted.

#ifndef NEARDUP_SIMHASH_H_
#define NEARDUP_SIMHASH_H_

#include <bit>
#include <cstdint>

#include "absl/types/span.h"

#include "neardup/text.h"
#include "neardup/tfidf.h"

namespace neardup {

// The fingerprint of features with weights (weights.size() ==
// features.size(); weights should be finite). Features may repeat: each
// occurrence adds its weight. Returns 0 for no features, or when the sizes
// differ. Does not allocate.
uint64_t SimHash(absl::Span<const uint64_t> features,
                 absl::Span<const float> weights) noexcept;

// Every feature with weight 1. Does not allocate.
uint64_t SimHashUniform(absl::Span<const uint64_t> features) noexcept;

// The fingerprint of a TF-IDF vector: terms weighted by their TF-IDF weight.
uint64_t SimHash(const TermVector& vector) noexcept;

enum class SimHashWeighting {
  kUniform = 0,  // Each distinct content word counts 1.
  kCounts = 1,   // Each content word counts its number of occurrences.
};

// The fingerprint of the content words (tokens without kTokenStopword) of a
// tokenised text. Allocates a temporary copy of the word hashes.
uint64_t SimHashTokens(absl::Span<const Token> tokens,
                       SimHashWeighting weighting);

// Number of differing bits, 0..64.
inline int HammingDistance(uint64_t a, uint64_t b) {
  return std::popcount(a ^ b);
}

}  // namespace neardup

#endif  // NEARDUP_SIMHASH_H_
