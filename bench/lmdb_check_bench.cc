// Copyright 2026 The neardup Authors.
//
// The cost of the structural check Open() runs on an index file before
// LMDB maps it (store/lmdb_check.h), on an existing index:
//
//   export NEARDUP_BENCH_INDEX=/tmp/neardup-ingest/index_100000
//   build/bench/lmdb_check_bench
//
// Reports the file's MB per second (page cache warm after the first run).

#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "benchmark/benchmark.h"

#include "store/lmdb_check.h"

namespace {

void BM_CheckLmdbFile(benchmark::State& state) {
  const char* dir = std::getenv("NEARDUP_BENCH_INDEX");
  if (dir == nullptr) {
    state.SkipWithError("set NEARDUP_BENCH_INDEX to an index directory");
    return;
  }
  const std::string path = std::string(dir) + "/data.mdb";
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    state.SkipWithError("no data.mdb in NEARDUP_BENCH_INDEX");
    return;
  }
  for (auto _ : state) {
    const absl::Status s = neardup::internal::CheckLmdbFile(path);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      return;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          st.st_size);
}
BENCHMARK(BM_CheckLmdbFile)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
