// Copyright 2026 The neardup Authors.
//
// MinHash signatures of shingle sets, and the Jaccard and containment
// estimates they give, in full (32-bit) or b-bit compressed form.
//
//   absl::StatusOr<neardup::MinHasher> hasher =
//       neardup::MinHasher::Create({.num_registers = 128});
//   if (!hasher.ok()) return hasher.status();
//   neardup::MinHashSignature a = hasher->Sketch(set_a.hashes());
//   neardup::MinHashSignature b = hasher->Sketch(set_b.hashes());
//   double j = neardup::EstimateJaccard(a, b);
//   neardup::BbitSignature small = neardup::CompressBbit(a, 16);
//
// Two modes:
//   - kClassic: k independent hash functions, one minimum each (Broder 1997,
//     "On the resemblance and containment of documents"). Exact in
//     expectation; costs k multiply-adds per shingle.
//   - kOnePermutation: one hash function split into k bins, one minimum per
//     bin, empty bins filled by optimal densification (Li, Owen & Zhang 2012
//     "One permutation hashing"; Shrivastava 2017 "Optimal densification for
//     fast and accurate minwise hashing"). About one multiply per shingle.
// Signatures of different modes, k or seeds are not comparable.
//
// The exact bytes of a signature are specified in docs/signature-format.md
// and guarded by golden vectors: the same input and options give the same
// signature on every machine and SIMD target.

#ifndef NEARDUP_MINHASH_H_
#define NEARDUP_MINHASH_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace neardup {

// Version of the signature format (docs/signature-format.md). Changing any
// hash, seed derivation or layout bumps it.
inline constexpr int kSignatureFormatVersion = 2;

enum class MinHashMode {
  kClassic = 0,
  kOnePermutation = 1,
};

struct MinHashOptions {
  // k: a multiple of 8 in [8, 1024].
  int num_registers = 128;
  MinHashMode mode = MinHashMode::kClassic;
  // Selects the hash functions; signatures only compare under equal seeds.
  uint64_t seed = 1;
};

// A full MinHash signature: k 32-bit minima. 0xFFFFFFFF in every register
// marks the signature of an empty set.
struct MinHashSignature {
  std::vector<uint32_t> values;
  // Number of hashes sketched: the set size when the input had no repeats
  // (e.g. ShingleSet::hashes()). Used by containment and b-bit estimates.
  uint64_t set_size = 0;

  bool empty() const { return set_size == 0; }
  friend bool operator==(const MinHashSignature&,
                         const MinHashSignature&) = default;
};

// The MinHash sketcher for one option set. Immutable after Create(), so one
// instance may be shared by any number of threads. Holds 8 bytes per
// register of hash coefficients.
class MinHasher {
 public:
  // InvalidArgument when num_registers is not a multiple of 8 in [8, 1024]
  // or the mode is unknown.
  [[nodiscard]] static absl::StatusOr<MinHasher> Create(
      const MinHashOptions& options);

  // The signature of the set of `shingle_hashes` (repeats are harmless, but
  // count in set_size). Allocates the result only; dispatches to the best
  // SIMD target of this CPU (or the forced one, see version.h).
  MinHashSignature Sketch(absl::Span<const uint64_t> shingle_hashes) const;

  // As above, into caller storage: `registers` must hold num_registers()
  // values. Does not allocate.
  void SketchInto(absl::Span<const uint64_t> shingle_hashes,
                  absl::Span<uint32_t> registers) const noexcept;

  const MinHashOptions& options() const { return options_; }
  int num_registers() const { return options_.num_registers; }

 private:
  explicit MinHasher(const MinHashOptions& options);

  MinHashOptions options_;
  // kClassic: register i keeps min over x of (a_[i] * x + b_[i]) mod 2^32.
  // kOnePermutation: a_[0], b_[0] define the single hash.
  std::vector<uint32_t> a_;
  std::vector<uint32_t> b_;
  // kOnePermutation: the first densification probes of every bin, in rows
  // (internal, precomputed so that densifying hashes nothing).
  std::vector<uint16_t> probes_;
  // The same probes as bytes when k <= 128 (for DensifyProbeHits), else
  // empty.
  std::vector<uint8_t> probe_bytes_;
};

// Fraction of equal registers: an unbiased estimate of |A ∩ B| / |A ∪ B|
// (std. error sqrt(J(1-J)/k)). 0 when either set is empty or the sizes
// differ.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

// Estimated |A ∩ B| / |A| from the Jaccard estimate J and the set sizes:
// |A ∩ B| = J (|A| + |B|) / (1 + J). Clamped to [0, 1]; 0 when A is empty.
double EstimateContainment(const MinHashSignature& a,
                           const MinHashSignature& b);

// A b-bit MinHash signature (Li & König 2010, "b-Bit minwise hashing"): the
// lowest `bits` bits of each register, packed little-endian.
struct BbitSignature {
  int bits = 32;  // 8, 16 or 32.
  int num_registers = 0;
  std::vector<uint8_t> packed;  // num_registers * bits / 8 bytes.
  uint64_t set_size = 0;

  // Register i.
  uint32_t value(int i) const;
  friend bool operator==(const BbitSignature&, const BbitSignature&) = default;
};

// Keeps the low `bits` (8, 16 or 32) bits of each register. InvalidArgument
// for any other width.
[[nodiscard]] absl::StatusOr<BbitSignature> CompressBbit(
    const MinHashSignature& signature, int bits);

// The Jaccard estimate from b-bit signatures, corrected for the chance that
// two different minima agree in their low b bits (Li & König 2010, Theorem
// 1, with r = set size / 2^32): J = (P - C1) / (1 - C2), P the fraction of
// equal registers. Clamped to [0, 1]; 0 when either set is empty or the
// shapes differ.
double EstimateJaccard(const BbitSignature& a, const BbitSignature& b);

}  // namespace neardup

#endif  // NEARDUP_MINHASH_H_
