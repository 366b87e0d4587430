// Copyright 2026 The neardup Authors.
//
// A compact copy in memory of what verification reads of every indexed
// document, so that the candidates that cannot verify are dropped before
// their records are read from LMDB (each read: a B-tree descent through a
// file of hundreds of megabytes, several cache misses and often a page
// fault). At 1M documents the postings give ~12 candidates a document and
// ~0.4 of them verify.
//
// Per document (by number): the low 4 bits of each b-bit register (k / 2
// bytes), the text hash, the SimHash, the shingle and word counts: 88 bytes
// at k = 128. Two registers that agree agree on their low 4 bits, so the
// number of agreeing nibbles bounds the number of agreeing registers from
// above, and ScoreWithEqual() (search/pair_score.h) with that bound says
// kNone only when the exact score would too. An unrelated pair agrees on
// about k / 16 nibbles, far below any threshold.
//
//   MemSketches m(128);
//   m.Set(7, ref);                           // As document 7 is indexed.
//   MemSketches::Probe p = m.MakeProbe(q);   // Once per judged document.
//   if (m.MayMatch(7, p, options)) { ...read and verify document 7... }
//
// Not thread-safe: the owner serialises writers against readers (as for
// MemPostings).

#ifndef NEARDUP_STORE_MEM_SKETCHES_H_
#define NEARDUP_STORE_MEM_SKETCHES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "neardup/dedup.h"

#include "search/pair_score.h"
#include "store/mem_postings.h"  // LargeBlockAllocator

namespace neardup::internal {

class MemSketches {
 public:
  // `num_registers`: k of the index's sketches (even).
  explicit MemSketches(int num_registers);

  // The packed form of a judged document's sketch.
  struct Probe {
    SketchRef ref;
    std::vector<uint8_t> nibbles;  // k / 2 bytes.
  };
  Probe MakeProbe(const SketchRef& ref) const;

  // Stores document `doc`'s sketch (ref.bbit: k values), growing the table
  // as needed; a later Set() of the same number replaces it.
  void Set(uint32_t doc, const SketchRef& ref);
  // False only when ScoreSketches(probe, doc) is certainly kNone. True for a
  // number never Set() (nothing is known of it).
  bool MayMatch(uint32_t doc, const Probe& probe,
                const DedupOptions& options) const;

  // Starts loading document `doc`'s record (both cache lines it may
  // span), so that the screen of many candidates overlaps their cache
  // misses. Only a hint: changes nothing.
  void Prefetch(uint32_t doc) const {
    const size_t at = size_t{doc} * stride_;
    if (at + stride_ > bytes_.size()) return;
    __builtin_prefetch(bytes_.data() + at);
    __builtin_prefetch(bytes_.data() + at + stride_ - 1);
  }
  void Reserve(size_t docs) { bytes_.reserve(docs * stride_); }
  // Heap bytes held; O(1).
  size_t MemoryBytes() const { return bytes_.capacity(); }
  // MemoryBytes() once document `doc` is Set(), at most.
  size_t MemoryBytesAfterSetting(uint32_t doc) const;

 private:
  // Record layout: u64 text hash | u64 simhash | u32 shingles | u32 words |
  // nibbles[k / 2]; a record of all zeros (shingles 0 and words 0 are never
  // Set() by the index, which skips texts without words) is a hole.
  static constexpr size_t kHeader = 24;
  int k_;
  size_t stride_;
  // 88 MB at 1M documents, read at random: huge pages once it is large.
  std::vector<uint8_t, LargeBlockAllocator<uint8_t>> bytes_;
};

}  // namespace neardup::internal

#endif  // NEARDUP_STORE_MEM_SKETCHES_H_
