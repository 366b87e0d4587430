// Copyright 2026 The neardup Authors.
//
// Query latency of the streaming index (index.h) through the library: each
// iteration is one StreamIndex::Query() (sketch, postings lookups in the
// memory map, verification, story and origin), timed one by one so that
// p50 and p99 come from the sample, not from a mean.
//
// On a prebuilt index (bench/index_macro.sh builds one of 1M documents):
//   export NEARDUP_BENCH_INDEX=/tmp/neardup-index/index_1000000
//   export NEARDUP_BENCH_CORPUS=/tmp/neardup-index/corpus_1000000.jsonl
//   build/bench/index_bench --benchmark_filter=BM_Index_Query
// Without them it builds a 20,000-document index in a temporary folder.
// Queries are the corpus's first documents (each judged against the rest,
// never itself) or, for BM_Index_QueryNew, texts that match nothing.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"

#include "neardup/index.h"
#include "neardup/io.h"

#include "english_text.h"
#include "store/topic_terms.h"
#include "test_documents.h"
#include "text/token_hashes.h"

namespace neardup {
namespace {

struct Fixture {
  std::unique_ptr<StreamIndex> index;
  std::vector<Document> indexed;  // Queries that are in the index.
  std::vector<Document> fresh;    // Queries that match nothing.
  std::string error;
};

Fixture& Shared() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    const char* dir = std::getenv("NEARDUP_BENCH_INDEX");
    const char* corpus = std::getenv("NEARDUP_BENCH_CORPUS");
    std::string path;
    if (dir != nullptr) {
      path = dir;
      if (corpus != nullptr) {
        DocumentReader reader({corpus});
        ReadItem item;
        while (f->indexed.size() < 2000 && reader.Next(&item)) {
          if (!item.skipped()) f->indexed.push_back(item.document);
        }
      }
    } else {
      path = (std::filesystem::temp_directory_path() /
              ("neardup_index_bench_" + std::to_string(getpid())))
                 .string();
      std::filesystem::remove_all(path);
      IndexOpenOptions open;
      open.sync = false;
      absl::StatusOr<std::unique_ptr<StreamIndex>> built =
          StreamIndex::Create(path, IndexOptions(), open);
      if (!built.ok()) {
        f->error = std::string(built.status().message());
        return f;
      }
      std::vector<Document> batch;
      for (int i = 0; i < 20000; ++i) {
        Document d;
        d.id = "g" + std::to_string(i);
        // A third are light edits of an earlier document.
        d.text = i % 3 == 2
                     ? testing::PerturbText(
                           testing::GenerateEnglishText(4000, i / 3), 0.01, i)
                     : testing::GenerateEnglishText(4000, 1000000 + i);
        if (i < 2000) f->indexed.push_back(d);
        batch.push_back(std::move(d));
        if (batch.size() == 1000) {
          if (!(*built)->Ingest(batch).ok()) f->error = "ingest failed";
          batch.clear();
        }
      }
      (void)(*built)->Close();
    }
    IndexOpenOptions open;
    open.read_only = true;
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Open(path, open);
    if (!index.ok()) {
      f->error = std::string(index.status().message());
      return f;
    }
    f->index = *std::move(index);
    for (int i = 0; i < 500; ++i) {
      Document d;
      d.id = "fresh" + std::to_string(i);
      d.text = testing::GenerateEnglishText(4000, 7000000 + i);
      f->fresh.push_back(std::move(d));
    }
    return f;
  }();
  return *f;
}

double ThreadCpuMicros() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 +
         static_cast<double>(t.tv_nsec) / 1e3;
}

void RunQueries(benchmark::State& state, const std::vector<Document>& docs) {
  Fixture& f = Shared();
  if (f.index == nullptr || docs.empty()) {
    state.SkipWithError(f.error.empty() ? "no queries" : f.error.c_str());
    return;
  }
  // Checked before timing: every query answers.
  for (size_t i = 0; i < std::min<size_t>(docs.size(), 20); ++i) {
    if (!f.index->Query(docs[i]).ok()) {
      state.SkipWithError("a query failed");
      return;
    }
  }
  std::vector<double> micros, cpu_micros;
  micros.reserve(1 << 16);
  cpu_micros.reserve(1 << 16);
  size_t i = 0;
  int64_t matched = 0;
  for (auto _ : state) {
    const double cpu_start = ThreadCpuMicros();
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<IndexVerdict> v = f.index->Query(docs[i]);
    const auto end = std::chrono::steady_clock::now();
    cpu_micros.push_back(ThreadCpuMicros() - cpu_start);
    micros.push_back(
        std::chrono::duration<double, std::micro>(end - start).count());
    matched += v.ok() && !v->matches.empty();
    benchmark::DoNotOptimize(v);
    if (++i == docs.size()) i = 0;
  }
  std::sort(micros.begin(), micros.end());
  std::sort(cpu_micros.begin(), cpu_micros.end());
  auto pct = [](const std::vector<double>& v, double p) {
    return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
  };
  // Wall time per query, and the query thread's CPU time: on a shared,
  // loaded machine the wall tail is mostly waiting for a core.
  state.counters["p50_us"] = pct(micros, 0.50);
  state.counters["p99_us"] = pct(micros, 0.99);
  state.counters["p50_cpu_us"] = pct(cpu_micros, 0.50);
  state.counters["p99_cpu_us"] = pct(cpu_micros, 0.99);
  state.counters["max_us"] = micros.back();
  state.counters["matched"] =
      static_cast<double>(matched) / static_cast<double>(micros.size());
  state.counters["queries/s"] = benchmark::Counter(
      static_cast<double>(micros.size()), benchmark::Counter::kIsRate);
  if (auto stats = f.index->Stats(); stats.ok()) {
    state.counters["indexed_docs"] = static_cast<double>(stats->documents);
  }
}

void BM_Index_Query(benchmark::State& state) {
  RunQueries(state, Shared().indexed);
}
BENCHMARK(BM_Index_Query)->UseRealTime();

void BM_Index_QueryNew(benchmark::State& state) {
  RunQueries(state, Shared().fresh);
}
BENCHMARK(BM_Index_QueryNew)->UseRealTime();

// The topic terms (store/topic_terms.h) of the five seed articles, 17.5 KB of
// English news: what the topic path adds to judging an article, with and
// without its second tokenisation (the sketch tokenises once already).
void TopicTerms(benchmark::State& state, bool tokenize) {
  const std::vector<Document> seeds = testing::ReadDir("datasets/seeds");
  internal::TokenHashBuffer buffer;
  std::vector<std::vector<uint64_t>> content;
  int64_t bytes = 0;
  for (const Document& d : seeds) {
    internal::TokenizeHashes(d.text, TokenizeOptions(), &buffer);
    content.emplace_back(buffer.content().begin(), buffer.content().end());
    bytes += static_cast<int64_t>(d.text.size());
  }
  for (auto _ : state) {
    for (size_t i = 0; i < seeds.size(); ++i) {
      if (tokenize) {
        internal::TokenizeHashes(seeds[i].text, TokenizeOptions(), &buffer);
        benchmark::DoNotOptimize(internal::MakeTopicTerms(buffer.content()));
      } else {
        benchmark::DoNotOptimize(internal::MakeTopicTerms(content[i]));
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(seeds.size()));
}
void BM_TopicTerms(benchmark::State& state) { TopicTerms(state, false); }
void BM_TopicTermsWithTokenize(benchmark::State& state) {
  TopicTerms(state, true);
}
BENCHMARK(BM_TopicTerms);
BENCHMARK(BM_TopicTermsWithTokenize);

}  // namespace
}  // namespace neardup

BENCHMARK_MAIN();
