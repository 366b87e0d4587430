// Copyright 2026 The neardup Authors.
//
// Weighted SimHash-64 (Charikar 2002). The per-feature loop is the SIMD
// kernel in simhash_kernels.cc.

#include "neardup/simhash.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sketch/sketch_kernels.h"

namespace neardup {
namespace {

// Bit j is set when sum j is positive. All 64 sums come from the 64 bits of
// the feature hashes, so no bit of the fingerprint is constant.
uint64_t Fingerprint(const float* sums) {
  uint64_t bits = 0;
  for (int j = 0; j < 64; ++j) {
    bits |= static_cast<uint64_t>(sums[j] > 0.0f) << j;
  }
  return bits;
}

}  // namespace

uint64_t SimHash(absl::Span<const uint64_t> features,
                 absl::Span<const float> weights) noexcept {
  if (features.empty() || weights.size() != features.size()) return 0;
  float sums[64] = {};
  internal::SimHashAccumulate(features.data(), weights.data(), features.size(),
                              sums);
  return Fingerprint(sums);
}

uint64_t SimHashUniform(absl::Span<const uint64_t> features) noexcept {
  if (features.empty()) return 0;
  uint64_t bits;
  if (internal::SimHashUniformBits(features.data(), features.size(), &bits)) {
    return bits;
  }
  float sums[64] = {};
  internal::SimHashAccumulate(features.data(), nullptr, features.size(), sums);
  return Fingerprint(sums);
}

uint64_t SimHash(const TermVector& vector) noexcept {
  return SimHash(vector.terms, vector.weights);
}

uint64_t SimHashTokens(absl::Span<const Token> tokens,
                       SimHashWeighting weighting) {
  if (weighting == SimHashWeighting::kCounts) {
    // Every occurrence adds 1, so a word counts its occurrences. The content
    // words go to the kernel in chunks from the stack: no allocation, and the
    // sums are those of one call over all of them (same order).
    constexpr size_t kChunk = 256;
    uint64_t words[kChunk];
    float sums[64] = {};
    size_t n = 0, total = 0;
    for (const Token& token : tokens) {
      // Branch-free filter: stopwords are frequent and unpredictable, so
      // store every hash and advance only past content words.
      words[n] = token.hash;
      n += (token.flags & kTokenStopword) == 0;
      if (n == kChunk) {
        internal::SimHashAccumulate(words, nullptr, n, sums);
        total += n;
        n = 0;
      }
    }
    if (n > 0) internal::SimHashAccumulate(words, nullptr, n, sums);
    total += n;
    return total == 0 ? 0 : Fingerprint(sums);
  }
  // Uniform: distinct words, in hash order (the sums are then integers,
  // exact in any order, but a fixed order keeps the kernel contract simple).
  std::vector<uint64_t> words;
  words.reserve(tokens.size());
  for (const Token& token : tokens) {
    if ((token.flags & kTokenStopword) == 0) words.push_back(token.hash);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return SimHashUniform(words);
}

}  // namespace neardup
