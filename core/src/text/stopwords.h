// Copyright 2026 The neardup Authors.
//
// English function words ("the", "of", "would", ...), looked up by token hash.
// The list lives in stopwords.cc; it is hashed once, on first use.

#ifndef NEARDUP_TEXT_STOPWORDS_H_
#define NEARDUP_TEXT_STOPWORDS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/types/span.h"

namespace neardup::internal {

// The stopword hashes in 256 buckets of 4, indexed by 8 bits of the
// (already uniform) token hash: 8 KiB that stay in L1, and a lookup is four
// compares with no data-dependent branch. The constructor picks the bit
// position so that no bucket overflows (it tries every shift; the chance
// that none fits is negligible for ~250 words, and the table then falls back
// to a linear scan of an overflow list). Immutable once built; thread-safe.
class StopwordTable {
 public:
  // The table, built on first use (thread-safe).
  static const StopwordTable& Get();

  bool Contains(uint64_t h) const {
    const uint64_t* b = buckets_[(h >> shift_) & kMask].data();
    bool found = (b[0] == h) | (b[1] == h) | (b[2] == h) | (b[3] == h);
    for (uint64_t o : overflow_) found |= o == h;
    return found & (h != 0);
  }

 private:
  StopwordTable();
  static constexpr size_t kBuckets = 256;
  static constexpr size_t kMask = kBuckets - 1;
  static constexpr size_t kWays = 4;
  std::array<std::array<uint64_t, kWays>, kBuckets> buckets_;
  int shift_ = 0;
  std::vector<uint64_t> overflow_;  // Empty unless no shift fits.
};

// True when `token_hash` is the TokenHash() of a stopword. O(1), no
// allocation, thread-safe. Hot loops hold StopwordTable::Get() instead.
inline bool IsStopword(uint64_t token_hash) {
  return StopwordTable::Get().Contains(token_hash);
}

// The stopword list, normalised (lower case, ASCII apostrophes), in a stable
// order. For tests and documentation.
absl::Span<const std::string_view> Stopwords();

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_STOPWORDS_H_
