// Copyright 2026 The neardup Authors.
//
// Plain C++ references for the token and shingle hashes of signature format
// v2 (docs/signature-format.md, section 1), written from the document, byte
// by byte and without 128-bit integers, to check text/hash.h and the
// tokenizer's fast path against.

#ifndef NEARDUP_TESTING_SKETCH_REFERENCE_TEXT_H_
#define NEARDUP_TESTING_SKETCH_REFERENCE_TEXT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/types/span.h"

namespace neardup::testing {

// The token hash of an already-normalised word.
uint64_t ReferenceTokenHash(std::string_view normalized_word);

// The shingle hash of a window of token hashes (1 or more).
uint64_t ReferenceShingleHash(absl::Span<const uint64_t> window);

// The tokenizer's byte classes of bytes[0, 64) (bytes.size() <= 64), byte k
// to bit k, bits past the end 0, in the order of internal::ByteClassMasks:
// {A-Z a-z, 0-9, 0x80-0xFF, ', . or ,, \n}.
std::array<uint64_t, 6> ReferenceClassifyBytes(std::string_view bytes);

// The batch word hasher's result (internal::HashAsciiWords): word k is the
// first lens[k] (1..15) bytes of lo[k] then hi[k] (little-endian), ASCII
// letters and digits; `all` gets the token hash of each word lower-cased,
// `content` those of the words that are not in `stopwords` (normalised
// words), byte by byte.
struct ReferenceWordHashes {
  std::vector<uint64_t> all;
  std::vector<uint64_t> content;
};
ReferenceWordHashes ReferenceHashAsciiWords(
    const uint64_t* lo, const uint64_t* hi, const uint32_t* lens, size_t count,
    absl::Span<const std::string_view> stopwords);

// The tokenizer's stage 2 (internal::ScanAsciiWords) for block[0, 80): word
// k starts at the k-th set bit of `starts` and ends at the k-th set bit of
// `lasts`; its 16 bytes from its start (little-endian, two words) and its
// length, bit by bit.
struct ReferenceScannedWord {
  uint64_t lo;
  uint64_t hi;
  uint32_t len;
  bool operator==(const ReferenceScannedWord&) const = default;
};
std::vector<ReferenceScannedWord> ReferenceScanAsciiWords(const uint8_t* block,
                                                          uint64_t starts,
                                                          uint64_t lasts);

}  // namespace neardup::testing

#endif  // NEARDUP_TESTING_SKETCH_REFERENCE_TEXT_H_
