// Copyright 2026 The neardup Authors.
//
// Helpers shared by the renderers.

#ifndef NEARDUP_REPORT_JSON_UTIL_H_
#define NEARDUP_REPORT_JSON_UTIL_H_

#include <string>
#include <string_view>

namespace neardup::internal {

// Rounds a score to 4 decimals, so JSON prints it short and stably.
double RoundScore(double x);

// A CSV field, quoted per RFC 4180 when it holds a comma, quote or newline.
std::string CsvField(std::string_view s);

// `s` cut to at most `width` display columns (UTF-8 aware), with "…" when cut,
// then padded with spaces to `width` columns.
std::string FitColumn(std::string_view s, size_t width);

}  // namespace neardup::internal

#endif  // NEARDUP_REPORT_JSON_UTIL_H_
