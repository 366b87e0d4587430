// Copyright 2026 The neardup Authors.
//
// MinHasher: coefficient derivation, densification and the estimators. The
// per-shingle loops are SIMD kernels in minhash_kernels.cc.

#include "neardup/minhash.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "absl/base/optimization.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "sketch/sketch_kernels.h"
#include "sketch/sketch_seeds.h"

namespace neardup {
namespace {

constexpr uint32_t kEmptyRegister = std::numeric_limits<uint32_t>::max();
// Densification probes per bin precomputed by the MinHasher (k <= 1024 bins,
// so 16 KiB at most). They all miss only when all 8 probed bins are empty,
// probability (fraction of empty bins)^8: 0.3^8 < 1e-4 for ~150 shingles in
// 128 bins (a 1 KB document); the probes then go on, hashed as before.
constexpr uint32_t kDensifyTableProbes = 8;

// Optimal densification (Shrivastava 2017, "Optimal densification for fast
// and accurate minwise hashing", Algorithm 2): an empty bin i borrows the
// value of bin Probe(i, 1), Probe(i, 2), ... up to the first bin that was
// non-empty before densification. Both signatures of a pair probe the same
// sequence, so a borrowed register matches with probability J, and the
// sequences of different bins are independent, which keeps the variance
// near that of k independent minima.
//
// Every empty bin i (bits clear in `full`, the bins filled before
// densification) takes the register of its first filled probe. hits_of(i,
// row) gives bit a set when the probe row[a] (probe a + 1) was filled.
template <class HitsOf>
void BorrowIntoEmptyBins(uint64_t seed, const uint16_t* probes,
                         const uint64_t* full, HitsOf hits_of, uint32_t* r,
                         size_t k) {
  const auto is_filled = [full](size_t bin) {
    return ((full[bin / 64] >> (bin % 64)) & 1) != 0;
  };
  // Only for termination in finitely many steps, never reached in practice:
  // (1 - 1/k)^(64 k) < e^-64.
  const uint32_t max_attempts = 64 * static_cast<uint32_t>(k);
  for (size_t base = 0; base < k; base += 64) {
    const size_t m = std::min<size_t>(64, k - base);
    uint64_t empty =
        ~full[base / 64] & (m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1);
    while (empty != 0) {
      const size_t i = base + static_cast<size_t>(std::countr_zero(empty));
      empty &= empty - 1;
      const uint16_t* row = probes + i * kDensifyTableProbes;
      const uint32_t hits = hits_of(i, row);
      size_t source = k;
      if (ABSL_PREDICT_TRUE(hits != 0)) {
        source = row[std::countr_zero(hits)];
      } else {
        for (uint32_t attempt = kDensifyTableProbes + 1;
             attempt <= max_attempts; ++attempt) {
          const size_t probe = internal::DensifyProbe(seed, i, attempt, k);
          if (is_filled(probe)) {
            source = probe;
            break;
          }
        }
      }
      if (source == k) {  // The next non-empty bin after i, cyclically.
        source = (i + 1) % k;
        while (!is_filled(source)) source = (source + 1) % k;
      }
      r[i] = r[source];
    }
  }
}

// `registers` holds at least one non-empty bin. probe_bytes: the probes as
// bytes for k <= 128, else null.
void Densify(uint64_t seed, const uint16_t* probes, const uint8_t* probe_bytes,
             absl::Span<uint32_t> registers) {
  const size_t k = registers.size();
  uint32_t* const r = registers.data();
  // Which bins were filled before densification, on the stack (k <= 1024):
  // SketchInto() never allocates. As bits, to find the empty bins by bit
  // scans. The kernel also tests the empty bins' table probes where it can
  // (k <= 128 on the SIMD targets: byte lookups of 64 probes on AVX3_DL, of
  // 8-64 probes on the others).
  uint64_t full[16];
  uint8_t hits[128];
  if (probe_bytes != nullptr &&
      internal::DensifyProbeHits(r, k, probe_bytes, full, hits)) {
    BorrowIntoEmptyBins(
        seed, probes, full,
        [&hits](size_t i, const uint16_t*) { return uint32_t{hits[i]}; }, r, k);
    return;
  }
  // Otherwise the flags go into bytes, one load a probe, and only the empty
  // bins' probes are tested. Bytes and bits are built branch-free (with few
  // shingles per bin, which bins are empty is a coin flip, and a branch
  // mispredicted about a third of the time); the bits from the bytes, 8 at
  // a time (an OR into memory per bin, as before, made a store-to-load
  // chain).
  uint8_t filled[1024];
  for (size_t i = 0; i < k; ++i) filled[i] = r[i] != kEmptyRegister;
  for (size_t base = 0; base < k; base += 64) {
    // k is a multiple of 8: the bytes go 8 at a time into bits by one
    // multiply (byte j, 0 or 1, lands on bit 56 + j; no two partial
    // products overlap, so nothing carries).
    uint64_t word = 0;
    for (size_t j = 0; j < 64 && base + j < k; j += 8) {
      uint64_t bytes;
      std::memcpy(&bytes, filled + base + j, sizeof(bytes));
      if constexpr (std::endian::native == std::endian::big) {
        bytes = __builtin_bswap64(bytes);
      }
      word |= ((bytes * 0x0102040810204080ULL) >> 56) << j;
    }
    full[base / 64] = word;
  }
  BorrowIntoEmptyBins(
      seed, probes, full,
      [&filled](size_t, const uint16_t* row) {
        uint32_t hits = 0;
        for (size_t a = 0; a < kDensifyTableProbes; ++a) {
          hits |= static_cast<uint32_t>(filled[row[a]]) << a;
        }
        return hits;
      },
      r, k);
}

}  // namespace

MinHasher::MinHasher(const MinHashOptions& options) : options_(options) {
  const size_t k = static_cast<size_t>(options.num_registers);
  a_.resize(k);
  b_.resize(k);
  internal::MinHashCoefficients(options.seed, absl::MakeSpan(a_),
                                absl::MakeSpan(b_));
  if (options.mode == MinHashMode::kOnePermutation) {
    probes_.resize(k * kDensifyTableProbes);
    for (size_t i = 0; i < k; ++i) {
      for (uint32_t a = 1; a <= kDensifyTableProbes; ++a) {
        probes_[i * kDensifyTableProbes + a - 1] = static_cast<uint16_t>(
            internal::DensifyProbe(options.seed, i, a, k));
      }
    }
    if (k <= 128) probe_bytes_.assign(probes_.begin(), probes_.end());
  }
}

absl::StatusOr<MinHasher> MinHasher::Create(const MinHashOptions& options) {
  const int k = options.num_registers;
  if (k < 8 || k > 1024 || k % 8 != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "MinHash num_registers must be a multiple of 8 in [8, 1024], got ", k));
  }
  if (options.mode != MinHashMode::kClassic &&
      options.mode != MinHashMode::kOnePermutation) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown MinHash mode ", static_cast<int>(options.mode)));
  }
  return MinHasher(options);
}

void MinHasher::SketchInto(absl::Span<const uint64_t> shingle_hashes,
                           absl::Span<uint32_t> registers) const noexcept {
  const size_t k = a_.size();
  std::fill(registers.begin(), registers.begin() + k, kEmptyRegister);
  if (shingle_hashes.empty()) return;
  if (options_.mode == MinHashMode::kClassic) {
    internal::MinHashClassicUpdate(shingle_hashes.data(), shingle_hashes.size(),
                                   a_.data(), b_.data(), registers.data(), k);
    return;
  }
  internal::OnePermutationUpdate(shingle_hashes.data(), shingle_hashes.size(),
                                 a_[0], b_[0], registers.data(), k);
  Densify(options_.seed, probes_.data(),
          probe_bytes_.empty() ? nullptr : probe_bytes_.data(),
          registers.subspan(0, k));
}

MinHashSignature MinHasher::Sketch(
    absl::Span<const uint64_t> shingle_hashes) const {
  MinHashSignature signature;
  signature.values.resize(a_.size());
  signature.set_size = shingle_hashes.size();
  SketchInto(shingle_hashes, absl::MakeSpan(signature.values));
  return signature;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.empty() || b.empty() || a.values.size() != b.values.size() ||
      a.values.empty()) {
    return 0.0;
  }
  size_t equal = 0;
  for (size_t i = 0; i < a.values.size(); ++i) {
    equal += a.values[i] == b.values[i];
  }
  return static_cast<double>(equal) / static_cast<double>(a.values.size());
}

double EstimateContainment(const MinHashSignature& a,
                           const MinHashSignature& b) {
  if (a.empty()) return 0.0;
  const double j = EstimateJaccard(a, b);
  const double intersection =
      j * (static_cast<double>(a.set_size) + static_cast<double>(b.set_size)) /
      (1.0 + j);
  return std::clamp(intersection / static_cast<double>(a.set_size), 0.0, 1.0);
}

uint32_t BbitSignature::value(int i) const {
  const int bytes = bits / 8;
  uint32_t v = 0;
  for (int byte = 0; byte < bytes; ++byte) {
    v |= static_cast<uint32_t>(packed[static_cast<size_t>(i * bytes + byte)])
         << (8 * byte);
  }
  return v;
}

absl::StatusOr<BbitSignature> CompressBbit(const MinHashSignature& signature,
                                           int bits) {
  if (bits != 8 && bits != 16 && bits != 32) {
    return absl::InvalidArgumentError(
        absl::StrCat("b-bit MinHash width must be 8, 16 or 32, got ", bits));
  }
  BbitSignature out;
  out.bits = bits;
  out.num_registers = static_cast<int>(signature.values.size());
  out.set_size = signature.set_size;
  const int bytes = bits / 8;
  out.packed.reserve(signature.values.size() * static_cast<size_t>(bytes));
  for (uint32_t v : signature.values) {
    for (int byte = 0; byte < bytes; ++byte) {
      out.packed.push_back(static_cast<uint8_t>(v >> (8 * byte)));
    }
  }
  return out;
}

namespace {

// Li & König 2010, Theorem 1: A_{j,b} = r (1-r)^(2^b - 1) / (1 - (1-r)^(2^b)),
// the chance that the low b bits of a set's minimum take a given value,
// with r = set size / D. Computed through log1p/expm1 because r is tiny.
double LowBitsConstant(double r, int bits) {
  const double m = std::ldexp(1.0, bits);
  if (r <= 0.0) return 1.0 / m;
  const double log_q = std::log1p(-r);
  return r * std::exp((m - 1.0) * log_q) / -std::expm1(m * log_q);
}

}  // namespace

double EstimateJaccard(const BbitSignature& a, const BbitSignature& b) {
  if (a.set_size == 0 || b.set_size == 0 || a.bits != b.bits ||
      a.num_registers != b.num_registers || a.num_registers == 0 ||
      a.packed.size() != b.packed.size()) {
    return 0.0;
  }
  size_t equal = 0;
  for (int i = 0; i < a.num_registers; ++i) equal += a.value(i) == b.value(i);
  const double p = static_cast<double>(equal) / a.num_registers;
  // MinHash values live in [0, 2^32).
  constexpr double kDomain = 4294967296.0;
  const double r1 = static_cast<double>(a.set_size) / kDomain;
  const double r2 = static_cast<double>(b.set_size) / kDomain;
  const double a1 = LowBitsConstant(r1, a.bits);
  const double a2 = LowBitsConstant(r2, a.bits);
  const double c1 = (a1 * r2 + a2 * r1) / (r1 + r2);
  const double c2 = (a1 * r1 + a2 * r2) / (r1 + r2);
  return std::clamp((p - c1) / (1.0 - c2), 0.0, 1.0);
}

}  // namespace neardup
