// Copyright 2026 The neardup Authors.
//
// The signing pipeline: Tokenize() -> ShingleHashes() -> MinHasher and
// SimHash. Sketch() takes a hashes-only path through buffers kept per thread
// (no Token records, no allocation once the buffers have grown);
// SketchTokens() is the same computation over Token records, and the tests
// hold the two to the same bytes.

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "neardup/shingle.h"
#include "neardup/sketch.h"

#include "internal/status_macros.h"
#include "sketch/distinct_counter.h"
#include "text/shingle_kernels.h"
#include "text/token_hashes.h"

namespace neardup {
namespace {

// Per-thread buffers of Sketcher::Sketch().
struct SketchScratch {
  internal::TokenHashBuffer tokens;
  std::vector<uint64_t> shingles;
  internal::DistinctCounter counter;
  std::vector<uint64_t> words;  // Distinct content words (kUniform).

  // A document of millions of words should not pin its buffers to the
  // thread: past this many entries they are freed after use (8 MiB each).
  static constexpr size_t kKeepEntries = size_t{1} << 20;
  void Trim() {
    if (tokens.capacity() > kKeepEntries) tokens.Release();
    for (std::vector<uint64_t>* v : {&shingles, &words}) {
      if (v->capacity() > kKeepEntries) *v = std::vector<uint64_t>();
    }
    counter.Trim(kKeepEntries);
  }
};

}  // namespace

absl::StatusOr<Sketcher> Sketcher::Create(const SketchOptions& options) {
  if (options.shingle_size < 1 || options.shingle_size > 16) {
    return absl::InvalidArgumentError(absl::StrCat(
        "shingle size must be in [1, 16], got ", options.shingle_size));
  }
  NEARDUP_ASSIGN_OR_RETURN(MinHasher minhasher,
                           MinHasher::Create(options.minhash));
  return Sketcher(options, std::move(minhasher));
}

DocumentSketch Sketcher::Sketch(std::string_view text) const {
  if (options_.tfidf_model != nullptr) {  // TfIdfModel::Vectorize needs Tokens.
    const TokenizedText tokenized = Tokenize(text, options_.tokenize);
    return SketchTokens(tokenized.tokens);
  }
  thread_local SketchScratch scratch;
  internal::TokenizeHashes(text, options_.tokenize, &scratch.tokens);
  const absl::Span<const uint64_t> tokens = scratch.tokens.all();
  DocumentSketch out;
  out.num_tokens = static_cast<uint32_t>(tokens.size());
  // As in SketchTokens(): the shingles go in with repeats.
  size_t num_shingles = 0;
  if (!tokens.empty()) {
    const size_t window = std::min<size_t>(
        static_cast<size_t>(options_.shingle_size), tokens.size());
    num_shingles = tokens.size() - window + 1;
    if (scratch.shingles.size() < num_shingles) {
      scratch.shingles.resize(num_shingles);
    }
    internal::ShingleHashesOf(tokens.data(), tokens.size(), window,
                              scratch.shingles.data());
  }
  const absl::Span<const uint64_t> shingles =
      absl::MakeConstSpan(scratch.shingles.data(), num_shingles);
  out.num_shingles = static_cast<uint32_t>(scratch.counter.Count(shingles));
  out.minhash.values.resize(static_cast<size_t>(minhasher_.num_registers()));
  minhasher_.SketchInto(shingles, absl::MakeSpan(out.minhash.values));
  out.minhash.set_size = out.num_shingles;
  // SimHashTokens() over the content words.
  const absl::Span<const uint64_t> content = scratch.tokens.content();
  if (options_.simhash_weighting == SimHashWeighting::kCounts) {
    // Every occurrence counts 1, in text order: the same sums.
    out.simhash = SimHashUniform(content);
  } else {
    scratch.words.assign(content.begin(), content.end());
    std::sort(scratch.words.begin(), scratch.words.end());
    scratch.words.erase(std::unique(scratch.words.begin(), scratch.words.end()),
                        scratch.words.end());
    out.simhash = SimHashUniform(scratch.words);
  }
  scratch.Trim();
  return out;
}

DocumentSketch Sketcher::SketchTokens(absl::Span<const Token> tokens) const {
  DocumentSketch out;
  out.num_tokens = static_cast<uint32_t>(tokens.size());
  // Repeated shingles do not change a MinHash register, so the shingles go
  // in with repeats; only their distinct count is needed.
  const std::vector<uint64_t> shingles =
      tokens.empty() ? std::vector<uint64_t>()
                     : ShingleHashes(tokens, options_.shingle_size);
  out.num_shingles = static_cast<uint32_t>(CountDistinct(shingles));
  out.minhash.values.resize(static_cast<size_t>(minhasher_.num_registers()));
  minhasher_.SketchInto(shingles, absl::MakeSpan(out.minhash.values));
  out.minhash.set_size = out.num_shingles;
  if (options_.tfidf_model != nullptr) {
    out.simhash = SimHash(options_.tfidf_model->Vectorize(tokens));
  } else {
    out.simhash = SimHashTokens(tokens, options_.simhash_weighting);
  }
  return out;
}

size_t CountDistinct(absl::Span<const uint64_t> hashes) {
  thread_local internal::DistinctCounter counter;
  const size_t distinct = counter.Count(hashes);
  counter.Trim(SketchScratch::kKeepEntries);
  return distinct;
}

}  // namespace neardup
