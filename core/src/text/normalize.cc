// Copyright 2026 The neardup Authors.
//
// Unicode normalisation (NFKC + case folding, through utf8proc), the token
// hash, and the classification of non-ASCII code points.

#include "text/normalize.h"

#include <cstdlib>
#include <cstring>
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

namespace {

// A per-thread memo of HashWord() for short words: natural text repeats its
// words (Zipf), and utf8proc costs far more than a lookup. Direct-mapped,
// keyed by the exact original bytes, so a hit returns exactly what
// normalising would; it never changes a result, only skips work.
struct MemoEntry {
  uint8_t size;  // 0: empty.
  char bytes[31];
  uint64_t hash;
};
constexpr size_t kMemoEntries = 1024;  // 40 KiB a thread.
thread_local MemoEntry memo[kMemoEntries];

uint64_t HashWordUncached(std::string_view word) {
  uint64_t h = 0;
  WithNormalized(word, [&h](std::string_view s) { h = TokenHash(s); });
  return h;
}

}  // namespace

namespace {

CodePointClass ClassifyCodePointUncached(int32_t cp) {
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

// Two-byte UTF-8 (U+0080..U+07FF: Latin-1, Latin Extended, Greek, Cyrillic,
// Armenian, Hebrew, Arabic, ...), precomputed once: each code point's class,
// and its NFKC + case folding when that is one code point that neither
// composes nor decomposes with its neighbours (0 otherwise).
struct TwoByteTables {
  CodePointClass cls[0x800];
  uint16_t fold[0x800];
};

const TwoByteTables& Tables() {
  static const TwoByteTables* const tables = [] {
    auto* t = new TwoByteTables();
    for (int32_t cp = 0x80; cp < 0x800; ++cp) {
      t->cls[cp] = ClassifyCodePointUncached(cp);
      t->fold[cp] = 0;
      const utf8proc_property_t* p = utf8proc_get_property(cp);
      // Marks and joiners combine with neighbours: never simple.
      if (p->combining_class != 0 || t->cls[cp] == CodePointClass::kMark ||
          t->cls[cp] == CodePointClass::kJoiner ||
          p->category == UTF8PROC_CATEGORY_CN) {
        continue;
      }
      utf8proc_int32_t out[8];
      const utf8proc_uint8_t in[2] = {
          static_cast<utf8proc_uint8_t>(0xC0 | (cp >> 6)),
          static_cast<utf8proc_uint8_t>(0x80 | (cp & 0x3F))};
      const utf8proc_ssize_t n =
          utf8proc_decompose(in, 2, out, 8, kNormalizeOptions);
      if (n < 1 || n > 8) continue;
      const utf8proc_ssize_t m =
          utf8proc_normalize_utf32(out, n, kNormalizeOptions);
      if (m != 1 || out[0] < 0x20 || out[0] > 0xFFFF) continue;
      if (utf8proc_get_property(out[0])->combining_class != 0) continue;
      t->fold[cp] = static_cast<uint16_t>(out[0]);
    }
    return t;
  }();
  return *tables;
}

// Appends code point cp (< 0x10000) as UTF-8.
inline size_t EncodeUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  out[0] = static_cast<char>(0xE0 | (cp >> 12));
  out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[2] = static_cast<char>(0x80 | (cp & 0x3F));
  return 3;
}

// CJK Unified Ideographs (with extension A), Hiragana and Katakana letters:
// no decomposition, no case.
inline bool IsSelfNormalizedCjk(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA);
}

// The normalised form of a word made of ASCII, simple two-byte code points,
// U+2019 and self-normalised CJK, written to `out` (kFastWordBytes); false when
// the word needs utf8proc.
constexpr size_t kFastWordBytes = 128;
bool NormalizeSimple(std::string_view word, char* out, size_t* size) {
  const TwoByteTables& t = Tables();
  size_t n = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  for (size_t i = 0; i < word.size();) {
    if (n + 3 > kFastWordBytes) return false;
    const uint8_t c = s[i];
    if (c < 0x80) {
      out[n++] = kAsciiLower[c];
      ++i;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < word.size()) {
      const uint32_t f = t.fold[((c & 0x1F) << 6) | (s[i + 1] & 0x3F)];
      if (f == 0) return false;
      n += EncodeUtf8(f, out + n);
      i += 2;
    } else if (c == 0xE2 && i + 2 < word.size() && s[i + 1] == 0x80 &&
               s[i + 2] == 0x99) {  // U+2019
      out[n++] = '\'';
      i += 3;
    } else if (c >= 0xE3 && c <= 0xE9 && i + 2 < word.size()) {
      // Han ideographs and precomposed kana are their own NFKC + case fold.
      const uint32_t cp =
          ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      if (!IsSelfNormalizedCjk(cp)) return false;
      out[n++] = static_cast<char>(s[i]);
      out[n++] = static_cast<char>(s[i + 1]);
      out[n++] = static_cast<char>(s[i + 2]);
      i += 3;
    } else {
      return false;
    }
  }
  *size = n;
  return true;
}

}  // namespace

CodePointClass ClassifyCodePoint(int32_t cp) {
  if (cp >= 0x80 && cp < 0x800) return Tables().cls[cp];
  return ClassifyCodePointUncached(cp);
}

uint64_t HashWord(std::string_view word) {
  char simple[kFastWordBytes];
  size_t simple_size;
  if (NormalizeSimple(word, simple, &simple_size)) {
    return HashTokenBytes(simple, simple_size);
  }
  if (word.empty() || word.size() > sizeof(MemoEntry::bytes)) {
    return HashWordUncached(word);
  }
  MemoEntry& e =
      memo[XXH3_64bits(word.data(), word.size()) & (kMemoEntries - 1)];
  if (e.size == word.size() &&
      std::memcmp(e.bytes, word.data(), word.size()) == 0) {
    return e.hash;
  }
  e.hash = HashWordUncached(word);
  e.size = static_cast<uint8_t>(word.size());
  std::memcpy(e.bytes, word.data(), word.size());
  return e.hash;
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
