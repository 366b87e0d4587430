// Copyright 2026 The neardup Authors.

#include "store/mem_postings.h"

#include <algorithm>
#include <utility>

namespace neardup::internal {

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
  overflow_[it->second.more - 1].push_back(doc);
}

bool MemPostings::Remove(uint64_t key, uint32_t doc) {
  auto it = map_.find(key);
  if (it == map_.end()) return false;
  Entry& e = it->second;
  if (e.first == doc) {
    if (e.more == 0) {
      map_.erase(it);
    } else {
      std::vector<uint32_t>& rest = overflow_[e.more - 1];
      e.first = rest.front();
      rest.erase(rest.begin());
      if (rest.empty()) {
        std::vector<uint32_t>().swap(rest);
        free_.push_back(e.more - 1);
        e.more = 0;
      }
    }
    --postings_;
    return true;
  }
  if (e.more == 0) return false;
  std::vector<uint32_t>& rest = overflow_[e.more - 1];
  auto pos = std::lower_bound(rest.begin(), rest.end(), doc);
  if (pos == rest.end() || *pos != doc) return false;
  rest.erase(pos);
  if (rest.empty()) {
    std::vector<uint32_t>().swap(rest);
    free_.push_back(e.more - 1);
    e.more = 0;
  }
  --postings_;
  return true;
}

size_t MemPostings::MemoryBytes() const {
  // A flat_hash_map slot plus its control byte.
  size_t bytes = map_.capacity() * (sizeof(std::pair<uint64_t, Entry>) + 1);
  bytes += overflow_.capacity() * sizeof(std::vector<uint32_t>);
  for (const std::vector<uint32_t>& v : overflow_) {
    bytes += v.capacity() * sizeof(uint32_t);
  }
  bytes += free_.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace neardup::internal
