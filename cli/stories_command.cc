// Copyright 2026 The neardup Authors.
//
// `neardup stories [PATH...]`: the syndication analysis alone: stories,
// origins with evidence, member roles, pair relations and shared passages.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "neardup/io.h"
#include "neardup/story.h"
#include "neardup/story_report.h"

#include "commands.h"
#include "exit_codes.h"
#include "reporting.h"

namespace neardup::cli {
namespace {

struct StoriesFlags {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string output = "-";
  double threshold = StoryOptions{}.story_threshold;
  bool explain = false;
  bool all_pairs = false;
  bool quiet = false;
};

int RunStories(const StoriesFlags& flags) {
  std::vector<std::string> paths = flags.paths;
  if (paths.empty()) paths.push_back(DefaultSeedsPath());
  const std::vector<ReadItem> items = ReadAll(paths);
  std::vector<Document> docs;
  for (const ReadItem& item : items) {
    if (!item.skipped()) docs.push_back(item.document);
  }
  const int exit_code = ReportSkips("stories", items, flags.quiet);
  if (docs.empty()) {
    std::cerr << "neardup stories: no usable document\n";
    return kExitNoDocuments;
  }
  StoryOptions options;
  options.story_threshold = flags.threshold;
  const absl::StatusOr<StoryReport> report = AnalyzeStories(docs, options);
  if (!report.ok()) {
    std::cerr << "neardup stories: " << report.status().message() << "\n";
    return kExitUsage;
  }
  OutputStream out(flags.output);
  if (!out.ok()) {
    std::cerr << "neardup stories: cannot write " << flags.output << "\n";
    return kExitUsage;
  }
  StoryRenderOptions render;
  render.explain = flags.explain;
  if (flags.all_pairs) render.min_relation = PairRelation::kUnrelated;
  if (flags.format == "json") {
    WriteStoryJson(docs, *report, render, out.stream());
  } else {
    WriteStoryTable(docs, *report, render, out.stream());
  }
  return exit_code;
}

}  // namespace

void AddStoriesCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<StoriesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "stories",
      "Group documents into stories; name each story's origin (a document, "
      "or an outlet the members credit) with its evidence; give each member "
      "a role (origin, copy, near_duplicate, rewrite, independent) and show "
      "the shared passages.");
  cmd->add_option("paths", flags->paths,
                  "Files, directories or - (stdin, JSONL). Default: "
                  "datasets/seeds.");
  cmd->add_option("-f,--format", flags->format,
                  "Output format: table or json (docs/story-json.md).")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output,
                  "Write the report to this file (- for stdout).")
      ->capture_default_str();
  cmd->add_option("--threshold", flags->threshold,
                  "Story score at which two documents are one story.")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_flag("--explain", flags->explain,
                "Show the reasons for every origin and role.");
  cmd->add_flag("--all-pairs", flags->all_pairs, "List unrelated pairs too.");
  cmd->add_flag("-q,--quiet", flags->quiet,
                "Do not list skipped inputs on stderr.");
  cmd->footer(ExitCodesHelp());
  cmd->callback([flags, exit_code] { *exit_code = RunStories(*flags); });
}

NEARDUP_REGISTER_COMMAND(15, AddStoriesCommand);

}  // namespace neardup::cli
