// Copyright 2026 The neardup Authors.
//
// Word n-gram shingles and exact set similarity.
//
//   neardup::ShingleSet a = neardup::Shingles(tokens_a, 5);
//   neardup::ShingleSet b = neardup::Shingles(tokens_b, 5);
//   double j = neardup::Jaccard(a, b);
//   double a_in_b = neardup::Containment(a, b);  // |A ∩ B| / |A|
//
// Thread-safe; functions allocate only their results.

#ifndef NEARDUP_SHINGLE_H_
#define NEARDUP_SHINGLE_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

#include "neardup/text.h"

namespace neardup {

// Seed of the shingle hash; part of the signature format.
inline constexpr uint64_t kShingleHashSeed =
    0x6e65617264757031ULL;  // "neardup1"

// The hash of each window of n consecutive tokens, in text order (with
// repeats): a polynomial of the n token hashes mod 2^64, finished with a key
// derived from kShingleHashSeed (signature format v2, section 1). A text
// with fewer than n (but at least one) tokens yields one shingle over all of
// them. n must be >= 1.
std::vector<uint64_t> ShingleHashes(absl::Span<const Token> tokens, int n);

// A set of shingle hashes: sorted, without duplicates.
class ShingleSet {
 public:
  ShingleSet() = default;
  // Sorts and deduplicates.
  static ShingleSet FromHashes(std::vector<uint64_t> hashes);

  absl::Span<const uint64_t> hashes() const { return hashes_; }
  size_t size() const { return hashes_.size(); }
  bool empty() const { return hashes_.empty(); }

 private:
  std::vector<uint64_t> hashes_;
};

// ShingleSet::FromHashes(ShingleHashes(tokens, n)).
ShingleSet Shingles(absl::Span<const Token> tokens, int n);

// |A ∩ B| by a linear merge.
size_t IntersectionSize(const ShingleSet& a, const ShingleSet& b);
// |A ∩ B| / |A ∪ B|; 0 when both are empty.
double Jaccard(const ShingleSet& a, const ShingleSet& b);
// |A ∩ B| / |A|: how much of A is found in B; 0 when A is empty.
double Containment(const ShingleSet& a, const ShingleSet& b);

}  // namespace neardup

#endif  // NEARDUP_SHINGLE_H_
