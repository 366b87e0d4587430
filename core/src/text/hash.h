// Copyright 2026 The neardup Authors.
//
// The token and shingle hashes, inlined: XXH3 compiled into the caller
// (XXH_INLINE_ALL) so a 5-byte word costs no call into libxxhash. Include this
// header instead of "xxhash.h" in text/ sources; the results are those of the
// library functions.

#ifndef NEARDUP_TEXT_HASH_H_
#define NEARDUP_TEXT_HASH_H_

#include <cstddef>
#include <cstdint>

#define XXH_INLINE_ALL
#include "xxhash.h"

#include "neardup/shingle.h"
#include "neardup/text.h"

namespace neardup::internal {

inline uint64_t HashTokenBytes(const void* data, size_t size) {
  return XXH3_64bits_withSeed(data, size, kTokenHashSeed);
}

// `words` are little-endian 64-bit token hashes.
inline uint64_t HashShingleWords(const uint64_t* words, size_t count) {
  return XXH3_64bits_withSeed(words, count * sizeof(uint64_t),
                              kShingleHashSeed);
}

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_HASH_H_
