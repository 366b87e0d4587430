// Copyright 2026 The neardup Authors.
//
// Plain C++ references of the sketch kernels, written from the signature
// format (docs/signature-format.md) without sharing code with core/src, so a
// test that compares the two checks the format as well as the SIMD code.
// Slow and obvious by design. Thread-safe.

#ifndef NEARDUP_TESTING_SKETCH_REFERENCE_H_
#define NEARDUP_TESTING_SKETCH_REFERENCE_H_

#include <array>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace neardup::testing {

// Classic MinHash registers (format v2, section "Classic").
std::vector<uint32_t> ReferenceMinHashClassic(absl::Span<const uint64_t> hashes,
                                              int k, uint64_t seed);

// One-permutation MinHash registers before densification (empty bins hold
// 0xFFFFFFFF).
std::vector<uint32_t> ReferenceOnePermutationBins(
    absl::Span<const uint64_t> hashes, int k, uint64_t seed);

// One-permutation MinHash with optimal densification (format v2, section
// "One permutation").
std::vector<uint32_t> ReferenceOnePermutation(absl::Span<const uint64_t> hashes,
                                              int k, uint64_t seed);

// DensifyProbeHits (sketch_kernels.h), bin by bin and probe by probe: full
// (k / 64 rounded up words) and hits (k bytes).
void ReferenceDensifyProbeHits(absl::Span<const uint32_t> registers,
                               absl::Span<const uint8_t> probes,
                               std::vector<uint64_t>* full,
                               std::vector<uint8_t>* hits);

// SimHash sums, feature by feature and bit by bit; weights empty = all 1.
std::array<float, 64> ReferenceSimHashSums(absl::Span<const uint64_t> features,
                                           absl::Span<const float> weights);

// Bit j set when sum j > 0.
uint64_t ReferenceSimHash(absl::Span<const uint64_t> features,
                          absl::Span<const float> weights);

// Exact Jaccard of two sets given as (possibly repeating) hash lists.
double ExactJaccard(absl::Span<const uint64_t> a, absl::Span<const uint64_t> b);

}  // namespace neardup::testing

#endif  // NEARDUP_TESTING_SKETCH_REFERENCE_H_
