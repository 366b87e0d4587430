// Copyright 2026 The neardup Authors.

#include "search/pair_score.h"

#include <algorithm>

#include "neardup/simhash.h"

namespace neardup::internal {
namespace {

// Low 16 bits of each register are kept (b-bit MinHash, Li & König 2010):
// two different minima agree by chance with probability 2^-16, which the
// estimate corrects for.
constexpr double kBbitCollision = 1.0 / 65536.0;

}  // namespace

PairScore ScoreSketches(const SketchRef& a, const SketchRef& b,
                        const DedupOptions& options, float cosine) {
  const int k = options.num_registers;
  int equal = 0;
  for (int i = 0; i < k; ++i) equal += a.bbit[i] == b.bbit[i];
  return ScoreWithEqual(equal, a, b, options, cosine);
}

PairScore ScoreWithEqual(int equal, const SketchRef& a, const SketchRef& b,
                         const DedupOptions& options, float cosine) {
  PairScore s;
  const int k = options.num_registers;
  const double p = static_cast<double>(equal) / k;
  double j = (p - kBbitCollision) / (1 - kBbitCollision);
  j = std::clamp(j, 0.0, 1.0);
  if (a.shingles == 0 || b.shingles == 0) j = 0;
  // |A ∩ B| = J (|A| + |B|) / (1 + J).
  const double inter = j * (a.shingles + b.shingles) / (1 + j);
  s.jaccard = static_cast<float>(j);
  s.a_in_b =
      a.shingles ? static_cast<float>(std::min(1.0, inter / a.shingles)) : 0.f;
  s.b_in_a =
      b.shingles ? static_cast<float>(std::min(1.0, inter / b.shingles)) : 0.f;
  s.hamming = HammingDistance(a.simhash, b.simhash);
  const bool cosine_on = cosine >= 0;
  if (cosine_on) s.cosine = cosine;

  if (a.text_hash == b.text_hash && a.shingles == b.shingles) {
    s.relation = Relation::kCopy;
    return s;
  }
  const uint32_t small = std::min(a.shingles, b.shingles);
  const uint32_t large = std::max(a.shingles, b.shingles);
  if (small < static_cast<uint32_t>(options.min_shingles)) return s;
  if (j >= options.jaccard_threshold) {
    s.relation = Relation::kNearDuplicate;
    return s;
  }
  const double contained = a.shingles <= b.shingles ? s.a_in_b : s.b_in_a;
  if (contained >= options.containment_threshold &&
      small >= options.min_partial_share * large) {
    s.relation = Relation::kPartial;
    return s;
  }
  const bool same_words = (options.simhash_distance >= 0 &&
                           s.hamming <= options.simhash_distance) ||
                          (cosine_on && s.cosine >= options.cosine_threshold);
  // Same content words: the word counts must also be alike.
  const uint32_t wa = a.words, wb = b.words;
  if (same_words && std::min(wa, wb) >= 0.8 * std::max(wa, wb)) {
    s.relation = Relation::kRewrite;
  }
  return s;
}

}  // namespace neardup::internal
