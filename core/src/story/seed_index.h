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
// looking up the seeds b lacks.
std::vector<Passage> AlignIndexedAt(absl::Span<const Token> a,
                                    const SeedIndex& a_seeds,
                                    absl::Span<const Token> b,
                                    const SeedIndex& b_seeds,
                                    absl::Span<const uint32_t> positions,
                                    const AlignOptions& options);

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_SEED_INDEX_H_
