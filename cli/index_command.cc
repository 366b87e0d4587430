// Copyright 2026 The neardup Authors.
//
// `neardup index create|ingest|add|query|delete|stats|story --index DIR`: the
// persistent streaming index (index.h) in a Unix pipeline. ingest, add and
// query read JSONL (or any input neardup reads) from files or standard input
// and write one JSONL verdict per input document to standard output, in
// input order; ingest prints a verdict only once its document is durable.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#if defined(__GLIBC__)  // Set by the C++ headers above.
#include <malloc.h>
#endif

#include "absl/status/status.h"
#include "nlohmann/json.hpp"

#include "neardup/index.h"
#include "neardup/io.h"

#include "commands.h"
#include "exit_codes.h"
#include "ordered_batches.h"
#include "progress.h"
#include "reporting.h"

namespace neardup::cli {
namespace {

struct IndexFlags {
  std::string index;
  std::vector<std::string> paths;
  // create
  int shingle_size = 5;
  int num_registers = 128;
  double jaccard = 0.8;
  int simhash_distance = 3;
  bool no_attributions = false;
  double topic_cosine = IndexOptions{}.topic_cosine;
  double max_gb = 32;
  // ingest / add / query
  int batch = 1000;
  int flush_ms = 50;
  int threads = 1;
  bool no_sync = false;
  int max_matches = 10;
  int64_t max_doc_bytes = ReadOptions{}.max_doc_bytes;
  int64_t memory_budget = 0;           // ingest / add; bytes, 0: none.
  std::string expected_docs = "auto";  // ingest / add: auto, or a count.
  bool quiet = false;
  std::string progress = "auto";  // ingest / add / query
  // delete / story
  std::vector<std::string> ids;
};

int ErrorExit(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
      return kExitUsage;
    default:
      return kExitInternal;
  }
}

int Fail(std::string_view command, const absl::Status& status) {
  std::cerr << "neardup index " << command << ": " << status.message() << "\n";
  return ErrorExit(status.code());
}

IndexOpenOptions ToOpenOptions(const IndexFlags& flags, bool read_only) {
  IndexOpenOptions open;
  open.threads = flags.threads;
  open.sync = !flags.no_sync;
  open.max_matches = flags.max_matches;
  open.read_only = read_only;
  open.memory_budget = static_cast<uint64_t>(flags.memory_budget);
  return open;
}

int RunCreate(const IndexFlags& flags) {
  IndexOptions options;
  options.dedup.shingle_size = flags.shingle_size;
  options.dedup.num_registers = flags.num_registers;
  options.dedup.jaccard_threshold = flags.jaccard;
  options.dedup.simhash_distance = flags.simhash_distance;
  options.attributions = !flags.no_attributions;
  options.topic_cosine = flags.topic_cosine;
  options.max_bytes = static_cast<uint64_t>(flags.max_gb * (1 << 30));
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Create(flags.index, options);
  if (!index.ok()) return Fail("create", index.status());
  absl::StatusOr<IndexStats> stats = (*index)->Stats();
  if (!stats.ok()) return Fail("create", stats.status());
  std::cout << StatsToJson(*stats) << "\n";
  const absl::Status closed = (*index)->Close();
  if (!closed.ok()) return Fail("create", closed);
  return kExitOk;
}

// Reads items on a thread of its own, so that a batch is written while the
// next one is read, and so that a quiet standard input still flushes a
// partial batch after flush_ms.
class ItemQueue {
 public:
  ItemQueue(std::vector<std::string> paths, const ReadOptions& options,
            size_t capacity)
      : capacity_(capacity),
        reader_(std::move(paths), options),
        thread_([this] { Read(); }) {}
  ~ItemQueue() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // Up to `max` items into *out: waits for the first, then at most until
  // `wait` after it. Returns false once every input is read and taken.
  bool Take(size_t max, std::chrono::milliseconds wait,
            std::vector<ReadItem>* out) {
    out->clear();
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [this] { return !items_.empty() || done_; });
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (out->size() < max) {
      if (items_.empty()) {
        if (done_) break;
        if (!changed_.wait_until(lock, deadline,
                                 [this] { return !items_.empty() || done_; })) {
          break;
        }
        continue;
      }
      out->push_back(std::move(items_.front()));
      items_.pop_front();
      changed_.notify_all();
    }
    return !out->empty() || !done_;
  }

 private:
  void Read() {
    ReadItem item;
    while (reader_.Next(&item)) {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock,
                    [this] { return items_.size() < capacity_ || stop_; });
      if (stop_) return;
      items_.push_back(std::move(item));
      item = ReadItem();
      changed_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    changed_.notify_all();
  }

  const size_t capacity_;
  DocumentReader reader_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<ReadItem> items_;
  bool done_ = false;
  bool stop_ = false;
  std::thread thread_;
};

// Prints the skip on stderr, on a line of its own below the progress line.
void NoteSkip(std::string_view command, const ReadItem& item,
              const IndexVerdict& v, bool quiet, Progress* progress) {
  if (!quiet) {
    progress->Done();
    PrintSkip("index " + std::string(command), item.where, v.id, v.skip);
  }
}

// "neardup index CMD: summary: read R, processed P, skipped S (reason n, ...)
// in T s", as every reading command states it (reporting.h).
int Finish(std::string_view command, const Accounting& accounting, bool quiet,
           double seconds) {
  if (!quiet) {
    std::fprintf(stderr, "neardup index %.*s: summary: %s in %.2f s\n",
                 static_cast<int>(command.size()), command.data(),
                 accounting.Summary().c_str(), seconds);
  }
  return accounting.ExitCode();
}

// Each batch allocates and frees megabytes of documents, on the reader's
// thread and this one. glibc's defaults hand freed memory at the top of a
// heap back to the kernel (trim) once 128 KiB are free, and the next batch
// faults the pages in again, zeroed: ~10% of ingest's CPU. Keep up to
// 256 MiB freed memory for reuse instead, and serve blocks up to 32 MiB from
// the heap (the postings table and LMDB map their memory themselves).
void KeepFreedMemory() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

// ingest (matches) and add (none): batches of documents, each one durable
// transaction, verdicts printed (and flushed) after the commit.
int RunWrite(const IndexFlags& flags, bool with_matches) {
  const std::string_view command = with_matches ? "ingest" : "add";
  KeepFreedMemory();
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> paths = flags.paths;
  if (paths.empty()) paths.push_back("-");
  IndexOpenOptions open = ToOpenOptions(flags, false);
  // The postings' size hint: the documents in the input files (standard
  // input: unknown), or as given.
  open.expected_additions = flags.expected_docs == "auto"
                                ? EstimateJsonlDocuments(paths)
                                : std::stoull(flags.expected_docs);
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(flags.index, open);
  if (!index.ok()) return Fail(command, index.status());
  const size_t batch = static_cast<size_t>(flags.batch);
  ReadOptions read_options;
  read_options.max_doc_bytes = flags.max_doc_bytes;
  ItemQueue queue(paths, read_options, 2 * batch);
  Progress progress(ShowProgress(flags.progress, flags.quiet),
                    InputBytes(paths));
  uint64_t docs_done = 0, bytes_done = 0;
  Accounting accounting;
  std::vector<ReadItem> items;
  std::vector<Document> docs;
  std::string out;
  while (queue.Take(batch, std::chrono::milliseconds(flags.flush_ms), &items)) {
    docs.clear();
    docs_done += items.size();
    for (ReadItem& item : items) {
      bytes_done += item.document.text.size();
      // Moved: from here on only the item's location and skip are used.
      if (!item.skipped()) docs.push_back(std::move(item.document));
    }
    absl::StatusOr<std::vector<IndexVerdict>> verdicts =
        with_matches ? (*index)->Ingest(docs) : (*index)->Add(docs);
    if (!verdicts.ok()) {
      progress.Done();
      return Fail(command, verdicts.status());
    }
    out.clear();
    size_t next = 0;
    for (const ReadItem& item : items) {
      accounting.Count(item);
      if (item.skipped()) {
        const IndexVerdict v = SkippedVerdict(item);
        NoteSkip(command, item, v, flags.quiet, &progress);
        AppendVerdictJson(v, &out);
      } else {
        // Read and accepted, but the index may still refuse it (an id
        // already indexed, no words).
        const IndexVerdict& v = (*verdicts)[next++];
        if (v.skipped()) {
          NoteSkip(command, item, v, flags.quiet, &progress);
          accounting.Demote(v.skip.reason);
        }
        AppendVerdictJson(v, &out);
      }
      out += '\n';
    }
    // The batch is durable: acknowledge it.
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    progress.Update(docs_done, bytes_done);
  }
  progress.Update(docs_done, bytes_done, /*force=*/true);
  progress.Done();
  const absl::Status closed = (*index)->Close();
  if (!closed.ok()) return Fail(command, closed);
  return Finish(
      command, accounting, flags.quiet,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
}

int RunQuery(const IndexFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(flags.index, ToOpenOptions(flags, true));
  if (!index.ok()) return Fail("query", index.status());
  std::vector<std::string> paths = flags.paths;
  if (paths.empty()) paths.push_back("-");
  ReadOptions read_options;
  read_options.max_doc_bytes = flags.max_doc_bytes;
  DocumentReader reader(paths, read_options);
  Progress progress(ShowProgress(flags.progress, flags.quiet),
                    InputBytes(paths));
  Accounting accounting;
  // A worker's batch; its items and lines keep their strings' capacity.
  struct Batch {
    std::vector<ReadItem> items;
    std::vector<std::string> lines;
    std::vector<absl::Status> errors;
    size_t size = 0;
    uint64_t bytes = 0;
  };
  const size_t max_docs = static_cast<size_t>(flags.batch);
  absl::Status error;  // The first query that failed; then reading stops.
  uint64_t docs_done = 0, bytes_done = 0;
  auto read = [&](Batch* batch) {
    batch->size = 0;
    batch->bytes = 0;
    while (error.ok() && batch->size < max_docs && batch->bytes < kBatchBytes) {
      if (batch->size == batch->items.size()) batch->items.emplace_back();
      ReadItem& item = batch->items[batch->size];
      if (!reader.Next(&item)) break;
      ++batch->size;
      batch->bytes += item.document.text.size();
    }
    return batch->size > 0;
  };
  // Queries are independent and the index is thread-safe for readers.
  auto judge = [&](Batch* batch) {
    batch->lines.resize(std::max(batch->lines.size(), batch->size));
    batch->errors.assign(batch->size, absl::OkStatus());
    for (size_t i = 0; i < batch->size; ++i) {
      const ReadItem& item = batch->items[i];
      if (item.skipped()) {
        batch->lines[i] = VerdictToJson(SkippedVerdict(item));
        continue;
      }
      absl::StatusOr<IndexVerdict> v = (*index)->Query(item.document);
      if (v.ok()) {
        batch->lines[i] = VerdictToJson(*v);
      } else {
        batch->errors[i] = v.status();
      }
    }
  };
  std::string out;
  auto emit = [&](Batch* batch) {
    if (!error.ok()) return;
    out.clear();
    for (size_t i = 0; i < batch->size; ++i) {
      const ReadItem& item = batch->items[i];
      if (!batch->errors[i].ok()) {
        error = batch->errors[i];
        break;
      }
      accounting.Count(item);
      if (item.skipped()) {
        NoteSkip("query", item, SkippedVerdict(item), flags.quiet, &progress);
      }
      out += batch->lines[i];
      out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    docs_done += batch->size;
    bytes_done += batch->bytes;
    progress.Update(docs_done, bytes_done);
  };
  RunOrderedBatches<Batch>(flags.threads, read, judge, emit);
  progress.Update(docs_done, bytes_done, /*force=*/true);
  progress.Done();
  std::fflush(stdout);
  if (!error.ok()) return Fail("query", error);
  return Finish(
      "query", accounting, flags.quiet,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
}

int RunDelete(const IndexFlags& flags) {
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(flags.index, ToOpenOptions(flags, false));
  if (!index.ok()) return Fail("delete", index.status());
  int missing = 0;
  for (const std::string& id : flags.ids) {
    const absl::Status deleted = (*index)->Delete(id);
    if (deleted.code() == absl::StatusCode::kNotFound) {
      ++missing;
      if (!flags.quiet) {
        std::cerr << "neardup index delete: " << deleted.message() << "\n";
      }
    } else if (!deleted.ok()) {
      return Fail("delete", deleted);
    }
    nlohmann::ordered_json j;
    j["id"] = id;
    j["deleted"] = deleted.ok();
    std::cout << j.dump(-1, ' ', false,
                        nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
  }
  const absl::Status closed = (*index)->Close();
  if (!closed.ok()) return Fail("delete", closed);
  if (missing == static_cast<int>(flags.ids.size())) return kExitNoDocuments;
  return missing > 0 ? kExitSkipped : kExitOk;
}

int RunStats(const IndexFlags& flags) {
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(flags.index, ToOpenOptions(flags, true));
  if (!index.ok()) return Fail("stats", index.status());
  absl::StatusOr<IndexStats> stats = (*index)->Stats();
  if (!stats.ok()) return Fail("stats", stats.status());
  std::cout << StatsToJson(*stats) << "\n";
  return kExitOk;
}

int RunStory(const IndexFlags& flags) {
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(flags.index, ToOpenOptions(flags, true));
  if (!index.ok()) return Fail("story", index.status());
  int missing = 0;
  for (const std::string& arg : flags.ids) {
    uint64_t story = 0;
    bool number = !arg.empty();
    for (char c : arg) number = number && c >= '0' && c <= '9';
    if (number) {
      story = std::stoull(arg);
    } else {
      absl::StatusOr<uint64_t> found = (*index)->Lookup(arg);
      if (!found.ok()) {
        ++missing;
        std::cerr << "neardup index story: " << found.status().message()
                  << "\n";
        continue;
      }
      story = *found;
    }
    absl::StatusOr<IndexStory> s = (*index)->GetStory(story);
    if (s.status().code() == absl::StatusCode::kNotFound) {
      ++missing;
      std::cerr << "neardup index story: " << s.status().message() << "\n";
      continue;
    }
    if (!s.ok()) return Fail("story", s.status());
    std::cout << StoryToJson(*s) << "\n";
  }
  if (missing == static_cast<int>(flags.ids.size())) return kExitNoDocuments;
  return missing > 0 ? kExitSkipped : kExitOk;
}

}  // namespace

void AddIndexCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<IndexFlags>();
  CLI::App* cmd = app.add_subcommand(
      "index",
      "A persistent streaming index: create it, ingest articles (one JSONL "
      "verdict each: story, role, origin, matches), query, delete, stats "
      "(docs/index.md).");
  cmd->require_subcommand(1);
  const std::string footer =
      "Exit codes:\n"
      "  0  every input was processed\n"
      "  1  done, but some inputs were skipped (each has a verdict with a "
      "reason)\n"
      "  2  bad command line or options, no index in DIR, or one exists "
      "already\n"
      "  3  nothing could be processed\n"
      "  4  a damaged index (DataLoss) or an I/O error\n";
  auto index_option = [&](CLI::App* sub) {
    sub->add_option("--index", flags->index, "The index directory.")
        ->required();
    sub->footer(footer);
  };
  auto read_options = [&](CLI::App* sub) {
    sub->add_option("paths", flags->paths,
                    "JSONL files, directories or - (standard input, the "
                    "default).");
    sub->add_option("-j,--threads", flags->threads,
                    "Threads that sketch (ingest, add) or query.")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    sub->add_option("--max-matches", flags->max_matches,
                    "Matches per verdict at most.")
        ->check(CLI::Range(0, 1000))
        ->capture_default_str();
    AddMaxDocBytesOption(sub, &flags->max_doc_bytes);
    AddProgressOption(sub, &flags->progress);
    sub->add_flag("-q,--quiet", flags->quiet,
                  "No skip messages, summary or progress on stderr.");
  };

  CLI::App* create = cmd->add_subcommand(
      "create", "Create an empty index in DIR; prints its stats as JSON.");
  index_option(create);
  create
      ->add_option("--shingle-size", flags->shingle_size, "Words per shingle.")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  create->add_option("--registers", flags->num_registers, "MinHash registers.")
      ->capture_default_str();
  create
      ->add_option("--jaccard", flags->jaccard,
                   "near_duplicate: estimated Jaccard at least this.")
      ->check(CLI::Range(0.01, 0.99))
      ->capture_default_str();
  create
      ->add_option("--simhash-distance", flags->simhash_distance,
                   "rewrite: SimHash distance at most this; -1 disables.")
      ->check(CLI::Range(-1, 8))
      ->capture_default_str();
  create->add_flag("--no-attributions", flags->no_attributions,
                   "Do not look for credited outlets (external origins).");
  create
      ->add_option("--topic-cosine", flags->topic_cosine,
                   "rewrite, second way: topic cosine (the 32 heaviest "
                   "content words, English background IDF) at least this, "
                   "when shingles and SimHash match nothing; 0 disables.")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  create
      ->add_option("--max-gb", flags->max_gb,
                   "Largest size the index may grow to, in GiB.")
      ->check(CLI::Range(0.01, 1e6))
      ->capture_default_str();
  create->callback([flags, exit_code] { *exit_code = RunCreate(*flags); });

  for (const bool ingest : {true, false}) {
    CLI::App* sub = cmd->add_subcommand(
        ingest ? "ingest" : "add",
        ingest ? "Add articles and print each one's verdict (story, role, "
                 "origin, matches) once it is durable. Batches of --batch "
                 "documents, or what arrived within --flush-ms, are one "
                 "durable transaction each."
               : "As ingest, but the verdicts list no matches (bulk "
                 "loading).");
    index_option(sub);
    read_options(sub);
    sub->add_option("--batch", flags->batch,
                    "Documents per durable transaction at most.")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    sub->add_option("--flush-ms", flags->flush_ms,
                    "Commit a partial batch this long after its first "
                    "document arrived.")
        ->check(CLI::Range(0, 600000))
        ->capture_default_str();
    sub->add_flag("--no-sync", flags->no_sync,
                  "Do not fsync commits: survives a process crash, not a "
                  "power loss.");
    sub->add_option("--memory-budget", flags->memory_budget,
                    "Bytes the in-memory candidate postings may take (0: no "
                    "budget; `index stats` shows memory_bytes). A document "
                    "that could take them over is not added: its verdict is "
                    "skipped (over_limit) and the run goes on. Suffixes k, "
                    "m, g (powers of 1024).")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    sub->add_option("--expected-docs", flags->expected_docs,
                    "Documents about to be added, to size the in-memory "
                    "postings once instead of growing them by doubling: "
                    "auto (estimated from the input files' sizes; standard "
                    "input: unknown), a count, or 0 (none). Only a hint: "
                    "verdicts do not depend on it; ignored with "
                    "--memory-budget.")
        ->check([](const std::string& v) -> std::string {
          if (v == "auto") return "";
          if (v.empty() || v.size() > 12 ||
              v.find_first_not_of("0123456789") != std::string::npos) {
            return "--expected-docs: auto or a count up to 12 digits";
          }
          return "";
        })
        ->capture_default_str();
    sub->callback(
        [flags, exit_code, ingest] { *exit_code = RunWrite(*flags, ingest); });
  }

  CLI::App* query = cmd->add_subcommand(
      "query", "Judge articles against the index without adding them.");
  index_option(query);
  read_options(query);
  query
      ->add_option("--batch", flags->batch,
                   "Documents per batch: each thread reads and judges one "
                   "batch at a time (a batch also closes at 256 KiB of "
                   "text); verdicts stay in input order.")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  query->callback([flags, exit_code] { *exit_code = RunQuery(*flags); });

  CLI::App* del = cmd->add_subcommand(
      "delete", "Remove documents by id (durable when it returns).");
  index_option(del);
  del->add_option("ids", flags->ids, "Document ids.")->required();
  del->add_flag("-q,--quiet", flags->quiet, "No messages on stderr.");
  del->callback([flags, exit_code] { *exit_code = RunDelete(*flags); });

  CLI::App* stats = cmd->add_subcommand(
      "stats", "Print the index's counts, size and options as JSON.");
  index_option(stats);
  stats->callback([flags, exit_code] { *exit_code = RunStats(*flags); });

  CLI::App* story = cmd->add_subcommand(
      "story",
      "Print stories as JSON (members, roles, origin), by story number or "
      "by a member's id.");
  index_option(story);
  story->add_option("ids", flags->ids, "Story numbers or document ids.")
      ->required();
  story->callback([flags, exit_code] { *exit_code = RunStory(*flags); });
}

NEARDUP_REGISTER_COMMAND(50, AddIndexCommand);

}  // namespace neardup::cli
