// Copyright 2026 The neardup Authors.

#include "store/cite_filter.h"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace neardup::internal {
namespace {

// The anchor words, lower case. An ASCII token equals one of them exactly
// when its bytes, lower-cased, do (the tokenizer only lower-cases ASCII
// words), so a case-insensitive substring search finds every such token.
constexpr std::string_view kAnchors[] = {"according", "report", "citing",
                                         "told"};

// `text` at `at` equals `word` (lower case ASCII letters), ignoring case.
bool MatchesAt(std::string_view text, size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (size_t j = 0; j < word.size(); ++j) {
    // OR 0x20 lower-cases letters; a non-letter byte that it maps onto a
    // letter only makes a false positive, never a miss.
    if ((static_cast<unsigned char>(text[at + j]) | 0x20) !=
        static_cast<unsigned char>(word[j])) {
      return false;
    }
  }
  return true;
}

// The first three bytes of a word, lower case, as a little-endian integer.
constexpr uint32_t Prefix3(std::string_view w) {
  return static_cast<uint32_t>(static_cast<unsigned char>(w[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(w[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(w[2])) << 16;
}

}  // namespace

bool MayCiteOutlet(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // Any non-ASCII byte: no shortcut. A separate pass, which vectorises.
  unsigned char high = 0;
  for (size_t i = 0; i < n; ++i) high |= p[i];
  if (high & 0x80) return true;
  if (n < 4) return false;  // The shortest anchor has 4 letters.
  constexpr uint32_t kAcc = Prefix3(kAnchors[0]), kRep = Prefix3(kAnchors[1]),
                     kCit = Prefix3(kAnchors[2]), kTol = Prefix3(kAnchors[3]);
  for (size_t i = 0; i + 2 < n; ++i) {
    const uint32_t w =
        (static_cast<uint32_t>(p[i]) | static_cast<uint32_t>(p[i + 1]) << 8 |
         static_cast<uint32_t>(p[i + 2]) << 16) |
        0x202020u;
    if (w != kAcc && w != kRep && w != kCit && w != kTol) continue;
    for (std::string_view anchor : kAnchors) {
      if (MatchesAt(text, i, anchor)) return true;
    }
  }
  return false;
}

}  // namespace neardup::internal
