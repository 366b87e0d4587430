// Copyright 2026 The neardup Authors.
//
// The exact distinct count of a document's shingle hashes (DocumentSketch::
// num_shingles), by a table kept from document to document:
//
//   internal::DistinctCounter counter;  // One per thread, kept across calls.
//   counter.Count(shingles);            // == sort + unique's size.

#ifndef NEARDUP_SKETCH_DISTINCT_COUNTER_H_
#define NEARDUP_SKETCH_DISTINCT_COUNTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace neardup::internal {

// Linear probing over 2^bits slots for n values, each slot the index of a
// value (offset by `base_`), the home slot taken from the value times an odd
// constant. For n < 65535, 16 to 32 slots per value of 16 bits that stay from
// call to call: a slot at most `base_` is free, and `base_` moves past each
// call's n indices, so the table is cleared only when the indices would pass
// 65535 (once per ~400 documents of 1 KB) instead of on every call.
class DistinctCounter {
 public:
  size_t Count(absl::Span<const uint64_t> hashes);

  // Frees the buffers holding more than `keep` entries.
  void Trim(size_t keep);

 private:
  std::vector<uint16_t> slots_;
  uint32_t base_ = 0;
  std::vector<uint32_t> large_;  // n >= 65535: 8 to 16 slots per value.
};

}  // namespace neardup::internal

#endif  // NEARDUP_SKETCH_DISTINCT_COUNTER_H_
