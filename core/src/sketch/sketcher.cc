// Copyright 2026 The neardup Authors.
//
// The signing pipeline: Tokenize() -> ShingleHashes() -> MinHasher and
// SimHash.

#include <bit>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "neardup/shingle.h"
#include "neardup/sketch.h"

#include "internal/status_macros.h"

namespace neardup {

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
  const TokenizedText tokenized = Tokenize(text, options_.tokenize);
  return SketchTokens(tokenized.tokens);
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
  if (hashes.size() < 2) return hashes.size();
  // Open addressing on the top bits (the inputs are shingle hashes, so the
  // top bits are uniform); 0 marks a free slot, so the value 0 is counted
  // apart.
  // 1.5 to 3 slots per value (load factor 1/3 to 2/3).
  const int bits = std::bit_width(hashes.size() + hashes.size() / 2);
  const size_t mask = (size_t{1} << bits) - 1;
  std::vector<uint64_t> table(mask + 1, 0);
  size_t distinct = 0;
  bool seen_zero = false;
  for (uint64_t x : hashes) {
    if (x == 0) {
      distinct += !seen_zero;
      seen_zero = true;
      continue;
    }
    size_t slot = static_cast<size_t>(x >> (64 - bits));
    while (table[slot] != 0 && table[slot] != x) slot = (slot + 1) & mask;
    if (table[slot] == 0) {
      table[slot] = x;
      ++distinct;
    }
  }
  return distinct;
}

}  // namespace neardup
