// Copyright 2026 The neardup Authors.

#include "store/mem_postings.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <utility>

namespace neardup::internal {

void* AllocateLarge(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  (void)madvise(p, bytes, MADV_HUGEPAGE);
#endif
  return p;
}

void FreeLarge(void* p, size_t bytes) { munmap(p, bytes); }

void MemPostings::Add(uint64_t key, uint32_t doc) {
  ++postings_;
  auto [it, inserted] = map_.try_emplace(key);
  if (inserted) {
    it->second.first = doc;
    return;
  }
  if (it->second.more == 0) {
    if (free_.empty()) {
      overflow_.emplace_back();
      it->second.more = static_cast<uint32_t>(overflow_.size());
    } else {
      it->second.more = free_.back() + 1;
      free_.pop_back();
    }
  }
  List& list = overflow_[it->second.more - 1];
  const size_t before = HeapBytes(list);
  list.push_back(doc);
  list_bytes_ += HeapBytes(list) - before;
}

bool MemPostings::Remove(uint64_t key, uint32_t doc) {
  auto it = map_.find(key);
  if (it == map_.end()) return false;
  Entry& e = it->second;
  if (e.more == 0) {
    if (e.first != doc) return false;
    map_.erase(it);
    --postings_;
    return true;
  }
  List& rest = overflow_[e.more - 1];
  if (e.first == doc) {
    e.first = rest.front();
    rest.erase(rest.begin());
  } else {
    auto pos = std::lower_bound(rest.begin(), rest.end(), doc);
    if (pos == rest.end() || *pos != doc) return false;
    rest.erase(pos);
  }
  if (rest.empty()) {
    list_bytes_ -= HeapBytes(rest);
    List().swap(rest);
    free_.push_back(e.more - 1);
    e.more = 0;
  }
  --postings_;
  return true;
}

namespace {

// A flat_hash_map slot plus its control byte.
constexpr size_t kSlotBytes = sizeof(std::pair<uint64_t, uint64_t>) + 1;

}  // namespace

size_t MemPostings::MemoryBytes() const {
  return map_.capacity() * kSlotBytes + list_bytes_ +
         overflow_.capacity() * sizeof(List) +
         free_.capacity() * sizeof(uint32_t);
}

size_t MemPostings::MemoryBytesAfterAdding(size_t keys) const {
  // The table grows (to twice its capacity plus one) once it is 7/8 full.
  size_t capacity = map_.capacity();
  while (map_.size() + keys > capacity - capacity / 8) {
    capacity = capacity * 2 + 1;
  }
  // A list that grows may double (the side lists most keys have: out of
  // their inline room to 2 * kInlineDocs on the heap, or 8 to 16); a new
  // one takes an element of overflow_, which doubles when it is full.
  size_t lists = overflow_.capacity();
  while (overflow_.size() + keys > lists) lists = lists == 0 ? 1 : 2 * lists;
  return capacity * kSlotBytes + list_bytes_ +
         keys * 2 * kInlineDocs * sizeof(uint32_t) + lists * sizeof(List) +
         free_.capacity() * sizeof(uint32_t);
}

}  // namespace neardup::internal
