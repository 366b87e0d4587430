// Copyright 2026 The neardup Authors.
//
// Fuzzes UTF-8 validation, normalisation and tokenisation on arbitrary bytes.
// Checks that tokens lie inside the text, in order, without overlap; that
// Normalize() returns valid UTF-8; that a token's hash is the hash of its
// normalised bytes when the word is plain ASCII; and that tokenising without
// boilerplate skipping finds at least as many tokens.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "neardup/text.h"

namespace {

bool IsAsciiAlnum(std::string_view s) {
  for (const char c : s) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
    if (!alnum) return false;
  }
  return !s.empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = neardup::IsValidUtf8(text);
  const std::string normalized = neardup::Normalize(text);
  if (!neardup::IsValidUtf8(normalized)) __builtin_trap();
  if (valid && size > 0 && normalized.empty()) {
    // Only default-ignorable code points normalise to nothing; they are never
    // ASCII, so pure ASCII input keeps a byte.
    bool ascii = true;
    for (const char c : text) ascii = ascii && static_cast<uint8_t>(c) < 0x80;
    if (ascii) __builtin_trap();
  }

  const neardup::TokenizedText all =
      neardup::Tokenize(text, {.skip_boilerplate = false});
  const neardup::TokenizedText kept = neardup::Tokenize(text);
  if (kept.tokens.size() > all.tokens.size()) __builtin_trap();
  if (!all.boilerplate.empty()) __builtin_trap();
  uint32_t last_end = 0;
  for (const neardup::Token& t : all.tokens) {
    if (t.begin >= t.end || t.end > size || t.begin < last_end) {
      __builtin_trap();
    }
    last_end = t.end;
    const std::string_view word = text.substr(t.begin, t.end - t.begin);
    if (IsAsciiAlnum(word)) {
      std::string lower(word);
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      if (t.hash != neardup::TokenHash(lower)) __builtin_trap();
    }
  }
  for (const neardup::ByteSpan& b : kept.boilerplate) {
    if (b.begin > b.end || b.end > size) __builtin_trap();
  }
  return 0;
}
