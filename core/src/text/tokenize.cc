// Copyright 2026 The neardup Authors.
//
// The tokenizer: one pass over the bytes, line by line. A word is a maximal
// run of letters, digits and combining marks, with an apostrophe kept between
// letters ("don't", "O’Brien") and '.' or ',' kept between digits ("3.5",
// "1,000"). Han, Hiragana and Katakana characters are one token each. All
// other characters, and invalid UTF-8 bytes, separate words.
//
// ASCII words take the fast path: the byte table classifies, a stack buffer
// receives the lower-cased bytes, and XXH3 hashes them, with no allocation
// and no utf8proc call. A word with any non-ASCII character is normalised by
// utf8proc (text/normalize.cc).

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/text.h"

#include "text/char_class.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace neardup {
namespace {

using internal::CodePointClass;
using internal::kByteAlnum;
using internal::kByteClass;
using internal::kByteDigit;
using internal::kByteLetter;
using internal::kByteNonAscii;
using internal::kByteSentenceEnd;
using internal::kByteUpper;

// ASCII words up to this length are lower-cased on the stack.
constexpr size_t kStackWordBytes = 128;
// No stopword is longer than this (in bytes, normalised).
constexpr size_t kMaxStopwordBytes = 10;

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>* tokens)
      : s_(reinterpret_cast<const uint8_t*>(text.data())), tokens_(tokens) {}

  // Tokenises the line [begin, end), which holds no '\n'.
  void TokenizeLine(size_t i, size_t end) {
    bool sentence_start = true;
    while (i < end) {
      const uint8_t k = kByteClass[s_[i]];
      if (k & kByteAlnum) {
        i = Word(i, end, sentence_start);
        sentence_start = false;
        continue;
      }
      if (!(k & kByteNonAscii)) {
        if (k & kByteSentenceEnd) sentence_start = true;
        ++i;
        continue;
      }
      int32_t cp;
      const size_t len = internal::DecodeUtf8(s_ + i, end - i, &cp);
      if (len == 0) {  // Invalid byte: a separator.
        ++i;
        continue;
      }
      switch (internal::ClassifyCodePoint(cp)) {
        case CodePointClass::kLetter:
        case CodePointClass::kUpperLetter:
        case CodePointClass::kDigit:
          i = Word(i, end, sentence_start);
          sentence_start = false;
          break;
        case CodePointClass::kCjk:
          Emit(i, i + len, internal::HashWord(Bytes(i, i + len)),
               sentence_start ? kTokenSentenceStart : 0);
          sentence_start = false;
          i += len;
          break;
        case CodePointClass::kSentenceEnd:
          sentence_start = true;
          i += len;
          break;
        default:
          i += len;
          break;
      }
    }
  }

 private:
  std::string_view Bytes(size_t begin, size_t end) const {
    return std::string_view(reinterpret_cast<const char*>(s_) + begin,
                            end - begin);
  }

  void Emit(size_t begin, size_t end, uint64_t hash, uint8_t flags) {
    if (internal::IsStopword(hash)) flags |= kTokenStopword;
    tokens_->push_back(Token{static_cast<uint32_t>(begin),
                             static_cast<uint32_t>(end), hash, flags});
  }

  // True when the code point at i (< end) is a letter.
  bool LetterAt(size_t i, size_t end) const {
    const uint8_t k = kByteClass[s_[i]];
    if (k & kByteLetter) return true;
    if (!(k & kByteNonAscii)) return false;
    int32_t cp;
    if (internal::DecodeUtf8(s_ + i, end - i, &cp) == 0) return false;
    const CodePointClass c = internal::ClassifyCodePoint(cp);
    return c == CodePointClass::kLetter || c == CodePointClass::kUpperLetter;
  }

  // Scans the word starting at `begin` (a letter or digit), emits its token,
  // and returns the position after it.
  size_t Word(size_t begin, size_t end, bool sentence_start) {
    char lower[kStackWordBytes];
    size_t i = begin;
    bool ascii = true;
    bool has_digit = false;
    bool last_letter = false;  // The previous code point was a letter.
    bool last_digit = false;   // ... or a digit.
    size_t apostrophe_begin = 0, apostrophe_end = 0;  // The last apostrophe.
    size_t content_end = begin;  // After the last letter, digit or mark.
    while (i < end) {
      const uint8_t c = s_[i];
      const uint8_t k = kByteClass[c];
      if (k & kByteAlnum) {
        if (i - begin < kStackWordBytes)
          lower[i - begin] = internal::kAsciiLower[c];
        has_digit |= (k & kByteDigit) != 0;
        last_letter = (k & kByteLetter) != 0;
        last_digit = !last_letter;
        content_end = ++i;
        continue;
      }
      if (c == '\'') {
        if (!last_letter || i + 1 >= end || !LetterAt(i + 1, end)) break;
        if (i - begin < kStackWordBytes) lower[i - begin] = '\'';
        apostrophe_begin = i;
        apostrophe_end = ++i;
        last_letter = false;
        continue;
      }
      if (c == '.' || c == ',') {
        if (!last_digit || i + 1 >= end ||
            !(kByteClass[s_[i + 1]] & kByteDigit))
          break;
        if (i - begin < kStackWordBytes)
          lower[i - begin] = static_cast<char>(c);
        ++i;
        last_digit = false;
        continue;
      }
      if (!(k & kByteNonAscii)) break;
      int32_t cp;
      const size_t len = internal::DecodeUtf8(s_ + i, end - i, &cp);
      if (len == 0) break;
      if (cp == internal::kRightSingleQuote) {
        if (!last_letter || i + len >= end || !LetterAt(i + len, end)) break;
        ascii = false;
        apostrophe_begin = i;
        apostrophe_end = i += len;
        last_letter = false;
        continue;
      }
      const CodePointClass cls = internal::ClassifyCodePoint(cp);
      if (cls == CodePointClass::kLetter ||
          cls == CodePointClass::kUpperLetter) {
        last_letter = true;
        last_digit = false;
      } else if (cls == CodePointClass::kDigit) {
        has_digit = true;
        last_letter = false;
        last_digit = true;
      } else if (cls == CodePointClass::kMark ||
                 cls == CodePointClass::kJoiner) {
        // Continues the word; a mark belongs to the code point before it.
      } else {
        break;
      }
      ascii = false;
      i += len;
      if (cls != CodePointClass::kJoiner) content_end = i;
    }
    // A trailing joiner (soft hyphen at a line break) is not part of the word.
    i = content_end;
    // Possessive "'s": the token covers it; the normalised form drops it.
    size_t norm_end = i;
    if (apostrophe_end != 0 && apostrophe_end + 1 == i &&
        (s_[i - 1] == 's' || s_[i - 1] == 'S')) {
      norm_end = apostrophe_begin;
    }

    uint8_t flags = sentence_start ? kTokenSentenceStart : 0;
    if (has_digit) flags |= kTokenNumber;
    uint64_t hash;
    const size_t norm_len = norm_end - begin;
    if (ascii) {
      if (kByteClass[s_[begin]] & kByteUpper) flags |= kTokenCapitalized;
      if (norm_len <= kStackWordBytes) {
        hash = TokenHash(std::string_view(lower, norm_len));
      } else {
        std::string long_word(Bytes(begin, norm_end));
        for (char& ch : long_word) {
          ch = internal::kAsciiLower[static_cast<uint8_t>(ch)];
        }
        hash = TokenHash(long_word);
      }
      const uint8_t stop =
          norm_len <= kMaxStopwordBytes && internal::IsStopword(hash)
              ? kTokenStopword
              : 0;
      tokens_->push_back(Token{static_cast<uint32_t>(begin),
                               static_cast<uint32_t>(i), hash,
                               static_cast<uint8_t>(flags | stop)});
      return i;
    }
    int32_t first;
    if (internal::DecodeUtf8(s_ + begin, end - begin, &first) != 0 &&
        (first < 0x80 ? (kByteClass[first] & kByteUpper) != 0
                      : internal::ClassifyCodePoint(first) ==
                            CodePointClass::kUpperLetter)) {
      flags |= kTokenCapitalized;
    }
    Emit(begin, i, internal::HashWord(Bytes(begin, norm_end)), flags);
    return i;
  }

  const uint8_t* s_;
  std::vector<Token>* tokens_;
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

TokenizedText Tokenize(std::string_view text, const TokenizeOptions& options) {
  TokenizedText result;
  // Offsets are 32-bit: text past 4 GiB is not tokenised.
  const size_t n = std::min<size_t>(text.size(), UINT32_MAX);
  // English averages about 6 bytes a word with its space and punctuation.
  result.tokens.reserve(n / 5 + 4);
  Tokenizer tokenizer(text, &result.tokens);
  size_t pos = 0;
  while (pos < n) {
    const void* newline = std::memchr(text.data() + pos, '\n', n - pos);
    const size_t line_end =
        newline ? static_cast<const char*>(newline) - text.data() : n;
    if (options.skip_boilerplate) {
      size_t b = pos, e = line_end;
      while (b < e && IsSpace(text[b])) ++b;
      while (e > b && IsSpace(text[e - 1])) --e;
      if (e > b && IsBoilerplateLine(text.substr(b, e - b))) {
        result.boilerplate.push_back(
            ByteSpan{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
        pos = line_end + 1;
        continue;
      }
    }
    tokenizer.TokenizeLine(pos, line_end);
    pos = line_end + 1;
  }
  return result;
}

}  // namespace neardup
