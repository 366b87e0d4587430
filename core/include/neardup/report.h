// Copyright 2026 The neardup Authors.
//
// Rendering results for people and pipelines: a readable table, JSON, JSONL
// and CSV. The library never writes to stdout itself: callers pass a stream.
//
//   std::vector<neardup::ReadItem> items =
//   neardup::ReadAll({"datasets/seeds"});
//   ... CompareAll() over the documents that were not skipped ...
//   neardup::WriteScanReport(items, comparison, options,
//                            neardup::OutputFormat::kJson, std::cout);
//
// Output is deterministic: the same input and options give the same bytes.

#ifndef NEARDUP_REPORT_H_
#define NEARDUP_REPORT_H_

#include <ostream>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/all_pairs.h"
#include "neardup/io.h"

namespace neardup {

enum class OutputFormat { kTable, kJson, kJsonl, kCsv };

// "table", "json", "jsonl" or "csv". Errors: InvalidArgument otherwise.
[[nodiscard]] absl::StatusOr<OutputFormat> ParseOutputFormat(
    std::string_view name);

// Writes the result of `neardup scan`. `items` are every input read, in input
// order, skipped ones included; `comparison` covers the items that were not
// skipped, in the same order. Formats (docs/scan-output.md):
//   kTable: a summary, the documents, then the pairs by descending cosine.
//   kJson:  {"options", "summary", "documents": [...], "pairs": [...]}.
//   kJsonl: one {"type": "document"} line per input item, then one
//           {"type": "pair"} line per pair.
//   kCsv:   the pairs, one row each, with a header row.
void WriteScanReport(absl::Span<const ReadItem> items,
                     const Comparison& comparison,
                     const CompareOptions& options, OutputFormat format,
                     std::ostream& out);

}  // namespace neardup

#endif  // NEARDUP_REPORT_H_
