// Copyright 2026 The neardup Authors.
//
// Renders `neardup scan`: documents, skipped inputs and pair scores.

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

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
};

Counts Count(absl::Span<const ReadItem> items) {
  Counts c;
  c.read = items.size();
  for (const ReadItem& item : items)
    ++(item.skipped() ? c.skipped : c.processed);
  return c;
}

// Indices into `items` of the documents that were compared, in order.
std::vector<size_t> ComparedItems(absl::Span<const ReadItem> items) {
  std::vector<size_t> index;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].skipped()) index.push_back(i);
  }
  return index;
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

ordered_json PairJson(const PairScores& p, const std::string& a,
                      const std::string& b) {
  using internal::RoundScore;
  ordered_json j;
  j["a"] = a;
  j["b"] = b;
  j["cosine"] = RoundScore(p.cosine);
  j["jaccard"] = RoundScore(p.jaccard);
  j["a_in_b"] = RoundScore(p.a_in_b);
  j["b_in_a"] = RoundScore(p.b_in_a);
  j["shared_shingles"] = p.shared_shingles;
  return j;
}

std::string Fixed(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

void WriteTable(absl::Span<const ReadItem> items, const Comparison& c,
                const CompareOptions& options, std::ostream& out) {
  const Counts counts = Count(items);
  const std::vector<size_t> compared = ComparedItems(items);
  out << "neardup scan: " << counts.read << " inputs, " << counts.processed
      << " documents compared, " << counts.skipped << " skipped, "
      << c.pairs.size() << " pairs (word " << options.shingle_size
      << "-gram shingles, content-word TF-IDF)\n\n";

  size_t id_width = 8;
  for (const ReadItem& item : items) {
    id_width = std::max(id_width, item.document.id.size());
  }
  id_width = std::min<size_t>(id_width, 28);

  out << "Documents\n  " << internal::FitColumn("id", id_width)
      << "  words  shingles  title / status\n";
  size_t k = 0;
  for (const ReadItem& item : items) {
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
  if (c.pairs.empty()) return;

  // Most similar first; ties in input order, so the table is deterministic.
  std::vector<const PairScores*> order;
  for (const PairScores& p : c.pairs) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(),
                   [](const PairScores* x, const PairScores* y) {
                     return x->cosine > y->cosine;
                   });
  out << "\nPairs (most similar first)\n  "
      << internal::FitColumn("a", id_width) << "  "
      << internal::FitColumn("b", id_width)
      << "  cosine  jaccard  a_in_b  b_in_a  shared\n";
  for (const PairScores* p : order) {
    out << "  "
        << internal::FitColumn(items[compared[p->a]].document.id, id_width)
        << "  "
        << internal::FitColumn(items[compared[p->b]].document.id, id_width)
        << "  " << Fixed(p->cosine, 3) << "   " << Fixed(p->jaccard, 3)
        << "    " << Fixed(p->a_in_b, 3) << "   " << Fixed(p->b_in_a, 3) << "  "
        << p->shared_shingles << "\n";
  }
  out << "\ncosine: TF-IDF cosine of content words; jaccard: exact shingle "
         "Jaccard;\na_in_b: share of a's shingles found in b; shared: "
         "shingles in common.\n";
}

void WriteJson(absl::Span<const ReadItem> items, const Comparison& c,
               const CompareOptions& options, bool lines, std::ostream& out) {
  const std::vector<size_t> compared = ComparedItems(items);
  std::vector<ordered_json> docs;
  size_t k = 0;
  for (const ReadItem& item : items) {
    docs.push_back(
        DocumentJson(item, item.skipped() ? nullptr : &c.documents[k++]));
  }
  std::vector<ordered_json> pairs;
  for (const PairScores& p : c.pairs) {
    pairs.push_back(PairJson(p, items[compared[p.a]].document.id,
                             items[compared[p.b]].document.id));
  }
  if (lines) {
    for (ordered_json& d : docs) {
      ordered_json line = {{"type", "document"}};
      line.update(d);
      out << line.dump() << "\n";
    }
    for (ordered_json& p : pairs) {
      ordered_json line = {{"type", "pair"}};
      line.update(p);
      out << line.dump() << "\n";
    }
    return;
  }
  const Counts counts = Count(items);
  ordered_json j;
  j["options"] = {{"shingle_size", options.shingle_size},
                  {"skip_boilerplate", options.tokenize.skip_boilerplate}};
  j["summary"] = {{"read", counts.read},
                  {"processed", counts.processed},
                  {"skipped", counts.skipped},
                  {"pairs", c.pairs.size()}};
  j["documents"] = docs;
  j["pairs"] = pairs;
  out << j.dump(2) << "\n";
}

void WriteCsv(absl::Span<const ReadItem> items, const Comparison& c,
              std::ostream& out) {
  const std::vector<size_t> compared = ComparedItems(items);
  out << "a,b,cosine,jaccard,a_in_b,b_in_a,shared_shingles\n";
  for (const PairScores& p : c.pairs) {
    out << internal::CsvField(items[compared[p.a]].document.id) << ','
        << internal::CsvField(items[compared[p.b]].document.id) << ','
        << Fixed(p.cosine, 4) << ',' << Fixed(p.jaccard, 4) << ','
        << Fixed(p.a_in_b, 4) << ',' << Fixed(p.b_in_a, 4) << ','
        << p.shared_shingles << '\n';
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

void WriteScanReport(absl::Span<const ReadItem> items,
                     const Comparison& comparison,
                     const CompareOptions& options, OutputFormat format,
                     std::ostream& out) {
  switch (format) {
    case OutputFormat::kTable:
      WriteTable(items, comparison, options, out);
      break;
    case OutputFormat::kJson:
      WriteJson(items, comparison, options, /*lines=*/false, out);
      break;
    case OutputFormat::kJsonl:
      WriteJson(items, comparison, options, /*lines=*/true, out);
      break;
    case OutputFormat::kCsv:
      WriteCsv(items, comparison, out);
      break;
  }
}

}  // namespace neardup
