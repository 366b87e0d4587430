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

// Short lists (most keys that have more than one document have a few):
// every length across the side list's inline room (four later documents),
// a removal at every position, then the rest, and the freed list reused.
TEST(MemPostingsTest, ShortListsAcrossTheInlineRoom) {
  for (uint32_t n = 1; n <= 12; ++n) {
    for (uint32_t r = 0; r < n; ++r) {
      MemPostings p;
      std::vector<uint32_t> want;
      for (uint32_t d = 0; d < n; ++d) {
        p.Add(42, 10 + d);
        p.Add(7, 10 + d);
        want.push_back(10 + d);
      }
      ASSERT_TRUE(p.Remove(42, 10 + r)) << n << " " << r;
      want.erase(want.begin() + r);
      EXPECT_EQ(List(p, 42, 100), want) << n << " " << r;
      EXPECT_FALSE(p.Remove(42, 10 + r));
      std::mt19937_64 rng(n * 100 + r);
      while (!want.empty()) {
        const size_t i = rng() % want.size();
        ASSERT_TRUE(p.Remove(42, want[i]));
        want.erase(want.begin() + i);
        EXPECT_EQ(List(p, 42, 100), want);
      }
      EXPECT_EQ(p.keys(), 1u);
      EXPECT_EQ(p.postings(), n);
      for (uint32_t d = 0; d < n; ++d) p.Add(42, 100 + d);
      std::vector<uint32_t> again;
      for (uint32_t d = 0; d < n; ++d) again.push_back(100 + d);
      EXPECT_EQ(List(p, 42, 100), again);
      // The other key's list is untouched.
      std::vector<uint32_t> other;
      for (uint32_t d = 0; d < std::min<uint32_t>(n, 3); ++d) {
        other.push_back(10 + d);
      }
      EXPECT_EQ(List(p, 7, 3), other);
    }
  }
}

// A key's first five documents (one in its slot, four inline in its side
// list) take no heap bytes beyond the side list's element; the sixth does.
TEST(MemPostingsTest, FiveDocumentsOfAKeyTakeNoHeapList) {
  MemPostings p;
  p.Add(1, 0);
  p.Add(1, 1);
  const size_t two = p.MemoryBytes();
  for (uint32_t d = 2; d < 5; ++d) p.Add(1, d);
  EXPECT_EQ(p.MemoryBytes(), two);
  p.Add(1, 5);
  EXPECT_GT(p.MemoryBytes(), two);
  EXPECT_EQ(List(p, 1, 10), (std::vector<uint32_t>{0, 1, 2, 3, 4, 5}));
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
