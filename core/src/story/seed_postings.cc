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
  const int n = std::max(options.seed_words, 1);
  for (uint32_t d = 0; d < features.size(); ++d) {
    const SeedIndex& seeds = features[d].seeds;
    if (seeds.n != n) continue;
    for (uint32_t i = 0; i < seeds.hashes.size(); ++i) {
      occurrences_.push_back({seeds.hashes[i], d, i});
    }
  }
  std::sort(occurrences_.begin(), occurrences_.end(),
            [](const Occurrence& x, const Occurrence& y) {
              if (x.seed != y.seed) return x.seed < y.seed;
              return x.doc != y.doc ? x.doc < y.doc : x.position < y.position;
            });
  for (uint32_t i = 0; i < occurrences_.size();) {
    uint32_t end = i + 1;
    while (end < occurrences_.size() &&
           occurrences_[end].seed == occurrences_[i].seed) {
      ++end;
    }
    runs_.emplace(occurrences_[i].seed, std::make_pair(i, end));
    i = end;
  }
}

std::pair<const SeedPostings::Occurrence*, const SeedPostings::Occurrence*>
SeedPostings::After(uint64_t seed, uint32_t a) const {
  const auto it = runs_.find(seed);
  if (it == runs_.end()) return {nullptr, nullptr};
  const Occurrence* first = occurrences_.data() + it->second.first;
  const Occurrence* last = occurrences_.data() + it->second.second;
  first = std::partition_point(first, last,
                               [a](const Occurrence& o) { return o.doc <= a; });
  return {first, last};
}

void SeedPostings::RowPositions(uint32_t a, std::vector<uint64_t>* out) const {
  out->clear();
  const DocFeatures& fa = features_[a];
  if (runs_.empty() || fa.seeds.hashes.empty()) return;
  // Pairs aligned from a: a's seeds that b holds at most max_seed_hits times.
  for (uint32_t i = 0; i < fa.seeds.hashes.size(); ++i) {
    auto [o, last] = After(fa.seeds.hashes[i], a);
    while (o < last) {
      const Occurrence* next = o + 1;
      while (next < last && next->doc == o->doc) ++next;
      if (static_cast<uint32_t>(next - o) <= max_seed_hits_ &&
          AlignsFirst(fa, features_[o->doc])) {
        out->push_back(uint64_t{o->doc} << 32 | i);
      }
      o = next;
    }
  }
  // Pairs aligned from b: b's seeds that a holds at most max_seed_hits times.
  for (const auto& [seed, entry] : fa.seeds.table) {
    if (entry.count > max_seed_hits_) continue;
    for (auto [o, last] = After(seed, a); o < last; ++o) {
      if (!AlignsFirst(fa, features_[o->doc])) {
        out->push_back(uint64_t{o->doc} << 32 | o->position);
      }
    }
  }
  std::sort(out->begin(), out->end());
}

}  // namespace neardup::internal
