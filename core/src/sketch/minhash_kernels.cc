// Copyright 2026 The neardup Authors.
//
// MinHash kernels, compiled once per Highway target (foreach_target.h) and
// chosen at run time (HWY_DYNAMIC_DISPATCH). See sketch_kernels.h for what
// each computes; the plain C++ references live in core/testing.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "sketch/sketch_kernels.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sketch/minhash_kernels.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace neardup::internal {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Shingles are folded to 32-bit lanes in chunks of this many, on the stack.
constexpr size_t kChunk = 256;

// Registers processed together: their accumulators and coefficients stay in
// vector registers while every shingle of a chunk streams past. AVX-512 has
// 32 vector registers, the others 16.
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
constexpr size_t kTile = 8;
#else
constexpr size_t kTile = 4;
#endif

// Registers [r, r + kVecs * N): the min over x[0, n) of a * x + b, per lane.
// The min has a dependency chain of one instruction per shingle; the
// multiplies do not depend on it, so they pipeline.
template <size_t kVecs, class D>
HWY_INLINE void ClassicTile(D d, const uint32_t* HWY_RESTRICT x, size_t n,
                            const uint32_t* HWY_RESTRICT a,
                            const uint32_t* HWY_RESTRICT b,
                            uint32_t* HWY_RESTRICT registers) {
  using V = hn::Vec<D>;
  const size_t N = hn::Lanes(d);
  V va[kVecs], vb[kVecs], acc[kVecs];
  for (size_t v = 0; v < kVecs; ++v) {
    va[v] = hn::LoadU(d, a + v * N);
    vb[v] = hn::LoadU(d, b + v * N);
    acc[v] = hn::LoadU(d, registers + v * N);
  }
  for (size_t i = 0; i < n; ++i) {
    const V vx = hn::Set(d, x[i]);
    for (size_t v = 0; v < kVecs; ++v) {
      // Multiply-add mod 2^32 (the low half of the 32x32 product).
      acc[v] = hn::Min(acc[v], hn::Add(hn::Mul(va[v], vx), vb[v]));
    }
  }
  for (size_t v = 0; v < kVecs; ++v) hn::StoreU(acc[v], d, registers + v * N);
}

void MinHashClassicUpdate(const uint64_t* HWY_RESTRICT hashes, size_t n,
                          const uint32_t* HWY_RESTRICT a,
                          const uint32_t* HWY_RESTRICT b,
                          uint32_t* HWY_RESTRICT registers, size_t k) {
  const hn::ScalableTag<uint32_t> d;
  const size_t N = hn::Lanes(d);
  HWY_ALIGN uint32_t x[kChunk];
  for (size_t start = 0; start < n; start += kChunk) {
    const size_t m = std::min(kChunk, n - start);
    for (size_t i = 0; i < m; ++i) x[i] = FoldHash(hashes[start + i]);
    size_t r = 0;
    for (; r + kTile * N <= k; r += kTile * N) {
      ClassicTile<kTile>(d, x, m, a + r, b + r, registers + r);
    }
    for (; r + N <= k; r += N) {
      ClassicTile<1>(d, x, m, a + r, b + r, registers + r);
    }
    // k is a multiple of 8, but AVX-512 vectors hold 16 lanes.
    for (; r < k; ++r) {
      uint32_t acc = registers[r];
      for (size_t i = 0; i < m; ++i) acc = std::min(acc, a[r] * x[i] + b[r]);
      registers[r] = acc;
    }
  }
}

void OnePermutationUpdate(const uint64_t* HWY_RESTRICT hashes, size_t n,
                          uint32_t a, uint32_t b,
                          uint32_t* HWY_RESTRICT registers, size_t k) {
  const hn::ScalableTag<uint32_t> d;
  const size_t N = hn::Lanes(d);
  const auto va = hn::Set(d, a);
  const auto vb = hn::Set(d, b);
  const auto vk = hn::Set(d, static_cast<uint32_t>(k));
  HWY_ALIGN uint32_t value[kChunk];
  HWY_ALIGN uint32_t bin[kChunk];
  for (size_t start = 0; start < n; start += kChunk) {
    const size_t m = std::min(kChunk, n - start);
    for (size_t i = 0; i < m; ++i) value[i] = FoldHash(hashes[start + i]);
    size_t i = 0;
    for (; i + N <= m; i += N) {
      const auto v = hn::Add(hn::Mul(va, hn::Load(d, value + i)), vb);
      hn::Store(v, d, value + i);
      // (v >> 16) * k < 2^16 * 2^16: no overflow; the bin is monotone in v,
      // so each bin holds one contiguous range of hash values.
      hn::Store(hn::ShiftRight<16>(hn::Mul(hn::ShiftRight<16>(v), vk)), d,
                bin + i);
    }
    for (; i < m; ++i) {
      value[i] = a * value[i] + b;
      bin[i] = ((value[i] >> 16) * static_cast<uint32_t>(k)) >> 16;
    }
    // The scatter-min has no SIMD form before AVX-512 conflict detection;
    // it is one load, min and store per shingle. The store is
    // unconditional and the select marked a coin flip: compilers turn a
    // plain std::min here into a branch around the store, which a new
    // minimum (about every other shingle while bins hold few) mispredicts,
    // and a mask select (x ^ ((x ^ v) & mask)) took five instructions where
    // GCC now emits one vpminud.
    for (i = 0; i < m; ++i) {
      const uint32_t current = registers[bin[i]];
      const uint32_t v = value[i];
      registers[bin[i]] =
          __builtin_expect_with_probability(v < current, 1, 0.5) ? v : current;
    }
  }
}

#if HWY_TARGET != HWY_SCALAR && HWY_TARGET != HWY_AVX3_DL
// Past this many empty bins DensifyProbeHits() tests the probes of all bins
// (a vector of probes a step), below only those of the empty bins (8 probes
// a step): a 1 KB text leaves ~36 of 128 bins empty, a 4 KB one ~1.
constexpr size_t kProbeAllBinsAbove = 16;

// The hit bytes of the lanes of d's vector of probes (8 lanes a byte): probe
// p looks up byte p / 8 of the 128-bit filled table `flags` (in every
// 128-bit block) and tests bit p % 8 of it, by two byte shuffles (pshufb).
template <class D, class VTable>
HWY_INLINE void ProbeHits(D d, VTable flags, VTable bit_of,
                          const uint8_t* HWY_RESTRICT probes,
                          uint8_t* HWY_RESTRICT hits) {
  const auto index = hn::LoadU(d, probes);
  const auto byte = hn::TableLookupBytes(flags, hn::ShiftRight<3>(index));
  const auto bit =
      hn::TableLookupBytes(bit_of, hn::And(index, hn::Set(d, uint8_t{7})));
  hn::StoreMaskBits(d, hn::TestBit(byte, bit), hits);
}
#endif

// On AVX3_DL raw AVX-512 intrinsics: Highway 1.0.3 has no two-table byte
// lookup (vpermi2b). The other SIMD targets hold the 128 filled flags as
// bits in one 128-bit table and look up 8 probes of it by two pshufb.
bool DensifyProbeHits(const uint32_t* HWY_RESTRICT registers, size_t k,
                      const uint8_t* HWY_RESTRICT probes,
                      uint64_t* HWY_RESTRICT full, uint8_t* HWY_RESTRICT hits) {
#if HWY_TARGET == HWY_AVX3_DL
  if (k > 128 || k % 8 != 0) return false;
  // Filled flags as bits, 16 registers a compare (the last load may reach
  // past k by 8 lanes: masked, not read).
  const __m512i empty = _mm512_set1_epi32(-1);
  uint64_t bits[2] = {0, 0};
  for (size_t i = 0; i < k; i += 16) {
    const __mmask16 lanes = k - i >= 16 ? __mmask16{0xFFFF} : __mmask16{0xFF};
    const __m512i v = _mm512_maskz_loadu_epi32(lanes, registers + i);
    const uint64_t ne = _mm512_mask_cmpneq_epu32_mask(lanes, v, empty);
    bits[i / 64] |= ne << (i % 64);
  }
  full[0] = bits[0];
  if (k > 64) full[1] = bits[1];
  // ... and as two 64-byte tables of 0 / 0xFF, so that one vpermi2b looks
  // up 64 probes (8 bins) at once; byte lane j of the compare mask is bit j,
  // so the mask's 8 bytes are those 8 bins' hit bytes.
  const __m512i table0 = _mm512_movm_epi8(bits[0]);
  const __m512i table1 = _mm512_movm_epi8(bits[1]);
  for (size_t p = 0; p < k * 8; p += 64) {
    const __m512i index = _mm512_loadu_si512(probes + p);
    const __m512i flags = _mm512_permutex2var_epi8(table0, index, table1);
    const uint64_t m = _mm512_movepi8_mask(flags);
    std::memcpy(hits + p / 8, &m, sizeof(m));
  }
  return true;
#elif HWY_TARGET != HWY_SCALAR
  if (k > 128 || k % 8 != 0) return false;
  // Filled flags as bits, 8 (4 on SSE4) registers a compare, into a 128-bit
  // table: bin b is bit b % 8 of byte b / 8.
  const hn::CappedTag<uint32_t, 8> d32;
  const size_t n32 = hn::Lanes(d32);
  const auto empty = hn::Set(d32, 0xFFFFFFFFu);
  alignas(16) uint8_t table[16] = {};
  for (size_t i = 0; i < k; i += n32) {
    uint8_t bits[8];
    hn::StoreMaskBits(d32, hn::Ne(hn::LoadU(d32, registers + i), empty), bits);
    table[i / 8] |=
        static_cast<uint8_t>((bits[0] & ((1u << n32) - 1)) << (i % 8));
  }
  uint64_t words[2] = {0, 0};
  for (size_t j = 0; j < k / 8; ++j) {
    words[j / 8] |= uint64_t{table[j]} << (8 * (j % 8));
  }
  full[0] = words[0];
  if (k > 64) full[1] = words[1];
  alignas(16) static constexpr uint8_t kBitOf[16] = {
      1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
  // The empty bins as bits (none at k and above).
  uint64_t holes[2] = {~words[0], k > 64 ? ~words[1] : 0};
  if (k % 64 != 0) holes[k / 64] &= (uint64_t{1} << (k % 64)) - 1;
  if (static_cast<size_t>(std::popcount(holes[0]) + std::popcount(holes[1])) >
      kProbeAllBinsAbove) {  // All bins, a vector of probes a step.
    const hn::ScalableTag<uint8_t> d8;
    const auto flags = hn::LoadDup128(d8, table);
    const auto bit_of = hn::LoadDup128(d8, kBitOf);
    for (size_t p = 0; p < k * 8; p += hn::Lanes(d8)) {
      ProbeHits(d8, flags, bit_of, probes + p, hits + p / 8);
    }
    return true;
  }
  // Only the empty bins (the only ones the caller reads), 8 probes a step.
  const hn::Full128<uint8_t> d16;
  const hn::CappedTag<uint8_t, 8> d8;
  const auto flags = hn::Load(d16, table);
  const auto bit_of = hn::Load(d16, kBitOf);
  for (size_t w = 0; w < 2; ++w) {
    for (uint64_t bins = holes[w]; bins != 0; bins &= bins - 1) {
      const size_t i = 64 * w + static_cast<size_t>(std::countr_zero(bins));
      ProbeHits(d8, flags, bit_of, probes + 8 * i, hits + i);
    }
  }
  return true;
#else
  (void)registers;
  (void)k;
  (void)probes;
  (void)full;
  (void)hits;
  return false;
#endif
}

const char* TargetName() { return hwy::TargetName(HWY_TARGET); }

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace neardup::internal
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace neardup::internal {

HWY_EXPORT(MinHashClassicUpdate);
HWY_EXPORT(OnePermutationUpdate);
HWY_EXPORT(DensifyProbeHits);
HWY_EXPORT(TargetName);

void MinHashClassicUpdate(const uint64_t* hashes, size_t n, const uint32_t* a,
                          const uint32_t* b, uint32_t* registers, size_t k) {
  HWY_DYNAMIC_DISPATCH(MinHashClassicUpdate)(hashes, n, a, b, registers, k);
}

void OnePermutationUpdate(const uint64_t* hashes, size_t n, uint32_t a,
                          uint32_t b, uint32_t* registers, size_t k) {
  HWY_DYNAMIC_DISPATCH(OnePermutationUpdate)(hashes, n, a, b, registers, k);
}

bool DensifyProbeHits(const uint32_t* registers, size_t k,
                      const uint8_t* probes, uint64_t* full, uint8_t* hits) {
  return HWY_DYNAMIC_DISPATCH(DensifyProbeHits)(registers, k, probes, full,
                                                hits);
}

const char* DispatchedTargetName() {
  return HWY_DYNAMIC_DISPATCH(TargetName)();
}

}  // namespace neardup::internal
#endif  // HWY_ONCE
