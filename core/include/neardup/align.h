// Copyright 2026 The neardup Authors.
//
// Shared passages: where two texts share wording, as aligned spans with byte
// offsets into both originals.
//
//   neardup::TokenizedText a = neardup::Tokenize(doc_a.text);
//   neardup::TokenizedText b = neardup::Tokenize(doc_b.text);
//   for (const neardup::Passage& p : neardup::AlignPassages(a.tokens,
//                                                           b.tokens)) {
//     // doc_a.text[p.a.begin, p.a.end) is shared with doc_b.text[p.b...).
//   }
//
// Seed and extend, as text-reuse tools (passim, WCopyfind) do: word n-gram
// seeds common to both texts anchor a match; a match extends word by word
// along both texts and bridges small gaps (a changed, inserted or deleted
// word or a few) when the texts agree again within `max_gap` words. Seeds
// that occur too often in b (boilerplate, repeated phrases) are ignored.
//
// Thread-safe; allocates only its result. Time is about linear in the text
// lengths plus the number of seed hits.

#ifndef NEARDUP_ALIGN_H_
#define NEARDUP_ALIGN_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

#include "neardup/text.h"

namespace neardup {

struct AlignOptions {
  int seed_words = 3;      // Words in a seed n-gram, >= 1.
  int max_gap = 4;         // Longest run of unmatched words bridged.
  int min_words = 6;       // Shortest passage kept, in matched words.
  int max_seed_hits = 16;  // Seeds occurring more often in b are skipped.
};

// A passage shared by texts a and b.
struct Passage {
  ByteSpan a;            // Bytes of the passage in text a.
  ByteSpan b;            // Bytes of the passage in text b.
  uint32_t a_first = 0;  // Token range in a: [a_first, a_last).
  uint32_t a_last = 0;
  uint32_t b_first = 0;  // Token range in b.
  uint32_t b_last = 0;
  uint32_t matched = 0;  // Words matched exactly (the rest are gaps).
};

// The passages a and b share, in order of their position in a, without
// overlap in a or in b. Empty when either text is empty.
std::vector<Passage> AlignPassages(absl::Span<const Token> a,
                                   absl::Span<const Token> b,
                                   const AlignOptions& options = {});

// Share of a's tokens that lie inside `passages` (0 when a is empty).
double CoverageOfA(absl::Span<const Passage> passages, size_t a_tokens);
// Share of b's tokens that lie inside `passages`.
double CoverageOfB(absl::Span<const Passage> passages, size_t b_tokens);

}  // namespace neardup

#endif  // NEARDUP_ALIGN_H_
