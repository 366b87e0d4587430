// Copyright 2026 The neardup Authors.
//
// The candidate postings of the streaming index, held in memory: candidate
// key (LSH band, partial band, SimHash table; index_format.h) -> the numbers
// of the documents that have it, ascending. Rebuilt on Open() from the
// document records, which carry every key; never stored. Most keys have one
// document, so an entry keeps its first document inline (16 bytes a slot)
// and only longer lists go to a side table.
// Not thread-safe: the owner serialises writers against readers.

#ifndef NEARDUP_STORE_MEM_POSTINGS_H_
#define NEARDUP_STORE_MEM_POSTINGS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"

namespace neardup::internal {

// Large blocks (the postings' hash table: ~1 GB at 1M documents, probed at
// random) are mapped on their own and advised to use transparent huge
// pages (Linux MADV_HUGEPAGE; a no-op where unsupported), which saves most
// TLB misses; small ones come from operator new.
void* AllocateLarge(size_t bytes);
void FreeLarge(void* p, size_t bytes);
inline constexpr size_t kLargeBlockBytes = size_t{4} << 20;

template <typename T>
class LargeBlockAllocator {
 public:
  using value_type = T;
  LargeBlockAllocator() = default;
  template <typename U>
  LargeBlockAllocator(const LargeBlockAllocator<U>&) {}  // NOLINT
  T* allocate(size_t n) {
    if (n * sizeof(T) < kLargeBlockBytes)
      return std::allocator<T>().allocate(n);
    return static_cast<T*>(AllocateLarge(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kLargeBlockBytes) {
      std::allocator<T>().deallocate(p, n);
      return;
    }
    FreeLarge(p, n * sizeof(T));
  }
  template <typename U>
  bool operator==(const LargeBlockAllocator<U>&) const {
    return true;
  }
  template <typename U>
  bool operator!=(const LargeBlockAllocator<U>&) const {
    return false;
  }
};

class MemPostings {
 public:
  // Appends `doc` to the list of `key`; `doc` must be greater than every
  // document already listed under `key`.
  void Add(uint64_t key, uint32_t doc);
  // Removes `doc` from the list of `key`; false when it is not there.
  bool Remove(uint64_t key, uint32_t doc);
  // Calls f(doc) for the first (smallest) at most `cap` documents of `key`;
  // returns how many it called.
  template <typename F>
  int ForEach(uint64_t key, int cap, F&& f) const {
    auto it = map_.find(key);
    if (it == map_.end() || cap <= 0) return 0;
    f(it->second.first);
    int n = 1;
    if (it->second.more == 0) return n;
    for (uint32_t doc : overflow_[it->second.more - 1]) {
      if (n >= cap) break;
      f(doc);
      ++n;
    }
    return n;
  }
  // Starts loading the memory a lookup of `key` touches first (its slot
  // group), so that lookups of many keys overlap their cache misses instead
  // of taking them one after another. Only a hint: changes nothing.
  void Prefetch(uint64_t key) const { map_.prefetch(key); }
  void Reserve(size_t keys) { map_.reserve(keys); }
  size_t keys() const { return map_.size(); }
  size_t postings() const { return postings_; }
  // Approximate heap bytes held; O(1).
  size_t MemoryBytes() const;
  // MemoryBytes() once `keys` more postings are added, at most (as if each
  // were a new key, so the table may have to grow; each list grows by one
  // document at most).
  size_t MemoryBytesAfterAdding(size_t keys) const;

 private:
  struct Entry {
    uint32_t first = 0;
    uint32_t more = 0;  // 0, or 1 + index in overflow_ of the later ones.
  };
  // The later documents of a key. Most keys that have any have a few: up
  // to four are held inline (24 bytes, as a std::vector), so that neither
  // a list nor its first growths call malloc.
  static constexpr size_t kInlineDocs = 4;
  using List = absl::InlinedVector<uint32_t, kInlineDocs>;
  // Heap bytes `list` holds beyond its inline room.
  static size_t HeapBytes(const List& list) {
    return list.capacity() > kInlineDocs ? list.capacity() * sizeof(uint32_t)
                                         : 0;
  }
  absl::flat_hash_map<uint64_t, Entry,
                      absl::container_internal::hash_default_hash<uint64_t>,
                      absl::container_internal::hash_default_eq<uint64_t>,
                      LargeBlockAllocator<std::pair<const uint64_t, Entry>>>
      map_;
  // One list per key with more than one document; a large block (huge
  // pages) once it is 4 MiB or more, as it grows by doubling.
  std::vector<List, LargeBlockAllocator<List>> overflow_;
  std::vector<uint32_t> free_;  // Unused overflow_ slots.
  size_t postings_ = 0;
  size_t list_bytes_ = 0;  // HeapBytes() of the overflow_ lists.
};

}  // namespace neardup::internal

#endif  // NEARDUP_STORE_MEM_POSTINGS_H_
