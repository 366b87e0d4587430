// Copyright 2026 The neardup Authors.
//
// The signing pipeline: Tokenize() -> ShingleHashes() -> MinHasher and
// SimHash. Sketch() takes a hashes-only path through buffers kept per thread
// (no Token records, no allocation once the buffers have grown);
// SketchTokens() is the same computation over Token records, and the tests
// hold the two to the same bytes.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/optimization.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "neardup/shingle.h"
#include "neardup/sketch.h"

#include "internal/status_macros.h"
#include "text/shingle_kernels.h"
#include "text/token_hashes.h"

namespace neardup {
namespace {

// Linear probing over 2^bits slots holding the index + 1 of the first
// occurrence of a value (0: free), more than 8 slots per value: a slot
// taken is the rare case (the branch on it predicts well), and then the value
// itself is compared. Slots come from the value times an odd constant, so
// values that share their top or bottom bits spread too. `slots` is zero.
template <class Index>
size_t CountDistinctSlots(const uint64_t* hashes, size_t n, int bits,
                          Index* slots) {
  const size_t mask = (size_t{1} << bits) - 1;
  size_t distinct = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t x = hashes[i];
    size_t s = static_cast<size_t>((x * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
    for (;;) {
      const Index j = slots[s];
      if (ABSL_PREDICT_TRUE(j == 0)) {
        slots[s] = static_cast<Index>(i + 1);
        ++distinct;
        break;
      }
      if (hashes[j - 1] == x) break;
      s = (s + 1) & mask;
    }
  }
  return distinct;
}

// Number of distinct values in `hashes`, with `small` and `large` as scratch
// (resized and cleared here): CountDistinctSlots() over 2^bits slots in
// (8n, 16n], of 16 bits while n + 1 fits them. It replaced a table of
// buckets of 8 values compared by one AVX-512 compare
// (CountDistinctBuckets, 1.5-1.7x slower on the shingles of 1-32 KB texts):
// the common case here is a free slot, one load and a predicted branch.
size_t CountDistinctWith(absl::Span<const uint64_t> hashes,
                         std::vector<uint16_t>& small,
                         std::vector<uint32_t>& large) {
  const size_t n = hashes.size();
  if (n < 2) return n;
  const int bits = static_cast<int>(std::bit_width(n)) + 3;
  const size_t size = size_t{1} << bits;
  if (n < std::numeric_limits<uint16_t>::max()) {
    small.assign(size, 0);
    return CountDistinctSlots(hashes.data(), n, bits, small.data());
  }
  if (n < std::numeric_limits<uint32_t>::max()) {
    large.assign(size, 0);
    return CountDistinctSlots(hashes.data(), n, bits, large.data());
  }
  std::vector<uint64_t> sorted(hashes.begin(), hashes.end());
  std::sort(sorted.begin(), sorted.end());
  return static_cast<size_t>(std::unique(sorted.begin(), sorted.end()) -
                             sorted.begin());
}

// Per-thread buffers of Sketcher::Sketch().
struct SketchScratch {
  internal::TokenHashBuffer tokens;
  std::vector<uint64_t> shingles;
  std::vector<uint16_t> slots16;  // CountDistinctWith().
  std::vector<uint32_t> slots32;
  std::vector<uint64_t> words;  // Distinct content words (kUniform).

  // A document of millions of words should not pin its buffers to the
  // thread: past this many entries they are freed after use (8 MiB each).
  static constexpr size_t kKeepEntries = size_t{1} << 20;
  void Trim() {
    if (tokens.capacity() > kKeepEntries) tokens.Release();
    for (std::vector<uint64_t>* v : {&shingles, &words}) {
      if (v->capacity() > kKeepEntries) *v = std::vector<uint64_t>();
    }
    if (slots16.capacity() > kKeepEntries) slots16 = std::vector<uint16_t>();
    if (slots32.capacity() > kKeepEntries) slots32 = std::vector<uint32_t>();
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
  out.num_shingles = static_cast<uint32_t>(
      CountDistinctWith(shingles, scratch.slots16, scratch.slots32));
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
  std::vector<uint16_t> small;
  std::vector<uint32_t> large;
  return CountDistinctWith(hashes, small, large);
}

}  // namespace neardup
