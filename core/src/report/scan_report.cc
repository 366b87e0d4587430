// Copyright 2026 The neardup Authors.
//
// Renders `neardup scan`: the inputs (skipped ones with their reason), the
// story analysis, and every pair's exact shingle overlap.

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "nlohmann/json.hpp"

#include "neardup/report.h"

#include "report/json_util.h"

namespace neardup {
namespace {

using nlohmann::ordered_json;

struct Counts {
  size_t read = 0;
  size_t processed = 0;
  size_t skipped = 0;
  // Skip reason name -> count, in name order (read == processed + skipped).
  std::map<std::string, size_t> skipped_by_reason;
};

Counts Count(absl::Span<const ReadItem> items) {
  Counts c;
  c.read = items.size();
  for (const ReadItem& item : items) {
    ++(item.skipped() ? c.skipped : c.processed);
    if (item.skipped()) {
      ++c.skipped_by_reason[std::string(SkipReasonName(item.skip.reason))];
    }
  }
  return c;
}

ordered_json DocumentJson(const ReadItem& item, const DocumentStats* stats) {
  ordered_json j;
  j["id"] = item.document.id;
  j["file"] = item.where.file;
  if (item.where.line > 0) j["line"] = item.where.line;
  if (!item.document.title.empty()) j["title"] = item.document.title;
  if (item.skipped()) {
    j["skipped"] = std::string(SkipReasonName(item.skip.reason));
    j["detail"] = item.skip.detail;
  } else {
    j["bytes"] = item.document.text.size();
    j["words"] = stats->words;
    j["shingles"] = stats->shingles;
    j["content_terms"] = stats->content_terms;
    j["boilerplate_lines"] = stats->boilerplate_lines;
  }
  return j;
}

// Index of pair (a, b), a < b, in CompareAll()'s order.
size_t PairIndex(size_t a, size_t b, size_t n) {
  return a * n - a * (a + 1) / 2 + (b - a - 1);
}

// Adds the exact shingle scores of `p` to a pair object.
void AddShingleScores(const PairScores& p, ordered_json& j) {
  using internal::RoundScore;
  j["jaccard"] = RoundScore(p.jaccard);
  j["shingle_a_in_b"] = RoundScore(p.a_in_b);
  j["shingle_b_in_a"] = RoundScore(p.b_in_a);
  j["shared_shingles"] = p.shared_shingles;
}

void WriteTable(const ScanResult& r, const CompareOptions& options,
                const StoryRenderOptions& render, std::ostream& out) {
  const Counts counts = Count(r.items);
  const Comparison& c = *r.comparison;
  out << "neardup scan: " << counts.read << " inputs, " << counts.processed
      << " documents, " << counts.skipped << " skipped, " << c.pairs.size()
      << " pairs\n\n";

  size_t id_width = 8;
  for (const ReadItem& item : r.items) {
    id_width = std::max(id_width, item.document.id.size());
  }
  id_width = std::min<size_t>(id_width, 28);

  out << "Documents\n  " << internal::FitColumn("id", id_width)
      << "  words  shingles  title / status\n";
  size_t k = 0;
  for (const ReadItem& item : r.items) {
    out << "  " << internal::FitColumn(item.document.id, id_width) << "  ";
    if (item.skipped()) {
      out << "    -         -  skipped (" << SkipReasonName(item.skip.reason)
          << "): " << item.skip.detail << "\n";
      continue;
    }
    const DocumentStats& s = c.documents[k++];
    char buf[32];
    std::snprintf(buf, sizeof buf, "%5zu  %8zu  ", s.words, s.shingles);
    out << buf << internal::FitColumn(item.document.title, 48) << "\n";
  }
  out << "\n";
  WriteStoryTable(r.documents, *r.stories, render, out);
  if (c.pairs.empty()) return;

  // Every pair, closest story first; ties in input order (deterministic).
  // The story analysis lists its pairs in the same order as CompareAll().
  const std::vector<PairAnalysis>& analysed = r.stories->pairs;
  std::vector<size_t> order(c.pairs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return analysed[x].story > analysed[y].story;
  });
  out << "\nEvery pair (word " << options.shingle_size
      << "-gram shingles for jaccard and containment)\n"
      << "  relation        cosine  jaccard  a_in_b  b_in_a  shared  a / b\n";
  for (size_t i : order) {
    const PairScores& p = c.pairs[i];
    char buf[96];
    std::snprintf(buf, sizeof buf, "  %-15s %6.3f  %7.3f  %6.3f  %6.3f  %6zu  ",
                  std::string(PairRelationName(analysed[i].relation)).c_str(),
                  analysed[i].cosine, p.jaccard, p.a_in_b, p.b_in_a,
                  p.shared_shingles);
    out << buf << r.documents[p.a].id << " / " << r.documents[p.b].id << "\n";
  }
  out << "\nstory: same-story score (0.5 = one story); cosine: content-word "
         "TF-IDF cosine;\nnames: overlap of rare names and numbers. In the "
         "story pairs a_in_b is the\nshare of a's words in passages shared "
         "with b; under every pair, the share of\na's shingles found in b, "
         "and jaccard the exact shingle Jaccard.\n";
}

// The whole report as JSON; pairs merge the story and shingle scores.
ordered_json ReportJson(const ScanResult& r, const CompareOptions& options,
                        const StoryRenderOptions& render) {
  const Comparison& c = *r.comparison;
  const Counts counts = Count(r.items);
  ordered_json j;
  j["options"] = {{"shingle_size", options.shingle_size},
                  {"skip_boilerplate", options.tokenize.skip_boilerplate}};
  j["summary"] = {{"read", counts.read},
                  {"processed", counts.processed},
                  {"skipped", counts.skipped},
                  {"skipped_by_reason", counts.skipped_by_reason},
                  {"stories", r.stories->stories.size()},
                  {"pairs", c.pairs.size()}};
  ordered_json docs = ordered_json::array();
  size_t k = 0;
  for (const ReadItem& item : r.items) {
    docs.push_back(
        DocumentJson(item, item.skipped() ? nullptr : &c.documents[k++]));
  }
  j["documents"] = std::move(docs);

  StoryRenderOptions every_pair = render;
  every_pair.min_relation = PairRelation::kUnrelated;
  ordered_json story =
      ordered_json::parse(StoryJson(r.documents, *r.stories, every_pair));
  absl::flat_hash_map<std::string, size_t> index;
  for (size_t i = 0; i < r.documents.size(); ++i) {
    index[r.documents[i].id] = i;
  }
  for (ordered_json& pair : story["pairs"]) {
    const size_t a = index.at(pair["a"].get<std::string>());
    const size_t b = index.at(pair["b"].get<std::string>());
    AddShingleScores(c.pairs[PairIndex(a, b, r.documents.size())], pair);
  }
  j["stories"] = std::move(story["stories"]);
  j["pairs"] = std::move(story["pairs"]);
  j["attributions"] = std::move(story["attributions"]);
  return j;
}

void WriteJsonLines(ordered_json report, std::ostream& out) {
  for (ordered_json& d : report["documents"]) {
    ordered_json line = {{"type", "document"}};
    line.update(d);
    out << line.dump() << "\n";
  }
  for (ordered_json& s : report["stories"]) {
    ordered_json line = {{"type", "story"}};
    line.update(s);
    out << line.dump() << "\n";
  }
  for (ordered_json& p : report["pairs"]) {
    ordered_json line = {{"type", "pair"}};
    line.update(p);
    out << line.dump() << "\n";
  }
}

void WriteCsv(const ordered_json& report, std::ostream& out) {
  static const char* const kColumns[] = {"a",
                                         "b",
                                         "relation",
                                         "story",
                                         "cosine",
                                         "names",
                                         "a_in_b",
                                         "b_in_a",
                                         "jaccard",
                                         "shingle_a_in_b",
                                         "shingle_b_in_a",
                                         "shared_shingles"};
  for (size_t i = 0; i < std::size(kColumns); ++i) {
    out << (i ? "," : "") << kColumns[i];
  }
  out << "\n";
  for (const ordered_json& p : report["pairs"]) {
    for (size_t i = 0; i < std::size(kColumns); ++i) {
      const ordered_json& v = p[kColumns[i]];
      out << (i ? "," : "")
          << (v.is_string() ? internal::CsvField(v.get<std::string>())
                            : v.dump());
    }
    out << "\n";
  }
}

}  // namespace

absl::StatusOr<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "csv") return OutputFormat::kCsv;
  return absl::InvalidArgumentError("unknown format '" + std::string(name) +
                                    "' (expected table, json, jsonl or csv)");
}

void WriteScanReport(const ScanResult& result, const CompareOptions& options,
                     const StoryRenderOptions& render, OutputFormat format,
                     std::ostream& out) {
  if (format == OutputFormat::kTable) {
    WriteTable(result, options, render, out);
    return;
  }
  ordered_json report = ReportJson(result, options, render);
  switch (format) {
    case OutputFormat::kJson:
      out << report.dump(2) << "\n";
      break;
    case OutputFormat::kJsonl:
      WriteJsonLines(std::move(report), out);
      break;
    case OutputFormat::kCsv:
      WriteCsv(report, out);
      break;
    case OutputFormat::kTable:
      break;
  }
}

}  // namespace neardup
