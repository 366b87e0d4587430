// Copyright 2026 The neardup Authors.

#include "io/text_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "utf8proc.h"

namespace neardup::internal {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// A control byte that has no place in text.
bool IsStrayControl(unsigned char c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return false;
  return c < 0x20 || c == 0x7F;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// 5000-01-01T00:00:00Z: larger "seconds" must be milliseconds.
constexpr double kMaxPlausibleSeconds = 95617584000.0;

}  // namespace

bool IsBlankLine(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
      return false;
    }
  }
  return true;
}

std::string_view StripBom(std::string_view text) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    text.remove_prefix(kUtf8Bom.size());
  }
  return text;
}

std::string BinaryReason(std::string_view head) {
  head = head.substr(0, kBinarySniffBytes);
  size_t controls = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(head[i]);
    if (c == 0) {
      return absl::StrCat("NUL byte at offset ", i,
                          " (binary data, or UTF-16 text?)");
    }
    if (IsStrayControl(c)) ++controls;
  }
  if (!head.empty() && controls * 10 > head.size()) {
    return absl::StrCat(controls, " of its first ", head.size(),
                        " bytes are control characters");
  }
  return "";
}

size_t FirstInvalidUtf8(std::string_view text) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // Range of the second byte.
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) lo = 0xA0;  // Overlong.
      if (c == 0xED) hi = 0x9F;  // Surrogates.
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) lo = 0x90;  // Overlong.
      if (c == 0xF4) hi = 0x8F;  // Above U+10FFFF.
    } else {
      return i;
    }
    if (i + length > n) return i;
    const unsigned char second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) return i;
    for (size_t k = 2; k < length; ++k) {
      if (!IsContinuation(static_cast<unsigned char>(text[i + k]))) return i;
    }
    i += length;
  }
  return n;
}

bool HasWordCharacter(std::string_view text) {
  bool any_non_ascii = false;
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (IsAsciiAlnum(c)) return true;
    any_non_ascii |= c >= 0x80;
  }
  if (!any_non_ascii) return false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t used = utf8proc_iterate(p, left, &cp);
    if (used <= 0) {  // Invalid: step over one byte.
      ++p;
      --left;
      continue;
    }
    p += used;
    left -= used;
    if (cp < 0x80) continue;
    switch (utf8proc_category(cp)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO:
        return true;
      default:
        break;
    }
  }
  return false;
}

std::optional<int64_t> ParsePublished(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    double value = 0;
    if (!absl::SimpleAtod(absl::string_view(text.data(), text.size()),
                          &value)) {
      return std::nullopt;
    }
    return PublishedFromNumber(value);
  }
  // absl's %Ez takes "Z" as well as "+hh:mm"; %ET takes 'T' or 't'.
  static constexpr const char* kFormats[] = {
      "%Y-%m-%d%ET%H:%M:%E*S%Ez",  // RFC 3339.
      "%Y-%m-%d%ET%H:%M:%E*S",     // No offset: UTC.
      "%Y-%m-%d%ET%H:%M%Ez",      "%Y-%m-%d%ET%H:%M", "%Y-%m-%d %H:%M:%E*S%Ez",
      "%Y-%m-%d %H:%M:%E*S",      "%Y-%m-%d %H:%M",   "%Y-%m-%d",
      "%a, %d %b %Y %H:%M:%S %z",  // RFC 2822.
      "%a, %d %b %Y %H:%M:%S %Z",
  };
  const absl::string_view input(text.data(), text.size());
  for (const char* format : kFormats) {
    absl::Time t;
    std::string error;
    if (absl::ParseTime(format, input, absl::UTCTimeZone(), &t, &error)) {
      return absl::ToUnixSeconds(t);
    }
  }
  return std::nullopt;
}

std::optional<int64_t> PublishedFromNumber(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  if (std::fabs(value) > kMaxPlausibleSeconds) value /= 1000.0;  // Millis.
  if (std::fabs(value) > kMaxPlausibleSeconds) return std::nullopt;
  return static_cast<int64_t>(std::floor(value));
}

}  // namespace neardup::internal
