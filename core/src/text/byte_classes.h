// Copyright 2026 The neardup Authors.
//
// The block classifier of the hashes-only tokenizer (tokenize.cc): up to 64
// bytes become bit masks, byte k to bit k, in one SIMD pass
// (byte_classes_kernels.cc, one copy per Highway target, chosen at run time
// as the sketch kernels are). The plain C++ reference is
// testing::ReferenceClassifyBytes (core/testing/sketch_reference_text.h);
// tests/sketch_dispatch_test.cc holds every target to it bit for bit.
//
//   internal::ByteClassMasks m;
//   internal::ClassifyBytes(p, 64, &m);
//   const uint64_t words = m.letter | m.digit;  // Runs of these are words.

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
};

// Classifies bytes [p, p + n), n <= 64. Reads only those bytes. Thread-safe.
void ClassifyBytes(const uint8_t* p, size_t n, ByteClassMasks* out);

// The target's ClassifyBytes() that a call would dispatch to now, for a loop
// that calls it once per block (one indirect call instead of the dispatch
// wrapper's two). Valid until the SIMD target is forced again.
using ClassifyBytesFn = void (*)(const uint8_t*, size_t, ByteClassMasks*);
ClassifyBytesFn ClassifyBytesKernel();

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_BYTE_CLASSES_H_
