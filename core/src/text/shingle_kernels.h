// Copyright 2026 The neardup Authors.
//
// The shingle hashes of a document's token hashes (shingle_kernels.cc, one
// copy per Highway target, chosen at run time). The same values as
// internal::RollShingleHashes() (text/hash.h), whose rolled form has a
// serial multiply-add per window; on AVX-512 every window is its own Horner
// polynomial, 8 windows a step, so the lanes do not wait on each other.
// Other targets roll (no 64-bit lane multiply there), as two chains side
// by side.
// tests/sketch_dispatch_test.cc holds every target to
// testing::ReferenceShingleHash bit for bit.

#ifndef NEARDUP_TEXT_SHINGLE_KERNELS_H_
#define NEARDUP_TEXT_SHINGLE_KERNELS_H_

#include <cstddef>
#include <cstdint>

namespace neardup::internal {

// out[i] = HashShingleWords(tokens + i, window) for i in
// [0, num_tokens - window + 1); 1 <= window <= num_tokens. Thread-safe; does
// not allocate.
void ShingleHashesOf(const uint64_t* tokens, size_t num_tokens, size_t window,
                     uint64_t* out);

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_SHINGLE_KERNELS_H_
