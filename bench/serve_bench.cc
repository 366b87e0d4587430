// Copyright 2026 The neardup Authors.
//
// The service's own cost, without sockets: Service::Handle() for a query
// (JSON body parsed, index queried, verdict rendered) against the bare
// StreamIndex::Query() of the same documents, and the /healthz floor.
//
//   build/bench/serve_bench      # on a 5,000-document index it builds
//   export NEARDUP_BENCH_INDEX=/tmp/neardup-serve/index_100000
//   export NEARDUP_BENCH_CORPUS=/tmp/neardup-serve/corpus_100000.jsonl
//   build/bench/serve_bench      # on that prebuilt index
//
// Queries are texts of indexed documents (each finds its copy).

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "nlohmann/json.hpp"

#include "neardup/index.h"
#include "neardup/io.h"
#include "neardup/service.h"

#include "english_text.h"

namespace neardup {
namespace {

struct Fixture {
  std::unique_ptr<StreamIndex> index;
  std::unique_ptr<Service> service;
  std::vector<Document> queries;
  std::vector<std::string> bodies;  // The queries as request bodies.
  std::string error;
};

Fixture& Shared() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    const char* dir = std::getenv("NEARDUP_BENCH_INDEX");
    const char* corpus = std::getenv("NEARDUP_BENCH_CORPUS");
    if (dir != nullptr && corpus != nullptr) {
      absl::StatusOr<std::unique_ptr<StreamIndex>> index =
          StreamIndex::Open(dir);
      if (!index.ok()) {
        f->error = std::string(index.status().message());
        return f;
      }
      f->index = *std::move(index);
      DocumentReader reader({corpus});
      ReadItem item;
      while (f->queries.size() < 1000 && reader.Next(&item)) {
        if (!item.skipped()) f->queries.push_back(item.document);
      }
    } else {
      const std::string path =
          (std::filesystem::temp_directory_path() /
           ("neardup_serve_bench_" + std::to_string(getpid())))
              .string();
      std::filesystem::remove_all(path);
      IndexOpenOptions open;
      open.sync = false;
      absl::StatusOr<std::unique_ptr<StreamIndex>> index =
          StreamIndex::Create(path, IndexOptions(), open);
      if (!index.ok()) {
        f->error = std::string(index.status().message());
        return f;
      }
      f->index = *std::move(index);
      std::vector<std::string> texts =
          testing::GenerateEnglishCorpus(5000, 4096, /*seed=*/11);
      std::vector<Document> docs(texts.size());
      for (size_t i = 0; i < texts.size(); ++i) {
        docs[i].id = "d" + std::to_string(i);
        docs[i].text = std::move(texts[i]);
      }
      if (!f->index->Ingest(docs).ok()) {
        f->error = "ingest failed";
        return f;
      }
      docs.resize(1000);
      f->queries = std::move(docs);
    }
    for (Document& q : f->queries) {
      nlohmann::json j;
      j["id"] = "q-" + q.id;
      j["text"] = q.text;
      f->bodies.push_back(j.dump());
      q.id = "q-" + q.id;
    }
    f->service = std::make_unique<Service>(f->index.get(), ServiceOptions());
    return f;
  }();
  return *f;
}

void BM_Service_Query(benchmark::State& state) {
  Fixture& f = Shared();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  HttpRequest request;
  request.method = "POST";
  request.path = "/v1/query";
  // Checked before timing: every query is answered and finds a match.
  for (const std::string& body : f.bodies) {
    request.body = body;
    const HttpResponse r = f.service->Handle(request);
    if (r.status != 200 || r.body.find("\"matches\":[{") == std::string::npos) {
      return state.SkipWithError(("bad answer: " + r.body).c_str());
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    request.body = f.bodies[i++ % f.bodies.size()];
    benchmark::DoNotOptimize(f.service->Handle(request));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Service_Query)->UseRealTime()->ThreadRange(1, 2);

void BM_Service_IndexQuery(benchmark::State& state) {
  Fixture& f = Shared();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.index->Query(f.queries[i++ % f.queries.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Service_IndexQuery)->UseRealTime()->ThreadRange(1, 2);

void BM_Service_Healthz(benchmark::State& state) {
  Fixture& f = Shared();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  HttpRequest request;
  request.method = "GET";
  request.path = "/healthz";
  for (auto _ : state) benchmark::DoNotOptimize(f.service->Handle(request));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Service_Healthz);

}  // namespace
}  // namespace neardup

BENCHMARK_MAIN();
