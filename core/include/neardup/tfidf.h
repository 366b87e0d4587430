// Copyright 2026 The neardup Authors.
//
// TF-IDF vectors over content words, and cosine similarity.
//
//   neardup::TfIdfModel model;
//   for (const auto& t : texts) model.AddDocument(t.tokens);
//   neardup::TermVector a = model.Vectorize(texts[0].tokens);
//   neardup::TermVector b = model.Vectorize(texts[1].tokens);
//   double cos = neardup::Cosine(a, b);
//
// Content words are tokens that are not stopwords. Term frequency is
// sublinear (1 + ln tf); IDF is smoothed, ln((1 + N) / (1 + df)) + 1, so a
// term in every document still counts. Vectors are L2-normalised.

#ifndef NEARDUP_TFIDF_H_
#define NEARDUP_TFIDF_H_

#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/types/span.h"

#include "neardup/text.h"

namespace neardup {

// A sparse vector: term hashes in ascending order, with their weights.
struct TermVector {
  std::vector<uint64_t> terms;
  std::vector<float> weights;  // Same length as terms; unit L2 norm (or empty).
};

// Background document frequencies (e.g. English statistics from a large
// corpus), blended into a TfIdfModel's own counts so that a small corpus still
// gets sensible IDF. Implementations must be thread-safe for const calls.
class DocumentFrequencyPrior {
 public:
  virtual ~DocumentFrequencyPrior() = default;
  // The fraction of background documents that contain `term` (a token
  // hash), in [0, 1]; 0 for a term the background never saw.
  virtual double DocumentFraction(uint64_t term) const = 0;
};

// Document frequencies of a corpus. Thread-compatible: AddDocument() needs
// exclusive access; the const methods may run concurrently.
class TfIdfModel {
 public:
  TfIdfModel();
  ~TfIdfModel();
  TfIdfModel(TfIdfModel&&) noexcept;
  TfIdfModel& operator=(TfIdfModel&&) noexcept;

  // Counts each distinct content word of one document once.
  void AddDocument(absl::Span<const Token> tokens);

  // Blends `prior` in as `weight` pseudo-documents: with N documents and
  // df(t) counted, IDF uses N' = N + weight and
  // df'(t) = df(t) + weight * prior->DocumentFraction(t). A null prior or
  // weight <= 0 removes the background. The model shares ownership of it.
  void SetBackground(std::shared_ptr<const DocumentFrequencyPrior> prior,
                     double weight);

  // Documents added (not counting background pseudo-documents).
  int64_t num_documents() const;
  // Document frequency counted for a term (0 when unseen).
  int32_t DocumentFrequency(uint64_t term) const;
  // Smoothed IDF of a term hash.
  double Idf(uint64_t term) const;
  // The TF-IDF vector of a document's content words.
  TermVector Vectorize(absl::Span<const Token> tokens) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The unit TF-IDF vector of `sorted_terms`, term hashes in ascending order
// with repeats (a term's repeats are its frequency): sublinear tf times
// idf(term). Empty when every weight is 0. TfIdfModel::Vectorize() is this
// with the model's Idf(); callers with IDF of their own pass it here.
TermVector WeightTerms(absl::Span<const uint64_t> sorted_terms,
                       absl::FunctionRef<double(uint64_t)> idf);

// Smoothed IDF of a term found in `df` of `n` documents (both may count
// background pseudo-documents): ln((1 + n) / (1 + df)) + 1, so a term in
// every document still counts. The one home of the formula.
inline double SmoothedIdf(double n, double df) {
  return std::log((1.0 + n) / (1.0 + df)) + 1.0;
}

// Dot product of two unit vectors by a sorted merge.
double Cosine(const TermVector& a, const TermVector& b);

// Cosine of every pair, as an n x n row-major matrix (1 on the diagonal for
// non-empty vectors), computed as one sparse matrix product.
std::vector<float> PairwiseCosine(absl::Span<const TermVector> vectors);

}  // namespace neardup

#endif  // NEARDUP_TFIDF_H_
