// Copyright 2026 The neardup Authors.
//
// English function words ("the", "of", "would", ...), looked up by token hash.
// The list lives in stopwords.cc; it is hashed once, on first use.

#ifndef NEARDUP_TEXT_STOPWORDS_H_
#define NEARDUP_TEXT_STOPWORDS_H_

#include <cstdint>
#include <string_view>

#include "absl/types/span.h"

namespace neardup::internal {

// True when `token_hash` is the TokenHash() of a stopword. O(1), no
// allocation, thread-safe.
bool IsStopword(uint64_t token_hash);

// The stopword list, normalised (lower case, ASCII apostrophes), in a stable
// order. For tests and documentation.
absl::Span<const std::string_view> Stopwords();

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_STOPWORDS_H_
