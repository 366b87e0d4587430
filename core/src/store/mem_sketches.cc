// Copyright 2026 The neardup Authors.

#include "store/mem_sketches.h"

#include <algorithm>
#include <cstring>

namespace neardup::internal {
namespace {

// Low 4 bits of registers 2i (low nibble) and 2i + 1 (high nibble).
void Pack(const uint16_t* bbit, int k, uint8_t* out) {
  for (int i = 0; i + 1 < k; i += 2) {
    out[i / 2] =
        static_cast<uint8_t>((bbit[i] & 0xF) | (bbit[i + 1] & 0xF) << 4);
  }
}

// Registers whose low 4 bits agree, over `n` packed bytes.
int EqualNibbles(const uint8_t* a, const uint8_t* b, size_t n) {
  int equal = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t x = a[i] ^ b[i];
    equal += ((x & 0x0F) == 0) + ((x & 0xF0) == 0);
  }
  return equal;
}

}  // namespace

MemSketches::MemSketches(int num_registers)
    : k_(num_registers & ~1), stride_(kHeader + static_cast<size_t>(k_) / 2) {}

MemSketches::Probe MemSketches::MakeProbe(const SketchRef& ref) const {
  Probe p;
  p.ref = ref;
  p.ref.bbit = nullptr;  // Only the packed form is read.
  p.nibbles.resize(static_cast<size_t>(k_) / 2);
  if (ref.bbit != nullptr) Pack(ref.bbit, k_, p.nibbles.data());
  return p;
}

void MemSketches::Set(uint32_t doc, const SketchRef& ref) {
  const size_t at = size_t{doc} * stride_;
  if (bytes_.size() < at + stride_) bytes_.resize(at + stride_);
  uint8_t* r = bytes_.data() + at;
  std::memcpy(r, &ref.text_hash, 8);
  std::memcpy(r + 8, &ref.simhash, 8);
  std::memcpy(r + 16, &ref.shingles, 4);
  std::memcpy(r + 20, &ref.words, 4);
  Pack(ref.bbit, k_, r + kHeader);
}

bool MemSketches::MayMatch(uint32_t doc, const Probe& probe,
                           const DedupOptions& options) const {
  const size_t at = size_t{doc} * stride_;
  if (at + stride_ > bytes_.size()) return true;
  const uint8_t* r = bytes_.data() + at;
  SketchRef other;
  std::memcpy(&other.text_hash, r, 8);
  std::memcpy(&other.simhash, r + 8, 8);
  std::memcpy(&other.shingles, r + 16, 4);
  std::memcpy(&other.words, r + 20, 4);
  if (other.words == 0) return true;  // A hole: unknown.
  // Registers beyond an even k_ (an odd k) are counted as agreeing.
  const int equal =
      EqualNibbles(probe.nibbles.data(), r + kHeader, probe.nibbles.size()) +
      (options.num_registers - k_);
  return ScoreWithEqual(equal, probe.ref, other, options).relation !=
         Relation::kNone;
}

size_t MemSketches::MemoryBytesAfterSetting(uint32_t doc) const {
  const size_t needed = (size_t{doc} + 1) * stride_;
  if (needed <= bytes_.capacity()) return bytes_.capacity();
  return std::max(needed, 2 * bytes_.capacity());
}

}  // namespace neardup::internal
