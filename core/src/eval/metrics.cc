// Copyright 2026 The neardup Authors.
//
// Decision counts and correlations (neardup/eval.h).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <vector>

#include "absl/types/span.h"

#include "neardup/eval.h"

namespace neardup {
namespace {

// Ranks with ties averaged (1-based).
std::vector<double> Ranks(absl::Span<const double> x) {
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> rank(x.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && x[order[j]] == x[order[i]]) ++j;
    const double r = static_cast<double>(i + j - 1) / 2 + 1;
    for (size_t k = i; k < j; ++k) rank[order[k]] = r;
    i = j;
  }
  return rank;
}

double Ratio(int num, int den) {
  return den ? static_cast<double>(num) / den : 0;
}

double HarmonicMean(double p, double r) {
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

}  // namespace

void BinaryCounts::Add(bool truth, bool predicted) {
  if (truth && predicted) ++tp;
  if (!truth && predicted) ++fp;
  if (!truth && !predicted) ++tn;
  if (truth && !predicted) ++fn;
}

double BinaryCounts::Precision() const { return Ratio(tp, tp + fp); }
double BinaryCounts::Recall() const { return Ratio(tp, tp + fn); }
double BinaryCounts::F1() const { return HarmonicMean(Precision(), Recall()); }
double BinaryCounts::Accuracy() const { return Ratio(tp + tn, Total()); }

double PearsonCorrelation(absl::Span<const double> x,
                          absl::Span<const double> y) {
  const size_t n = std::min(x.size(), y.size());
  if (n == 0) return 0;
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

double SpearmanCorrelation(absl::Span<const double> x,
                           absl::Span<const double> y) {
  return PearsonCorrelation(Ranks(x), Ranks(y));
}

const char* ReuseClassName(ReuseClass c) {
  switch (c) {
    case ReuseClass::kCut:
      return "cut";
    case ReuseClass::kLight:
      return "light";
    case ReuseClass::kHeavy:
      return "heavy";
    case ReuseClass::kNon:
      return "non";
  }
  return "non";
}

ReuseClass ReuseClassOf(Role role) {
  switch (role) {
    case Role::kCopy:
      return ReuseClass::kCut;
    case Role::kNearDuplicate:
      return ReuseClass::kLight;
    case Role::kRewrite:
      return ReuseClass::kHeavy;
    default:
      return ReuseClass::kNon;
  }
}

double MacroF1(const Confusion& confusion) {
  double macro = 0;
  for (int c = 0; c < kReuseClasses; ++c) {
    int row = 0, col = 0;
    for (int k = 0; k < kReuseClasses; ++k) {
      row += confusion[c][k];
      col += confusion[k][c];
    }
    macro +=
        HarmonicMean(Ratio(confusion[c][c], col), Ratio(confusion[c][c], row));
  }
  return macro / kReuseClasses;
}

}  // namespace neardup
