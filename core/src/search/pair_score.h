// Copyright 2026 The neardup Authors.
//
// Verification of one candidate pair from the compact sketches (dedup.h):
// the one home of the relation rules, shared by the batch deduplicator and
// the streaming index (index.h), so both judge every pair the same way.

#ifndef NEARDUP_SEARCH_PAIR_SCORE_H_
#define NEARDUP_SEARCH_PAIR_SCORE_H_

#include <cstdint>

#include "neardup/dedup.h"

#include "search/dedup_cluster.h"

namespace neardup::internal {

// A compact sketch in place: num_registers 16-bit b-bit MinHash values.
struct SketchRef {
  const uint16_t* bbit = nullptr;
  uint64_t text_hash = 0;
  uint64_t simhash = 0;  // SimHash-64 of the content words.
  uint32_t shingles = 0;
  uint32_t words = 0;
};

// Scores the pair (a, b); see dedup.h for the relations. `cosine` is the
// compact TF-IDF cosine of the pair, or -1 when the cosine path is off.
// Pure; does not allocate.
PairScore ScoreSketches(const SketchRef& a, const SketchRef& b,
                        const DedupOptions& options, float cosine = -1);

// ScoreSketches() given `equal`, the number of registers on which a and b
// agree (a.bbit and b.bbit are not read). Every score it derives from
// `equal` (Jaccard, containments) grows with it, and the relation rules
// test them with >=, so a call with an upper bound of `equal` gives a
// relation other than kNone whenever the exact call does: a cheap test
// that a pair cannot verify (store/mem_sketches.h).
PairScore ScoreWithEqual(int equal, const SketchRef& a, const SketchRef& b,
                         const DedupOptions& options, float cosine = -1);

}  // namespace neardup::internal

#endif  // NEARDUP_SEARCH_PAIR_SCORE_H_
