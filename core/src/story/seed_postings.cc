// Copyright 2026 The neardup Authors.

#include "story/seed_postings.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace neardup::internal {

SeedPostings::SeedPostings(const std::vector<DocFeatures>& features,
                           const AlignOptions& options)
    : features_(features),
      max_seed_hits_(
          static_cast<uint32_t>(std::max(options.max_seed_hits, 0))) {
  struct Occurrence {
    uint64_t seed;
    uint32_t doc;
    uint32_t position;
  };
  std::vector<Occurrence> occurrences;
  const int n = std::max(options.seed_words, 1);
  for (uint32_t d = 0; d < features.size(); ++d) {
    const SeedIndex& seeds = features[d].seeds;
    if (seeds.n != n) continue;
    for (uint32_t i = 0; i < seeds.hashes.size(); ++i) {
      occurrences.push_back({seeds.hashes[i], d, i});
    }
  }
  std::sort(occurrences.begin(), occurrences.end(),
            [](const Occurrence& x, const Occurrence& y) {
              if (x.seed != y.seed) return x.seed < y.seed;
              return x.doc != y.doc ? x.doc < y.doc : x.position < y.position;
            });
  positions_.reserve(occurrences.size());
  for (size_t i = 0; i < occurrences.size();) {
    const uint64_t seed = occurrences[i].seed;
    const uint32_t run = static_cast<uint32_t>(postings_.size());
    for (; i < occurrences.size() && occurrences[i].seed == seed;) {
      const uint32_t doc = occurrences[i].doc;
      const uint32_t first = static_cast<uint32_t>(positions_.size());
      for (; i < occurrences.size() && occurrences[i].seed == seed &&
             occurrences[i].doc == doc;
           ++i) {
        positions_.push_back(occurrences[i].position);
      }
      postings_.push_back(
          {doc, static_cast<uint32_t>(positions_.size()) - first, first});
    }
    runs_.emplace(seed,
                  std::make_pair(run, static_cast<uint32_t>(postings_.size())));
  }
}

std::pair<const SeedPostings::Posting*, const SeedPostings::Posting*>
SeedPostings::After(uint64_t seed, uint32_t a) const {
  const auto it = runs_.find(seed);
  if (it == runs_.end()) return {nullptr, nullptr};
  const Posting* first = postings_.data() + it->second.first;
  const Posting* last = postings_.data() + it->second.second;
  first = std::partition_point(first, last,
                               [a](const Posting& p) { return p.doc <= a; });
  return {first, last};
}

void SeedPostings::RowPositions(uint32_t a, std::vector<uint64_t>* out) const {
  out->clear();
  const DocFeatures& fa = features_[a];
  if (runs_.empty() || fa.seeds.hashes.empty()) return;
  // Pairs aligned from a: a's seeds that b holds at most max_seed_hits times.
  for (uint32_t i = 0; i < fa.seeds.hashes.size(); ++i) {
    for (auto [p, last] = After(fa.seeds.hashes[i], a); p < last; ++p) {
      if (p->count <= max_seed_hits_ && AlignsFirst(fa, features_[p->doc])) {
        out->push_back(uint64_t{p->doc} << 32 | i);
      }
    }
  }
  // Pairs aligned from b: b's seeds that a holds at most max_seed_hits times.
  for (const auto& [seed, entry] : fa.seeds.table) {
    if (entry.count > max_seed_hits_) continue;
    for (auto [p, last] = After(seed, a); p < last; ++p) {
      if (AlignsFirst(fa, features_[p->doc])) continue;
      for (uint32_t k = p->first; k < p->first + p->count; ++k) {
        out->push_back(uint64_t{p->doc} << 32 | positions_[k]);
      }
    }
  }
  std::sort(out->begin(), out->end());
}

}  // namespace neardup::internal
