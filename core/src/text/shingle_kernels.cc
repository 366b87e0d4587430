// Copyright 2026 The neardup Authors.
//
// ShingleHashesOf (shingle_kernels.h), compiled once per Highway target
// (foreach_target.h) and chosen at run time (HWY_DYNAMIC_DISPATCH).

#include "text/shingle_kernels.h"

#include <cstddef>
#include <cstdint>

#include "text/hash.h"

// The rolled form, compiled once with the file's default flags (this part
// is outside the per-target code): called from inside a target's function,
// GCC compiled the inlined loop ~1.6x slower (M1, AVX2 and SSE4).
#ifndef NEARDUP_TEXT_SHINGLE_KERNELS_ONCE_
#define NEARDUP_TEXT_SHINGLE_KERNELS_ONCE_
namespace neardup::internal {
namespace {
// RollShingleHashes() as two chains: windows [0, half) and [half, count)
// roll side by side, so the two multiply-adds of a step overlap instead of
// each window waiting on the one before.
[[gnu::noinline]] void RollAll(const uint64_t* tokens, size_t num_tokens,
                               size_t window, uint64_t* out) {
  const size_t count = num_tokens - window + 1;
  if (count < 16) {
    RollShingleHashes(
        num_tokens, window, [tokens](size_t i) { return tokens[i]; }, out);
    return;
  }
  const size_t half = count / 2;
  uint64_t base_pow = 1;  // P^w
  for (size_t j = 0; j < window; ++j) base_pow *= kShingleBase;
  const uint64_t key = ShingleKey(window);
  const uint64_t* const t1 = tokens + half;
  uint64_t* const out1 = out + half;
  uint64_t h0 = 0, h1 = 0;
  for (size_t j = 0; j < window; ++j) {
    h0 = h0 * kShingleBase + tokens[j];
    h1 = h1 * kShingleBase + t1[j];
  }
  out[0] = Avalanche(h0 ^ key);
  out1[0] = Avalanche(h1 ^ key);
  for (size_t i = 1; i < half; ++i) {
    h0 =
        h0 * kShingleBase + (tokens[i + window - 1] - tokens[i - 1] * base_pow);
    h1 = h1 * kShingleBase + (t1[i + window - 1] - t1[i - 1] * base_pow);
    out[i] = Avalanche(h0 ^ key);
    out1[i] = Avalanche(h1 ^ key);
  }
  for (size_t i = 2 * half; i < count; ++i) {  // count odd: the last one.
    h1 =
        h1 * kShingleBase + (tokens[i + window - 1] - tokens[i - 1] * base_pow);
    out[i] = Avalanche(h1 ^ key);
  }
}
}  // namespace
}  // namespace neardup::internal
#endif  // NEARDUP_TEXT_SHINGLE_KERNELS_ONCE_

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "text/shingle_kernels.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace neardup::internal {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void ShingleHashesOf(const uint64_t* HWY_RESTRICT tokens, size_t num_tokens,
                     size_t window, uint64_t* HWY_RESTRICT out) {
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
  // AVX-512 DQ multiplies 64-bit lanes (vpmullq). Windows [i, i + 8): lane
  // l is sum_j t[i + l + j] P^(w-1-j), by Horner; the loads are the token
  // array shifted by j. 4x the rolled form on M1.
  const size_t count = num_tokens - window + 1;
  const hn::ScalableTag<uint64_t> d;
  const size_t N = hn::Lanes(d);
  const auto base = hn::Set(d, kShingleBase);
  const auto key = hn::Set(d, ShingleKey(window));
  const auto avalanche_mul = hn::Set(d, kAvalancheMul);
  size_t i = 0;
  for (; i + N <= count; i += N) {
    auto h = hn::LoadU(d, tokens + i);
    for (size_t j = 1; j < window; ++j) {
      h = hn::Add(hn::Mul(h, base), hn::LoadU(d, tokens + i + j));
    }
    // Avalanche(h ^ key), as in text/hash.h.
    h = hn::Xor(h, key);
    h = hn::Xor(h, hn::ShiftRight<37>(h));
    h = hn::Mul(h, avalanche_mul);
    h = hn::Xor(h, hn::ShiftRight<32>(h));
    hn::StoreU(h, d, out + i);
  }
  for (; i < count; ++i) out[i] = HashShingleWords(tokens + i, window);
#else
  // Without a 64-bit lane multiply, three 32x32 products per multiply made
  // AVX2 no faster and SSE4 2x slower than the scalar rolled form: keep it.
  // (A vector Avalanche() after the rolled chains on AVX2: no faster.)
  RollAll(tokens, num_tokens, window, out);
#endif
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace neardup::internal
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace neardup::internal {

HWY_EXPORT(ShingleHashesOf);

void ShingleHashesOf(const uint64_t* tokens, size_t num_tokens, size_t window,
                     uint64_t* out) {
  HWY_DYNAMIC_DISPATCH(ShingleHashesOf)(tokens, num_tokens, window, out);
}

}  // namespace neardup::internal
#endif  // HWY_ONCE
