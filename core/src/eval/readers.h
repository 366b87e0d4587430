// Copyright 2026 The neardup Authors.
//
// The small readers the evaluation sets need: whole files and RFC 4180 CSV.

#ifndef NEARDUP_EVAL_READERS_H_
#define NEARDUP_EVAL_READERS_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace neardup::internal {

// The bytes of the file at `path`; NotFound when it cannot be opened.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

// RFC 4180 CSV: rows of fields; a quoted field may hold commas, doubled
// quotes and line breaks; rows end with LF or CRLF. No trailing empty row.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

// The index of the column named `name` in `header`, or -1.
int CsvColumn(const std::vector<std::string>& header, std::string_view name);

struct CsvTable {
  std::vector<std::vector<std::string>> rows;  // rows[0] is the header.
  std::vector<size_t> columns;                 // Index of each required column.
};

// Reads and parses the CSV file at `path` and finds each `required` column
// in its header. NotFound when the file cannot be opened; InvalidArgument,
// naming the file, when it is empty or lacks a column.
absl::StatusOr<CsvTable> ReadCsvFile(
    const std::string& path, std::initializer_list<std::string_view> required);

}  // namespace neardup::internal

#endif  // NEARDUP_EVAL_READERS_H_
