// Copyright 2026 The neardup Authors.
//
// Plain C++ references for the token and shingle hashes of signature format
// v2 (docs/signature-format.md, section 1), written from the document, byte
// by byte and without 128-bit integers, to check text/hash.h and the
// tokenizer's fast path against.

#ifndef NEARDUP_TESTING_SKETCH_REFERENCE_TEXT_H_
#define NEARDUP_TESTING_SKETCH_REFERENCE_TEXT_H_

#include <cstdint>
#include <string_view>

#include "absl/types/span.h"

namespace neardup::testing {

// The token hash of an already-normalised word.
uint64_t ReferenceTokenHash(std::string_view normalized_word);

// The shingle hash of a window of token hashes (1 or more).
uint64_t ReferenceShingleHash(absl::Span<const uint64_t> window);

}  // namespace neardup::testing

#endif  // NEARDUP_TESTING_SKETCH_REFERENCE_TEXT_H_
