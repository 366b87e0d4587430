// Copyright 2026 The neardup Authors.
//
// Reading documents: JSONL from a stream and from a file, and a directory of
// text files, through DocumentReader with one reused ReadItem.
//
//   build/bench/io_bench
//
// Bytes/s is input bytes per second on one core; items/s is documents.

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"

#include "neardup/io.h"

#include "english_text.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

constexpr size_t kCorpusBytes = size_t{16} << 20;

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (c == '\n') {
      out->append("\\n");
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out->append(" ");
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

// About kCorpusBytes of JSONL documents of about `doc_bytes` each.
std::string JsonlCorpus(size_t doc_bytes) {
  std::string jsonl;
  for (uint64_t i = 0; jsonl.size() < kCorpusBytes; ++i) {
    const std::string text = testing::GenerateEnglishText(doc_bytes, i % 64);
    absl::StrAppend(&jsonl, "{\"id\":\"doc-", i,
                    "\",\"title\":\"A headline\",\"outlet\":\"Wire\","
                    "\"published\":\"2025-11-03T10:15:00Z\",\"text\":");
    AppendJsonString(text, &jsonl);
    jsonl += "}\n";
  }
  return jsonl;
}

// Reads everything, checking that nothing was skipped.
int64_t Drain(DocumentReader* reader, benchmark::State& state) {
  ReadItem item;
  int64_t docs = 0;
  while (reader->Next(&item)) {
    if (item.skipped()) {
      state.SkipWithError(item.skip.detail.c_str());
      return docs;
    }
    ++docs;
    benchmark::DoNotOptimize(item.document.text.data());
  }
  return docs;
}

void BM_Io_JsonlStream(benchmark::State& state) {
  const std::string jsonl = JsonlCorpus(static_cast<size_t>(state.range(0)));
  int64_t docs = 0;
  for (auto _ : state) {
    std::istringstream in(jsonl);
    ReadOptions options;
    options.standard_input = &in;
    DocumentReader reader({"-"}, options);
    docs += Drain(&reader, state);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(jsonl.size()));
  state.SetItemsProcessed(docs);
}
BENCHMARK(BM_Io_JsonlStream)->Arg(1 << 10)->Arg(4 << 10)->Arg(32 << 10);

fs::path TempPath(const std::string& name) {
  return fs::temp_directory_path() /
         absl::StrCat("neardup_io_bench_", ::getpid(), "_", name);
}

void BM_Io_JsonlFile(benchmark::State& state) {
  const std::string jsonl = JsonlCorpus(static_cast<size_t>(state.range(0)));
  const fs::path path = TempPath("corpus.jsonl");
  std::ofstream(path, std::ios::binary) << jsonl;
  int64_t docs = 0;
  for (auto _ : state) {
    DocumentReader reader({path.string()});
    docs += Drain(&reader, state);
  }
  fs::remove(path);
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(jsonl.size()));
  state.SetItemsProcessed(docs);
}
BENCHMARK(BM_Io_JsonlFile)->Arg(4 << 10);

// A directory of 1000 text files (page cache warm after the first pass).
void BM_Io_TextDirectory(benchmark::State& state) {
  const size_t doc_bytes = static_cast<size_t>(state.range(0));
  const fs::path dir = TempPath("dir");
  fs::remove_all(dir);
  fs::create_directories(dir);
  int64_t bytes = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string text = testing::GenerateEnglishText(doc_bytes, i % 64);
    std::ofstream(dir / absl::StrCat("doc", i, ".txt"), std::ios::binary)
        << text;
    bytes += static_cast<int64_t>(text.size());
  }
  int64_t docs = 0;
  for (auto _ : state) {
    DocumentReader reader({dir.string()});
    docs += Drain(&reader, state);
  }
  fs::remove_all(dir);
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(docs);
}
BENCHMARK(BM_Io_TextDirectory)->Arg(4 << 10);

}  // namespace
}  // namespace neardup

BENCHMARK_MAIN();
