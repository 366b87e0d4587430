// Copyright 2026 The neardup Authors.
//
// Checks on document text while reading: byte-order marks, binary content,
// where UTF-8 goes wrong, whether there is any word, and publication dates.
// Thread-safe functions; none allocates except for its result.

#ifndef NEARDUP_IO_TEXT_CHECKS_H_
#define NEARDUP_IO_TEXT_CHECKS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace neardup::internal {

// How many leading bytes LooksBinary() is given.
inline constexpr size_t kBinarySniffBytes = 8192;

// The UTF-8 byte-order mark.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// True when `line` holds only spaces, tabs, \r, \f or \v.
bool IsBlankLine(std::string_view line);

// `text` without a leading UTF-8 byte-order mark.
std::string_view StripBom(std::string_view text);

// Why `head` (the first bytes of a file) looks binary: NUL bytes, or more
// than 10% control bytes other than \t \n \r \f (ESC and DEL count). Empty
// when it looks like text.
std::string BinaryReason(std::string_view head);

// Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629:
// no overlong forms, surrogates or code points above U+10FFFF), or
// text.size() when `text` is valid. Scalar: for messages, after
// IsValidUtf8() said no.
size_t FirstInvalidUtf8(std::string_view text);

// True when valid UTF-8 `text` holds a letter or a digit (Unicode categories
// L* and N*). ASCII is checked first, so this is quick for ordinary text.
bool HasWordCharacter(std::string_view text);

// Seconds since the Unix epoch for an ISO 8601 / RFC 3339 date-time
// ("2025-11-03T10:15:00Z", "2025-11-03T12:15:00+02:00", fractions allowed,
// 'T' or ' ' between date and time; no offset means UTC), a date
// ("2025-11-03", midnight UTC), an RFC 2822 date ("Mon, 03 Nov 2025 10:15:00
// +0000"), or a string of digits (Unix seconds). nullopt otherwise.
std::optional<int64_t> ParsePublished(std::string_view text);

// Seconds since the epoch from a JSON number: Unix seconds, or milliseconds
// when it is too large to be seconds (beyond the year 5000).
std::optional<int64_t> PublishedFromNumber(double value);

}  // namespace neardup::internal

#endif  // NEARDUP_IO_TEXT_CHECKS_H_
