// Copyright 2026 The neardup Authors.
//
// HashAsciiWords (word_hash_kernels.h), compiled once per Highway target
// (foreach_target.h) and chosen at run time (HWY_DYNAMIC_DISPATCH).

#include "text/word_hash_kernels.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "internal/hwy_target.h"
#include "text/hash.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "text/word_hash_kernels.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace neardup::internal {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#undef NEARDUP_WORD_HASH_VECTOR
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
#define NEARDUP_WORD_HASH_VECTOR 1
#else
#define NEARDUP_WORD_HASH_VECTOR 0
#endif

bool AsciiWordBatchPays() {
  return NEARDUP_WORD_HASH_VECTOR != 0 || HWY_TARGET == HWY_AVX2;
}

size_t HashAsciiWords(const uint64_t* HWY_RESTRICT lo,
                      const uint64_t* HWY_RESTRICT hi,
                      const uint32_t* HWY_RESTRICT lens, size_t count,
                      const StopwordProbe& probe, uint64_t* HWY_RESTRICT all,
                      uint64_t* HWY_RESTRICT content) {
  const uint64_t* HWY_RESTRICT const slots = probe.slots;
  const uint16_t* HWY_RESTRICT const displacement = probe.displacement;
  size_t num_content = 0;
#if NEARDUP_WORD_HASH_VECTOR
  // 8 words a step, as HashShortWord() defines their hash: the halves
  // lower-cased (| 0x20: letters gain it, digits have it) and cut to the
  // length; the 64x64->128 product from four 32x32->64 ones (vpmuludq),
  // folded; the length term and the avalanche with vpmullq. Then the
  // stopword probe: the 256 displacements live in 8 registers (vpermi2w on
  // bits 0-5 of the hash, blends on bits 6 and 7), the slot is one gather.
  // Lanes past `count` compute values that are not kept.
  const hn::ScalableTag<uint64_t> d;
  const hn::RebindToSigned<decltype(d)> di;
  const hn::Repartition<uint32_t, decltype(d)> d32;
  const hn::Rebind<uint32_t, decltype(d)> d32h;  // 8 lanes, half a vector.
  constexpr size_t N = HWY_LANES(uint64_t);
  static_assert(N == 8, "AVX-512: 8 words a step");
  const auto lower = hn::Set(d, 0x2020202020202020ULL);
  const auto ones = hn::Set(d, ~uint64_t{0});
  const auto key0 = hn::Set(d, kTokenKey0);
  const auto key1 = hn::Set(d, kTokenKey1);
  const auto len_mul = hn::Set(d, kTokenLenMul);
  const auto avalanche_mul = hn::Set(d, kAvalancheMul);
  const auto low32 = hn::Set(d, 0xFFFFFFFFULL);
  const auto seven = hn::Set(d, 7);
  const auto eight = hn::Set(d, 8);
  const auto eleven = hn::Set(d, 11);
  const auto low16 = hn::Set(d, 0xFFFF);
  const auto slot_mask = hn::Set(d, 1023);
  const __m512i bit6 = _mm512_set1_epi64(64);
  const __m512i bit7 = _mm512_set1_epi64(128);
  // Displacements 64j .. 64j + 63 are the pair t[2j], t[2j + 1].
  __m512i t[8];
  for (int r = 0; r < 8; ++r) t[r] = _mm512_loadu_si512(displacement + 32 * r);
  for (size_t k = 0; k < count; k += N) {
    const auto len = hn::PromoteTo(d, hn::LoadU(d32h, lens + k));
    // Bytes of the word in each half: lo keeps min(len, 8) bytes, hi the
    // len - 8 past them (none when len <= 8). The lanes whose shift count
    // is 64 or more are replaced.
    const auto bits = hn::ShiftLeft<3>(len);
    const auto lo_mask = hn::IfThenElse(
        hn::Gt(len, seven), ones, hn::Shr(ones, hn::Sub(hn::Set(d, 64), bits)));
    const auto hi_mask = hn::IfThenElseZero(
        hn::Gt(len, eight), hn::Shr(ones, hn::Sub(hn::Set(d, 128), bits)));
    const auto a =
        hn::Xor(hn::And(hn::Or(hn::LoadU(d, lo + k), lower), lo_mask), key0);
    const auto b =
        hn::Xor(hn::And(hn::Or(hn::LoadU(d, hi + k), lower), hi_mask), key1);
    // The 128-bit product a * b, as in MulFold()'s portable form.
    const auto a_hi = hn::ShiftRight<32>(a);
    const auto b_hi = hn::ShiftRight<32>(b);
    const auto ll = hn::MulEven(hn::BitCast(d32, a), hn::BitCast(d32, b));
    const auto lh = hn::MulEven(hn::BitCast(d32, a), hn::BitCast(d32, b_hi));
    const auto hl = hn::MulEven(hn::BitCast(d32, a_hi), hn::BitCast(d32, b));
    const auto hh = hn::MulEven(hn::BitCast(d32, a_hi), hn::BitCast(d32, b_hi));
    const auto mid =
        hn::Add(hn::Add(hn::ShiftRight<32>(ll), hn::And(lh, low32)),
                hn::And(hl, low32));
    const auto prod_lo = hn::Or(hn::ShiftLeft<32>(mid), hn::And(ll, low32));
    const auto prod_hi =
        hn::Add(hn::Add(hh, hn::ShiftRight<32>(lh)),
                hn::Add(hn::ShiftRight<32>(hl), hn::ShiftRight<32>(mid)));
    auto h = hn::Xor(hn::Xor(prod_lo, prod_hi), hn::Mul(len, len_mul));
    // Avalanche(), as in text/hash.h.
    h = hn::Xor(h, hn::ShiftRight<37>(h));
    h = hn::Mul(h, avalanche_mul);
    h = hn::Xor(h, hn::ShiftRight<32>(h));
    hn::StoreU(h, d, all + k);
    // displacement[h & 255] in the low 16 bits of each lane (vpermi2w reads
    // bits 0-5 of every 16-bit index; only each lane's lowest one is kept).
    const __m512i r0 = _mm512_permutex2var_epi16(t[0], h.raw, t[1]);
    const __m512i r1 = _mm512_permutex2var_epi16(t[2], h.raw, t[3]);
    const __m512i r2 = _mm512_permutex2var_epi16(t[4], h.raw, t[5]);
    const __m512i r3 = _mm512_permutex2var_epi16(t[6], h.raw, t[7]);
    const __mmask8 b6 = _mm512_test_epi64_mask(h.raw, bit6);
    const __mmask8 b7 = _mm512_test_epi64_mask(h.raw, bit7);
    const hn::Vec<decltype(d)> picked{
        _mm512_mask_blend_epi64(b7, _mm512_mask_blend_epi64(b6, r0, r1),
                                _mm512_mask_blend_epi64(b6, r2, r3))};
    const auto slot = hn::And(
        hn::Xor(hn::ShiftRight<8>(h), hn::And(picked, low16)), slot_mask);
    const auto found = hn::GatherIndex(d, slots, hn::BitCast(di, slot));
    const auto keep = hn::AndNot(hn::And(hn::Eq(found, h), hn::Lt(len, eleven)),
                                 hn::FirstN(d, count - k));
    // Compressed in a register and stored whole: vpcompressq to memory is
    // slow on some CPUs, and Highway 1.0.3's Compress() of 64-bit lanes
    // rebuilds a table on the stack at every call.
    const hn::Vec<decltype(d)> kept{
        _mm512_maskz_compress_epi64(keep.raw, h.raw)};
    hn::StoreU(kept, d, content + num_content);
    num_content += hn::CountTrue(d, keep);
  }
#elif HWY_TARGET == HWY_AVX2
  // 4 words a step, as above but without a 64-bit lane multiply: the
  // length term (len < 16) from two vpmuludq, the avalanche's product from
  // three. vpsrlvq gives 0 for shift counts of 64 or more, which makes the
  // byte masks of both halves one shift each.
  const __m256i lower = _mm256_set1_epi64x(0x2020202020202020LL);
  const __m256i ones = _mm256_set1_epi64x(-1);
  const __m256i key0 = _mm256_set1_epi64x(static_cast<int64_t>(kTokenKey0));
  const __m256i key1 = _mm256_set1_epi64x(static_cast<int64_t>(kTokenKey1));
  const __m256i len_mul_lo = _mm256_set1_epi64x(kTokenLenMul & 0xFFFFFFFF);
  const __m256i len_mul_hi = _mm256_set1_epi64x(kTokenLenMul >> 32);
  const __m256i av_lo = _mm256_set1_epi64x(kAvalancheMul & 0xFFFFFFFF);
  const __m256i av_hi = _mm256_set1_epi64x(kAvalancheMul >> 32);
  const __m256i c64 = _mm256_set1_epi64x(64);
  const __m256i c128 = _mm256_set1_epi64x(128);
  for (size_t k = 0; k < count; k += 4) {
    const __m256i len = _mm256_cvtepu32_epi64(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(lens + k)));
    const __m256i bits = _mm256_slli_epi64(len, 3);
    // lo keeps min(len, 8) bytes (32-bit min: the lanes' high halves are
    // 0), hi the len - 8 past them.
    const __m256i lo_mask = _mm256_srlv_epi64(
        ones, _mm256_sub_epi64(c64, _mm256_min_epu32(bits, c64)));
    const __m256i hi_mask =
        _mm256_srlv_epi64(ones, _mm256_sub_epi64(c128, bits));
    // A half lower-cased, cut to its bytes and keyed.
    const auto half = [&](const uint64_t* p, __m256i mask, __m256i key) {
      const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
      return _mm256_xor_si256(_mm256_and_si256(_mm256_or_si256(x, lower), mask),
                              key);
    };
    const __m256i a = half(lo + k, lo_mask, key0);
    const __m256i b = half(hi + k, hi_mask, key1);
    // The 128-bit product a * b, as in MulFold()'s portable form.
    const __m256i a_hi = _mm256_srli_epi64(a, 32);
    const __m256i b_hi = _mm256_srli_epi64(b, 32);
    const __m256i ll = _mm256_mul_epu32(a, b);
    const __m256i lh = _mm256_mul_epu32(a, b_hi);
    const __m256i hl = _mm256_mul_epu32(a_hi, b);
    const __m256i hh = _mm256_mul_epu32(a_hi, b_hi);
    const __m256i mid = _mm256_add_epi64(
        _mm256_add_epi64(_mm256_srli_epi64(ll, 32),
                         _mm256_blend_epi32(lh, _mm256_setzero_si256(), 0xAA)),
        _mm256_blend_epi32(hl, _mm256_setzero_si256(), 0xAA));
    const __m256i prod_lo =
        _mm256_blend_epi32(ll, _mm256_slli_epi64(mid, 32), 0xAA);
    const __m256i prod_hi =
        _mm256_add_epi64(_mm256_add_epi64(hh, _mm256_srli_epi64(lh, 32)),
                         _mm256_add_epi64(_mm256_srli_epi64(hl, 32),
                                          _mm256_srli_epi64(mid, 32)));
    const __m256i len_term = _mm256_add_epi64(
        _mm256_mul_epu32(len, len_mul_lo),
        _mm256_slli_epi64(_mm256_mul_epu32(len, len_mul_hi), 32));
    __m256i h = _mm256_xor_si256(_mm256_xor_si256(prod_lo, prod_hi), len_term);
    // Avalanche(), as in text/hash.h.
    h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 37));
    const __m256i cross =
        _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(h, 32), av_lo),
                         _mm256_mul_epu32(h, av_hi));
    h = _mm256_add_epi64(_mm256_mul_epu32(h, av_lo),
                         _mm256_slli_epi64(cross, 32));
    h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 32));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(all + k), h);
  }
  // The stopword probe, a word at a time after the hashes (two dependent
  // loads): two gathers (displacement, slot) a step were no faster, and
  // the same probe inside the vector loop slower.
  for (size_t k = 0; k < count; ++k) {
    const uint64_t h = all[k];
    const size_t slot = ((h >> 8) ^ displacement[h & 255]) & 1023;
    const bool stopword = (lens[k] <= 10) & (slots[slot] == h);
    content[num_content] = h;
    num_content += !stopword;
  }
#else
  for (size_t k = 0; k < count; ++k) {
    const size_t n = lens[k];
    const uint64_t lo_mask = ~uint64_t{0} >> (64 - 8 * (n < 8 ? n : 8));
    const uint64_t hi_mask = n > 8 ? ~uint64_t{0} >> (128 - 8 * n) : 0;
    const uint64_t h =
        HashShortWord((lo[k] | 0x2020202020202020ULL) & lo_mask,
                      (hi[k] | 0x2020202020202020ULL) & hi_mask, n);
    const size_t slot = ((h >> 8) ^ displacement[h & 255]) & 1023;
    const bool stopword = (n <= 10) & (slots[slot] == h);
    all[k] = h;
    content[num_content] = h;
    num_content += !stopword;
  }
#endif
  return num_content;
}

// True when this target's ScanAsciiWords() is the vector form, the one
// ScanAsciiWordsKernel() hands the tokenizer.
bool ScanAsciiWordsVector() { return HWY_TARGET == HWY_AVX3_DL; }

size_t ScanAsciiWords(const uint8_t* HWY_RESTRICT block, uint64_t starts,
                      uint64_t lasts, uint64_t* HWY_RESTRICT lo,
                      uint64_t* HWY_RESTRICT hi, uint32_t* HWY_RESTRICT lens) {
  const size_t count = static_cast<size_t>(__builtin_popcountll(starts));
#if HWY_TARGET == HWY_AVX3_DL
  // The byte indices of the starts and lasts, compressed (vpcompressb); the
  // 16 bytes of word k are bytes s_k .. s_k + 15 of the block's 80 (two
  // registers, vpermi2b), 8 words a register.
  const __m512i iota = _mm512_set_epi8(
      63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46,
      45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28,
      27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9,
      8, 7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i s = _mm512_maskz_compress_epi8(starts, iota);
  const __m512i l = _mm512_maskz_compress_epi8(lasts, iota);
  const __m512i len =
      _mm512_sub_epi8(_mm512_add_epi8(l, _mm512_set1_epi8(1)), s);
  _mm512_storeu_si512(lens, _mm512_cvtepu8_epi32(_mm512_castsi512_si128(len)));
  if (count > 16) {
    _mm512_storeu_si512(
        lens + 16, _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(len, 1)));
  }
  const __m512i b0 = _mm512_loadu_si512(block);
  const __m512i b1 = _mm512_maskz_loadu_epi8(0xFFFF, block + 64);
  // Byte 8k + j of group q: start 8q + k, plus j.
  const __m512i spread = _mm512_set_epi64(
      0x0707070707070707, 0x0606060606060606, 0x0505050505050505,
      0x0404040404040404, 0x0303030303030303, 0x0202020202020202,
      0x0101010101010101, 0);
  const __m512i within = _mm512_set1_epi64(0x0706050403020100);
  const __m512i eight = _mm512_set1_epi8(8);
  for (size_t q = 0; 8 * q < count; ++q) {
    const __m512i group =
        _mm512_add_epi8(spread, _mm512_set1_epi8(static_cast<char>(8 * q)));
    const __m512i idx =
        _mm512_add_epi8(_mm512_permutexvar_epi8(group, s), within);
    _mm512_storeu_si512(lo + 8 * q, _mm512_permutex2var_epi8(b0, idx, b1));
    _mm512_storeu_si512(hi + 8 * q, _mm512_permutex2var_epi8(
                                        b0, _mm512_add_epi8(idx, eight), b1));
  }
#else
  for (size_t k = 0; k < count; ++k) {
    const unsigned s = static_cast<unsigned>(__builtin_ctzll(starts));
    uint64_t a, b;
    std::memcpy(&a, block + s, 8);
    std::memcpy(&b, block + s + 8, 8);
    lo[k] = a;
    hi[k] = b;
    lens[k] = static_cast<uint32_t>(__builtin_ctzll(lasts)) + 1 - s;
    starts &= starts - 1;
    lasts &= lasts - 1;
  }
#endif
  return count;
}

// NOLINTNEXTLINE(google-readability-namespace-comments)
}  // namespace HWY_NAMESPACE
}  // namespace neardup::internal
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace neardup::internal {

HWY_EXPORT(HashAsciiWords);
HWY_EXPORT(AsciiWordBatchPays);
HWY_EXPORT(ScanAsciiWords);
HWY_EXPORT(ScanAsciiWordsVector);

size_t ScanAsciiWords(const uint8_t* block, uint64_t starts, uint64_t lasts,
                      uint64_t* lo, uint64_t* hi, uint32_t* lens) {
  return HWY_DYNAMIC_DISPATCH(ScanAsciiWords)(block, starts, lasts, lo, hi,
                                              lens);
}

ScanAsciiWordsFn ScanAsciiWordsKernel() {
  ChooseSimdTarget();
  return HWY_DYNAMIC_DISPATCH(ScanAsciiWordsVector)()
             ? &HWY_DYNAMIC_DISPATCH(ScanAsciiWords)
             : nullptr;
}

size_t HashAsciiWords(const uint64_t* lo, const uint64_t* hi,
                      const uint32_t* lens, size_t count,
                      const StopwordProbe& probe, uint64_t* all,
                      uint64_t* content) {
  return HWY_DYNAMIC_DISPATCH(HashAsciiWords)(lo, hi, lens, count, probe, all,
                                              content);
}

HashAsciiWordsFn HashAsciiWordsKernel() {
  ChooseSimdTarget();
  return &HWY_DYNAMIC_DISPATCH(HashAsciiWords);
}

bool AsciiWordBatchPays() {
  ChooseSimdTarget();
  return HWY_DYNAMIC_DISPATCH(AsciiWordBatchPays)();
}

}  // namespace neardup::internal
#endif  // HWY_ONCE
