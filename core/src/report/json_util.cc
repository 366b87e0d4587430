// Copyright 2026 The neardup Authors.

#include "report/json_util.h"

#include <cmath>

namespace neardup::internal {

double RoundScore(double x) { return std::round(x * 1e4) / 1e4; }

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string FitColumn(std::string_view s, size_t width) {
  // Counts code points (continuation bytes are 10xxxxxx) as columns.
  std::string out;
  size_t columns = 0;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (starts_char) {
      if (columns == width) break;
      ++columns;
    }
    out += s[i];
  }
  if (i < s.size()) {
    // Cut: replace the last code point with an ellipsis.
    while (!out.empty() &&
           (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
      out.pop_back();
    }
    if (!out.empty()) out.pop_back();
    out += "\u2026";
  }
  out.append(width - columns, ' ');
  return out;
}

}  // namespace neardup::internal
