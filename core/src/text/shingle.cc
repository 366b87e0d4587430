// Copyright 2026 The neardup Authors.
//
// Word n-gram shingles (Broder 1997): each window of n token hashes is hashed
// again, as a polynomial rolled from window to window (text/hash.h).

#include "neardup/shingle.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "text/hash.h"

namespace neardup {

std::vector<uint64_t> ShingleHashes(absl::Span<const Token> tokens, int n) {
  std::vector<uint64_t> out;
  if (tokens.empty() || n < 1) return out;
  const size_t window = std::min<size_t>(static_cast<size_t>(n), tokens.size());
  const size_t count = tokens.size() - window + 1;
  out.resize(count);
  internal::RollShingleHashes(
      tokens.size(), window, [&tokens](size_t i) { return tokens[i].hash; },
      out.data());
  return out;
}

namespace {

// LSD radix sort, 8 bits a pass: for a few hundred or more uniform 64-bit
// hashes it beats std::sort several times over. Sorts `v` using `tmp` (same
// size) as the other buffer; an even number of passes ends back in `v`.
void RadixSort(std::vector<uint64_t>& v, std::vector<uint64_t>& tmp) {
  uint64_t* src = v.data();
  uint64_t* dst = tmp.data();
  const size_t n = v.size();
  for (int shift = 0; shift < 64; shift += 8) {
    size_t count[257] = {};
    for (size_t i = 0; i < n; ++i) ++count[((src[i] >> shift) & 0xFF) + 1];
    for (int b = 0; b < 256; ++b) count[b + 1] += count[b];
    for (size_t i = 0; i < n; ++i) {
      dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
    }
    std::swap(src, dst);
  }
}

}  // namespace

ShingleSet ShingleSet::FromHashes(std::vector<uint64_t> hashes) {
  if (hashes.size() >= 256) {
    std::vector<uint64_t> tmp(hashes.size());
    RadixSort(hashes, tmp);
  } else {
    std::sort(hashes.begin(), hashes.end());
  }
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  ShingleSet set;
  set.hashes_ = std::move(hashes);
  return set;
}

ShingleSet Shingles(absl::Span<const Token> tokens, int n) {
  return ShingleSet::FromHashes(ShingleHashes(tokens, n));
}

size_t IntersectionSize(const ShingleSet& a, const ShingleSet& b) {
  const absl::Span<const uint64_t> x = a.hashes(), y = b.hashes();
  size_t i = 0, j = 0, common = 0;
  while (i < x.size() && j < y.size()) {
    // Branch-light merge: advance whichever side is smaller (or both).
    const uint64_t u = x[i], v = y[j];
    common += u == v;
    i += u <= v;
    j += v <= u;
  }
  return common;
}

double Jaccard(const ShingleSet& a, const ShingleSet& b) {
  if (a.empty() && b.empty()) return 0.0;
  const size_t common = IntersectionSize(a, b);
  return static_cast<double>(common) /
         static_cast<double>(a.size() + b.size() - common);
}

double Containment(const ShingleSet& a, const ShingleSet& b) {
  if (a.empty()) return 0.0;
  return static_cast<double>(IntersectionSize(a, b)) /
         static_cast<double>(a.size());
}

}  // namespace neardup
