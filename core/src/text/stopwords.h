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

#include "absl/base/optimization.h"
#include "absl/types/span.h"

#include "text/word_hash_kernels.h"

namespace neardup::internal {

// The stopword hashes in a collision-free ("perfect") table of 1024 slots,
// one hash a slot: a lookup is two dependent loads and one compare. The slot
// of a hash h is (h >> 8) ^ displacement[h & 255], masked to the table
// ("hash and displace", as in CHD: Belazzougui, Botelho & Dietzfelbinger
// 2009): the constructor picks each of the 256 displacements so that no two
// stopwords share a slot. Empty slots hold the hash of some
// stopword (never 0, never a hash that does not belong to the list), so the
// compare alone decides, with no emptiness test. The table depends only on
// the fixed list and TokenHash(), so it is the same on every run and machine;
// tests/text_test.cc checks that it was built (perfect()) and that it agrees
// with the list. Should some bucket fit nowhere (it does not happen for this
// list: two of its hashes would need equal bits 0..17), the constructor keeps a
// sorted list and Contains() searches it. Immutable once built; thread-safe.
class StopwordTable {
 public:
  // The table, built on first use (thread-safe).
  static const StopwordTable& Get();

  bool Contains(uint64_t h) const {
    if (ABSL_PREDICT_FALSE(!perfect_)) return ContainsSorted(h);
    return slots_[Slot(h)] == h;
  }

  // True when the collision-free table was built (always, for this list).
  bool perfect() const { return perfect_; }

  // The table for a vector probe (HashAsciiWords()); valid when perfect().
  StopwordProbe probe() const {
    return StopwordProbe{slots_.data(), displacement_.data()};
  }

 private:
  StopwordTable();
  static constexpr size_t kSlots = 1024;
  static constexpr size_t kBuckets = 256;
  // The slot bits start right above the bucket bits.
  static constexpr int kShift = 8;
  size_t Slot(uint64_t h) const {
    return ((h >> kShift) ^ displacement_[h & (kBuckets - 1)]) & (kSlots - 1);
  }
  bool ContainsSorted(uint64_t h) const;
  bool Build(const std::vector<uint64_t>& hashes);

  alignas(64) std::array<uint64_t, kSlots> slots_{};
  alignas(64) std::array<uint16_t, kBuckets> displacement_{};
  bool perfect_ = false;
  std::vector<uint64_t> sorted_;  // Every stopword hash, sorted.
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
