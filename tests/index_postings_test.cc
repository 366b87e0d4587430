// Copyright 2026 The neardup Authors.
//
// The in-memory candidate postings (store/mem_postings.h) against a plain
// map of sorted vectors, under random adds and removes.

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "gtest/gtest.h"

#include "store/mem_postings.h"

namespace neardup::internal {
namespace {

std::vector<uint32_t> List(const MemPostings& p, uint64_t key, int cap) {
  std::vector<uint32_t> out;
  const int n = p.ForEach(key, cap, [&](uint32_t d) { out.push_back(d); });
  EXPECT_EQ(n, static_cast<int>(out.size()));
  return out;
}

TEST(MemPostingsTest, MatchesReferenceUnderAddsAndRemoves) {
  std::mt19937_64 rng(7);
  MemPostings p;
  std::map<uint64_t, std::vector<uint32_t>> ref;
  std::vector<std::pair<uint64_t, uint32_t>> added;
  size_t total = 0;
  for (uint32_t doc = 0; doc < 3000; ++doc) {
    // A few keys per document, from a small key space so lists grow.
    for (int j = 0; j < 3; ++j) {
      const uint64_t key = rng() % 500;
      auto& list = ref[key];
      if (!list.empty() && list.back() == doc) continue;
      p.Add(key, doc);
      list.push_back(doc);
      added.emplace_back(key, doc);
      ++total;
    }
    if (doc % 3 == 0 && !added.empty()) {
      const size_t i = rng() % added.size();
      const auto [key, d] = added[i];
      added.erase(added.begin() + i);
      ASSERT_TRUE(p.Remove(key, d));
      auto& list = ref[key];
      list.erase(std::find(list.begin(), list.end(), d));
      if (list.empty()) ref.erase(key);
      --total;
      EXPECT_FALSE(p.Remove(key, d));
    }
  }
  EXPECT_FALSE(p.Remove(123456789, 1));
  EXPECT_EQ(p.postings(), total);
  EXPECT_EQ(p.keys(), ref.size());
  for (uint64_t key = 0; key < 510; ++key) {
    auto it = ref.find(key);
    const std::vector<uint32_t> want =
        it == ref.end() ? std::vector<uint32_t>() : it->second;
    EXPECT_EQ(List(p, key, 1 << 20), want) << key;
    std::vector<uint32_t> capped(
        want.begin(), want.begin() + std::min<size_t>(5, want.size()));
    EXPECT_EQ(List(p, key, 5), capped) << key;
    EXPECT_TRUE(List(p, key, 0).empty());
  }
  EXPECT_GT(p.MemoryBytes(), 0u);
}

TEST(MemPostingsTest, RemovingEveryDocumentEmptiesIt) {
  MemPostings p;
  for (uint32_t d = 0; d < 100; ++d) p.Add(d % 7, d);
  for (uint32_t d = 0; d < 100; ++d) ASSERT_TRUE(p.Remove(d % 7, d)) << d;
  EXPECT_EQ(p.keys(), 0u);
  EXPECT_EQ(p.postings(), 0u);
  // Freed side lists are reused.
  for (uint32_t d = 0; d < 10; ++d) p.Add(1, d);
  EXPECT_EQ(List(p, 1, 100),
            (std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(MemPostingsTest, MemoryBytesBoundsTheGrowth) {
  std::mt19937_64 rng(11);
  MemPostings p;
  const size_t empty = p.MemoryBytes();
  for (uint32_t doc = 0; doc < 5000; ++doc) {
    // 40 keys a document, some shared (long lists), most new.
    const size_t projected = p.MemoryBytesAfterAdding(40);
    const size_t before = p.MemoryBytes();
    EXPECT_GE(projected, before);
    for (int j = 0; j < 40; ++j) {
      p.Add(j < 4 ? rng() % 50 : rng(), doc);
    }
    ASSERT_LE(p.MemoryBytes(), projected) << doc;
    ASSERT_GE(p.MemoryBytes(), before) << doc;
  }
  // At least a slot per key and four bytes per listed later document.
  EXPECT_GE(p.MemoryBytes(),
            p.keys() * 17 + (p.postings() - p.keys()) * sizeof(uint32_t));
  // Removing every document gives back every list's bytes (the table
  // keeps its capacity).
  std::mt19937_64 again(11);
  std::vector<std::pair<uint64_t, uint32_t>> all;
  for (uint32_t doc = 0; doc < 5000; ++doc) {
    for (int j = 0; j < 40; ++j) {
      all.emplace_back(j < 4 ? again() % 50 : again(), doc);
    }
  }
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    ASSERT_TRUE(p.Remove(it->first, it->second));
  }
  EXPECT_EQ(p.postings(), 0u);
  EXPECT_GT(p.MemoryBytes(), empty);
  EXPECT_LE(p.MemoryBytes(), p.MemoryBytesAfterAdding(0));
  MemPostings fresh;
  EXPECT_EQ(fresh.MemoryBytesAfterAdding(0), fresh.MemoryBytes());
}

}  // namespace
}  // namespace neardup::internal
