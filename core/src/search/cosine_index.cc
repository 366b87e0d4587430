// Copyright 2026 The neardup Authors.

#include "neardup/cosine_index.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/container/flat_hash_map.h"

#include "internal/parallel.h"

namespace neardup {

std::vector<CosinePair> CosineAllPairs(absl::Span<const TermVector> vectors,
                                       double threshold, int threads,
                                       CosineAllPairsStats* stats) {
  CosineAllPairsStats local;
  std::vector<CosinePair> out;
  if (threshold <= 0 || vectors.size() < 2) {
    if (stats != nullptr) *stats = local;
    return out;
  }
  const uint32_t n = static_cast<uint32_t>(vectors.size());

  // Dense term ids, and document frequencies.
  absl::flat_hash_map<uint64_t, uint32_t> term_id;
  std::vector<uint32_t> df;
  for (const TermVector& v : vectors) {
    local.features += v.terms.size();
    for (uint64_t t : v.terms) {
      auto [it, inserted] =
          term_id.try_emplace(t, static_cast<uint32_t>(df.size()));
      if (inserted) df.push_back(0);
      ++df[it->second];
    }
  }

  // Postings of each vector's indexed suffix: the features that remain after
  // dropping, most frequent first, a prefix of l2 norm below the threshold.
  // Built in document order, so each posting list is sorted by document.
  std::vector<uint32_t> offsets(df.size() + 1, 0);
  std::vector<std::pair<uint32_t, uint32_t>> suffix;  // (term id, doc)
  std::vector<std::pair<uint32_t, float>> features;
  const double t2 = threshold * threshold;
  std::vector<size_t> doc_begin(n + 1, 0);  // Each vector's suffix entries.
  for (uint32_t d = 0; d < n; ++d) {
    doc_begin[d] = suffix.size();
    const TermVector& v = vectors[d];
    features.clear();
    for (size_t i = 0; i < v.terms.size(); ++i) {
      features.emplace_back(term_id.at(v.terms[i]), v.weights[i]);
    }
    std::sort(features.begin(), features.end(),
              [&](const auto& x, const auto& y) {
                return df[x.first] != df[y.first] ? df[x.first] > df[y.first]
                                                  : x.first < y.first;
              });
    double prefix = 0;
    for (const auto& [term, w] : features) {
      prefix += static_cast<double>(w) * w;
      // Index from the first feature that brings the prefix norm to t:
      // a strict bound keeps pairs at exactly the threshold.
      if (prefix >= t2 * (1 - 1e-6)) suffix.emplace_back(term, d);
    }
  }
  doc_begin[n] = suffix.size();
  local.indexed_features = suffix.size();
  for (const auto& [term, doc] : suffix) ++offsets[term + 1];
  for (size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
  std::vector<uint32_t> postings(suffix.size());
  {
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (const auto& [term, doc] : suffix) postings[fill[term]++] = doc;
  }

  // Each vector x queries its own suffix against the index and verifies its
  // earlier candidates y < x exactly. Results land per x. The suffix is
  // enough: with one global feature order, a pair with cos >= t shares a
  // feature in x's suffix (x's prefix contributes < t) and one in y's;
  // the later of the two in the order lies in both suffixes.
  std::vector<std::vector<CosinePair>> found(n);
  std::vector<uint64_t> candidates(n, 0);
  internal::ParallelFor(n, threads, [&](size_t begin, size_t end) {
    std::vector<uint32_t> cand;
    std::vector<uint8_t> seen(n, 0);
    for (size_t x = begin; x < end; ++x) {
      cand.clear();
      for (size_t f = doc_begin[x]; f < doc_begin[x + 1]; ++f) {
        const uint32_t id = suffix[f].first;
        for (uint32_t i = offsets[id]; i < offsets[id + 1]; ++i) {
          const uint32_t y = postings[i];
          if (y >= x) break;  // Postings are sorted by document.
          if (!seen[y]) {
            seen[y] = 1;
            cand.push_back(y);
          }
        }
      }
      std::sort(cand.begin(), cand.end());
      candidates[x] = cand.size();
      for (uint32_t y : cand) {
        seen[y] = 0;
        const double c = Cosine(vectors[y], vectors[x]);
        if (c >= threshold) {
          found[x].push_back(
              {y, static_cast<uint32_t>(x), static_cast<float>(c)});
        }
      }
    }
  });
  for (uint32_t x = 0; x < n; ++x) {
    local.candidates += candidates[x];
    out.insert(out.end(), found[x].begin(), found[x].end());
  }
  std::sort(out.begin(), out.end(),
            [](const CosinePair& p, const CosinePair& q) {
              return p.a != q.a ? p.a < q.a : p.b < q.b;
            });
  if (stats != nullptr) *stats = local;
  return out;
}

}  // namespace neardup
