// Copyright 2026 The neardup Authors.
//
// `neardup scan [PATH...]`: reads documents and scores every pair.

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"

#include "neardup/all_pairs.h"
#include "neardup/io.h"
#include "neardup/report.h"
#include "neardup/story.h"
#include "neardup/story_report.h"

#include "commands.h"
#include "exit_codes.h"
#include "progress.h"
#include "reporting.h"

namespace neardup::cli {
namespace {

struct ScanFlags {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string output = "-";
  int shingle_size = 5;
  double threshold = StoryOptions{}.story_threshold;
  bool explain = false;
  bool keep_boilerplate = false;
  bool quiet = false;
  int64_t max_doc_bytes = ReadOptions{}.max_doc_bytes;
  size_t max_documents = StoryOptions{}.max_documents;
  int64_t memory_budget = 0;               // Bytes; 0: no budget.
  int threads = 0;                         // 0: one per core.
  std::string min_relation = "unrelated";  // Pairs listed.
  std::string progress = "auto";
};

// What scan holds, estimated: every pair's scores and story analysis, and
// per document its tokens, shingles and vectors (about 16 bytes a byte of
// text). An estimate for --memory-budget, not a measurement. Per pair:
// PairScores and PairAnalysis are 280 bytes, and peak RSS grows by 380-400
// bytes a pair on generated 4 KB documents (107, 291 and 927 MB for 500,
// 1,000 and 2,000 of them at 597a038: shared names, allocator slack).
constexpr int64_t kScanBytesPerPair = 400;
constexpr int64_t kScanBytesPerTextByte = 16;

// The pair relations, least related first.
std::vector<std::string> RelationNames() {
  std::vector<std::string> names;
  for (int r = 0; r <= static_cast<int>(PairRelation::kCopy); ++r) {
    names.emplace_back(PairRelationName(static_cast<PairRelation>(r)));
  }
  return names;
}

// The relation named `name` (one of RelationNames(), checked by CLI11).
PairRelation ParseRelationName(std::string_view name) {
  const std::vector<std::string> names = RelationNames();
  for (size_t r = 0; r < names.size(); ++r) {
    if (names[r] == name) return static_cast<PairRelation>(r);
  }
  return PairRelation::kUnrelated;
}

// Skips (kOverLimit) the documents beyond --max-documents or beyond what
// --memory-budget allows, in input order, so every item keeps a verdict.
void ApplyLimits(const ScanFlags& flags, std::vector<ReadItem>* items,
                 Accounting* accounting) {
  int64_t kept = 0;
  int64_t text_bytes = 0;
  std::string full_why;  // Once a document is over, so are the rest.
  for (ReadItem& item : *items) {
    if (item.skipped()) continue;
    const int64_t n = kept + 1;
    const int64_t bytes =
        (text_bytes + static_cast<int64_t>(item.document.text.size())) *
            kScanBytesPerTextByte +
        n * (n - 1) / 2 * kScanBytesPerPair;
    std::string why;
    if (!full_why.empty()) {
      why = full_why;
    } else if (static_cast<size_t>(n) > flags.max_documents) {
      why = absl::StrCat(
          "scan compares every pair, so it takes at most --max-documents ",
          flags.max_documents,
          " documents; use `neardup dedup` for large corpora");
    } else if (flags.memory_budget > 0 && bytes > flags.memory_budget) {
      why = absl::StrCat("over --memory-budget ", flags.memory_budget,
                         " bytes: scan would need about ", bytes,
                         " bytes with this document");
    }
    if (!why.empty()) {
      full_why = why;
      item.document.text.clear();
      item.skip = {SkipReason::kOverLimit, std::move(why)};
      accounting->Demote(SkipReason::kOverLimit);
      continue;
    }
    kept = n;
    text_bytes += static_cast<int64_t>(item.document.text.size());
  }
}

int RunScan(const ScanFlags& flags) {
  std::vector<std::string> paths = flags.paths;
  if (paths.empty()) paths.push_back(DefaultSeedsPath());

  const absl::StatusOr<OutputFormat> format = ParseOutputFormat(flags.format);
  if (!format.ok()) {
    std::cerr << "neardup scan: " << format.status().message() << "\n";
    return kExitUsage;
  }
  CompareOptions options;
  options.shingle_size = flags.shingle_size;
  options.tokenize.skip_boilerplate = !flags.keep_boilerplate;
  options.threads = flags.threads;

  ReadOptions read_options;
  read_options.max_doc_bytes = flags.max_doc_bytes;
  std::vector<ReadItem> items = ReadAll(paths, read_options);
  Accounting accounting;
  for (const ReadItem& item : items) accounting.Count(item);
  ApplyLimits(flags, &items, &accounting);
  std::vector<Document> docs;
  for (const ReadItem& item : items) {
    if (!item.skipped()) docs.push_back(item.document);
  }
  const int exit_code = ReportSkips("scan", items, flags.quiet);
  if (!flags.quiet) accounting.PrintSummary("scan");

  Progress progress(ShowProgress(flags.progress, flags.quiet));
  progress.Message("comparing shingles");
  const absl::StatusOr<Comparison> comparison = CompareAll(docs, options);
  if (!comparison.ok()) {
    std::cerr << "neardup scan: " << comparison.status().message() << "\n";
    return kExitUsage;
  }
  StoryOptions story_options;
  story_options.tokenize = options.tokenize;
  story_options.story_threshold = flags.threshold;
  story_options.max_documents = flags.max_documents;
  story_options.threads = flags.threads;
  // The pairs are analysed on this thread (and its workers) while a ticker
  // thread shows their progress.
  std::atomic<uint64_t> pairs_done{0};
  story_options.pairs_done = &pairs_done;
  const uint64_t pairs = comparison->pairs.size();
  Ticker ticker(progress.enabled(), [&] {
    progress.Count("analysing pairs", pairs_done.load(), pairs);
  });
  const absl::StatusOr<StoryReport> stories =
      AnalyzeStories(docs, story_options);
  ticker.Stop();
  progress.Count("analysing pairs", pairs_done.load(), pairs, /*force=*/true);
  progress.Done();
  if (!stories.ok()) {
    std::cerr << "neardup scan: " << stories.status().message() << "\n";
    return kExitUsage;
  }
  OutputStream out(flags.output);
  if (!out.ok()) {
    std::cerr << "neardup scan: cannot write " << flags.output << "\n";
    return kExitUsage;
  }
  StoryRenderOptions render;
  render.explain = flags.explain;
  const PairRelation min_relation = ParseRelationName(flags.min_relation);
  // The stories' own list of related pairs never shows unrelated ones.
  render.min_relation = std::max(render.min_relation, min_relation);
  ScanResult result;
  result.min_relation = min_relation;
  result.items = items;
  result.documents = docs;
  result.comparison = &*comparison;
  result.stories = &*stories;
  WriteScanReport(result, options, render, *format, out.stream());
  return exit_code;
}

}  // namespace

void AddScanCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* cmd = app.add_subcommand(
      "scan",
      "Find the stories in a set of articles: which are the same story, "
      "each one's origin (a document, or an outlet the members credit) "
      "with its evidence, each member's role (origin, copy, "
      "near_duplicate, rewrite, independent), the shared passages, and "
      "for every pair the content-word TF-IDF cosine, exact word-shingle "
      "Jaccard and both containments.");
  cmd->add_option("paths", flags->paths,
                  "Files, directories or - (stdin, JSONL). A directory is "
                  "read for .txt, .md and .jsonl files. Default: "
                  "datasets/seeds.");
  cmd->add_option("-f,--format", flags->format,
                  "Output format: table (readable), json, jsonl or csv.")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output,
                  "Write the report to this file (- for stdout).")
      ->capture_default_str();
  cmd->add_option("-n,--shingle-size", flags->shingle_size,
                  "Words per shingle for Jaccard and containment.")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--threshold", flags->threshold,
                  "Story score at which two documents are one story.")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_flag("--explain", flags->explain,
                "Show the reasons for every origin and role.");
  cmd->add_flag("--keep-boilerplate", flags->keep_boilerplate,
                "Do not drop page-template lines (\"Share Article\", "
                "newsletter sign-ups) before comparing.");
  cmd->add_flag("-q,--quiet", flags->quiet,
                "Do not list skipped inputs (they stay in the output), the "
                "summary or progress on stderr.");
  AddMaxDocBytesOption(cmd, &flags->max_doc_bytes);
  cmd->add_option("--max-documents", flags->max_documents,
                  "Compare at most this many documents (all pairs grow as "
                  "n^2); the rest are skipped (over_limit), in input order.")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20))
      ->capture_default_str();
  cmd->add_option("--memory-budget", flags->memory_budget,
                  "Bytes scan may use, estimated (0: no budget); documents "
                  "beyond it are skipped (over_limit), in input order. "
                  "Suffixes k, m, g (powers of 1024).")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  cmd->add_option("--min-relation", flags->min_relation,
                  "List only the pairs at least this related (unrelated: "
                  "every pair; related, rewrite, partial, near_duplicate, "
                  "copy). Stories and the summary still count every pair.")
      ->check(CLI::IsMember(RelationNames()))
      ->capture_default_str();
  AddProgressOption(cmd, &flags->progress);
  cmd->add_option("-j,--threads", flags->threads,
                  "Threads comparing the pairs (0: all cores). The output is "
                  "the same for any value.")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  cmd->footer(ExitCodesHelp());
  cmd->callback([flags, exit_code] { *exit_code = RunScan(*flags); });
}

NEARDUP_REGISTER_COMMAND(10, AddScanCommand);

}  // namespace neardup::cli
