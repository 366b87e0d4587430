// Copyright 2026 The neardup Authors.
//
// Where each alignment seed occurs in a set of documents, so that the
// alignment of every pair tries only the seeds the pair shares instead of
// probing each seed of one text in the other's table (in a scan of 1,000
// news-like texts, 99.4% of those probes missed).

#ifndef NEARDUP_STORY_SEED_POSTINGS_H_
#define NEARDUP_STORY_SEED_POSTINGS_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"

#include "neardup/align.h"

#include "story/features.h"

namespace neardup::internal {

class SeedPostings {
 public:
  // `features` must outlive this; `options` are the alignment's.
  SeedPostings(const std::vector<DocFeatures>& features,
               const AlignOptions& options);

  // For each b > a whose pair with a is aligned from the seeds
  // (AlignOriented: both texts have a seed), the positions of the seeds that
  // AlignIndexedAt() must try in the pair's first text (AlignsFirst()):
  // those whose seed the second text holds at most max_seed_hits times.
  // Written to `out` as (b << 32 | position), sorted.
  void RowPositions(uint32_t a, std::vector<uint64_t>* out) const;

 private:
  // A seed in one document: how often, and where its positions start in
  // positions_ (ascending there).
  struct Posting {
    uint32_t doc;
    uint32_t count;
    uint32_t first;
  };
  // [first, last) of the postings of `seed` in documents after `a`.
  std::pair<const Posting*, const Posting*> After(uint64_t seed,
                                                  uint32_t a) const;

  const std::vector<DocFeatures>& features_;
  const uint32_t max_seed_hits_;
  // One posting per seed and document with seeds, sorted by seed then
  // document; each seed's run of them. A row costs at most what probing its
  // pairs did: a document's posting is skipped whole, however often it has
  // the seed.
  std::vector<Posting> postings_;
  std::vector<uint32_t> positions_;
  absl::flat_hash_map<uint64_t, std::pair<uint32_t, uint32_t>> runs_;
};

}  // namespace neardup::internal

#endif  // NEARDUP_STORY_SEED_POSTINGS_H_
