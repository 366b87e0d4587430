// Copyright 2026 The neardup Authors.
//
// Renders `neardup scan`: the inputs (skipped ones with their reason), the
// story analysis, and every pair's exact shingle overlap.

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "nlohmann/json.hpp"

#include "neardup/report.h"

#include "internal/pairs.h"
#include "internal/parallel.h"
#include "report/json_util.h"
#include "report/story_json.h"

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

// Adds the exact shingle scores of `p` to a pair object.
void AddShingleScores(const PairScores& p, ordered_json& j) {
  using internal::RoundScore;
  j["jaccard"] = RoundScore(p.jaccard);
  j["shingle_a_in_b"] = RoundScore(p.a_in_b);
  j["shingle_b_in_a"] = RoundScore(p.b_in_a);
  j["shared_shingles"] = p.shared_shingles;
}

// How many pairs the report lists (ScanResult::min_relation).
size_t ListedPairs(const ScanResult& r) {
  size_t listed = 0;
  for (const PairAnalysis& p : r.stories->pairs) {
    listed += p.relation >= r.min_relation;
  }
  return listed;
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
  if (r.min_relation == PairRelation::kUnrelated) {
    out << "\nEvery pair";
  } else {
    out << "\nThe pairs at least " << PairRelationName(r.min_relation) << " ("
        << ListedPairs(r) << " of " << c.pairs.size() << ")";
  }
  out << " (word " << options.shingle_size
      << "-gram shingles for jaccard and containment)\n"
      << "  relation        cosine  jaccard  a_in_b  b_in_a  shared  a / b\n";
  for (size_t i : order) {
    if (analysed[i].relation < r.min_relation) continue;
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

// nlohmann's rendering of `j` (indent 2, invalid UTF-8 replaced) as it
// appears nested `depth` levels deep in a larger dump.
std::string Nested(const ordered_json& j, int depth) {
  const std::string flat =
      j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(flat.size());
  for (const char ch : flat) {
    out.push_back(ch);
    if (ch == '\n') out.append(2 * static_cast<size_t>(depth), ' ');
  }
  return out;
}

std::string Line(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// The report's head: options, summary and documents.
ordered_json HeadJson(const ScanResult& r, const CompareOptions& options) {
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
                  {"pairs", c.pairs.size()},
                  {"pairs_listed", ListedPairs(r)}};
  ordered_json docs = ordered_json::array();
  size_t k = 0;
  for (const ReadItem& item : r.items) {
    docs.push_back(
        DocumentJson(item, item.skipped() ? nullptr : &c.documents[k++]));
  }
  j["documents"] = std::move(docs);
  return j;
}

// Renders every pair listed (ScanResult::min_relation), each pair's story
// fields followed by its exact shingle scores, with render(pair json) ->
// std::string, and passes the strings to write(text) in report order.
// Blocks of pairs are rendered on `threads` threads and written in order,
// so the bytes do not depend on the number of threads; a scan of 2,000
// documents has 2 million pairs, so only one block is held at a time.
template <typename Render, typename Write>
void ForEachPair(const ScanResult& r, int threads, const Render& render,
                 const Write& write) {
  constexpr size_t kBlock = 4096;
  const size_t n = r.documents.size();
  const std::vector<PairAnalysis>& pairs = r.stories->pairs;
  std::vector<const PairAnalysis*> block;
  std::vector<std::string> texts;
  for (size_t next = 0; next < pairs.size();) {
    block.clear();
    for (; next < pairs.size() && block.size() < kBlock; ++next) {
      if (pairs[next].relation >= r.min_relation) block.push_back(&pairs[next]);
    }
    texts.assign(block.size(), std::string());
    internal::ParallelFor(
        block.size(), internal::ThreadCount(threads),
        [&](size_t begin, size_t end) {
          for (size_t i = begin; i < end; ++i) {
            const PairAnalysis& p = *block[i];
            ordered_json pair = internal::PairJson(r.documents, p);
            AddShingleScores(
                r.comparison->pairs[internal::PairIndex(p.a, p.b, n)], pair);
            texts[i] = render(pair);
          }
        });
    for (const std::string& text : texts) write(text);
  }
}

// The report as one JSON object (docs/scan-output.md), written piece by
// piece, byte for byte as nlohmann's dump(2) of the whole would be.
void WriteJson(const ScanResult& r, const CompareOptions& options,
               std::ostream& out) {
  bool first = true;
  auto key = [&](std::string_view name) {
    out << (first ? "{\n  \"" : ",\n  \"") << name << "\": ";
    first = false;
  };
  const ordered_json head = HeadJson(r, options);
  for (const auto& [name, value] : head.items()) {
    key(name);
    out << Nested(value, 1);
  }
  key("stories");
  out << Nested(internal::StoriesJson(r.documents, *r.stories), 1);
  key("pairs");
  size_t written = 0;
  ForEachPair(
      r, options.threads,
      [](const ordered_json& pair) { return Nested(pair, 2); },
      [&](const std::string& text) {
        out << (written++ == 0 ? "[\n    " : ",\n    ") << text;
      });
  out << (written == 0 ? "[]" : "\n  ]");
  key("attributions");
  out << Nested(internal::AttributionsJson(r.documents, *r.stories), 1);
  out << "\n}\n";
}

void WriteJsonLines(const ScanResult& r, const CompareOptions& options,
                    std::ostream& out) {
  auto typed = [](const char* type, const ordered_json& fields) {
    ordered_json line = {{"type", type}};
    line.update(fields);
    return Line(line);
  };
  auto write = [&](const char* type, const ordered_json& fields) {
    out << typed(type, fields) << "\n";
  };
  const ordered_json head = HeadJson(r, options);
  for (const ordered_json& d : head["documents"]) {
    write("document", d);
  }
  for (const ordered_json& s : internal::StoriesJson(r.documents, *r.stories)) {
    write("story", s);
  }
  ForEachPair(
      r, options.threads,
      [&](const ordered_json& p) { return typed("pair", p); },
      [&](const std::string& text) { out << text << "\n"; });
}

void WriteCsv(const ScanResult& r, int threads, std::ostream& out) {
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
                                         "shared_shingles",
                                         "a_retold",
                                         "b_retold"};
  for (size_t i = 0; i < std::size(kColumns); ++i) {
    out << (i ? "," : "") << kColumns[i];
  }
  out << "\n";
  ForEachPair(
      r, threads,
      [&](const ordered_json& p) {
        std::string row;
        for (size_t i = 0; i < std::size(kColumns); ++i) {
          // a_retold and b_retold are only in rewrite pairs: 0 elsewhere.
          const auto it = p.find(kColumns[i]);
          const ordered_json v = it != p.end() ? *it : ordered_json(0.0);
          if (i) row += ',';
          row += v.is_string() ? internal::CsvField(v.get<std::string>())
                               : Line(v);
        }
        return row;
      },
      [&](const std::string& row) { out << row << "\n"; });
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
  switch (format) {
    case OutputFormat::kJson:
      WriteJson(result, options, out);
      break;
    case OutputFormat::kJsonl:
      WriteJsonLines(result, options, out);
      break;
    case OutputFormat::kCsv:
      WriteCsv(result, options.threads, out);
      break;
    case OutputFormat::kTable:
      break;
  }
}

}  // namespace neardup
