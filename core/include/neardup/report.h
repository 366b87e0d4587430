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
#include "neardup/story.h"
#include "neardup/story_report.h"

namespace neardup {

enum class OutputFormat { kTable, kJson, kJsonl, kCsv };

// "table", "json", "jsonl" or "csv". Errors: InvalidArgument otherwise.
[[nodiscard]] absl::StatusOr<OutputFormat> ParseOutputFormat(
    std::string_view name);

// What `neardup scan` found: the inputs, and over the documents that were not
// skipped (in the same order) the exact comparison and the story analysis.
struct ScanResult {
  absl::Span<const ReadItem> items;      // Every input, skipped ones included.
  absl::Span<const Document> documents;  // The items not skipped, in order.
  const Comparison* comparison = nullptr;
  const StoryReport* stories = nullptr;
  // The pairs listed (JSON, JSONL, CSV and the table's list of every pair):
  // those at least this related; every pair by default. The summary counts
  // them all ("pairs") and those listed ("pairs_listed").
  PairRelation min_relation = PairRelation::kUnrelated;
};

// Writes the result of `neardup scan`. Formats (docs/scan-output.md):
//   kTable: a summary and the documents, the stories (origin, evidence,
//           roles, shared passages, related pairs), then shingle overlap.
//   kJson:  {"options", "summary", "documents", "stories", "pairs",
//           "attributions"}; pairs carry the story scores and the exact
//           shingle scores.
//   kJsonl: one {"type": "document"} line per input item, one
//           {"type": "story"} line per story, one {"type": "pair"} per pair.
//   kCsv:   the pairs, one row each, with a header row.
void WriteScanReport(const ScanResult& result, const CompareOptions& options,
                     const StoryRenderOptions& render, OutputFormat format,
                     std::ostream& out);

}  // namespace neardup

#endif  // NEARDUP_REPORT_H_
