// Copyright 2026 The neardup Authors.
//
// Fuzzes shared-passage alignment. The first byte picks the options, the rest
// is split at the first 0xFF byte (or in the middle) into texts a and b.
// Checks the documented contract: passages in order of a, no overlap in a or
// in b, token and byte ranges inside both texts, at least min_words matched
// words, and coverages in [0, 1].

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "neardup/align.h"
#include "neardup/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  neardup::AlignOptions options;
  options.seed_words = 1 + (data[0] & 3);
  options.max_gap = (data[0] >> 2) & 7;
  options.min_words = 1 + ((data[0] >> 5) & 7);
  const std::string_view input(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  size_t cut = input.find('\xff');
  const bool marked = cut != std::string_view::npos;
  if (!marked) cut = input.size() / 2;
  const std::string_view a = input.substr(0, cut);
  const std::string_view b = input.substr(marked ? cut + 1 : cut);

  const neardup::TokenizedText ta =
      neardup::Tokenize(a, {.skip_boilerplate = false});
  const neardup::TokenizedText tb =
      neardup::Tokenize(b, {.skip_boilerplate = false});
  const std::vector<neardup::Passage> passages =
      neardup::AlignPassages(ta.tokens, tb.tokens, options);
  const std::vector<neardup::Passage> self =
      neardup::AlignPassages(ta.tokens, ta.tokens, options);
  (void)self;

  uint32_t a_end = 0;
  std::vector<std::pair<uint32_t, uint32_t>> b_ranges;
  for (const neardup::Passage& p : passages) {
    if (p.a_first >= p.a_last || p.a_last > ta.tokens.size()) __builtin_trap();
    if (p.b_first >= p.b_last || p.b_last > tb.tokens.size()) __builtin_trap();
    if (p.a_first < a_end) __builtin_trap();  // Ordered, no overlap in a.
    a_end = p.a_last;
    for (const auto& [first, last] : b_ranges) {
      if (p.b_first < last && first < p.b_last) __builtin_trap();
    }
    b_ranges.emplace_back(p.b_first, p.b_last);
    if (p.matched < static_cast<uint32_t>(options.min_words)) __builtin_trap();
    if (p.matched > p.a_last - p.a_first || p.matched > p.b_last - p.b_first) {
      __builtin_trap();
    }
    if (p.a.begin != ta.tokens[p.a_first].begin ||
        p.a.end != ta.tokens[p.a_last - 1].end ||
        p.b.begin != tb.tokens[p.b_first].begin ||
        p.b.end != tb.tokens[p.b_last - 1].end) {
      __builtin_trap();
    }
  }
  const double ca = neardup::CoverageOfA(passages, ta.tokens.size());
  const double cb = neardup::CoverageOfB(passages, tb.tokens.size());
  if (!(ca >= 0 && ca <= 1) || !(cb >= 0 && cb <= 1)) __builtin_trap();
  return 0;
}
