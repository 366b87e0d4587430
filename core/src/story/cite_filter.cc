// Copyright 2026 The neardup Authors.

#include "story/cite_filter.h"

#include <cstdint>
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

// 1 when the three bytes at p, lower-cased by OR 0x20, start an anchor.
// Branch-free and in bytes, so that the block loop below vectorises 16 or
// 32 positions to an instruction.
inline uint8_t StartsAnchor(const uint8_t* p) {
  const uint8_t a = p[0] | 0x20, b = p[1] | 0x20, c = p[2] | 0x20;
  const uint8_t acc = (a == 'a') & (b == 'c') & (c == 'c');
  const uint8_t rep = (a == 'r') & (b == 'e') & (c == 'p');
  const uint8_t cit = (a == 'c') & (b == 'i') & (c == 't');
  const uint8_t tol = (a == 't') & (b == 'o') & (c == 'l');
  return acc | rep | cit | tol;
}

// An anchor starts at one of positions [begin, end) of the text.
bool AnchorIn(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    for (std::string_view anchor : kAnchors) {
      if (MatchesAt(text, i, anchor)) return true;
    }
  }
  return false;
}

}  // namespace

bool MayCiteOutlet(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  // Blocks of 64 positions: one vectorised pass flags a block that holds a
  // non-ASCII byte or an anchor's first three letters; only then are its
  // positions checked one by one.
  constexpr size_t kBlock = 64;
  size_t i = 0;
  for (; i + kBlock + 2 <= n; i += kBlock) {
    uint8_t high = 0, start = 0;
    for (size_t j = 0; j < kBlock; ++j) {
      high |= p[i + j];
      start |= StartsAnchor(p + i + j);
    }
    if (high & 0x80) return true;
    if (start != 0 && AnchorIn(text, i, i + kBlock)) return true;
  }
  for (size_t j = i; j < n; ++j) {
    if (p[j] & 0x80) return true;
  }
  return AnchorIn(text, i, n);
}

}  // namespace neardup::internal
