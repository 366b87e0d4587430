// Copyright 2026 The neardup Authors.
//
// The compact sketches the index screens candidates with
// (store/mem_sketches.h): MayMatch() is false only where ScoreSketches()
// says kNone, over random pairs at every degree of likeness, and it does
// screen out unrelated pairs.

#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/dedup.h"

#include "search/pair_score.h"
#include "store/mem_sketches.h"

namespace neardup::internal {
namespace {

struct Sketch {
  std::vector<uint16_t> bbit;
  SketchRef ref() const {
    SketchRef r = meta;
    r.bbit = bbit.data();
    return r;
  }
  SketchRef meta;
};

Sketch RandomSketch(std::mt19937_64& rng, int k) {
  Sketch s;
  s.bbit.resize(k);
  for (uint16_t& v : s.bbit) v = static_cast<uint16_t>(rng());
  s.meta.text_hash = rng();
  s.meta.simhash = rng();
  s.meta.shingles = 20 + rng() % 2000;
  s.meta.words = s.meta.shingles + 4;
  return s;
}

// A sketch like `a`: each register kept with probability `keep`, else new
// (and then, with probability 1/16, with the same low 4 bits, the case the
// screen cannot tell apart); sizes, SimHash and text hash varied.
Sketch Like(const Sketch& a, double keep, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  Sketch b = a;
  for (uint16_t& v : b.bbit) {
    if (u(rng) < keep) continue;
    const uint16_t fresh = static_cast<uint16_t>(rng());
    v = u(rng) < 1.0 / 16 ? static_cast<uint16_t>((fresh & ~0xF) | (v & 0xF))
                          : fresh;
    if (v == a.bbit[&v - b.bbit.data()]) v ^= 0x10;  // Still different.
  }
  switch (rng() % 4) {
    case 0:
      break;  // Same sizes.
    case 1:
      b.meta.shingles = a.meta.shingles / 2 + rng() % (a.meta.shingles + 1);
      break;
    case 2:
      b.meta.shingles = a.meta.shingles * 3;
      break;
    default:
      b.meta.shingles = rng() % 30;
  }
  b.meta.words = b.meta.shingles + 4;
  if (rng() % 3 == 0) b.meta.simhash ^= uint64_t{1} << (rng() % 64);
  if (rng() % 5 == 0) b.meta.text_hash = rng();
  return b;
}

TEST(MemSketchesTest, NeverScreensOutAPairThatVerifies) {
  for (const int k : {64, 128, 256}) {
    DedupOptions options;
    options.num_registers = k;
    std::mt19937_64 rng(k);
    MemSketches store(k);
    int verified = 0, screened = 0, pairs = 0;
    for (uint32_t doc = 0; doc < 400; ++doc) {
      const Sketch a = RandomSketch(rng, k);
      store.Set(doc, a.ref());
      for (const double keep : {0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0}) {
        const Sketch b = Like(a, keep, rng);
        const MemSketches::Probe probe = store.MakeProbe(b.ref());
        const Relation exact =
            ScoreSketches(b.ref(), a.ref(), options).relation;
        const bool may = store.MayMatch(doc, probe, options);
        ++pairs;
        if (exact != Relation::kNone) {
          ++verified;
          EXPECT_TRUE(may) << "k " << k << " doc " << doc << " keep " << keep;
        }
        screened += !may;
      }
    }
    // Both kinds occur, and most pairs that share nothing are screened.
    EXPECT_GT(verified, pairs / 5) << k;
    EXPECT_GT(screened, pairs / 5) << k;
  }
}

TEST(MemSketchesTest, UnknownDocumentsAndHolesPass) {
  MemSketches store(128);
  std::mt19937_64 rng(3);
  const Sketch a = RandomSketch(rng, 128), b = RandomSketch(rng, 128);
  DedupOptions options;
  const MemSketches::Probe probe = store.MakeProbe(b.ref());
  EXPECT_TRUE(store.MayMatch(5, probe, options));  // Never set.
  store.Set(5, a.ref());
  EXPECT_FALSE(store.MayMatch(5, probe, options));  // Unrelated.
  EXPECT_TRUE(store.MayMatch(2, probe, options));   // A hole below 5.
  EXPECT_TRUE(store.MayMatch(6, probe, options));   // Past the end.
  store.Set(5, b.ref());                            // Replaced.
  EXPECT_TRUE(store.MayMatch(5, probe, options));
  EXPECT_GE(store.MemoryBytes(), 6 * (24 + 64));
  EXPECT_GE(store.MemoryBytesAfterSetting(1000), 1001 * (24 + 64));
  EXPECT_EQ(store.MemoryBytesAfterSetting(3), store.MemoryBytes());
}

}  // namespace
}  // namespace neardup::internal
