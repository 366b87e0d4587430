// Copyright 2026 The neardup Authors.
//
// The seeded hash functions of the signature format (docs/signature-format.md,
// version 2). Changing anything here changes signatures: bump
// kSignatureFormatVersion and the golden vectors together.

#ifndef NEARDUP_SKETCH_SKETCH_SEEDS_H_
#define NEARDUP_SKETCH_SKETCH_SEEDS_H_

#include <cstddef>
#include <cstdint>

#include "absl/types/span.h"

namespace neardup::internal {

// Salts that separate the streams derived from one user seed.
inline constexpr uint64_t kCoefficientSalt =
    0x6e642d6d696e6831ULL;                                       // "nd-minh1"
inline constexpr uint64_t kDensifySalt = 0x6e642d64656e7331ULL;  // "nd-dens1"

// SplitMix64's output function (Steele, Lea & Flood 2014): a bijective
// 64-bit mixer.
inline uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Register i's hash (a[i] * x + b[i]) mod 2^32: with
// z = Mix64(seed ^ kCoefficientSalt + (i + 1) * golden), a[i] is the low
// half of z with its lowest bit set (odd: a bijection of the 32-bit lanes)
// and b[i] the high half.
inline void MinHashCoefficients(uint64_t seed, absl::Span<uint32_t> a,
                                absl::Span<uint32_t> b) {
  constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
  uint64_t state = seed ^ kCoefficientSalt;
  for (size_t i = 0; i < a.size(); ++i) {
    state += kGolden;
    const uint64_t z = Mix64(state);
    a[i] = static_cast<uint32_t>(z) | 1u;
    b[i] = static_cast<uint32_t>(z >> 32);
  }
}

// The bin an empty OPH bin probes at `attempt` (1, 2, ...):
// ((Mix64(seed ^ kDensifySalt ^ (bin << 32 | attempt)) >> 32) * k) >> 32.
inline size_t DensifyProbe(uint64_t seed, size_t bin, uint32_t attempt,
                           size_t k) {
  const uint64_t z =
      Mix64(seed ^ kDensifySalt ^ (static_cast<uint64_t>(bin) << 32 | attempt));
  return static_cast<size_t>(((z >> 32) * static_cast<uint64_t>(k)) >> 32);
}

}  // namespace neardup::internal

#endif  // NEARDUP_SKETCH_SKETCH_SEEDS_H_
