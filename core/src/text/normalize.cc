// Copyright 2026 The neardup Authors.
//
// Unicode normalisation (NFKC + case folding, through utf8proc), the token
// hash, and the classification of non-ASCII code points.

#include "text/normalize.h"

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "utf8proc.h"

#include "neardup/text.h"

#include "text/char_class.h"
#include "text/hash.h"

namespace neardup {
namespace internal {
namespace {

// NFKC (compatibility decomposition, then composition) with case folding,
// and without default-ignorable code points (soft hyphen, zero-width joiners).
constexpr utf8proc_option_t kNormalizeOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
    UTF8PROC_IGNORE);

utf8proc_int32_t MapApostrophe(utf8proc_int32_t cp, void* /*data*/) {
  return cp == kRightSingleQuote ? '\'' : cp;
}

// Normalises valid UTF-8 `word` into `buffer` (capacity `capacity` code
// points) and re-encodes it in place. Returns the UTF-8 length, or the
// negated number of code points needed when the buffer is too small, or
// INT64_MIN on error.
int64_t NormalizeInto(std::string_view word, utf8proc_int32_t* buffer,
                      int64_t capacity) {
  const utf8proc_ssize_t n = utf8proc_decompose_custom(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
      static_cast<utf8proc_ssize_t>(word.size()), buffer, capacity,
      kNormalizeOptions, MapApostrophe, nullptr);
  if (n < 0) return INT64_MIN;
  // utf8proc_reencode() needs one spare entry for its terminating NUL.
  if (n >= capacity) return -(n + 1);
  const utf8proc_ssize_t bytes =
      utf8proc_reencode(buffer, n, kNormalizeOptions);
  if (bytes < 0) return INT64_MIN;
  return bytes;
}

template <typename Fn>
void WithNormalized(std::string_view word, Fn&& fn) {
  constexpr int64_t kStack = 64;
  utf8proc_int32_t stack[kStack];
  int64_t r = NormalizeInto(word, stack, kStack);
  if (r >= 0) {
    fn(std::string_view(reinterpret_cast<const char*>(stack), r));
    return;
  }
  if (r == INT64_MIN) {
    fn(std::string_view());
    return;
  }
  std::vector<utf8proc_int32_t> heap(-r);
  r = NormalizeInto(word, heap.data(), static_cast<int64_t>(heap.size()));
  if (r < 0) r = 0;
  fn(std::string_view(reinterpret_cast<const char*>(heap.data()), r));
}

}  // namespace

void NormalizeWord(std::string_view word, std::string* out) {
  WithNormalized(word, [out](std::string_view s) { out->append(s); });
}

uint64_t HashWord(std::string_view word) {
  uint64_t h = 0;
  WithNormalized(word, [&h](std::string_view s) { h = TokenHash(s); });
  return h;
}

CodePointClass ClassifyCodePoint(int32_t cp) {
  // Han (URO, extension A, compatibility ideographs, supplementary planes),
  // Hiragana, Katakana (with phonetic extensions and half-width forms):
  // scripts written without spaces, so each character is its own token.
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
      (cp >= 0x20000 && cp <= 0x3134F)) {
    return CodePointClass::kCjk;
  }
  switch (cp) {
    case 0x00AD:  // Soft hyphen.
    case 0x200C:  // Zero-width non-joiner.
    case 0x200D:  // Zero-width joiner.
    case 0x2060:  // Word joiner.
      return CodePointClass::kJoiner;
    case 0x3002:  // Ideographic full stop.
    case 0xFF0E:  // Full-width full stop.
    case 0xFF01:  // Full-width exclamation mark.
    case 0xFF1F:  // Full-width question mark.
    case 0xFF61:  // Half-width ideographic full stop.
    case 0x2026:  // Horizontal ellipsis.
      return CodePointClass::kSentenceEnd;
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CodePointClass::kUpperLetter;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CodePointClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CodePointClass::kDigit;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CodePointClass::kMark;
    default:
      return CodePointClass::kSeparator;
  }
}

}  // namespace internal

uint64_t TokenHash(std::string_view normalized_word) {
  return internal::HashTokenBytes(normalized_word.data(),
                                  normalized_word.size());
}

std::string Normalize(std::string_view text) {
  // Replace invalid sequences with U+FFFD first: utf8proc rejects them.
  std::string valid;
  valid.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = 0; i < text.size();) {
    int32_t cp;
    const size_t len = internal::DecodeUtf8(s + i, text.size() - i, &cp);
    if (len == 0) {
      valid.append("\xEF\xBF\xBD");
      ++i;
    } else {
      valid.append(text.data() + i, len);
      i += len;
    }
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                   static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
                   internal::kNormalizeOptions);
  std::string result;
  if (n >= 0 && mapped != nullptr) {
    result.assign(reinterpret_cast<const char*>(mapped), n);
  }
  std::free(mapped);
  return result;
}

}  // namespace neardup
