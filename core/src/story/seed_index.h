// Copyright 2026 The neardup Authors.
//
// The seeds of one token sequence for AlignPassages, built once per
// document and reused for each of its pairs (a scan aligns every pair).

#ifndef NEARDUP_STORY_SEED_INDEX_H_
#define NEARDUP_STORY_SEED_INDEX_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"

#include "neardup/align.h"
#include "neardup/text.h"

namespace neardup::internal {

struct SeedIndex {
  // Each seed hash -> its first position and how many positions have it.
  struct Seed {
    uint32_t first;
    uint32_t count;
  };
  int n = 0;                     // Words in a seed.
  std::vector<uint64_t> hashes;  // Of the seed at each position.
  // The positions of one seed, chained in ascending order: one table and
  // one array, not a list per seed.
  absl::flat_hash_map<uint64_t, Seed> table;
  std::vector<uint32_t> next;
  // A blocked Bloom filter of the table's keys in front of it, 16 to 32
  // bits a key, three bits of one 64-bit word per key: most seeds of another
  // text are not in the table, and one word test costs less than a table
  // miss. Built with the table.
  std::vector<uint64_t> filter;
  int filter_shift = 64;  // A hash's word: its top bits, after a multiply.

  // The filter word of `seed` (the top bits of a multiply) and its three
  // bits in that word (from the product's low bits).
  size_t FilterWord(uint64_t seed) const {
    return static_cast<size_t>((seed * 0x9E3779B97F4A7C15ULL) >> filter_shift);
  }
  static uint64_t FilterBits(uint64_t seed) {
    const uint64_t h = seed * 0x9E3779B97F4A7C15ULL;
    return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63)) |
           (uint64_t{1} << ((h >> 12) & 63));
  }
  // False only when `seed` is not in the table.
  bool MayHave(uint64_t seed) const {
    if (filter.empty()) return false;  // So is the table.
    const uint64_t bits = FilterBits(seed);
    return (filter[FilterWord(seed)] & bits) == bits;
  }
};

// The n-word seeds of `tokens`; the table only when `with_table` (a text is
// looked up in only when it is the second of a pair).
SeedIndex IndexSeeds(absl::Span<const Token> tokens, int n, bool with_table);

// AlignPassages(a, b, options) from indexes of a and b with the same n (b's
// with its table), which must be the n AlignPassages would use:
// max(options.seed_words, 1) when both texts have that many words.
std::vector<Passage> AlignIndexed(absl::Span<const Token> a,
                                  const SeedIndex& a_seeds,
                                  absl::Span<const Token> b,
                                  const SeedIndex& b_seeds,
                                  const AlignOptions& options);

// AlignIndexed() that tries only the seeds of `a` at `positions`, in
// ascending order: the same passages when `positions` holds every position
// whose seed b's table has at most options.max_seed_hits times
// (SeedPostings::RowPositions finds them for all pairs at once), without
// probing for the seeds b lacks.
std::vector<Passage> AlignIndexedAt(absl::Span<const Token> a,
                                    const SeedIndex& a_seeds,
                                    absl::Span<const Token> b,
                                    const SeedIndex& b_seeds,
                                    absl::Span<const uint32_t> positions,
                                    const AlignOptions& options);

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_SEED_INDEX_H_
