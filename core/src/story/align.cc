// Copyright 2026 The neardup Authors.
//
// Seed-and-extend alignment of two token sequences (cf. D. A. Smith et al.,
// "Infectious texts", 2013, for passim; WCopyfind by L. Bloomfield).

#include "neardup/align.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"

#include "story/seed_index.h"

namespace neardup {
namespace {

// Words that must agree again after a gap before it is bridged, so a lone
// shared "the" does not glue two unrelated stretches together.
constexpr int kResyncWords = 2;

// Order-dependent combination of n token hashes. Internal only: seeds never
// reach output.
uint64_t SeedHash(absl::Span<const Token> t, size_t at, int n) {
  uint64_t h = 0x9E3779B97F4A7C15ULL;
  for (int k = 0; k < n; ++k) {
    h ^= t[at + k].hash + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
  }
  return h;
}

bool Same(absl::Span<const Token> a, size_t i, absl::Span<const Token> b,
          size_t j, size_t n) {
  if (i + n > a.size() || j + n > b.size()) return false;
  for (size_t k = 0; k < n; ++k) {
    if (a[i + k].hash != b[j + k].hash) return false;
  }
  return true;
}

bool Overlaps(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
  return a0 < b1 && b0 < a1;
}

// The longest of the `found` passages that overlap nothing kept before,
// of at least options.min_words matched words, in the order of a, with
// their byte ranges.
std::vector<Passage> KeepLongest(absl::Span<const Token> a,
                                 absl::Span<const Token> b,
                                 const std::vector<Passage>& found,
                                 const AlignOptions& options) {
  std::vector<Passage> candidates;
  for (const Passage& p : found) {
    if (static_cast<int>(p.matched) >= options.min_words) {
      candidates.push_back(p);
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Passage& x, const Passage& y) {
              if (x.matched != y.matched) return x.matched > y.matched;
              if (x.a_first != y.a_first) return x.a_first < y.a_first;
              return x.b_first < y.b_first;
            });
  std::vector<Passage> kept;
  for (const Passage& p : candidates) {
    bool clash = false;
    for (const Passage& q : kept) {
      if (Overlaps(p.a_first, p.a_last, q.a_first, q.a_last) ||
          Overlaps(p.b_first, p.b_last, q.b_first, q.b_last)) {
        clash = true;
        break;
      }
    }
    if (!clash) kept.push_back(p);
  }
  std::sort(kept.begin(), kept.end(), [](const Passage& x, const Passage& y) {
    return x.a_first != y.a_first ? x.a_first < y.a_first
                                  : x.b_first < y.b_first;
  });
  for (Passage& p : kept) {
    p.a = {a[p.a_first].begin, a[p.a_last - 1].end};
    p.b = {b[p.b_first].begin, b[p.b_last - 1].end};
  }
  return kept;
}

}  // namespace

namespace internal {

SeedIndex IndexSeeds(absl::Span<const Token> tokens, int n, bool with_table) {
  SeedIndex index;
  index.n = n;
  if (n <= 0 || tokens.size() < static_cast<size_t>(n)) return index;
  const size_t seeds = tokens.size() - n + 1;
  index.hashes.resize(seeds);
  for (size_t j = 0; j < seeds; ++j) index.hashes[j] = SeedHash(tokens, j, n);
  if (!with_table) return index;
  index.table.reserve(seeds);
  index.next.resize(seeds);
  for (size_t j = seeds; j-- > 0;) {
    const auto it =
        index.table.try_emplace(index.hashes[j], SeedIndex::Seed{0, 0}).first;
    index.next[j] = it->second.first;
    it->second.first = static_cast<uint32_t>(j);
    ++it->second.count;
  }
  return index;
}

namespace {

// The alignment of AlignIndexed() from the seeds of `a` that b's table
// holds at most options.max_seed_hits times: for_each_seed(try_seed) calls
// try_seed(i, b's entry for a's seed i) for each of them, in ascending i.
template <typename ForEachSeed>
std::vector<Passage> AlignSeeds(absl::Span<const Token> a,
                                absl::Span<const Token> b, int n,
                                const SeedIndex& b_seeds,
                                const AlignOptions& options,
                                const ForEachSeed& for_each_seed) {
  std::vector<Passage> found;
  if (a.empty() || b.empty()) return found;
  const int max_gap = std::max(options.max_gap, 0);
  const std::vector<uint32_t>& next = b_seeds.next;

  for_each_seed([&](size_t i, const SeedIndex::Seed& seed) {
    uint32_t j = seed.first;
    for (uint32_t left = seed.count; left > 0; --left, j = next[j]) {
      // Skip seeds inside a passage already found.
      bool covered = false;
      for (auto p = found.rbegin(); p != found.rend(); ++p) {
        if (p->a_first <= i && i < p->a_last && p->b_first <= j &&
            j < p->b_last) {
          covered = true;
          break;
        }
        if (p->a_last + static_cast<uint32_t>(2 * max_gap + n) < i) break;
      }
      if (covered || !Same(a, i, b, j, n)) continue;
      size_t ia = i + n, jb = j + n, end_a = ia, end_b = jb;
      uint32_t matched = n;
      while (true) {
        if (ia < a.size() && jb < b.size() && a[ia].hash == b[jb].hash) {
          ++ia;
          ++jb;
          ++matched;
          end_a = ia;
          end_b = jb;
          continue;
        }
        // Bridge the smallest gap after which the texts agree again.
        bool bridged = false;
        for (int g = 1; g <= 2 * max_gap && !bridged; ++g) {
          for (int da = std::max(0, g - max_gap); da <= std::min(g, max_gap);
               ++da) {
            const int db = g - da;
            if (Same(a, ia + da, b, jb + db, kResyncWords)) {
              ia += da;
              jb += db;
              bridged = true;
              break;
            }
          }
        }
        if (!bridged) break;
      }
      Passage p;
      p.a_first = static_cast<uint32_t>(i);
      p.a_last = static_cast<uint32_t>(end_a);
      p.b_first = j;
      p.b_last = static_cast<uint32_t>(end_b);
      p.matched = matched;
      found.push_back(p);
    }
  });
  return KeepLongest(a, b, found, options);
}

}  // namespace

std::vector<Passage> AlignIndexed(absl::Span<const Token> a,
                                  const SeedIndex& a_seeds,
                                  absl::Span<const Token> b,
                                  const SeedIndex& b_seeds,
                                  const AlignOptions& options) {
  return AlignSeeds(a, b, b_seeds.n, b_seeds, options, [&](const auto& fn) {
    for (size_t i = 0; i < a_seeds.hashes.size(); ++i) {
      const auto it = b_seeds.table.find(a_seeds.hashes[i]);
      if (it == b_seeds.table.end()) continue;
      if (static_cast<int>(it->second.count) > options.max_seed_hits) continue;
      fn(i, it->second);
    }
  });
}

std::vector<Passage> AlignIndexedAt(absl::Span<const Token> a,
                                    const SeedIndex& a_seeds,
                                    absl::Span<const Token> b,
                                    const SeedIndex& b_seeds,
                                    absl::Span<const uint32_t> positions,
                                    const AlignOptions& options) {
  return AlignSeeds(a, b, b_seeds.n, b_seeds, options, [&](const auto& fn) {
    for (const uint32_t i : positions) {
      const auto it = b_seeds.table.find(a_seeds.hashes[i]);
      if (it == b_seeds.table.end()) continue;
      if (static_cast<int>(it->second.count) > options.max_seed_hits) continue;
      fn(i, it->second);
    }
  });
}

}  // namespace internal

std::vector<Passage> AlignPassages(absl::Span<const Token> a,
                                   absl::Span<const Token> b,
                                   const AlignOptions& options) {
  if (a.empty() || b.empty()) return {};
  const int n = static_cast<int>(std::min<size_t>(
      std::max(options.seed_words, 1), std::min(a.size(), b.size())));
  return internal::AlignIndexed(a, internal::IndexSeeds(a, n, false), b,
                                internal::IndexSeeds(b, n, true), options);
}

double CoverageOfA(absl::Span<const Passage> passages, size_t a_tokens) {
  if (a_tokens == 0) return 0;
  size_t covered = 0;
  for (const Passage& p : passages) covered += p.a_last - p.a_first;
  return std::min(1.0, static_cast<double>(covered) / a_tokens);
}

double CoverageOfB(absl::Span<const Passage> passages, size_t b_tokens) {
  if (b_tokens == 0) return 0;
  size_t covered = 0;
  for (const Passage& p : passages) covered += p.b_last - p.b_first;
  return std::min(1.0, static_cast<double>(covered) / b_tokens);
}

}  // namespace neardup
