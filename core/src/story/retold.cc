// Copyright 2026 The neardup Authors.

#include "story/retold.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "neardup/tfidf.h"

namespace neardup::internal {
namespace {

// The TF-IDF vector (sublinear tf, the document's IDF) of the content words
// of tokens [r.first, r.last); empty when it has fewer than
// kRetoldMinWords of them.
TermVector SentenceVector(const DocFeatures& f, TokenRange r) {
  std::vector<uint64_t> terms;
  for (size_t k = r.first; k < r.last; ++k) {
    if (IsContent(f.tokens[k])) terms.push_back(f.tokens[k].hash);
  }
  if (terms.size() < kRetoldMinWords) return TermVector{};
  return WordVector(f, std::move(terms));
}

ByteSpan SpanOf(const std::vector<Token>& tokens, TokenRange r) {
  return ByteSpan{tokens[r.first].begin, tokens[r.last - 1].end};
}

}  // namespace

std::vector<TokenRange> SplitSentences(const std::vector<Token>& tokens) {
  std::vector<TokenRange> sentences;
  size_t first = 0;
  for (size_t k = 1; k <= tokens.size(); ++k) {
    if (k == tokens.size() || (tokens[k].flags & kTokenSentenceStart) != 0 ||
        k - first == kRetoldMaxWords) {
      if (k > first) sentences.push_back(TokenRange{first, k});
      first = k;
    }
  }
  return sentences;
}

std::vector<double> SentenceCosines(const DocFeatures& fa,
                                    const std::vector<TokenRange>& sa,
                                    const DocFeatures& fb,
                                    const std::vector<TokenRange>& sb) {
  std::vector<TermVector> vb;
  vb.reserve(sb.size());
  for (const TokenRange& r : sb) vb.push_back(SentenceVector(fb, r));
  std::vector<double> cosines(sa.size() * sb.size(), 0.0);
  for (size_t i = 0; i < sa.size(); ++i) {
    const TermVector va = SentenceVector(fa, sa[i]);
    if (va.terms.empty()) continue;
    for (size_t j = 0; j < sb.size(); ++j) {
      if (!vb[j].terms.empty()) {
        cosines[i * sb.size() + j] = std::min(Cosine(va, vb[j]), 1.0);
      }
    }
  }
  return cosines;
}

std::vector<std::pair<size_t, size_t>> MatchGreedy(
    const std::vector<double>& cosines, size_t rows, size_t cols,
    double min_cosine) {
  struct Candidate {
    double cosine;
    size_t i;
    size_t j;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < rows; ++i) {
    for (size_t j = 0; j < cols; ++j) {
      const double c = cosines[i * cols + j];
      if (c >= min_cosine) candidates.push_back(Candidate{c, i, j});
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& x, const Candidate& y) {
              return std::tie(y.cosine, x.i, x.j) <
                     std::tie(x.cosine, y.i, y.j);
            });
  std::vector<bool> used_row(rows, false), used_col(cols, false);
  std::vector<std::pair<size_t, size_t>> matches;
  for (const Candidate& c : candidates) {
    if (used_row[c.i] || used_col[c.j]) continue;
    used_row[c.i] = used_col[c.j] = true;
    matches.emplace_back(c.i, c.j);
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

void MeasureRetold(const DocFeatures& fa, const DocFeatures& fb,
                   PairAnalysis* pair, double min_cosine) {
  pair->retold.clear();
  pair->a_retold = 0;
  pair->b_retold = 0;
  const std::vector<TokenRange> sa = SplitSentences(fa.tokens);
  const std::vector<TokenRange> sb = SplitSentences(fb.tokens);
  const std::vector<double> cosines = SentenceCosines(fa, sa, fb, sb);
  size_t words_a = 0, words_b = 0;
  for (const auto& [i, j] :
       MatchGreedy(cosines, sa.size(), sb.size(), min_cosine)) {
    pair->retold.push_back(RetoldSentence{SpanOf(fa.tokens, sa[i]),
                                          SpanOf(fb.tokens, sb[j]),
                                          cosines[i * sb.size() + j]});
    words_a += sa[i].last - sa[i].first;
    words_b += sb[j].last - sb[j].first;
  }
  if (!fa.tokens.empty()) {
    pair->a_retold = static_cast<double>(words_a) / fa.tokens.size();
  }
  if (!fb.tokens.empty()) {
    pair->b_retold = static_cast<double>(words_b) / fb.tokens.size();
  }
}

}  // namespace neardup::internal
