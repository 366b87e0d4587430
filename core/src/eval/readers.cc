// Copyright 2026 The neardup Authors.

#include "eval/readers.h"

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "internal/status_macros.h"

namespace neardup::internal {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::stringstream s;
  s << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return std::move(s).str();
}

std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field.push_back(c);
    }
  }
  if (!field.empty() || !rows.back().empty()) {
    rows.back().push_back(std::move(field));
  } else {
    rows.pop_back();
  }
  return rows;
}

int CsvColumn(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

absl::StatusOr<CsvTable> ReadCsvFile(
    const std::string& path, std::initializer_list<std::string_view> required) {
  NEARDUP_ASSIGN_OR_RETURN(const std::string text, ReadWholeFile(path));
  CsvTable table;
  table.rows = ParseCsv(text);
  if (table.rows.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": empty"));
  }
  for (std::string_view name : required) {
    const int c = CsvColumn(table.rows[0], name);
    if (c < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":1: no column \"", std::string(name), "\""));
    }
    table.columns.push_back(static_cast<size_t>(c));
  }
  return table;
}

}  // namespace neardup::internal
