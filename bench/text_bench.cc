// Copyright 2026 The neardup Authors.
//
// Tokenising and shingling English-like text (core/testing/english_text.h).
//
//   build/bench/text_bench --benchmark_filter=BM_Tokenize
//
// Bytes/s is input text per second on one core; items/s is documents.

#include <cstdint>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"

#include "neardup/shingle.h"
#include "neardup/text.h"
#include "neardup/tfidf.h"

#include "english_text.h"

namespace neardup {
namespace {

constexpr int kShingleSize = 5;

// A few different documents of the given size, so the branch predictor does
// not learn one text by heart.
std::vector<std::string> Docs(size_t bytes, bool unicode = false) {
  testing::EnglishTextOptions options;
  options.unicode = unicode;
  std::vector<std::string> docs;
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    docs.push_back(testing::GenerateEnglishText(bytes, seed, options));
  }
  return docs;
}

void Report(benchmark::State& state, const std::vector<std::string>& docs) {
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  const int64_t per_doc = static_cast<int64_t>(bytes / docs.size());
  state.SetBytesProcessed(state.iterations() * per_doc);
  state.SetItemsProcessed(state.iterations());
}

void BM_Tokenize(benchmark::State& state) {
  const auto docs = Docs(static_cast<size_t>(state.range(0)));
  size_t i = 0;
  for (auto _ : state) {
    TokenizedText t = Tokenize(docs[i++ % docs.size()]);
    benchmark::DoNotOptimize(t.tokens.data());
  }
  Report(state, docs);
}
BENCHMARK(BM_Tokenize)->Arg(1 << 10)->Arg(4 << 10)->Arg(32 << 10);

void BM_TokenizeShingle(benchmark::State& state) {
  const auto docs = Docs(static_cast<size_t>(state.range(0)));
  size_t i = 0;
  for (auto _ : state) {
    TokenizedText t = Tokenize(docs[i++ % docs.size()]);
    std::vector<uint64_t> h = ShingleHashes(t.tokens, kShingleSize);
    benchmark::DoNotOptimize(h.data());
  }
  Report(state, docs);
}
BENCHMARK(BM_TokenizeShingle)->Arg(1 << 10)->Arg(4 << 10)->Arg(32 << 10);

// Tokenise + shingle + sort/dedup into a ShingleSet: what a sketcher needs.
void BM_TokenizeShingleSet(benchmark::State& state) {
  const auto docs = Docs(static_cast<size_t>(state.range(0)));
  size_t i = 0;
  for (auto _ : state) {
    TokenizedText t = Tokenize(docs[i++ % docs.size()]);
    ShingleSet s = Shingles(t.tokens, kShingleSize);
    benchmark::DoNotOptimize(s.hashes().data());
  }
  Report(state, docs);
}
BENCHMARK(BM_TokenizeShingleSet)->Arg(4 << 10);

// Text with curly quotes, accented names and dashes: the utf8proc path.
void BM_Tokenize_Unicode(benchmark::State& state) {
  const auto docs = Docs(static_cast<size_t>(state.range(0)), true);
  size_t i = 0;
  for (auto _ : state) {
    TokenizedText t = Tokenize(docs[i++ % docs.size()]);
    benchmark::DoNotOptimize(t.tokens.data());
  }
  Report(state, docs);
}
BENCHMARK(BM_Tokenize_Unicode)->Arg(4 << 10);

// One sentence a line, as some extractors write articles: every line is
// checked against the boilerplate rules.
void BM_Tokenize_LinePerSentence(benchmark::State& state) {
  auto docs = Docs(static_cast<size_t>(state.range(0)));
  for (std::string& d : docs) {
    for (size_t i = 1; i < d.size(); ++i) {
      if (d[i] == ' ' && (d[i - 1] == '.' || d[i - 1] == '?')) d[i] = '\n';
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    TokenizedText t = Tokenize(docs[i++ % docs.size()]);
    benchmark::DoNotOptimize(t.tokens.data());
  }
  Report(state, docs);
}
BENCHMARK(BM_Tokenize_LinePerSentence)->Arg(4 << 10);

void BM_Tokenize_NoBoilerplate(benchmark::State& state) {
  const auto docs = Docs(static_cast<size_t>(state.range(0)));
  TokenizeOptions options;
  options.skip_boilerplate = false;
  size_t i = 0;
  for (auto _ : state) {
    TokenizedText t = Tokenize(docs[i++ % docs.size()], options);
    benchmark::DoNotOptimize(t.tokens.data());
  }
  Report(state, docs);
}
BENCHMARK(BM_Tokenize_NoBoilerplate)->Arg(4 << 10);

// TF-IDF vectors of tokenised 4 KB documents against a 64-document model.
void BM_TfIdfVectorize(benchmark::State& state) {
  const auto docs = testing::GenerateEnglishCorpus(64, 4 << 10, 1);
  std::vector<TokenizedText> texts;
  TfIdfModel model;
  for (const auto& d : docs) {
    texts.push_back(Tokenize(d));
    model.AddDocument(texts.back().tokens);
  }
  size_t i = 0;
  for (auto _ : state) {
    TermVector v = model.Vectorize(texts[i++ % texts.size()].tokens);
    benchmark::DoNotOptimize(v.weights.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TfIdfVectorize);

// All-pairs cosine of n 4 KB documents (one sparse product); items = pairs.
void BM_PairwiseCosine(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const auto docs = testing::GenerateEnglishCorpus(n, 4 << 10, 1);
  std::vector<TokenizedText> texts;
  TfIdfModel model;
  for (const auto& d : docs) {
    texts.push_back(Tokenize(d));
    model.AddDocument(texts.back().tokens);
  }
  std::vector<TermVector> vectors;
  for (const auto& t : texts) vectors.push_back(model.Vectorize(t.tokens));
  for (auto _ : state) {
    std::vector<float> m = PairwiseCosine(vectors);
    benchmark::DoNotOptimize(m.data());
  }
  state.SetItemsProcessed(state.iterations() * n * (n - 1) / 2);
}
BENCHMARK(BM_PairwiseCosine)->Arg(100)->Arg(1000);

}  // namespace
}  // namespace neardup

BENCHMARK_MAIN();
