// Copyright 2026 The neardup Authors.

#include "neardup/simhash_index.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "absl/status/status.h"

#include "search/candidate_pairs.h"

namespace neardup {
namespace {

// C(n, r), saturating at `limit` + 1.
int64_t Choose(int n, int r, int64_t limit) {
  int64_t c = 1;
  for (int i = 1; i <= r; ++i) {
    c = c * (n - r + i) / i;
    if (c > limit) return limit + 1;
  }
  return c;
}

}  // namespace

uint64_t SimHashIndex::Table::Permute(uint64_t x) const {
  uint64_t y = 0;
  for (const Move& m : moves) {
    const uint64_t bits = x & m.mask;
    y |= m.shift >= 0 ? bits << m.shift : bits >> -m.shift;
  }
  return y;
}

SimHashIndex::SimHashIndex(const SimHashIndexOptions& options)
    : options_(options) {}

absl::StatusOr<SimHashIndex> SimHashIndex::Create(
    const SimHashIndexOptions& options) {
  SimHashIndexOptions o = options;
  if (o.max_distance < 0 || o.max_distance > 16) {
    return absl::InvalidArgumentError("max_distance must be in [0, 16]");
  }
  if (o.blocks == 0) o.blocks = o.max_distance + 2;
  if (o.blocks <= o.max_distance || o.blocks > 64) {
    return absl::InvalidArgumentError("blocks must be in (max_distance, 64]");
  }
  const int m = o.blocks, k = o.max_distance;
  if (Choose(m, k, 10000) > 10000) {
    return absl::InvalidArgumentError("too many SimHash tables");
  }
  // Block i covers bits [start[i], start[i + 1]), high bits first.
  std::vector<int> start(m + 1);
  for (int i = 0; i <= m; ++i) start[i] = 64 * i / m;
  SimHashIndex index(o);
  // Every subset of m - k blocks, as a bit mask over blocks, in increasing
  // lexicographic order of the chosen block lists.
  std::vector<int> chosen(m - k);
  for (int i = 0; i < m - k; ++i) chosen[i] = i;
  while (true) {
    Table t;
    std::vector<bool> in(m, false);
    for (int c : chosen) in[c] = true;
    // Chosen blocks first, then the rest, packed from bit 63 down.
    int top = 64;
    auto place = [&](int block) {
      const int width = start[block + 1] - start[block];
      // Block bits as an integer of `width` bits: positions [lo, lo + width)
      // counted from bit 0, where lo = 64 - start[block + 1].
      const int lo = 64 - start[block + 1];
      const uint64_t mask =
          width == 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1) << lo;
      const int new_lo = top - width;
      t.moves.push_back({mask, new_lo - lo});
      top = new_lo;
    };
    for (int b = 0; b < m; ++b) {
      if (in[b]) place(b);
    }
    t.key_bits = 64 - top;
    for (int b = 0; b < m; ++b) {
      if (!in[b]) place(b);
    }
    index.tables_.push_back(std::move(t));
    // Next combination.
    int i = m - k - 1;
    while (i >= 0 && chosen[i] == k + i) --i;
    if (i < 0) break;
    ++chosen[i];
    for (int j = i + 1; j < m - k; ++j) chosen[j] = chosen[j - 1] + 1;
  }
  return index;
}

void SimHashIndex::AddNone() {
  none_.push_back(size());
  fingerprints_.push_back(0);
}

SimHashIndex::Built SimHashIndex::BuildTable(const Table& table) const {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  entries.reserve(fingerprints_.size() - none_.size());
  size_t skip = 0;
  for (uint32_t doc = 0; doc < size(); ++doc) {
    if (skip < none_.size() && none_[skip] == doc) {
      ++skip;
      continue;
    }
    entries.emplace_back(table.Permute(fingerprints_[doc]), doc);
  }
  std::sort(entries.begin(), entries.end());
  Built built;
  built.permuted.reserve(entries.size());
  built.docs.reserve(entries.size());
  for (const auto& [p, d] : entries) {
    built.permuted.push_back(p);
    built.docs.push_back(d);
  }
  return built;
}

std::vector<CandidatePair> SimHashIndex::NearPairs(
    int max_pairs_per_doc) const {
  const size_t cap = static_cast<size_t>(std::max(1, max_pairs_per_doc));
  std::vector<uint64_t> pairs;  // a << 32 | b.
  for (const Table& table : tables_) {
    const Built built = BuildTable(table);
    const int drop = 64 - table.key_bits;
    auto key = [&](size_t i) {
      return drop == 64 ? 0 : built.permuted[i] >> drop;
    };
    for (size_t i = 0; i < built.permuted.size();) {
      size_t j = i + 1;
      while (j < built.permuted.size() && key(j) == key(i)) ++j;
      // Within a run sorted by permuted value; pair docs in doc order.
      std::vector<uint32_t> run(built.docs.begin() + i, built.docs.begin() + j);
      std::sort(run.begin(), run.end());
      for (size_t b = 1; b < run.size(); ++b) {
        const size_t earlier = std::min(b, cap);
        for (size_t a = 0; a < earlier; ++a) {
          if (std::popcount(fingerprints_[run[a]] ^ fingerprints_[run[b]]) <=
              options_.max_distance) {
            pairs.push_back(internal::PackPair(run[a], run[b]));
          }
        }
      }
      i = j;
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return internal::UnpackPairs(pairs);
}

std::vector<uint32_t> SimHashIndex::Query(uint64_t fingerprint) {
  if (built_.size() != tables_.size()) {
    built_.clear();
    for (const Table& t : tables_) built_.push_back(BuildTable(t));
  }
  std::vector<uint32_t> out;
  for (size_t t = 0; t < tables_.size(); ++t) {
    const Table& table = tables_[t];
    const Built& built = built_[t];
    const int drop = 64 - table.key_bits;
    const uint64_t p = table.Permute(fingerprint);
    const uint64_t low_mask =
        drop == 64 ? ~uint64_t{0} : (uint64_t{1} << drop) - 1;
    const uint64_t lo = p & ~low_mask, hi = p | low_mask;
    auto first =
        std::lower_bound(built.permuted.begin(), built.permuted.end(), lo);
    auto last = std::upper_bound(first, built.permuted.end(), hi);
    for (auto it = first; it != last; ++it) {
      const uint32_t doc = built.docs[it - built.permuted.begin()];
      if (std::popcount(fingerprints_[doc] ^ fingerprint) <=
          options_.max_distance) {
        out.push_back(doc);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace neardup
