// Copyright 2026 The neardup Authors.
//
// `neardup sketch [PATH...|-]`: one JSONL record per document with its
// MinHash signature (base64) and SimHash-64 (hex), for pipelines that store
// or shuffle signatures themselves. Byte layout: docs/signature-format.md.

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

#include "neardup/io.h"
#include "neardup/minhash.h"
#include "neardup/sketch.h"

#include "commands.h"
#include "exit_codes.h"
#include "ordered_batches.h"
#include "progress.h"
#include "reporting.h"

namespace neardup::cli {
namespace {

struct SketchFlags {
  std::vector<std::string> paths;
  std::string output = "-";
  int shingle_size = 5;
  int num_registers = 128;
  std::string mode = "classic";
  uint64_t seed = 1;
  int bits = 32;
  std::string weighting = "counts";
  bool keep_boilerplate = false;
  bool quiet = false;
  int64_t max_doc_bytes = ReadOptions{}.max_doc_bytes;
  int threads = 0;
  std::string progress = "auto";
};

// "minhash-classic-k128-b32-seed1-n5": what a reader needs to compare two
// records (same scheme) or decode one.
std::string Scheme(const SketchFlags& flags) {
  return absl::StrCat("minhash-", flags.mode, "-k", flags.num_registers, "-b",
                      flags.bits, "-seed", flags.seed, "-n", flags.shingle_size,
                      "/simhash-", flags.weighting);
}

// The output line (with its newline) of a skipped item.
std::string SkipRecord(const ReadItem& item) {
  nlohmann::ordered_json record;
  record["id"] = item.document.id;
  record["source"] = ToString(item.where);
  record["skipped"] = std::string(SkipReasonName(item.skip.reason));
  record["detail"] = item.skip.detail;
  return record.dump() + "\n";
}

// Sets `*line` to the output line of a signed document.
void FormatSketchRecord(const SketchFlags& flags, const std::string& scheme,
                        const std::string& id, const DocumentSketch& s,
                        std::string* line) {
  // Registers as little-endian bytes: all of them (b = 32) or their low
  // b bits (Li & König 2010).
  const absl::StatusOr<BbitSignature> packed =
      CompressBbit(s.minhash, flags.bits);
  const std::string bytes(packed->packed.begin(), packed->packed.end());
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx",
                static_cast<unsigned long long>(s.simhash));
  // The same bytes nlohmann would write for this record; only the id can
  // need escaping (the scheme, base64 and hex are plain ASCII), and
  // escaping the ~700-byte base64 string character by character took ~9%
  // of the command's CPU time (perf, 100,000 generated documents).
  line->clear();
  absl::StrAppend(line, "{\"id\":", nlohmann::json(id).dump(), ",\"scheme\":\"",
                  scheme, "\",\"minhash\":\"", absl::Base64Escape(bytes),
                  "\",\"simhash\":\"", hex, "\",\"tokens\":", s.num_tokens,
                  ",\"shingles\":", s.num_shingles, "}\n");
}

int RunSketch(const SketchFlags& flags) {
  SketchOptions options;
  options.shingle_size = flags.shingle_size;
  options.minhash.num_registers = flags.num_registers;
  options.minhash.mode = flags.mode == "oph" ? MinHashMode::kOnePermutation
                                             : MinHashMode::kClassic;
  options.minhash.seed = flags.seed;
  options.simhash_weighting = flags.weighting == "uniform"
                                  ? SimHashWeighting::kUniform
                                  : SimHashWeighting::kCounts;
  options.tokenize.skip_boilerplate = !flags.keep_boilerplate;
  const absl::StatusOr<Sketcher> sketcher = Sketcher::Create(options);
  if (!sketcher.ok()) {
    std::cerr << "neardup sketch: " << sketcher.status().message() << "\n";
    return kExitUsage;
  }
  OutputStream output(flags.output);
  if (!output.ok()) {
    std::cerr << "neardup sketch: cannot write " << flags.output << "\n";
    return kExitUsage;
  }
  std::ostream& out = output.stream();
  const std::string scheme = Scheme(flags);
  std::vector<std::string> paths = flags.paths;
  if (paths.empty()) paths.push_back("-");
  Progress progress(ShowProgress(flags.progress, flags.quiet),
                    InputBytes(paths));
  ReadOptions read_options;
  read_options.max_doc_bytes = flags.max_doc_bytes;
  DocumentReader reader(paths, read_options);
  Accounting accounting;
  // A worker's batch; its items and lines keep their strings' capacity from
  // batch to batch.
  struct Batch {
    std::vector<ReadItem> items;
    std::vector<std::string> lines;
    size_t size = 0;
    uint64_t bytes = 0;
  };
  uint64_t docs_done = 0, bytes_done = 0;
  auto read = [&](Batch* batch) {
    batch->size = 0;
    batch->bytes = 0;
    while (batch->size < kBatchDocs && batch->bytes < kBatchBytes) {
      if (batch->size == batch->items.size()) batch->items.emplace_back();
      ReadItem& item = batch->items[batch->size];
      if (!reader.Next(&item)) break;
      ++batch->size;
      accounting.Count(item);
      batch->bytes += item.document.text.size();
    }
    return batch->size > 0;
  };
  auto process = [&](Batch* batch) {
    if (batch->lines.size() < batch->size) batch->lines.resize(batch->size);
    for (size_t i = 0; i < batch->size; ++i) {
      const ReadItem& item = batch->items[i];
      if (item.skipped()) {
        batch->lines[i] = SkipRecord(item);
      } else {
        FormatSketchRecord(flags, scheme, item.document.id,
                           sketcher->Sketch(item.document.text),
                           &batch->lines[i]);
      }
    }
  };
  auto emit = [&](Batch* batch) {
    for (size_t i = 0; i < batch->size; ++i) {
      const ReadItem& item = batch->items[i];
      if (item.skipped() && !flags.quiet) {
        progress.Done();
        PrintSkip("sketch", item);
      }
      out << batch->lines[i];
    }
    docs_done += batch->size;
    bytes_done += batch->bytes;
    progress.Update(docs_done, bytes_done);
  };
  RunOrderedBatches<Batch>(ThreadCount(flags.threads), read, process, emit);
  progress.Update(docs_done, bytes_done, /*force=*/true);
  out.flush();
  progress.Done();
  if (!flags.quiet) accounting.PrintSummary("sketch");
  if (accounting.processed() == 0) {
    std::cerr << "neardup sketch: no usable document in the input\n";
  }
  return accounting.ExitCode();
}

}  // namespace

void AddSketchCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<SketchFlags>();
  CLI::App* cmd = app.add_subcommand(
      "sketch",
      "Write one JSONL record per document: id, MinHash signature (base64 of "
      "little-endian registers), SimHash-64 (hex), token and shingle counts. "
      "Skipped documents get a record with \"skipped\" and the reason.");
  cmd->add_option("paths", flags->paths,
                  "Files, directories or - (stdin, JSONL; the default).");
  cmd->add_option("-o,--output", flags->output,
                  "Write the records to this file (- for stdout).")
      ->capture_default_str();
  cmd->add_option("-n,--shingle-size", flags->shingle_size,
                  "Words per shingle.")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  cmd->add_option("-k,--registers", flags->num_registers,
                  "MinHash registers: a multiple of 8 in [8, 1024].")
      ->check(CLI::Range(8, 1024))
      ->capture_default_str();
  cmd->add_option("--mode", flags->mode,
                  "MinHash mode: classic (k hash functions) or oph (one "
                  "permutation, densified; faster).")
      ->check(CLI::IsMember({"classic", "oph"}))
      ->capture_default_str();
  cmd->add_option("--seed", flags->seed, "MinHash seed.")
      ->capture_default_str();
  cmd->add_option("-b,--bits", flags->bits,
                  "Bits kept per register: 32 (full), 16 or 8 (b-bit).")
      ->check(CLI::IsMember({8, 16, 32}))
      ->capture_default_str();
  cmd->add_option("--weighting", flags->weighting,
                  "SimHash weights of content words: counts or uniform.")
      ->check(CLI::IsMember({"counts", "uniform"}))
      ->capture_default_str();
  cmd->add_flag("--keep-boilerplate", flags->keep_boilerplate,
                "Do not drop page-template lines before signing.");
  cmd->add_flag("-q,--quiet", flags->quiet,
                "Do not list skipped inputs on stderr (they stay in the "
                "output).");
  cmd->add_option("-j,--threads", flags->threads,
                  "Worker threads (0: all cores). The output is the same for "
                  "any value.")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  AddProgressOption(cmd, &flags->progress);
  AddMaxDocBytesOption(cmd, &flags->max_doc_bytes,
                       " Sketching streams: each thread holds one batch of 64 "
                       "documents or 256 KiB of text (or one larger "
                       "document).");
  cmd->footer(ExitCodesHelp());
  cmd->callback([flags, exit_code] { *exit_code = RunSketch(*flags); });
}

NEARDUP_REGISTER_COMMAND(30, AddSketchCommand);

}  // namespace neardup::cli
