// Copyright 2026 The neardup Authors.
//
// The byte classifier of the hashes-only tokenizer (tokenize.cc): text becomes
// bit masks, one set per 64-byte block, byte 64b + k to bit k of block b, in
// one SIMD pass over the whole span (byte_classes_kernels.cc, one copy per
// Highway target, chosen at run time as the sketch kernels are). The
// tokenizer classifies a few KB at a time and then walks the masks. The plain
// C++ reference is testing::ReferenceClassifyBytes
// (core/testing/sketch_reference_text.h); tests/sketch_dispatch_test.cc holds
// every target to it bit for bit.
//
//   internal::ByteClassMasks m[2];
//   internal::ClassifyBytes(p, 100, m);  // Bytes 0-63, then 64-99.
//   const uint64_t words = m[0].letter | m[0].digit;  // Runs are words.

#ifndef NEARDUP_TEXT_BYTE_CLASSES_H_
#define NEARDUP_TEXT_BYTE_CLASSES_H_

#include <cstddef>
#include <cstdint>

namespace neardup::internal {

// Bit k of each mask stands for byte k of the block; bits at and past the
// block's length are 0.
struct ByteClassMasks {
  uint64_t letter;      // A-Z a-z
  uint64_t digit;       // 0-9
  uint64_t non_ascii;   // 0x80-0xFF
  uint64_t apostrophe;  // '
  uint64_t point;       // . ,
  uint64_t newline;     // \n
};

// Classifies bytes [p, p + n) into out[0, ceil(n / 64)): out[b] stands for
// bytes [64b, 64b + 64); in the last block, the bits past n are 0. Reads only
// those bytes. Thread-safe.
void ClassifyBytes(const uint8_t* p, size_t n, ByteClassMasks* out);

// The target's ClassifyBytes() that a call would dispatch to now, for a
// caller that calls it more than once (one indirect call instead of the
// dispatch wrapper's two). Valid until the SIMD target is forced again.
using ClassifyBytesFn = void (*)(const uint8_t*, size_t, ByteClassMasks*);
ClassifyBytesFn ClassifyBytesKernel();

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_BYTE_CLASSES_H_
