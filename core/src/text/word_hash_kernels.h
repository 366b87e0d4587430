// Copyright 2026 The neardup Authors.
//
// The batch word hasher of the hashes-only tokenizer (tokenize.cc): the
// token hashes (text/hash.h, HashShortWord) of plain ASCII words and their
// stopword flags, 8 words a step on AVX-512 (word_hash_kernels.cc, one copy
// per Highway target, chosen at run time as the sketch kernels are). The
// tokenizer first scans the words of its blocks into arrays of their first
// 16 bytes and lengths (up to 256 words, across lines), then hashes them
// here, instead of hashing each word as its bit scan finds it. On AVX3_DL
// the scan of a block's batch words is a kernel too (ScanAsciiWords). The
// plain C++ references are testing::ReferenceHashAsciiWords and
// testing::ReferenceScanAsciiWords (core/testing/sketch_reference_text.h);
// tests/sketch_dispatch_test.cc holds every target to them bit for bit.
//
// AVX2 hashes 4 words a step (the 64-bit products from 32-bit vpmuludq) and
// probes the stopwords a word at a time. SSE4 and scalar run the same words
// one at a time; the tokenizer does not batch there (AsciiWordBatchPays()),
// since the arrays then only add stores and loads.

#ifndef NEARDUP_TEXT_WORD_HASH_KERNELS_H_
#define NEARDUP_TEXT_WORD_HASH_KERNELS_H_

#include <cstddef>
#include <cstdint>

namespace neardup::internal {

// The stopword table as the kernel reads it: slot of a hash h is
// ((h >> 8) ^ displacement[h & 255]) & 1023; h is a stopword iff
// slots[slot] == h (StopwordTable, text/stopwords.h).
struct StopwordProbe {
  const uint64_t* slots;         // 1024 entries.
  const uint16_t* displacement;  // 256 entries.
};

// Word k (k < count) is lens[k] (1 <= lens[k] <= 15) ASCII letters and
// digits whose first 16 bytes, as read from the text (bytes past the word
// included), are lo[k] and hi[k] (little-endian). Writes HashShortWord() of
// each lower-cased word to all[0, count), the same hashes without the
// stopwords (words of at most 10 bytes whose hash the probe finds) to
// content[0, returned), and returns how many. all and content need room for
// count rounded up to a multiple of 8 (the kernel may write whole vectors;
// content may alias nothing else), and
// lo, hi and lens must be readable to the same rounded count. Thread-safe;
// does not allocate.
size_t HashAsciiWords(const uint64_t* lo, const uint64_t* hi,
                      const uint32_t* lens, size_t count,
                      const StopwordProbe& probe, uint64_t* all,
                      uint64_t* content);

// The target's HashAsciiWords() that a call would dispatch to now (see
// ClassifyBytesKernel()), and whether the tokenizer should batch with it.
using HashAsciiWordsFn = size_t (*)(const uint64_t*, const uint64_t*,
                                    const uint32_t*, size_t,
                                    const StopwordProbe&, uint64_t*, uint64_t*);
HashAsciiWordsFn HashAsciiWordsKernel();
bool AsciiWordBatchPays();

// The tokenizer's stage 2 for one plain ASCII 64-byte block: word k (k <
// popcount(starts)) starts at the k-th set bit of `starts` and ends at the
// k-th set bit of `lasts` (same popcount, at most 32, each start at or before
// its last). Writes the 16 bytes from each word's start (block + start, 80
// readable bytes at block) to lo[k], hi[k] and its length to lens[k], and
// returns the count. lo, hi and lens need room for 32 entries. Null from
// ScanAsciiWordsKernel() when the target has no vector form (then the
// tokenizer's own bit scan does it).
using ScanAsciiWordsFn = size_t (*)(const uint8_t*, uint64_t, uint64_t,
                                    uint64_t*, uint64_t*, uint32_t*);
ScanAsciiWordsFn ScanAsciiWordsKernel();
size_t ScanAsciiWords(const uint8_t* block, uint64_t starts, uint64_t lasts,
                      uint64_t* lo, uint64_t* hi, uint32_t* lens);

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_WORD_HASH_KERNELS_H_
