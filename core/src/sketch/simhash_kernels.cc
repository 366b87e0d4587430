// Copyright 2026 The neardup Authors.
//
// SimHash kernel, compiled once per Highway target (foreach_target.h) and
// chosen at run time (HWY_DYNAMIC_DISPATCH). See sketch_kernels.h.

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "sketch/sketch_kernels.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sketch/simhash_kernels.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace neardup::internal {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// kBit[i] = 1 << i; a vector load from kBit + s gives lanes 1 << (s + l).
alignas(64) constexpr uint32_t kBit[32] = {
    1u << 0,  1u << 1,  1u << 2,  1u << 3,  1u << 4,  1u << 5,  1u << 6,
    1u << 7,  1u << 8,  1u << 9,  1u << 10, 1u << 11, 1u << 12, 1u << 13,
    1u << 14, 1u << 15, 1u << 16, 1u << 17, 1u << 18, 1u << 19, 1u << 20,
    1u << 21, 1u << 22, 1u << 23, 1u << 24, 1u << 25, 1u << 26, 1u << 27,
    1u << 28, 1u << 29, 1u << 30, 1u << 31};

// Sums [j0, j0 + kVecs * N) of the 64, with one float lane per hash bit. N
// divides 32 on every target, so each vector reads bits of one 32-bit half.
template <size_t kVecs, class DF>
HWY_INLINE void SimHashTile(DF df, const uint64_t* HWY_RESTRICT features,
                            const float* HWY_RESTRICT weights, size_t n,
                            size_t j0, float* HWY_RESTRICT sums) {
  const hn::RebindToUnsigned<DF> du;
  using VF = hn::Vec<DF>;
  using VU = hn::Vec<decltype(du)>;
  const size_t N = hn::Lanes(df);
  VF acc[kVecs];
  VU bit[kVecs];
  for (size_t v = 0; v < kVecs; ++v) {
    acc[v] = hn::LoadU(df, sums + j0 + v * N);
    // Lane l of vector v tests bit (j0 + v * N + l) % 32 of its half.
    const size_t first = (j0 + v * N) % 32;
    bit[v] = hn::LoadU(du, kBit + first);
  }
  const VF one = hn::Set(df, 1.0f);
  for (size_t i = 0; i < n; ++i) {
    const VF w = weights == nullptr ? one : hn::Set(df, weights[i]);
    const VF neg_w = hn::Neg(w);
    const uint64_t h = features[i];
    const VU lo = hn::Set(du, static_cast<uint32_t>(h));
    const VU hi = hn::Set(du, static_cast<uint32_t>(h >> 32));
    for (size_t v = 0; v < kVecs; ++v) {
      const VU half = (j0 + v * N) < 32 ? lo : hi;
      const auto set = hn::RebindMask(df, hn::TestBit(half, bit[v]));
      acc[v] = hn::Add(acc[v], hn::IfThenElse(set, w, neg_w));
    }
  }
  for (size_t v = 0; v < kVecs; ++v) hn::StoreU(acc[v], df, sums + j0 + v * N);
}

#if HWY_TARGET != HWY_SCALAR
// The first m <= 255 features: byte lane j of the kVecs vectors
// of acc counts the features with bit j set. A feature's 64 bits become 64
// byte lanes of 0 or -1 (LoadMaskBits, VecFromMask) subtracted from the
// byte counters, which cannot wrap in 255 features.
template <size_t kVecs, class D8>
HWY_INLINE void CountBitsUpTo255(D8 d8, const uint64_t* HWY_RESTRICT features,
                                 size_t m, hn::Vec<D8>* acc) {
  constexpr size_t kN = HWY_LANES(uint8_t);  // 16, 32 or 64: divides 64.
  static_assert(64 % kN == 0 && kN >= 8 && kVecs * kN == 64);
  for (size_t v = 0; v < kVecs; ++v) acc[v] = hn::Zero(d8);
#if HWY_TARGET != HWY_AVX3 && HWY_TARGET != HWY_AVX3_DL
  // Without mask registers a mask from bits is a broadcast, a byte shuffle
  // and a compare per vector; here the feature is broadcast once to every
  // 64-bit lane and each vector's shuffle spreads byte j of it over lanes
  // 8j..8j+7 (within each 128-bit block, which holds the whole feature).
  const hn::Repartition<uint64_t, D8> d64;
  alignas(64) static constexpr uint8_t kByteOfLane[64] = {
      0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2,
      2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5,
      5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7};
  alignas(16) static constexpr uint8_t kBitOfLane[16] = {
      1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
  hn::Vec<D8> spread[kVecs];
  for (size_t v = 0; v < kVecs; ++v) {
    spread[v] = hn::Load(d8, kByteOfLane + v * kN);
  }
  const auto bit = hn::LoadDup128(d8, kBitOfLane);
  for (size_t i = 0; i < m; ++i) {
    uint64_t feature = features[i];  // Byte j in memory: bits 8j..8j+7.
    if constexpr (std::endian::native == std::endian::big) {
      feature = __builtin_bswap64(feature);
    }
    const auto x = hn::BitCast(d8, hn::Set(d64, feature));
    for (size_t v = 0; v < kVecs; ++v) {
      const auto set = hn::TestBit(hn::TableLookupBytes(x, spread[v]), bit);
      acc[v] = hn::Sub(acc[v], hn::VecFromMask(d8, set));
    }
  }
#else
  // AVX-512: a mask from bits is one move into a mask register.
  for (size_t i = 0; i < m; ++i) {
    // Bit j of the feature is bit j % 8 of little-endian byte j / 8.
    uint64_t x = features[i];
    if constexpr (std::endian::native == std::endian::big) {
      x = __builtin_bswap64(x);
    }
    uint8_t bytes[8];
    std::memcpy(bytes, &x, sizeof(bytes));
    for (size_t v = 0; v < kVecs; ++v) {
      const auto set = hn::LoadMaskBits(d8, bytes + v * (kN / 8));
      acc[v] = hn::Sub(acc[v], hn::VecFromMask(d8, set));
    }
  }
#endif
}

// counts[j] (zeroed by the caller) gets the number of features of [0, n)
// with bit j set.
HWY_INLINE void CountBits(const uint64_t* HWY_RESTRICT features, size_t n,
                          uint32_t* HWY_RESTRICT counts) {
  const hn::ScalableTag<uint8_t> d8;
  constexpr size_t kN = HWY_LANES(uint8_t);
  constexpr size_t kVecs = 64 / kN;
  alignas(64) uint8_t partial[64];
  for (size_t begin = 0; begin < n; begin += 255) {
    hn::Vec<decltype(d8)> acc[kVecs];
    CountBitsUpTo255<kVecs>(d8, features + begin, HWY_MIN(n - begin, 255), acc);
    for (size_t v = 0; v < kVecs; ++v) hn::Store(acc[v], d8, partial + v * kN);
    for (size_t j = 0; j < 64; ++j) counts[j] += partial[j];
  }
}

// Unweighted features (w_i = 1) by integer counts: c_j features have bit j
// set, so n sequential adds of +-1 give sums[j] + 2 c_j - n. That is the
// same float when sums[j] is an integer and |sums[j]| + n <= 2^24, where
// every partial sum is an exactly representable integer. Returns false,
// doing nothing, otherwise.
HWY_INLINE bool UniformByCounts(const uint64_t* HWY_RESTRICT features, size_t n,
                                float* HWY_RESTRICT sums) {
  constexpr float kExact = 16777216.0f;  // 2^24
  for (size_t j = 0; j < 64; ++j) {
    const float s = sums[j];
    if (!(std::fabs(s) + static_cast<float>(n) <= kExact) ||
        s != std::trunc(s)) {
      return false;
    }
  }
  uint32_t counts[64] = {};
  CountBits(features, n, counts);
  for (size_t j = 0; j < 64; ++j) {
    const int64_t delta =
        2 * static_cast<int64_t>(counts[j]) - static_cast<int64_t>(n);
    sums[j] += static_cast<float>(delta);
  }
  return true;
}
#endif  // HWY_TARGET != HWY_SCALAR

void SimHashAccumulate(const uint64_t* HWY_RESTRICT features,
                       const float* HWY_RESTRICT weights, size_t n,
                       float* HWY_RESTRICT sums) {
#if HWY_TARGET != HWY_SCALAR
  if (weights == nullptr && UniformByCounts(features, n, sums)) return;
#endif
  const hn::ScalableTag<float> df;
  const size_t N = hn::Lanes(df);
  // Up to 8 accumulators live in registers: all 64 sums on AVX2 and AVX-512,
  // 32 per pass on SSE4, 8 per pass on scalar. N divides 64 on every target.
  constexpr size_t kTile = HWY_MIN(size_t{8}, 64 / HWY_LANES(float));
  for (size_t j = 0; j < 64; j += kTile * N) {
    SimHashTile<kTile>(df, features, weights, n, j, sums);
  }
}

bool SimHashUniformBits(const uint64_t* HWY_RESTRICT features, size_t n,
                        uint64_t* HWY_RESTRICT bits) {
#if HWY_TARGET != HWY_SCALAR
  // From zero sums, sum j is 2 c_j - n exactly (UniformByCounts), so bit j
  // is set when 2 c_j > n, i.e. c_j > floor(n / 2): no floats, and up to 255
  // features one vector compare of the byte counters.
  if (n <= 255) {
    const hn::ScalableTag<uint8_t> d8;
    constexpr size_t kN = HWY_LANES(uint8_t);
    constexpr size_t kVecs = 64 / kN;
    hn::Vec<decltype(d8)> acc[kVecs];
    CountBitsUpTo255<kVecs>(d8, features, n, acc);
    const auto half = hn::Set(d8, static_cast<uint8_t>(n / 2));
    uint8_t bytes[8];
    for (size_t v = 0; v < kVecs; ++v) {
      hn::StoreMaskBits(d8, hn::Gt(acc[v], half), bytes + v * (kN / 8));
    }
    uint64_t x;
    std::memcpy(&x, bytes, sizeof(x));
    if constexpr (std::endian::native == std::endian::big) {
      x = __builtin_bswap64(x);
    }
    *bits = x;
    return true;
  }
  if (n <= (size_t{1} << 24)) {
    uint32_t counts[64] = {};
    CountBits(features, n, counts);
    uint64_t x = 0;
    for (size_t j = 0; j < 64; ++j) {
      x |= static_cast<uint64_t>(2 * uint64_t{counts[j]} > n) << j;
    }
    *bits = x;
    return true;
  }
#endif
  (void)features;
  (void)n;
  (void)bits;
  return false;
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace neardup::internal
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace neardup::internal {

HWY_EXPORT(SimHashAccumulate);
HWY_EXPORT(SimHashUniformBits);

void SimHashAccumulate(const uint64_t* features, const float* weights, size_t n,
                       float* sums) {
  HWY_DYNAMIC_DISPATCH(SimHashAccumulate)(features, weights, n, sums);
}

bool SimHashUniformBits(const uint64_t* features, size_t n, uint64_t* bits) {
  return HWY_DYNAMIC_DISPATCH(SimHashUniformBits)(features, n, bits);
}

}  // namespace neardup::internal
#endif  // HWY_ONCE
