// Copyright 2026 The neardup Authors.
//
// TF-IDF over content words (non-stopword tokens; numbers count), and cosine
// similarity: one pair by a sorted merge, all pairs as one sparse product.

#include "neardup/tfidf.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "Eigen/SparseCore"
#include "absl/container/flat_hash_map.h"

#include "internal/sorted_merge.h"

namespace neardup {
namespace {

// The sorted hashes of a document's content words, with repeats.
std::vector<uint64_t> ContentTerms(absl::Span<const Token> tokens) {
  std::vector<uint64_t> terms;
  terms.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (!(t.flags & kTokenStopword)) terms.push_back(t.hash);
  }
  std::sort(terms.begin(), terms.end());
  return terms;
}

}  // namespace

struct TfIdfModel::Impl {
  absl::flat_hash_map<uint64_t, int32_t> df;
  int64_t num_documents = 0;
  // Optional background prior, blended in as `background_weight`
  // pseudo-documents.
  std::shared_ptr<const DocumentFrequencyPrior> background;
  double background_weight = 0;

  int32_t Df(uint64_t term) const {
    const auto it = df.find(term);
    return it == df.end() ? 0 : it->second;
  }

  double Idf(uint64_t term) const {
    double n = static_cast<double>(num_documents);
    double d = Df(term);
    if (background != nullptr) {
      const double fraction =
          std::clamp(background->DocumentFraction(term), 0.0, 1.0);
      n += background_weight;
      d += background_weight * fraction;
    }
    return SmoothedIdf(n, d);
  }
};

TfIdfModel::TfIdfModel() : impl_(std::make_unique<Impl>()) {}
TfIdfModel::~TfIdfModel() = default;
TfIdfModel::TfIdfModel(TfIdfModel&&) noexcept = default;
TfIdfModel& TfIdfModel::operator=(TfIdfModel&&) noexcept = default;

void TfIdfModel::AddDocument(absl::Span<const Token> tokens) {
  std::vector<uint64_t> terms = ContentTerms(tokens);
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (uint64_t t : terms) ++impl_->df[t];
  ++impl_->num_documents;
}

void TfIdfModel::SetBackground(
    std::shared_ptr<const DocumentFrequencyPrior> prior, double weight) {
  if (prior == nullptr || !(weight > 0)) {
    impl_->background = nullptr;
    impl_->background_weight = 0;
    return;
  }
  impl_->background = std::move(prior);
  impl_->background_weight = weight;
}

int64_t TfIdfModel::num_documents() const { return impl_->num_documents; }

int32_t TfIdfModel::DocumentFrequency(uint64_t term) const {
  return impl_->Df(term);
}

double TfIdfModel::Idf(uint64_t term) const { return impl_->Idf(term); }

TermVector TfIdfModel::Vectorize(absl::Span<const Token> tokens) const {
  return WeightTerms(ContentTerms(tokens),
                     [this](uint64_t term) { return impl_->Idf(term); });
}

TermVector WeightTerms(absl::Span<const uint64_t> sorted_terms,
                       absl::FunctionRef<double(uint64_t)> idf) {
  TermVector v;
  std::vector<double> weights;
  double norm2 = 0;
  for (size_t i = 0; i < sorted_terms.size();) {
    size_t j = i + 1;
    while (j < sorted_terms.size() && sorted_terms[j] == sorted_terms[i]) ++j;
    const double tf = 1.0 + std::log(static_cast<double>(j - i));
    const double w = tf * idf(sorted_terms[i]);
    v.terms.push_back(sorted_terms[i]);
    weights.push_back(w);
    norm2 += w * w;
    i = j;
  }
  if (norm2 > 0) {
    const double inv = 1.0 / std::sqrt(norm2);
    v.weights.reserve(weights.size());
    for (double w : weights) v.weights.push_back(static_cast<float>(w * inv));
  } else {
    v.terms.clear();
  }
  return v;
}

double Cosine(const TermVector& a, const TermVector& b) {
  double dot = 0;
  internal::ForEachCommonTerm(a.terms, b.terms, [&](size_t i, size_t j) {
    dot += static_cast<double>(a.weights[i]) * b.weights[j];
  });
  return dot;
}

std::vector<float> PairwiseCosine(absl::Span<const TermVector> vectors) {
  const size_t n = vectors.size();
  std::vector<float> out(n * n, 0.0f);
  if (n == 0) return out;
  // Column ordinals in ascending order of term hash: deterministic whatever
  // the order terms were first seen in.
  std::vector<uint64_t> vocabulary;
  size_t nonzeros = 0;
  for (const TermVector& v : vectors) nonzeros += v.terms.size();
  vocabulary.reserve(nonzeros);
  for (const TermVector& v : vectors) {
    vocabulary.insert(vocabulary.end(), v.terms.begin(), v.terms.end());
  }
  std::sort(vocabulary.begin(), vocabulary.end());
  vocabulary.erase(std::unique(vocabulary.begin(), vocabulary.end()),
                   vocabulary.end());

  using Matrix = Eigen::SparseMatrix<float, Eigen::RowMajor, int64_t>;
  std::vector<Eigen::Triplet<float, int64_t>> triplets;
  triplets.reserve(nonzeros);
  for (size_t row = 0; row < n; ++row) {
    const TermVector& v = vectors[row];
    const size_t size = std::min(v.terms.size(), v.weights.size());
    auto from = vocabulary.begin();
    for (size_t k = 0; k < size; ++k) {
      // Terms are ascending, so each search starts where the last ended.
      from = std::lower_bound(from, vocabulary.end(), v.terms[k]);
      triplets.emplace_back(static_cast<int64_t>(row),
                            from - vocabulary.begin(), v.weights[k]);
    }
  }
  Matrix x(static_cast<int64_t>(n), static_cast<int64_t>(vocabulary.size()));
  x.setFromTriplets(triplets.begin(), triplets.end());
  const Matrix gram = x * x.transpose();
  for (int64_t row = 0; row < gram.outerSize(); ++row) {
    for (Matrix::InnerIterator it(gram, row); it; ++it) {
      out[static_cast<size_t>(row) * n + static_cast<size_t>(it.col())] =
          it.value();
    }
  }
  // Exact symmetry (the product may sum (i, j) and (j, i) in different
  // orders) and an exact 1 on the diagonal of non-empty vectors.
  for (size_t i = 0; i < n; ++i) {
    out[i * n + i] = vectors[i].terms.empty() ? 0.0f : 1.0f;
    for (size_t j = i + 1; j < n; ++j) out[j * n + i] = out[i * n + j];
  }
  return out;
}

}  // namespace neardup
