// Copyright 2026 The neardup Authors.
//
// The sketch stages and the whole signing pipeline on English-like text
// (core/testing/english_text.h), per SIMD target this CPU runs:
//
//   build/bench/sketch_bench --benchmark_format=json > sketch.json
//   build/bench/sketch_bench --benchmark_filter='Pipeline.*/AVX2/'
//
// Every rate is input text per second on one core (bytes_per_second), so the
// stages compare directly; items_per_second is documents. Benchmarks:
//   BM_TokenizeShingle   normalise + tokenise + 5-gram shingle hashes
//   BM_TokenHashesShingle  the same, hashes only, into reused buffers (the
//                        path Sketcher::Sketch takes)
//   BM_TokenHashesShingleUnicode  the same on text with curly quotes,
//                        accented names and dashes (the non-ASCII paths)
//   BM_ShingleHashes     5-gram shingle hashes from token hashes, SIMD kernel
//   BM_ShingleHashesRolled  the same, scalar rolled form (text/hash.h)
//   BM_MinHashClassic    MinHash-128, k functions, over the shingle hashes
//   BM_MinHashOph        MinHash-128, one permutation + densification
//   BM_SimHash           SimHash-64 of content-word counts, over the tokens
//   BM_Pipeline{Classic,Oph}  text -> MinHash-128 + SimHash-64 (Sketcher)
//   BM_PipelineTokens{Classic,Oph}  the same through Token records
//                        (SketchTokens(Tokenize())), for old/new ratios
// Each checks its result against the plain C++ reference before timing.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "hwy/targets.h"

#include "neardup/minhash.h"
#include "neardup/shingle.h"
#include "neardup/simhash.h"
#include "neardup/sketch.h"
#include "neardup/text.h"
#include "neardup/version.h"

#include "english_text.h"
#include "sketch_reference.h"
#include "text/hash.h"
#include "text/shingle_kernels.h"
#include "text/token_hashes.h"

namespace neardup {
namespace {

constexpr int kShingleSize = 5;
constexpr int kRegisters = 128;

// Different documents of about `bytes` each, at least 1 MiB of text in all,
// with their tokens and shingle hashes precomputed for the per-stage
// benchmarks. Not fewer: a loop over the same 8 documents of 1 or 4 KB (the
// corpus before) lets the branch predictor learn the whole text, and the
// tokenizer then ran ~1.4x faster than on text it has not seen (the reason
// 32 KB documents looked slower than 4 KB ones).
struct Corpus {
  std::vector<std::string> texts;
  std::vector<TokenizedText> tokens;
  std::vector<std::vector<uint64_t>> shingles;
  int64_t bytes_per_doc = 0;
};

// `unicode`: the generator's non-ASCII mix (EnglishTextOptions::unicode).
const Corpus& GetCorpus(size_t bytes, bool unicode = false) {
  static auto* cache =
      new std::vector<std::pair<std::pair<size_t, bool>, Corpus>>();
  const std::pair<size_t, bool> key(bytes, unicode);
  for (const auto& [k, corpus] : *cache) {
    if (k == key) return corpus;
  }
  Corpus c;
  size_t total = 0;
  const uint64_t docs = std::max<uint64_t>(8, (uint64_t{1} << 20) / bytes);
  testing::EnglishTextOptions options;
  options.unicode = unicode;
  for (uint64_t seed = 1; seed <= docs; ++seed) {
    c.texts.push_back(testing::GenerateEnglishText(bytes, seed, options));
    c.tokens.push_back(Tokenize(c.texts.back()));
    c.shingles.push_back(ShingleHashes(c.tokens.back().tokens, kShingleSize));
    total += c.texts.back().size();
  }
  c.bytes_per_doc = static_cast<int64_t>(total / c.texts.size());
  cache->emplace_back(key, std::move(c));
  return cache->back().second;
}

// Forces `target` for the benchmark's lifetime.
class ScopedTarget {
 public:
  explicit ScopedTarget(int64_t target) {
    hwy::SetSupportedTargetsForTest(target);
  }
  ~ScopedTarget() { hwy::SetSupportedTargetsForTest(0); }
};

void Report(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(state.iterations() * c.bytes_per_doc);
  state.SetItemsProcessed(state.iterations());
}

void BM_TokenizeShingle(benchmark::State& state, int64_t target) {
  ScopedTarget scoped(target);
  const Corpus& c = GetCorpus(static_cast<size_t>(state.range(0)));
  if (ShingleHashes(Tokenize(c.texts[0]).tokens, kShingleSize) !=
      c.shingles[0]) {
    state.SkipWithError("tokenising is not deterministic");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    const TokenizedText t = Tokenize(c.texts[i++ % c.texts.size()]);
    std::vector<uint64_t> h = ShingleHashes(t.tokens, kShingleSize);
    benchmark::DoNotOptimize(h.data());
  }
  Report(state, c);
}

// Hashes-only tokenising (internal::TokenizeHashes) and the shingle
// hashes, both into buffers reused across documents.
void BM_TokenHashesShingle(benchmark::State& state, int64_t target,
                           bool unicode) {
  ScopedTarget scoped(target);
  const Corpus& c = GetCorpus(static_cast<size_t>(state.range(0)), unicode);
  internal::TokenHashBuffer tokens;
  std::vector<uint64_t> shingles;
  auto run = [&](const std::string& text) {
    internal::TokenizeHashes(text, {}, &tokens);
    const absl::Span<const uint64_t> t = tokens.all();
    const size_t window = std::min<size_t>(kShingleSize, t.size());
    const size_t count = t.empty() ? 0 : t.size() - window + 1;
    if (shingles.size() < count) shingles.resize(count);
    if (count > 0) {
      internal::ShingleHashesOf(t.data(), t.size(), window, shingles.data());
    }
    return count;
  };
  for (size_t d = 0; d < c.texts.size(); ++d) {
    const size_t count = run(c.texts[d]);
    if (std::vector<uint64_t>(shingles.begin(), shingles.begin() + count) !=
        c.shingles[d]) {
      state.SkipWithError("hashes-only shingles differ from ShingleHashes");
      return;
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(run(c.texts[i++ % c.texts.size()]));
    benchmark::DoNotOptimize(shingles.data());
  }
  Report(state, c);
}

// The shingle hashes alone, from precomputed token hashes: the SIMD kernel
// (ShingleHashesOf) or the scalar rolled form (RollShingleHashes).
void BM_ShingleHashes(benchmark::State& state, int64_t target, bool rolled) {
  ScopedTarget scoped(target);
  const Corpus& c = GetCorpus(static_cast<size_t>(state.range(0)));
  std::vector<std::vector<uint64_t>> tokens;
  for (const TokenizedText& t : c.tokens) {
    tokens.emplace_back();
    for (const Token& token : t.tokens) tokens.back().push_back(token.hash);
  }
  std::vector<uint64_t> out;
  auto run = [&](const std::vector<uint64_t>& t) {
    const size_t window = std::min<size_t>(kShingleSize, t.size());
    const size_t count = t.empty() ? 0 : t.size() - window + 1;
    if (out.size() < count) out.resize(count);
    if (count == 0) return count;
    if (rolled) {
      internal::RollShingleHashes(
          t.size(), window, [&t](size_t i) { return t[i]; }, out.data());
    } else {
      internal::ShingleHashesOf(t.data(), t.size(), window, out.data());
    }
    return count;
  };
  for (size_t d = 0; d < 8; ++d) {
    const size_t count = run(tokens[d]);
    if (std::vector<uint64_t>(out.begin(), out.begin() + count) !=
        c.shingles[d]) {
      state.SkipWithError("shingle hashes differ from ShingleHashes");
      return;
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(run(tokens[i++ % tokens.size()]));
    benchmark::DoNotOptimize(out.data());
  }
  Report(state, c);
}

void BM_MinHash(benchmark::State& state, int64_t target, MinHashMode mode) {
  ScopedTarget scoped(target);
  const Corpus& c = GetCorpus(static_cast<size_t>(state.range(0)));
  const MinHasher hasher =
      MinHasher::Create({.num_registers = kRegisters, .mode = mode}).value();
  for (size_t d = 0; d < 8; ++d) {
    const std::vector<uint32_t> want =
        mode == MinHashMode::kClassic
            ? testing::ReferenceMinHashClassic(c.shingles[d], kRegisters, 1)
            : testing::ReferenceOnePermutation(c.shingles[d], kRegisters, 1);
    if (hasher.Sketch(c.shingles[d]).values != want) {
      state.SkipWithError("MinHash differs from the reference");
      return;
    }
  }
  std::vector<uint32_t> registers(kRegisters);
  size_t i = 0;
  for (auto _ : state) {
    hasher.SketchInto(c.shingles[i++ % c.texts.size()],
                      absl::MakeSpan(registers));
    benchmark::DoNotOptimize(registers.data());
  }
  Report(state, c);
}

void BM_SimHash(benchmark::State& state, int64_t target) {
  ScopedTarget scoped(target);
  const Corpus& c = GetCorpus(static_cast<size_t>(state.range(0)));
  for (size_t d = 0; d < 8; ++d) {
    std::vector<uint64_t> words;
    for (const Token& t : c.tokens[d].tokens) {
      if ((t.flags & kTokenStopword) == 0) words.push_back(t.hash);
    }
    if (SimHashTokens(c.tokens[d].tokens, SimHashWeighting::kCounts) !=
        testing::ReferenceSimHash(words, {})) {
      state.SkipWithError("SimHash differs from the reference");
      return;
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(SimHashTokens(
        c.tokens[i++ % c.texts.size()].tokens, SimHashWeighting::kCounts));
  }
  Report(state, c);
}

void BM_Pipeline(benchmark::State& state, int64_t target, MinHashMode mode) {
  ScopedTarget scoped(target);
  const Corpus& c = GetCorpus(static_cast<size_t>(state.range(0)));
  SketchOptions options;
  options.shingle_size = kShingleSize;
  options.minhash.num_registers = kRegisters;
  options.minhash.mode = mode;
  const Sketcher sketcher = Sketcher::Create(options).value();
  const ShingleSet set = ShingleSet::FromHashes(c.shingles[0]);
  const std::vector<uint32_t> want =
      mode == MinHashMode::kClassic
          ? testing::ReferenceMinHashClassic(set.hashes(), kRegisters, 1)
          : testing::ReferenceOnePermutation(set.hashes(), kRegisters, 1);
  if (sketcher.Sketch(c.texts[0]).minhash.values != want) {
    state.SkipWithError("pipeline MinHash differs from the reference");
    return;
  }
  for (const std::string& text : c.texts) {  // Sketch() vs the Token path.
    if (&text - c.texts.data() == 8) break;
    const DocumentSketch fast = sketcher.Sketch(text);
    const DocumentSketch slow = sketcher.SketchTokens(Tokenize(text).tokens);
    if (fast.minhash.values != slow.minhash.values ||
        fast.simhash != slow.simhash || fast.num_tokens != slow.num_tokens ||
        fast.num_shingles != slow.num_shingles) {
      state.SkipWithError("Sketch() differs from SketchTokens()");
      return;
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    DocumentSketch s = sketcher.Sketch(c.texts[i++ % c.texts.size()]);
    benchmark::DoNotOptimize(s.minhash.values.data());
    benchmark::DoNotOptimize(s.simhash);
  }
  Report(state, c);
}

// The signing pipeline through Token records: SketchTokens(Tokenize()), the
// path Sketch() took before the hashes-only tokenizer (same bytes).
void BM_PipelineTokens(benchmark::State& state, int64_t target,
                       MinHashMode mode) {
  ScopedTarget scoped(target);
  const Corpus& c = GetCorpus(static_cast<size_t>(state.range(0)));
  SketchOptions options;
  options.shingle_size = kShingleSize;
  options.minhash.num_registers = kRegisters;
  options.minhash.mode = mode;
  const Sketcher sketcher = Sketcher::Create(options).value();
  if (sketcher.SketchTokens(Tokenize(c.texts[0]).tokens).minhash.values !=
      sketcher.Sketch(c.texts[0]).minhash.values) {
    state.SkipWithError("SketchTokens() differs from Sketch()");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    const TokenizedText t = Tokenize(c.texts[i++ % c.texts.size()]);
    DocumentSketch s = sketcher.SketchTokens(t.tokens);
    benchmark::DoNotOptimize(s.minhash.values.data());
    benchmark::DoNotOptimize(s.simhash);
  }
  Report(state, c);
}

std::string GitRevision() {
  std::string out;
  if (FILE* pipe = popen("git rev-parse --short HEAD 2>/dev/null", "r")) {
    char buf[64];
    while (fgets(buf, sizeof(buf), pipe) != nullptr) out += buf;
    pclose(pipe);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out.empty() ? "unknown" : out;
}

void RegisterAll() {
  for (int64_t target : hwy::SupportedAndGeneratedTargets()) {
    const std::string t = hwy::TargetName(target);
    auto sizes = [](benchmark::internal::Benchmark* b) {
      b->Arg(1 << 10)->Arg(4 << 10)->Arg(32 << 10);
    };
    sizes(benchmark::RegisterBenchmark(("BM_TokenizeShingle/" + t).c_str(),
                                       BM_TokenizeShingle, target));
    sizes(benchmark::RegisterBenchmark(("BM_TokenHashesShingle/" + t).c_str(),
                                       BM_TokenHashesShingle, target, false));
    sizes(benchmark::RegisterBenchmark(
        ("BM_TokenHashesShingleUnicode/" + t).c_str(), BM_TokenHashesShingle,
        target, true));
    sizes(benchmark::RegisterBenchmark(("BM_ShingleHashes/" + t).c_str(),
                                       BM_ShingleHashes, target, false));
    sizes(benchmark::RegisterBenchmark(("BM_ShingleHashesRolled/" + t).c_str(),
                                       BM_ShingleHashes, target, true));
    sizes(benchmark::RegisterBenchmark(("BM_MinHashClassic/" + t).c_str(),
                                       BM_MinHash, target,
                                       MinHashMode::kClassic));
    sizes(benchmark::RegisterBenchmark(("BM_MinHashOph/" + t).c_str(),
                                       BM_MinHash, target,
                                       MinHashMode::kOnePermutation));
    sizes(benchmark::RegisterBenchmark(("BM_SimHash/" + t).c_str(), BM_SimHash,
                                       target));
    sizes(benchmark::RegisterBenchmark(("BM_PipelineClassic/" + t).c_str(),
                                       BM_Pipeline, target,
                                       MinHashMode::kClassic));
    sizes(benchmark::RegisterBenchmark(("BM_PipelineOph/" + t).c_str(),
                                       BM_Pipeline, target,
                                       MinHashMode::kOnePermutation));
    sizes(benchmark::RegisterBenchmark(
        ("BM_PipelineTokensClassic/" + t).c_str(), BM_PipelineTokens, target,
        MinHashMode::kClassic));
    sizes(benchmark::RegisterBenchmark(("BM_PipelineTokensOph/" + t).c_str(),
                                       BM_PipelineTokens, target,
                                       MinHashMode::kOnePermutation));
  }
}

}  // namespace
}  // namespace neardup

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("simd_best", std::string(neardup::SimdTarget()));
#ifdef NDEBUG
  benchmark::AddCustomContext("build_type", "release (NDEBUG)");
#else
  benchmark::AddCustomContext("build_type", "debug");
#endif
  benchmark::AddCustomContext("git_revision", neardup::GitRevision());
  benchmark::AddCustomContext("signature_format",
                              std::to_string(neardup::kSignatureFormatVersion));
  neardup::RegisterAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
