// Copyright 2026 The neardup Authors.

#include "neardup/all_pairs.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

#include "neardup/shingle.h"
#include "neardup/tfidf.h"

#include "internal/pairs.h"
#include "internal/parallel.h"

namespace neardup {
namespace {

// How many shingles each pair of documents shares, by PairIndex(): all
// (shingle, document) entries are sorted once, and each pair of documents
// in one shingle's run shares it. A pair's merge of its two sets costs
// |A| + |B| steps, this |A ∩ B| increments (most shingles of a news text
// are in it alone), after a sort of every shingle.
std::vector<uint32_t> SharedShingles(const std::vector<ShingleSet>& shingles) {
  const size_t n = shingles.size();
  size_t total = 0;
  for (const ShingleSet& s : shingles) total += s.size();
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  entries.reserve(total);
  for (size_t d = 0; d < n; ++d) {
    for (const uint64_t h : shingles[d].hashes()) {
      entries.emplace_back(h, static_cast<uint32_t>(d));
    }
  }
  std::sort(entries.begin(), entries.end());
  std::vector<uint32_t> shared(internal::NumPairs(n), 0);
  // The documents of a run ascend, each once (a set has no repeats).
  internal::ForEachPairInRuns(
      entries, [](const auto& e) { return e.first; },
      [&](size_t x, size_t y) {
        ++shared[internal::PairIndex(entries[x].second, entries[y].second, n)];
      });
  return shared;
}

}  // namespace

absl::StatusOr<Comparison> CompareAll(absl::Span<const Document> docs,
                                      const CompareOptions& options) {
  if (options.shingle_size < 1) {
    return absl::InvalidArgumentError("shingle size must be at least 1, got " +
                                      std::to_string(options.shingle_size));
  }
  const size_t n = docs.size();
  std::vector<TokenizedText> texts(n);
  std::vector<ShingleSet> shingles(n);
  TfIdfModel model;
  for (size_t i = 0; i < n; ++i) {
    texts[i] = Tokenize(docs[i].text, options.tokenize);
    shingles[i] = Shingles(texts[i].tokens, options.shingle_size);
    model.AddDocument(texts[i].tokens);
  }
  std::vector<TermVector> vectors(n);
  Comparison result;
  result.documents.resize(n);
  for (size_t i = 0; i < n; ++i) {
    vectors[i] = model.Vectorize(texts[i].tokens);
    DocumentStats& stats = result.documents[i];
    stats.words = texts[i].tokens.size();
    stats.shingles = shingles[i].size();
    stats.content_terms = vectors[i].terms.size();
    stats.boilerplate_lines = texts[i].boilerplate.size();
  }
  const std::vector<float> cosine = PairwiseCosine(vectors);
  const std::vector<uint32_t> shared = SharedShingles(shingles);
  result.pairs.resize(internal::NumPairs(n));
  internal::ParallelForPairs(
      n, internal::ThreadCount(options.threads),
      [&](size_t k, size_t a, size_t b) {
        PairScores& p = result.pairs[k];
        p.a = static_cast<uint32_t>(a);
        p.b = static_cast<uint32_t>(b);
        p.cosine = cosine[a * n + b];
        p.shared_shingles = shared[k];
        const size_t unite =
            shingles[a].size() + shingles[b].size() - p.shared_shingles;
        p.jaccard = unite == 0 ? 0.0 : double(p.shared_shingles) / unite;
        p.a_in_b = shingles[a].empty()
                       ? 0.0
                       : double(p.shared_shingles) / shingles[a].size();
        p.b_in_a = shingles[b].empty()
                       ? 0.0
                       : double(p.shared_shingles) / shingles[b].size();
      });
  return result;
}

}  // namespace neardup
