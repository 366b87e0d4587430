// Copyright 2026 The neardup Authors.
//
// ClassifyBytes (byte_classes.h), compiled once per Highway target
// (foreach_target.h) and chosen at run time (HWY_DYNAMIC_DISPATCH).

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "internal/hwy_target.h"
#include "text/byte_classes.h"
#include "text/hash.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "text/byte_classes_kernels.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace neardup::internal {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Lanes of v in [lo, lo + span]: v - lo wraps below lo to >= 256 - lo, so
// one unsigned Min tells (u8 has no unsigned compare before AVX-512).
template <class D, class V>
HWY_INLINE auto InRange(D d, V v, uint8_t lo, uint8_t span) {
  const V off = hn::Sub(v, hn::Set(d, lo));
  return hn::Eq(hn::Min(off, hn::Set(d, span)), off);
}

// The masks of the 64 bytes at p (all readable) into *out.
HWY_INLINE void ClassifyBlock(const uint8_t* HWY_RESTRICT p,
                              ByteClassMasks* HWY_RESTRICT out) {
#if HWY_TARGET == HWY_SCALAR
  // One lane a vector: StoreMaskBits would write a byte per bit.
  ByteClassMasks m{};
  for (size_t k = 0; k < 64; ++k) {
    const uint8_t c = p[k];
    const uint64_t bit = uint64_t{1} << k;
    const uint8_t folded = static_cast<uint8_t>(c | 0x20);
    if (folded >= 'a' && folded <= 'z') m.letter |= bit;
    if (c >= '0' && c <= '9') m.digit |= bit;
    if (c >= 0x80) m.non_ascii |= bit;
    if (c == '\'') m.apostrophe |= bit;
    if (c == '.' || c == ',') m.point |= bit;
    if (c == '\n') m.newline |= bit;
  }
  *out = m;
#else
  const hn::ScalableTag<uint8_t> d;
  const hn::RebindToSigned<decltype(d)> di;
  constexpr size_t kN = HWY_LANES(uint8_t);  // 16, 32 or 64: divides 64.
  static_assert(64 % kN == 0 && kN >= 8);
  // StoreMaskBits puts lane k in bit k % 8 of byte k / 8: on a little-endian
  // machine, straight into the masks' bytes (no reload of narrower stores);
  // otherwise through bytes and a little-endian load.
  constexpr bool kDirect = std::endian::native == std::endian::little;
  constexpr uint64_t ByteClassMasks::*kFields[6] = {
      &ByteClassMasks::letter,    &ByteClassMasks::digit,
      &ByteClassMasks::non_ascii, &ByteClassMasks::apostrophe,
      &ByteClassMasks::point,     &ByteClassMasks::newline};
  alignas(8) uint8_t bytes[6][8];
  uint8_t* dst[6];
  for (size_t f = 0; f < 6; ++f) {
    dst[f] =
        kDirect ? reinterpret_cast<uint8_t*>(&(out->*kFields[f])) : bytes[f];
  }
  uint8_t* const letter = dst[0];
  uint8_t* const digit = dst[1];
  uint8_t* const non_ascii = dst[2];
  uint8_t* const apostrophe = dst[3];
  uint8_t* const point = dst[4];
  uint8_t* const newline = dst[5];
  for (size_t k = 0; k < 64; k += kN) {
    const auto v = hn::LoadU(d, p + k);
    // OR-ing 0x20 maps A-Z onto a-z and no other byte into a-z.
    const auto is_letter = InRange(d, hn::Or(v, hn::Set(d, 0x20)), 'a', 25);
    const auto is_digit = InRange(d, v, '0', 9);
    const auto is_high =
        hn::RebindMask(d, hn::Lt(hn::BitCast(di, v), hn::Zero(di)));
    const auto is_apostrophe = hn::Eq(v, hn::Set(d, '\''));
    const auto is_point =
        hn::Or(hn::Eq(v, hn::Set(d, '.')), hn::Eq(v, hn::Set(d, ',')));
    const auto is_newline = hn::Eq(v, hn::Set(d, '\n'));
    hn::StoreMaskBits(d, is_letter, letter + k / 8);
    hn::StoreMaskBits(d, is_digit, digit + k / 8);
    hn::StoreMaskBits(d, is_high, non_ascii + k / 8);
    hn::StoreMaskBits(d, is_apostrophe, apostrophe + k / 8);
    hn::StoreMaskBits(d, is_point, point + k / 8);
    hn::StoreMaskBits(d, is_newline, newline + k / 8);
  }
  if constexpr (!kDirect) {
    for (size_t f = 0; f < 6; ++f) {
      out->*kFields[f] = LoadLittleEndian64(bytes[f]);
    }
  }
#endif
}

void ClassifyBytes(const uint8_t* HWY_RESTRICT p, size_t n,
                   ByteClassMasks* HWY_RESTRICT out) {
  size_t b = 0;
  for (; 64 * b + 64 <= n; ++b) ClassifyBlock(p + 64 * b, out + b);
  const size_t rest = n - 64 * b;
  if (rest != 0) {
    // The last, short block is copied into zeros first: NUL is in no class.
    alignas(64) uint8_t padded[64];
    std::memset(padded, 0, sizeof(padded));
    std::memcpy(padded, p + 64 * b, rest);
    ClassifyBlock(padded, out + b);
  }
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace neardup::internal
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace neardup::internal {

HWY_EXPORT(ClassifyBytes);

void ClassifyBytes(const uint8_t* p, size_t n, ByteClassMasks* out) {
  HWY_DYNAMIC_DISPATCH(ClassifyBytes)(p, n, out);
}

ClassifyBytesFn ClassifyBytesKernel() {
  ChooseSimdTarget();
  return &HWY_DYNAMIC_DISPATCH(ClassifyBytes);
}

}  // namespace neardup::internal
#endif  // HWY_ONCE
