// Copyright 2026 The neardup Authors.

#include "neardup/lsh.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>

#include "absl/status/status.h"
#include "xxhash.h"

#include "search/candidate_pairs.h"

namespace neardup {
namespace {

// Midpoint rule over [lo, hi] with n steps: plenty for these smooth curves.
template <typename F>
double Integrate(F f, double lo, double hi, int n = 512) {
  const double h = (hi - lo) / n;
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += f(lo + (i + 0.5) * h);
  return sum * h;
}

}  // namespace

double LshCandidateProbability(const LshParams& params, double s) {
  if (params.bands <= 0 || params.rows <= 0) return 0;
  return 1.0 - std::pow(1.0 - std::pow(s, params.rows), params.bands);
}

absl::StatusOr<LshParams> ChooseLshParams(int num_registers, double threshold,
                                          const LshTuning& tuning) {
  if (num_registers < 1 || num_registers > 4096) {
    return absl::InvalidArgumentError("num_registers must be in [1, 4096]");
  }
  if (!(threshold > 0 && threshold < 1)) {
    return absl::InvalidArgumentError("threshold must be in (0, 1)");
  }
  const double t = threshold;
  auto non_dup = [&](double s) {
    return std::exp(-tuning.non_duplicate_decay * s);
  };
  auto dup = [&](double s) {
    return std::exp(tuning.duplicate_skew * (s - 1));
  };
  const double non_dup_mass = Integrate(non_dup, 0, t);
  const double dup_mass = Integrate(dup, t, 1);
  LshParams best;
  double best_cost = std::numeric_limits<double>::infinity();
  for (int b = 1; b <= num_registers; ++b) {
    for (int r = 1; r * b <= num_registers; ++r) {
      const LshParams p{b, r};
      const double fp = Integrate(
                            [&](double s) {
                              return LshCandidateProbability(p, s) * non_dup(s);
                            },
                            0, t) /
                        non_dup_mass;
      const double fn =
          Integrate(
              [&](double s) {
                return (1 - LshCandidateProbability(p, s)) * dup(s);
              },
              t, 1) /
          dup_mass;
      const double cost =
          tuning.false_positive_weight * fp + tuning.false_negative_weight * fn;
      // Strictly better only: ties keep the first (fewest bands) found.
      if (cost < best_cost - 1e-12) {
        best_cost = cost;
        best = p;
      }
    }
  }
  return best;
}

std::string DescribeLshParams(const LshParams& params) {
  char buf[200];
  std::snprintf(buf, sizeof(buf),
                "%d bands x %d rows: P(candidate) = %.3f at J=0.5, %.3f at "
                "0.7, %.3f at 0.8, %.3f at 0.9",
                params.bands, params.rows, LshCandidateProbability(params, 0.5),
                LshCandidateProbability(params, 0.7),
                LshCandidateProbability(params, 0.8),
                LshCandidateProbability(params, 0.9));
  return buf;
}

absl::StatusOr<LshCandidateIndex> LshCandidateIndex::Create(
    const LshParams& params, int num_registers) {
  if (params.bands < 1 || params.rows < 1 ||
      params.bands * params.rows > num_registers) {
    return absl::InvalidArgumentError(
        "LSH needs bands >= 1, rows >= 1 and bands * rows <= registers");
  }
  return LshCandidateIndex(params, num_registers);
}

void LshCandidateIndex::BandKeys(absl::Span<const uint32_t> signature,
                                 absl::Span<uint32_t> keys) const {
  for (int band = 0; band < params_.bands; ++band) {
    const uint32_t* rows = signature.data() + band * params_.rows;
    keys[band] = static_cast<uint32_t>(XXH3_64bits_withSeed(
        rows, params_.rows * sizeof(uint32_t), kLshBandSeed + band));
  }
}

void LshCandidateIndex::Add(absl::Span<const uint32_t> signature, bool empty) {
  const size_t at = keys_.size();
  keys_.resize(at + params_.bands);
  if (empty || signature.size() != static_cast<size_t>(num_registers_)) {
    no_keys_.push_back(num_docs_);
  } else {
    BandKeys(signature, absl::MakeSpan(keys_.data() + at, params_.bands));
  }
  ++num_docs_;
}

void LshCandidateIndex::AddKeys(absl::Span<const uint32_t> keys) {
  keys_.insert(keys_.end(), keys.begin(), keys.begin() + params_.bands);
  ++num_docs_;
}

std::vector<CandidatePair> LshCandidateIndex::CandidatePairs(
    int max_pairs_per_doc) const {
  const size_t cap = static_cast<size_t>(std::max(1, max_pairs_per_doc));
  std::vector<uint64_t> pairs;  // a << 32 | b, sorted and unique.
  std::vector<uint64_t> bucket_entries;
  std::vector<uint64_t> band_pairs;
  bucket_entries.reserve(num_docs_);
  for (int band = 0; band < params_.bands; ++band) {
    bucket_entries.clear();
    size_t skip = 0;
    for (uint32_t doc = 0; doc < num_docs_; ++doc) {
      if (skip < no_keys_.size() && no_keys_[skip] == doc) {
        ++skip;
        continue;
      }
      const uint64_t key = keys_[size_t{doc} * params_.bands + band];
      bucket_entries.push_back(key << 32 | doc);
    }
    // Sorting (key, doc) groups each bucket with its documents in order.
    std::sort(bucket_entries.begin(), bucket_entries.end());
    band_pairs.clear();
    for (size_t i = 0; i < bucket_entries.size();) {
      size_t j = i + 1;
      while (j < bucket_entries.size() &&
             (bucket_entries[j] >> 32) == (bucket_entries[i] >> 32)) {
        ++j;
      }
      for (size_t m = i + 1; m < j; ++m) {
        const uint64_t b = bucket_entries[m] & 0xffffffffu;
        const size_t earlier = std::min(m - i, cap);
        for (size_t e = i; e < i + earlier; ++e) {
          band_pairs.push_back((bucket_entries[e] & 0xffffffffu) << 32 | b);
        }
      }
      i = j;
    }
    if (band_pairs.empty()) continue;
    std::sort(band_pairs.begin(), band_pairs.end());
    const size_t old_size = pairs.size();
    pairs.insert(pairs.end(), band_pairs.begin(), band_pairs.end());
    std::inplace_merge(pairs.begin(), pairs.begin() + old_size, pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }
  return internal::UnpackPairs(pairs);
}

}  // namespace neardup
