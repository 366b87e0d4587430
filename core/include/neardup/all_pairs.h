// Copyright 2026 The neardup Authors.
//
// Exact all-pairs comparison of a small set of documents: word n-gram
// shingle Jaccard, both containments, and content-word TF-IDF cosine.
//
//   neardup::CompareOptions options;  // word 5-grams
//   absl::StatusOr<neardup::Comparison> c = neardup::CompareAll(docs, options);
//   for (const neardup::PairScores& p : c->pairs) { ... p.cosine ... }
//
// Quadratic in the number of documents: for inspection of tens to a few
// thousands of documents. Large corpora go through candidate generation
// (LSH) instead. Thread-compatible; allocates its result.

#ifndef NEARDUP_ALL_PAIRS_H_
#define NEARDUP_ALL_PAIRS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/document.h"
#include "neardup/text.h"

namespace neardup {

struct CompareOptions {
  int shingle_size = 5;  // Words per shingle, >= 1.
  TokenizeOptions tokenize;
  // Threads for the pairs (0: one per core). The result is the same for
  // any number.
  int threads = 1;
};

struct DocumentStats {
  size_t words = 0;              // Tokens outside boilerplate lines.
  size_t shingles = 0;           // Distinct shingles.
  size_t content_terms = 0;      // Distinct non-stopword terms.
  size_t boilerplate_lines = 0;  // Template lines kept out.
};

struct PairScores {
  uint32_t a = 0;  // Index of the first document (a < b).
  uint32_t b = 0;
  double cosine = 0;   // TF-IDF cosine of content words.
  double jaccard = 0;  // Exact shingle Jaccard.
  double a_in_b = 0;   // Containment: share of a's shingles found in b.
  double b_in_a = 0;   // Share of b's shingles found in a.
  size_t shared_shingles = 0;
};

struct Comparison {
  std::vector<DocumentStats> documents;  // One per input document.
  std::vector<PairScores> pairs;         // Every pair a < b, in order.
};

// Compares every pair of `docs`. IDF comes from `docs` themselves.
// Errors: InvalidArgument for shingle_size < 1.
[[nodiscard]] absl::StatusOr<Comparison> CompareAll(
    absl::Span<const Document> docs, const CompareOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_ALL_PAIRS_H_
