// Copyright 2026 The neardup Authors.
//
// Candidate pairs packed as one 64-bit key, a << 32 | b, so that a vector of
// them sorts and deduplicates as plain integers.

#ifndef NEARDUP_SEARCH_CANDIDATE_PAIRS_H_
#define NEARDUP_SEARCH_CANDIDATE_PAIRS_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

#include "neardup/lsh.h"

namespace neardup::internal {

inline uint64_t PackPair(uint32_t a, uint32_t b) {
  return uint64_t{a} << 32 | b;
}

// The pairs of packed keys, in the same order.
inline std::vector<CandidatePair> UnpackPairs(absl::Span<const uint64_t> keys) {
  std::vector<CandidatePair> out(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    out[i] = {static_cast<uint32_t>(keys[i] >> 32),
              static_cast<uint32_t>(keys[i])};
  }
  return out;
}

}  // namespace neardup::internal

#endif  // NEARDUP_SEARCH_CANDIDATE_PAIRS_H_
