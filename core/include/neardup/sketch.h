// Copyright 2026 The neardup Authors.
//
// The whole signing pipeline: text -> normalised word tokens -> word n-gram
// shingles -> MinHash signature + SimHash-64 fingerprint.
//
//   absl::StatusOr<neardup::Sketcher> sketcher = neardup::Sketcher::Create({});
//   if (!sketcher.ok()) return sketcher.status();
//   neardup::DocumentSketch s = sketcher->Sketch(doc.text);
//   // s.minhash: 128 registers over 5-word shingles; s.simhash: 64 bits.
//
// Same text and options give the same bytes on every machine and SIMD
// target (docs/signature-format.md, version kSignatureFormatVersion).

#ifndef NEARDUP_SKETCH_H_
#define NEARDUP_SKETCH_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/minhash.h"
#include "neardup/simhash.h"
#include "neardup/text.h"
#include "neardup/tfidf.h"

namespace neardup {

struct SketchOptions {
  // Words per shingle, in [1, 16].
  int shingle_size = 5;
  MinHashOptions minhash;  // Default: classic, k = 128, seed 1.
  // SimHash weights of the content words, unless tfidf_model is set.
  SimHashWeighting simhash_weighting = SimHashWeighting::kCounts;
  // When set, SimHash weighs content words by their TF-IDF weight in this
  // model (shared and read-only; the Sketcher co-owns it).
  std::shared_ptr<const TfIdfModel> tfidf_model;
  TokenizeOptions tokenize;
};

struct DocumentSketch {
  MinHashSignature minhash;  // set_size = num_shingles.
  uint64_t simhash = 0;
  uint32_t num_tokens = 0;    // Words, after boilerplate removal.
  uint32_t num_shingles = 0;  // Distinct shingles.
};

// Immutable after Create(): one instance may be shared by any number of
// threads.
class Sketcher {
 public:
  // InvalidArgument for a shingle size outside [1, 16] or bad MinHash
  // options.
  [[nodiscard]] static absl::StatusOr<Sketcher> Create(
      const SketchOptions& options);

  // Tokenises, shingles and signs `text` (valid UTF-8; see Tokenize()).
  // A text without words gives an empty signature and simhash 0. Same bytes
  // as SketchTokens(Tokenize(text, options().tokenize).tokens), but without
  // Token records: the word and shingle hashes go to buffers kept per
  // thread and reused (no allocation once they have grown; freed after a
  // document of more than 2^20 words). With a tfidf_model it takes the Token
  // path.
  DocumentSketch Sketch(std::string_view text) const;

  // Signs already tokenised text.
  DocumentSketch SketchTokens(absl::Span<const Token> tokens) const;

  const SketchOptions& options() const { return options_; }
  const MinHasher& minhasher() const { return minhasher_; }

 private:
  Sketcher(const SketchOptions& options, MinHasher minhasher)
      : options_(options), minhasher_(std::move(minhasher)) {}

  SketchOptions options_;
  MinHasher minhasher_;
};

// Number of distinct values in `hashes`, without sorting (a linear-probing
// table of 8 to 32 slots per value, each slot a 16- or 32-bit index). The
// 16-bit table is kept per thread and cleared once per 65,535 values counted.
size_t CountDistinct(absl::Span<const uint64_t> hashes);

}  // namespace neardup

#endif  // NEARDUP_SKETCH_H_
