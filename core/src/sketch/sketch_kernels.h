// Copyright 2026 The neardup Authors.
//
// Entry points of the sketch SIMD kernels (minhash_kernels.cc,
// simhash_kernels.cc). Each dispatches, on every call, to the best Highway
// target of this CPU, or to the one forced by SetSimdTarget(). Every kernel
// has a plain C++ reference in core/testing/sketch_reference.h and is tested
// bit for bit against it on every compiled and supported target.

#ifndef NEARDUP_SKETCH_SKETCH_KERNELS_H_
#define NEARDUP_SKETCH_SKETCH_KERNELS_H_

#include <cstddef>
#include <cstdint>

namespace neardup::internal {

// The 32-bit lane a 64-bit shingle hash enters MinHash as: the XOR of its two
// halves, so every bit of the shingle hash counts (format v2).
inline uint32_t FoldHash(uint64_t x) {
  return static_cast<uint32_t>(x) ^ static_cast<uint32_t>(x >> 32);
}

// Classic MinHash (Broder 1997): for r in [0, k),
//   registers[r] = min(registers[r], min_i (a[r] * FoldHash(hashes[i]) + b[r])
//                                          mod 2^32).
// The caller initialises registers (to 0xFFFFFFFF for a new signature).
void MinHashClassicUpdate(const uint64_t* hashes, size_t n, const uint32_t* a,
                          const uint32_t* b, uint32_t* registers, size_t k);

// One-permutation hashing (Li, Owen & Zhang 2012): the single hash
// v = (a * FoldHash(x) + b) mod 2^32 goes to bin ((v >> 16) * k) >> 16, a
// monotone map of v onto [0, k), and registers[bin] keeps the minimum v.
// k <= 65536. Empty bins stay as initialised (densification is separate).
void OnePermutationUpdate(const uint64_t* hashes, size_t n, uint32_t a,
                          uint32_t b, uint32_t* registers, size_t k);

// The start of densification (minhash.cc) for k <= 128 bins, on the SIMD
// targets (the filled flags as a byte lookup table: AVX3_DL's vpermi2b of
// 128 bytes, the others' pshufb of 128 bits). Bin i was filled when
// registers[i] != 0xFFFFFFFF: bit i % 64 of full[i / 64] (full[0] only for
// k <= 64; bits at k and above are 0). Bit a of hits[i] is set when bin
// probes[8 * i + a] was filled, for every bin i < k that was empty (probes
// < k, bytes; the other bins' bytes are unspecified). Returns false, doing
// nothing, where k > 128 or k % 8 != 0 or on the scalar target.
bool DensifyProbeHits(const uint32_t* registers, size_t k,
                      const uint8_t* probes, uint64_t* full, uint8_t* hits);

// SimHash sums (Charikar 2002): for each feature i in order and each bit j,
//   sums[j] += (features[i] >> j) & 1 ? w_i : -w_i,
// with w_i = weights[i], or 1 when weights is null. Float adds in feature
// order in every lane, so every target gives the same bits.
void SimHashAccumulate(const uint64_t* features, const float* weights, size_t n,
                       float* sums /*[64]*/);

// The fingerprint of SimHashAccumulate() with null weights from zero sums
// (bit j set when sums[j] > 0 afterwards), by integer counts, into *bits.
// Returns false, doing nothing, where that is not exact (more than 2^24
// features) or not faster (the scalar target): then take the sums.
bool SimHashUniformBits(const uint64_t* features, size_t n, uint64_t* bits);

// Name of the Highway target the kernels dispatch to now, e.g. "AVX2".
const char* DispatchedTargetName();

}  // namespace neardup::internal

#endif  // NEARDUP_SKETCH_SKETCH_KERNELS_H_
