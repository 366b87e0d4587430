// Copyright 2026 The neardup Authors.
//
// Character classes for the tokenizer: a 256-entry table for bytes (the ASCII
// fast path) and a classifier for non-ASCII code points (utf8proc categories).

#ifndef NEARDUP_TEXT_CHAR_CLASS_H_
#define NEARDUP_TEXT_CHAR_CLASS_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace neardup::internal {

// Bits of a byte's class.
enum ByteClassBit : uint8_t {
  kByteLetter = 1 << 0,       // A-Z a-z
  kByteUpper = 1 << 1,        // A-Z
  kByteDigit = 1 << 2,        // 0-9
  kByteSentenceEnd = 1 << 3,  // . ! ?
  kByteNonAscii = 1 << 4,     // 0x80-0xFF: decode the code point
  kByteInfix = 1 << 5,        // ' . , which may continue a word
  kByteAlnum = kByteLetter | kByteDigit,
};

constexpr std::array<uint8_t, 256> MakeByteClassTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kByteLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kByteLetter | kByteUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kByteDigit;
  t['.'] = t['!'] = t['?'] = kByteSentenceEnd;
  t['.'] |= kByteInfix;
  t[','] = t['\''] = kByteInfix;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kByteNonAscii;
  return t;
}
inline constexpr std::array<uint8_t, 256> kByteClass = MakeByteClassTable();

constexpr std::array<char, 256> MakeLowerTable() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return t;
}
inline constexpr std::array<char, 256> kAsciiLower = MakeLowerTable();

// What a non-ASCII code point is to the tokenizer.
enum class CodePointClass : uint8_t {
  kSeparator,    // Punctuation, symbols (emoji), spaces, unassigned.
  kLetter,       // L* categories (upper case: kUpperLetter).
  kUpperLetter,  // Lu, Lt.
  kDigit,        // N* categories.
  kMark,         // M*: continues a word, never starts one.
  kJoiner,       // Soft hyphen, ZWJ/ZWNJ, word joiner: inside words only.
  kCjk,          // Han ideographs, Hiragana, Katakana: one token each.
  kSentenceEnd,  // Ideographic and full-width full stops, ! and ?.
};

// Classifies a valid code point (>= 0x80).
CodePointClass ClassifyCodePoint(int32_t cp);

// The apostrophe forms kept inside words ("don't", "O’Brien").
inline constexpr int32_t kRightSingleQuote = 0x2019;

// Decodes one UTF-8 code point at s[0..n) (n >= 1). Returns its length and
// sets *cp, or returns 0 for an invalid or truncated sequence (overlong
// forms, surrogates, values past U+10FFFF).
inline size_t DecodeUtf8(const uint8_t* s, size_t n, int32_t* cp) {
  const uint8_t b0 = s[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if (b0 < 0xC2) return 0;  // Continuation byte or overlong 2-byte lead.
  if (b0 < 0xE0) {
    if (n < 2 || (s[1] & 0xC0) != 0x80) return 0;
    *cp = ((b0 & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (b0 < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    const int32_t c =
        ((b0 & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return 3;
  }
  if (b0 < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80) {
      return 0;
    }
    const int32_t c = ((b0 & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
                      ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return 0;
    *cp = c;
    return 4;
  }
  return 0;
}

}  // namespace neardup::internal

#endif  // NEARDUP_TEXT_CHAR_CLASS_H_
