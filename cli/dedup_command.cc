// Copyright 2026 The neardup Authors.
//
// `neardup dedup [PATH...|-] -o OUT.jsonl`: clusters near-duplicates in a
// large corpus and writes one verdict per input document, in input order.

#include <cinttypes>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

#include "neardup/dedup.h"
#include "neardup/io.h"

#include "commands.h"
#include "exit_codes.h"
#include "ordered_batches.h"
#include "progress.h"
#include "reporting.h"

namespace neardup::cli {
namespace {

struct DedupFlags {
  std::vector<std::string> paths;
  std::string output = "-";
  double threshold = 0.8;
  double containment = 0.9;
  double partial_lsh = 0.5;
  double cosine = 0;
  int simhash_distance = 3;
  int num_registers = 128;
  int shingle_size = 5;
  std::vector<std::string> duplicates = {"copy", "near_duplicate", "partial",
                                         "rewrite"};
  int threads = 0;
  size_t batch = kBatchDocs;
  bool keep_boilerplate = false;
  bool quiet = false;
  std::string progress = "auto";
  int64_t max_doc_bytes = ReadOptions{}.max_doc_bytes;
  int64_t memory_budget = 0;  // Bytes; 0: no budget.
};

// Appends `s` as a JSON string literal.
void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (const char c : s) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

// Every input item, in order: document ids in one arena; skipped items keep
// their reason and location.
struct ItemLog {
  struct Skipped {
    size_t item = 0;
    SkipReason reason = SkipReason::kNone;
    std::string detail;
    std::string where;
  };
  std::string ids;
  std::vector<uint64_t> id_end;  // Per item: end of its id in `ids`.
  std::vector<uint32_t> doc;     // Per item: document number, or
  static constexpr uint32_t kSkipped = UINT32_MAX;  // this.
  std::vector<Skipped> skipped;
  std::vector<size_t> item_of_doc;  // Per document: its item.

  std::string_view id(size_t item) const {
    const uint64_t begin = item == 0 ? 0 : id_end[item - 1];
    return std::string_view(ids).substr(begin, id_end[item] - begin);
  }
};

void WriteRecord(const ItemLog& log, const DedupResult& result, size_t item,
                 std::string* out) {
  out->append("{\"id\":");
  AppendJsonString(log.id(item), out);
  const uint32_t d = log.doc[item];
  if (d == ItemLog::kSkipped) return;  // The caller writes the skip fields.
  const DocVerdict& v = result.docs[d];
  char buf[160];
  std::snprintf(buf, sizeof(buf), ",\"cluster\":%" PRIu32 ",\"keep\":%s",
                v.cluster, v.keep() ? "true" : "false");
  out->append(buf);
  out->append(",\"duplicate_of\":");
  if (v.keep()) {
    out->append("null");
  } else {
    AppendJsonString(log.id(log.item_of_doc[v.representative]), out);
  }
  out->append(",\"relation\":\"");
  out->append(RelationName(v.relation));
  std::snprintf(buf, sizeof(buf),
                "\",\"jaccard\":%.4f,\"containment\":%.4f,\"hamming\":%d",
                v.jaccard, v.containment, v.hamming);
  out->append(buf);
  if (v.cosine >= 0) {
    std::snprintf(buf, sizeof(buf), ",\"cosine\":%.4f", v.cosine);
    out->append(buf);
  }
  out->append("}\n");
}

// True when the index and the id log exceed `budget` bytes. Documents are
// logged as they are added, so the index holds every document logged.
bool OverBudget(const Deduplicator& dedup, const ItemLog& log, int64_t budget) {
  const uint64_t ids = log.ids.capacity() + 8 * log.id_end.capacity() +
                       4 * log.doc.capacity() + 8 * log.item_of_doc.capacity();
  return dedup.MemoryBytes() + ids > static_cast<uint64_t>(budget);
}

int RunDedup(const DedupFlags& flags) {
  std::vector<std::string> paths = flags.paths;
  if (paths.empty()) paths.push_back("-");
  DedupOptions options;
  options.shingle_size = flags.shingle_size;
  options.num_registers = flags.num_registers;
  options.jaccard_threshold = flags.threshold;
  options.containment_threshold = flags.containment;
  options.partial_lsh_threshold = flags.partial_lsh;
  options.cosine_threshold = flags.cosine;
  if (flags.cosine > 0) {
    for (const std::string& p : paths) {
      if (p == "-") {
        std::cerr << "neardup dedup: --cosine reads the input twice, so it "
                     "needs files, not standard input\n";
        return kExitUsage;
      }
    }
  }
  options.simhash_distance = flags.simhash_distance;
  options.tokenize.skip_boilerplate = !flags.keep_boilerplate;
  options.duplicate_relations.clear();
  for (const std::string& name : flags.duplicates) {
    absl::StatusOr<Relation> r = ParseRelation(name);
    if (!r.ok() || *r == Relation::kNone) {
      std::cerr << "neardup dedup: --duplicates: unknown relation " << name
                << "\n";
      return kExitUsage;
    }
    options.duplicate_relations.push_back(*r);
  }
  absl::StatusOr<Deduplicator> dedup = Deduplicator::Create(options);
  if (!dedup.ok()) {
    std::cerr << "neardup dedup: " << dedup.status().message() << "\n";
    return kExitUsage;
  }
  const int threads = ThreadCount(flags.threads);
  if (!flags.quiet) {
    std::cerr << "neardup dedup: LSH " << DescribeLshParams(dedup->lsh_params())
              << "\n";
    if (dedup->partial_lsh_params().bands > 0) {
      std::cerr << "neardup dedup: partial LSH "
                << DescribeLshParams(dedup->partial_lsh_params()) << "\n";
    }
  }
  OutputStream out(flags.output);
  if (!out.ok()) {
    std::cerr << "neardup dedup: cannot write " << flags.output << "\n";
    return kExitUsage;
  }
  Progress progress(ShowProgress(flags.progress, flags.quiet),
                    InputBytes(paths));

  // Each worker reads a batch, sketches it and adds it in input order
  // (RunOrderedBatches). The memory budget is checked while adding, in
  // order, so the documents it cuts do not depend on the thread count.
  ItemLog log;
  ReadOptions read_options;
  read_options.max_doc_bytes = flags.max_doc_bytes;
  DocumentReader reader(paths, read_options);
  Accounting accounting;
  bool over_budget = false;
  uint64_t docs_read = 0, bytes_read = 0;
  const uint64_t input_bytes = InputBytes(paths);
  // A worker's batch; its items keep their strings' capacity.
  struct Batch {
    std::vector<ReadItem> items;
    std::vector<DocSketch> sketches;  // Per item; empty when skipped.
    size_t size = 0;
  };
  auto read = [&](Batch* batch) {
    batch->size = 0;
    while (batch->size < flags.batch) {
      if (batch->size == batch->items.size()) batch->items.emplace_back();
      if (!reader.Next(&batch->items[batch->size])) break;
      ++batch->size;
    }
    return batch->size > 0;
  };
  auto sketch = [&](Batch* batch) {
    if (batch->sketches.size() < batch->size) {
      batch->sketches.resize(batch->size);
    }
    for (size_t i = 0; i < batch->size; ++i) {
      const ReadItem& item = batch->items[i];
      if (!item.skipped()) batch->sketches[i] = dedup->Sketch(item.document);
    }
  };
  auto add = [&](Batch* batch) {
    // When the input size is known, reserve the index from the first
    // batch's mean document size (growing arrays would leave up to 2x
    // slack). Not under a memory budget: reserved room counts against it.
    if (docs_read == 0 && input_bytes > 0 && flags.memory_budget == 0) {
      uint64_t docs = 0, bytes = 0;
      for (size_t i = 0; i < batch->size; ++i) {
        if (batch->items[i].skipped()) continue;
        ++docs;
        bytes += batch->items[i].document.text.size();
      }
      if (bytes > 0) {
        dedup->Reserve(
            static_cast<size_t>(1.05 * input_bytes / (bytes / docs)));
      }
    }
    for (size_t i = 0; i < batch->size; ++i) {
      ReadItem& item = batch->items[i];
      if (!item.skipped() && flags.memory_budget > 0 &&
          (over_budget || OverBudget(*dedup, log, flags.memory_budget))) {
        if (!over_budget && !flags.quiet) {
          progress.Done();
          std::cerr << "neardup dedup: over --memory-budget "
                    << flags.memory_budget << " bytes after "
                    << log.item_of_doc.size()
                    << " documents: the rest are skipped (over_limit), not "
                       "clustered; raise the budget or split the input\n";
        }
        over_budget = true;
        item.document.text.clear();
        item.skip = {SkipReason::kOverLimit,
                     absl::StrCat("over --memory-budget ", flags.memory_budget,
                                  " bytes")};
      }
      accounting.Count(item);
      log.ids.append(item.document.id);
      log.id_end.push_back(log.ids.size());
      if (item.skipped()) {
        log.doc.push_back(ItemLog::kSkipped);
        log.skipped.push_back({log.doc.size() - 1, item.skip.reason,
                               item.skip.detail, ToString(item.where)});
        if (!flags.quiet) {
          progress.Done();
          std::cerr << "neardup dedup: " << log.skipped.back().where
                    << ": skipped " << item.document.id << " ("
                    << SkipReasonName(item.skip.reason)
                    << "): " << log.skipped.back().detail << "\n";
        }
        continue;
      }
      log.doc.push_back(static_cast<uint32_t>(log.item_of_doc.size()));
      log.item_of_doc.push_back(log.doc.size() - 1);
      dedup->Add(batch->sketches[i]);
      ++docs_read;
      bytes_read += item.document.text.size();
    }
    progress.Update(docs_read, bytes_read);
  };
  RunOrderedBatches<Batch>(threads, read, sketch, add);
  progress.Update(docs_read, bytes_read, /*force=*/true);
  if (dedup->wants_cosine_pass()) {
    // Second pass: TF-IDF vectors need every document's frequencies.
    progress.Message("cosine pass: TF-IDF vectors");
    DocumentReader again(paths, read_options);
    uint32_t added = 0;
    struct CosineBatch {
      ReadItem item;
      std::vector<Document> docs;
      size_t size = 0;
      std::vector<TermVector> vectors;
    };
    auto read_again = [&](CosineBatch* batch) {
      batch->size = 0;
      // Documents over the memory budget were never added: stop at the
      // last one that was.
      while (batch->size < flags.batch && added < dedup->size() &&
             again.Next(&batch->item)) {
        if (batch->item.skipped()) continue;
        if (batch->size == batch->docs.size()) batch->docs.emplace_back();
        std::swap(batch->docs[batch->size++], batch->item.document);
        ++added;
      }
      return batch->size > 0;
    };
    auto vectorize = [&](CosineBatch* batch) {
      batch->vectors = dedup->CosineVectorBatch(
          absl::MakeConstSpan(batch->docs.data(), batch->size), 1);
    };
    auto add_vectors = [&](CosineBatch* batch) {
      dedup->AddCosineVectors(std::move(batch->vectors));
    };
    RunOrderedBatches<CosineBatch>(threads, read_again, vectorize, add_vectors);
  }
  progress.Message("finding and verifying candidates");
  const DedupResult result = dedup->Finish(threads);
  progress.Done();

  std::string buf;
  size_t next_skip = 0;
  for (size_t item = 0; item < log.doc.size(); ++item) {
    WriteRecord(log, result, item, &buf);
    if (log.doc[item] == ItemLog::kSkipped) {
      const ItemLog::Skipped& s = log.skipped[next_skip++];
      buf.append(",\"skipped\":true,\"reason\":\"");
      buf.append(SkipReasonName(s.reason));
      buf.append("\",\"detail\":");
      AppendJsonString(s.detail, &buf);
      buf.append(",\"where\":");
      AppendJsonString(s.where, &buf);
      buf.append("}\n");
    }
    if (buf.size() > (1 << 20)) {
      out.stream().write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.stream().write(buf.data(), static_cast<std::streamsize>(buf.size()));
  out.stream().flush();
  if (!out.ok()) {
    std::cerr << "neardup dedup: write to " << flags.output << " failed\n";
    return kExitInternal;
  }
  const DedupStats& st = result.stats;
  if (!flags.quiet) {
    std::fprintf(
        stderr,
        "neardup dedup: %" PRIu64 " documents, %zu skipped; %" PRIu64
        " clusters (largest %" PRIu64 "), %" PRIu64
        " duplicates; candidates %" PRIu64 " LSH + %" PRIu64
        " partial LSH + %" PRIu64 " SimHash + %" PRIu64 " cosine, %" PRIu64
        " verified edges; index %.0f B/doc\n",
        st.documents, log.skipped.size(), st.clusters, st.largest_cluster,
        st.duplicates, st.lsh_candidates, st.partial_lsh_candidates,
        st.simhash_candidates, st.cosine_candidates, st.verified_edges,
        st.documents ? static_cast<double>(st.index_bytes) / st.documents
                     : 0.0);
    accounting.PrintSummary("dedup");
  }
  if (st.documents == 0) {
    std::cerr << "neardup dedup: no usable document in the input\n";
    return kExitNoDocuments;
  }
  return accounting.ExitCode();
}

}  // namespace

void AddDedupCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<DedupFlags>();
  CLI::App* cmd = app.add_subcommand(
      "dedup",
      "Cluster near-duplicates in a large corpus (JSONL in, JSONL out): one "
      "record per input document, in input order, with its cluster, whether "
      "to keep it, what it duplicates and how.");
  cmd->add_option("paths", flags->paths,
                  "JSONL files, directories or - (stdin). Default: -.");
  cmd->add_option("-o,--output", flags->output,
                  "Write the JSONL verdicts here (- for stdout).")
      ->capture_default_str();
  cmd->add_option("-t,--threshold", flags->threshold,
                  "near_duplicate: estimated shingle Jaccard at least this "
                  "(also sets the LSH bands).")
      ->check(CLI::Range(0.05, 0.99))
      ->capture_default_str();
  cmd->add_option("--containment", flags->containment,
                  "partial: share of the smaller document found in the "
                  "larger.")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  cmd->add_option("--partial-lsh", flags->partial_lsh,
                  "A second LSH banding tuned to this Jaccard finds partial "
                  "candidates (truncations); 0 turns it off.")
      ->check(CLI::Range(0.0, 0.99))
      ->capture_default_str();
  cmd->add_option("--cosine", flags->cosine,
                  "rewrite: compact TF-IDF cosine of the content words at "
                  "least this, by all-pairs prefix filtering; reads the input "
                  "twice; 0 turns it off.")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--simhash-distance", flags->simhash_distance,
                  "rewrite: SimHash distance of the content words at most "
                  "this; -1 turns the SimHash path off.")
      ->check(CLI::Range(-1, 16))
      ->capture_default_str();
  cmd->add_option("-k,--num-registers", flags->num_registers,
                  "MinHash registers (a multiple of 8).")
      ->check(CLI::Range(8, 1024))
      ->capture_default_str();
  cmd->add_option("-n,--shingle-size", flags->shingle_size,
                  "Words per shingle.")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--duplicates", flags->duplicates,
                  "Relations that make a document a duplicate: copy, "
                  "near_duplicate, partial, rewrite.")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("-j,--threads", flags->threads,
                  "Worker threads (0: all cores). The output is the same for "
                  "any value.")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  cmd->add_option("--batch", flags->batch,
                  "Documents per batch: each thread reads, sketches and adds "
                  "one batch at a time.")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  AddProgressOption(cmd, &flags->progress);
  AddMaxDocBytesOption(cmd, &flags->max_doc_bytes);
  cmd->add_option("--memory-budget", flags->memory_budget,
                  "Bytes the index (signatures, shingle samples, ids) may "
                  "hold (0: no budget). Once it is full, the remaining "
                  "documents are skipped (over_limit) with a message, still "
                  "one record each. Suffixes k, m, g (powers of 1024).")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  cmd->add_flag("--keep-boilerplate", flags->keep_boilerplate,
                "Do not drop page-template lines before comparing.");
  cmd->add_flag("-q,--quiet", flags->quiet,
                "No skip messages, summary or progress on stderr.");
  cmd->footer(ExitCodesHelp());
  cmd->callback([flags, exit_code] { *exit_code = RunDedup(*flags); });
}

NEARDUP_REGISTER_COMMAND(20, AddDedupCommand);

}  // namespace neardup::cli
