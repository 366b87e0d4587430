// Copyright 2026 The neardup Authors.
//
// `neardup scan [PATH...]`: reads documents and scores every pair.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "neardup/all_pairs.h"
#include "neardup/io.h"
#include "neardup/report.h"
#include "neardup/story.h"
#include "neardup/story_report.h"

#include "commands.h"
#include "exit_codes.h"
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
};

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

  const std::vector<ReadItem> items = ReadAll(paths);
  std::vector<Document> docs;
  for (const ReadItem& item : items) {
    if (!item.skipped()) docs.push_back(item.document);
  }
  const int exit_code = ReportSkips("scan", items, flags.quiet);

  const absl::StatusOr<Comparison> comparison = CompareAll(docs, options);
  if (!comparison.ok()) {
    std::cerr << "neardup scan: " << comparison.status().message() << "\n";
    return kExitUsage;
  }
  StoryOptions story_options;
  story_options.tokenize = options.tokenize;
  story_options.story_threshold = flags.threshold;
  const absl::StatusOr<StoryReport> stories =
      AnalyzeStories(docs, story_options);
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
  ScanResult result;
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
                "Do not list skipped inputs on stderr (they stay in the "
                "output).");
  cmd->footer(ExitCodesHelp());
  cmd->callback([flags, exit_code] { *exit_code = RunScan(*flags); });
}

NEARDUP_REGISTER_COMMAND(10, AddScanCommand);

}  // namespace neardup::cli
