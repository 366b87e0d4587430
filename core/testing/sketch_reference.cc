// Copyright 2026 The neardup Authors.

#include "sketch_reference.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

namespace neardup::testing {
namespace {

constexpr uint32_t kEmpty = 0xFFFFFFFFu;

uint64_t SplitMix64Output(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The i-th (0-based) SplitMix64 output from state seed ^ "nd-minh1".
uint64_t CoefficientWord(uint64_t seed, int i) {
  const uint64_t state = (seed ^ 0x6e642d6d696e6831ULL) +
                         static_cast<uint64_t>(i + 1) * 0x9e3779b97f4a7c15ULL;
  return SplitMix64Output(state);
}

uint32_t Lane(uint64_t x) {
  return static_cast<uint32_t>(x & 0xFFFFFFFFu) ^
         static_cast<uint32_t>(x >> 32);
}

uint32_t Permute(uint64_t seed, int i, uint64_t x) {
  const uint64_t z = CoefficientWord(seed, i);
  const uint32_t a = static_cast<uint32_t>(z & 0xFFFFFFFFu) | 1u;
  const uint32_t b = static_cast<uint32_t>(z >> 32);
  return static_cast<uint32_t>((static_cast<uint64_t>(a) * Lane(x) + b) &
                               0xFFFFFFFFu);
}

}  // namespace

std::vector<uint32_t> ReferenceMinHashClassic(absl::Span<const uint64_t> hashes,
                                              int k, uint64_t seed) {
  std::vector<uint32_t> registers(static_cast<size_t>(k), kEmpty);
  for (int i = 0; i < k; ++i) {
    for (uint64_t x : hashes) {
      registers[i] = std::min(registers[i], Permute(seed, i, x));
    }
  }
  return registers;
}

std::vector<uint32_t> ReferenceOnePermutationBins(
    absl::Span<const uint64_t> hashes, int k, uint64_t seed) {
  std::vector<uint32_t> registers(static_cast<size_t>(k), kEmpty);
  for (uint64_t x : hashes) {
    const uint32_t v = Permute(seed, 0, x);
    const uint64_t bin = (static_cast<uint64_t>(v >> 16) * k) >> 16;
    registers[bin] = std::min(registers[bin], v);
  }
  return registers;
}

std::vector<uint32_t> ReferenceOnePermutation(absl::Span<const uint64_t> hashes,
                                              int k, uint64_t seed) {
  const std::vector<uint32_t> bins =
      ReferenceOnePermutationBins(hashes, k, seed);
  std::vector<uint32_t> registers = bins;
  if (hashes.empty()) return registers;
  for (int i = 0; i < k; ++i) {
    if (bins[i] != kEmpty) continue;
    bool found = false;
    for (uint64_t attempt = 1; attempt <= 64 * static_cast<uint64_t>(k);
         ++attempt) {
      const uint64_t z =
          SplitMix64Output(seed ^ 0x6e642d64656e7331ULL ^
                           (static_cast<uint64_t>(i) << 32 | attempt));
      const uint64_t probe = ((z >> 32) * static_cast<uint64_t>(k)) >> 32;
      if (bins[probe] != kEmpty) {
        registers[i] = bins[probe];
        found = true;
        break;
      }
    }
    for (int step = 1; !found && step < k; ++step) {
      if (bins[(i + step) % k] != kEmpty) {
        registers[i] = bins[(i + step) % k];
        found = true;
      }
    }
  }
  return registers;
}

void ReferenceDensifyProbeHits(absl::Span<const uint32_t> registers,
                               absl::Span<const uint8_t> probes,
                               std::vector<uint64_t>* full,
                               std::vector<uint8_t>* hits) {
  const size_t k = registers.size();
  full->assign((k + 63) / 64, 0);
  hits->assign(k, 0);
  for (size_t i = 0; i < k; ++i) {
    if (registers[i] != 0xFFFFFFFFu) (*full)[i / 64] |= uint64_t{1} << (i % 64);
  }
  for (size_t i = 0; i < k; ++i) {
    for (size_t a = 0; a < 8; ++a) {
      if (registers[probes[8 * i + a]] != 0xFFFFFFFFu) {
        (*hits)[i] = static_cast<uint8_t>((*hits)[i] | (1u << a));
      }
    }
  }
}

std::array<float, 64> ReferenceSimHashSums(absl::Span<const uint64_t> features,
                                           absl::Span<const float> weights) {
  std::array<float, 64> sums{};
  for (size_t i = 0; i < features.size(); ++i) {
    const float w = weights.empty() ? 1.0f : weights[i];
    for (int j = 0; j < 64; ++j) {
      if ((features[i] >> j) & 1) {
        sums[j] += w;
      } else {
        sums[j] += -w;
      }
    }
  }
  return sums;
}

uint64_t ReferenceSimHash(absl::Span<const uint64_t> features,
                          absl::Span<const float> weights) {
  const std::array<float, 64> sums = ReferenceSimHashSums(features, weights);
  uint64_t bits = 0;
  for (int j = 0; j < 64; ++j) {
    if (sums[j] > 0.0f) bits |= uint64_t{1} << j;
  }
  return bits;
}

double ExactJaccard(absl::Span<const uint64_t> a,
                    absl::Span<const uint64_t> b) {
  const std::set<uint64_t> sa(a.begin(), a.end());
  const std::set<uint64_t> sb(b.begin(), b.end());
  size_t common = 0;
  for (uint64_t x : sa) common += sb.count(x);
  const size_t total = sa.size() + sb.size() - common;
  return total == 0 ? 0.0 : static_cast<double>(common) / total;
}

}  // namespace neardup::testing
