// Copyright 2026 The neardup Authors.
//
// Text: UTF-8 checks, normalisation, boilerplate lines, and word tokens that
// keep byte offsets into the original text.
//
//   neardup::TokenizedText t = neardup::Tokenize(doc.text);
//   for (const neardup::Token& tok : t.tokens) {
//     std::string_view original = doc.text.substr(tok.begin, tok.end -
//     tok.begin);
//     // tok.hash identifies the normalised word (NFKC + case folding).
//   }
//
// The original text is never altered: normalisation happens per token, and
// each token records where it stands in the original bytes. ASCII runs take a
// fast path (lower-casing only); other text goes through utf8proc.
//
// Word rules. A word is a maximal run of letters, digits and combining marks
// (Unicode categories L*, N*, M*), plus:
//   - an apostrophe (' or U+2019) between two letters: "don't", "O’Brien";
//   - '.' or ',' between two digits: "3.5", "1,000";
//   - soft hyphens and zero-width joiners inside a word (dropped when
//     normalised).
// Hyphens, other punctuation, symbols (emoji), spaces and invalid UTF-8 bytes
// separate words. Han ideographs, Hiragana and Katakana are one token per
// character. A word's normalised form is NFKC + case folding with U+2019
// mapped to "'", and without a final possessive "'s" ("Microsoft’s" hashes as
// "microsoft"; the token's offsets still cover "Microsoft’s").
//
// All functions are thread-safe and allocate only their results.

#ifndef NEARDUP_TEXT_H_
#define NEARDUP_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"

namespace neardup {

// Seed of the token hash. Part of the signature format: changing it changes
// every signature (see docs/signature-format.md).
inline constexpr uint64_t kTokenHashSeed = 0x6e65617264757030ULL;  // "neardup0"

// Token flags.
enum TokenFlag : uint8_t {
  kTokenNumber = 1 << 0,       // Contains a digit ("2026", "3.5", "40").
  kTokenCapitalized = 1 << 1,  // Starts with an upper-case letter (Lu, Lt).
  kTokenStopword = 1 << 2,     // An English function word ("the", "and").
  // First word of a line, or after '.', '!', '?' (or their CJK forms).
  kTokenSentenceStart = 1 << 3,
};

struct Token {
  uint32_t begin = 0;  // Byte offset of the word in the original text.
  uint32_t end = 0;    // One past its last byte.
  uint64_t hash = 0;   // TokenHash() of the normalised word.
  uint8_t flags = 0;   // TokenFlag bits.
};

// A byte range [begin, end) of the original text.
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct TokenizedText {
  // Words outside boilerplate lines, in text order.
  std::vector<Token> tokens;
  // Lines a page template adds ("Share Article", "Related Articles",
  // newsletter sign-ups, ...): recognised, and kept out of `tokens`.
  std::vector<ByteSpan> boilerplate;
};

struct TokenizeOptions {
  bool skip_boilerplate = true;
};

// Returns true when `text` is valid UTF-8 (SIMD-accelerated).
bool IsValidUtf8(std::string_view text);

// NFKC + case folding of a whole string (default-ignorable code points
// dropped); invalid UTF-8 sequences become U+FFFD. For display and tests;
// Tokenize() normalises per token, and further maps U+2019 to "'" and drops a
// possessive "'s".
std::string Normalize(std::string_view text);

// The hash of an already-normalised word (signature format v2, section 1:
// a keyed multiply-fold for words up to 16 bytes, XXH3-64 with
// kTokenHashSeed beyond).
uint64_t TokenHash(std::string_view normalized_word);

// Splits `text` into words with offsets, line by line ('\n'). With
// options.skip_boilerplate, a line for which IsBoilerplateLine() holds
// (leading and trailing blanks trimmed) goes to `boilerplate` instead of
// `tokens`. Invalid UTF-8 bytes are separators. Offsets fit in 32 bits: text
// beyond 4 GiB is not tokenised. ASCII words cost no allocation and no
// utf8proc call; the result vectors are the only allocations.
TokenizedText Tokenize(std::string_view text,
                       const TokenizeOptions& options = {});

// True when `line` (one line, without its newline) looks like page-template
// boilerplate rather than article text: share bars, "Related Articles",
// "Read more", "Advertisement", newsletter and "Follow us" prompts, copyright
// footers, cookie notices, "5 min read", photo captions and credits. Only
// short lines match (each rule has a length limit), case-insensitively. The
// rules are listed, with their limits, in core/src/text/boilerplate.cc.
bool IsBoilerplateLine(std::string_view line);

}  // namespace neardup

#endif  // NEARDUP_TEXT_H_
