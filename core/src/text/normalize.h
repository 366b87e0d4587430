// Copyright 2026 The neardup Authors.
//
// Per-word normalisation for the tokenizer's non-ASCII path.

#ifndef NEARDUP_TEXT_NORMALIZE_H_
#define NEARDUP_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace neardup::internal {

// Appends the normalised form of one valid UTF-8 word to *out: NFKC, case
// folding, default-ignorable code points dropped, U+2019 mapped to an ASCII
// apostrophe.
void NormalizeWord(std::string_view word, std::string* out);

// TokenHash() of NormalizeWord(word). Allocates only for words longer than
// 64 code points.
uint64_t HashWord(std::string_view word);

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_NORMALIZE_H_
