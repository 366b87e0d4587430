// Copyright 2026 The neardup Authors.
//
// The token and shingle hashes of signature format v2
// (docs/signature-format.md), inlined into their callers. Every token and
// shingle hash in the library comes from here.
//
// Token hash. A normalised word of at most 16 bytes (nearly every word) is
// read as two little-endian 64-bit words `lo` (bytes 0..7) and `hi` (bytes
// 8..15), zero-padded, and hashed with one 64x64->128 multiply, folded
// ("mum", as in wyhash), then XXH3's avalanche:
//
//   h = Avalanche(Fold((lo ^ kTokenKey0) * (hi ^ kTokenKey1)) ^ len * kLenMul)
//
// The low byte of both keys is zero and a word's first byte never is (NUL is
// a separator), so neither factor can be zero. Longer words use XXH3-64 with
// kTokenHashSeed. The tokenizer's ASCII fast path has `lo` and `hi` in
// registers already and calls HashShortWord() directly.
//
// Shingle hash. A window of w token hashes t_0..t_{w-1} is a polynomial in
// P mod 2^64 (Karp & Rabin 1987), finished by the same avalanche with a
// per-window-size key:
//
//   H = sum_j t_j * P^(w-1-j);   shingle = Avalanche(H ^ ShingleKey(w))
//
// P = 0x9e3779b97f4a7c13 is odd with P = 3 (mod 8), so P^m - 1 has few
// factors of 2 for m < 16: two windows that hold the same random token hashes
// in a different order collide with probability <= 2^-59.

#ifndef NEARDUP_TEXT_HASH_H_
#define NEARDUP_TEXT_HASH_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#define XXH_INLINE_ALL
#include "xxhash.h"

#include "neardup/shingle.h"
#include "neardup/text.h"

namespace neardup::internal {

// SplitMix64's output function (Steele, Lea & Flood 2014), for constants.
constexpr uint64_t SplitMix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Keys of the short-word token hash: derived from kTokenHashSeed, low byte
// cleared (see above).
inline constexpr uint64_t kTokenKey0 =
    SplitMix64(kTokenHashSeed) & ~uint64_t{0xFF};
inline constexpr uint64_t kTokenKey1 =
    SplitMix64(kTokenHashSeed + 1) & ~uint64_t{0xFF};
inline constexpr uint64_t kTokenLenMul = 0x9fb21c651e98df25ULL;
// The shingle polynomial's base.
inline constexpr uint64_t kShingleBase = 0x9e3779b97f4a7c13ULL;

// XXH3's final mixer (XXH3_avalanche in xxhash.h); SIMD kernels repeat it
// lane-wise with the same multiplier.
inline constexpr uint64_t kAvalancheMul = 0x165667919E3779F9ULL;
inline uint64_t Avalanche(uint64_t h) {
  h ^= h >> 37;
  h *= kAvalancheMul;
  return h ^ (h >> 32);
}

// The low and high halves of a * b, xor-ed.
inline uint64_t MulFold(uint64_t a, uint64_t b) {
#if defined(__SIZEOF_INT128__)
  const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(p) ^ static_cast<uint64_t>(p >> 64);
#else
  const uint64_t a_lo = a & 0xFFFFFFFF, a_hi = a >> 32;
  const uint64_t b_lo = b & 0xFFFFFFFF, b_hi = b >> 32;
  const uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo;
  const uint64_t hh = a_hi * b_hi;
  const uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFF) + (hl & 0xFFFFFFFF);
  const uint64_t lo = (mid << 32) | (ll & 0xFFFFFFFF);
  const uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
  return lo ^ hi;
#endif
}

// The token hash of a word of `len` <= 16 bytes given as its zero-padded
// little-endian halves.
inline uint64_t HashShortWord(uint64_t lo, uint64_t hi, size_t len) {
  return Avalanche(MulFold(lo ^ kTokenKey0, hi ^ kTokenKey1) ^
                   (static_cast<uint64_t>(len) * kTokenLenMul));
}

// Little-endian load of 8 bytes: byte k of p is bits 8k..8k+7.
inline uint64_t LoadLittleEndian64(const uint8_t* p) {
  uint64_t x;
  std::memcpy(&x, p, sizeof(x));
  if constexpr (std::endian::native == std::endian::big) {
    x = __builtin_bswap64(x);
  }
  return x;
}

// Little-endian load of size (<= 8) bytes, zero-padded.
inline uint64_t LoadPartialLittleEndian(const uint8_t* p, size_t size) {
  uint8_t buf[8] = {};
  std::memcpy(buf, p, size);
  return LoadLittleEndian64(buf);
}

// TokenHash() of the normalised bytes [data, data + size).
inline uint64_t HashTokenBytes(const void* data, size_t size) {
  const auto* p = static_cast<const uint8_t*>(data);
  if (size <= 16) {
    const size_t lo_size = size < 8 ? size : 8;
    return HashShortWord(LoadPartialLittleEndian(p, lo_size),
                         LoadPartialLittleEndian(p + lo_size, size - lo_size),
                         size);
  }
  return XXH3_64bits_withSeed(data, size, kTokenHashSeed);
}

// The key that finishes a shingle of `window` tokens.
inline uint64_t ShingleKey(size_t window) {
  return SplitMix64(kShingleHashSeed + window);
}

// The shingle hash of `count` token hashes (the definition; ShingleHashes()
// computes the same values window after window).
inline uint64_t HashShingleWords(const uint64_t* words, size_t count) {
  uint64_t h = 0;
  for (size_t j = 0; j < count; ++j) h = h * kShingleBase + words[j];
  return Avalanche(h ^ ShingleKey(count));
}

// The shingle hashes of the windows of `window` (>= 1) tokens over
// num_tokens >= window token hashes, token_hash(i) giving the i-th, into
// out[0, num_tokens - window + 1): HashShingleWords() of each window, rolled.
// With H_i = sum_j t_{i+j} P^(w-1-j),  H_{i+1} = H_i P - t_i P^w + t_{i+w}:
// the only serial dependency is one multiply and one add per window.
template <class TokenHashAt>
inline void RollShingleHashes(size_t num_tokens, size_t window,
                              TokenHashAt token_hash, uint64_t* out) {
  const size_t count = num_tokens - window + 1;
  uint64_t base_pow = 1;  // P^w
  for (size_t j = 0; j < window; ++j) base_pow *= kShingleBase;
  const uint64_t key = ShingleKey(window);
  uint64_t h = 0;
  for (size_t j = 0; j < window; ++j) h = h * kShingleBase + token_hash(j);
  out[0] = Avalanche(h ^ key);
  for (size_t i = 1; i < count; ++i) {
    h = h * kShingleBase +
        (token_hash(i + window - 1) - token_hash(i - 1) * base_pow);
    out[i] = Avalanche(h ^ key);
  }
}

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_HASH_H_
