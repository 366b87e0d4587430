// Copyright 2026 The neardup Authors.

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/align.h"
#include "neardup/text.h"

#include "story/features.h"
#include "story/seed_index.h"
#include "story/seed_postings.h"

namespace neardup {
namespace {

// Tokens with given hashes; offsets 10 bytes apart.
std::vector<Token> Tokens(const std::vector<uint64_t>& hashes) {
  std::vector<Token> out;
  for (size_t i = 0; i < hashes.size(); ++i) {
    Token t;
    t.begin = static_cast<uint32_t>(10 * i);
    t.end = t.begin + 5;
    t.hash = hashes[i];
    out.push_back(t);
  }
  return out;
}

std::vector<uint64_t> Range(uint64_t from, uint64_t to) {
  std::vector<uint64_t> v;
  for (uint64_t x = from; x < to; ++x) v.push_back(x);
  return v;
}

void ExpectSamePassages(const std::vector<Passage>& got,
                        const std::vector<Passage>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].a_first, want[i].a_first);
    EXPECT_EQ(got[i].a_last, want[i].a_last);
    EXPECT_EQ(got[i].b_first, want[i].b_first);
    EXPECT_EQ(got[i].b_last, want[i].b_last);
    EXPECT_EQ(got[i].matched, want[i].matched);
    EXPECT_EQ(got[i].a.begin, want[i].a.begin);
    EXPECT_EQ(got[i].b.end, want[i].b.end);
  }
}

TEST(AlignTest, EmptyAndDisjoint) {
  EXPECT_TRUE(AlignPassages({}, Tokens(Range(0, 10))).empty());
  EXPECT_TRUE(
      AlignPassages(Tokens(Range(0, 50)), Tokens(Range(100, 150))).empty());
}

TEST(AlignTest, IdenticalTextsAreOnePassage) {
  const std::vector<Token> a = Tokens(Range(0, 40));
  const std::vector<Passage> p = AlignPassages(a, a);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].a_first, 0u);
  EXPECT_EQ(p[0].a_last, 40u);
  EXPECT_EQ(p[0].b_first, 0u);
  EXPECT_EQ(p[0].b_last, 40u);
  EXPECT_EQ(p[0].matched, 40u);
  EXPECT_EQ(p[0].a.begin, 0u);
  EXPECT_EQ(p[0].a.end, 395u);
  EXPECT_DOUBLE_EQ(CoverageOfA(p, a.size()), 1.0);
}

TEST(AlignTest, EmbeddedPassageHasOffsetsInBoth) {
  // b = 20 own words, then a[10, 30), then 15 own words.
  const std::vector<uint64_t> a = Range(0, 50);
  std::vector<uint64_t> b = Range(1000, 1020);
  for (uint64_t x = 10; x < 30; ++x) b.push_back(x);
  for (uint64_t x = 2000; x < 2015; ++x) b.push_back(x);
  const std::vector<Passage> p = AlignPassages(Tokens(a), Tokens(b));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].a_first, 10u);
  EXPECT_EQ(p[0].a_last, 30u);
  EXPECT_EQ(p[0].b_first, 20u);
  EXPECT_EQ(p[0].b_last, 40u);
  EXPECT_EQ(p[0].a.begin, 100u);
  EXPECT_EQ(p[0].b.begin, 200u);
  EXPECT_EQ(p[0].b.end, 395u);
  EXPECT_DOUBLE_EQ(CoverageOfA(p, a.size()), 20.0 / 50);
  EXPECT_DOUBLE_EQ(CoverageOfB(p, b.size()), 20.0 / 55);
}

TEST(AlignTest, BridgesSubstitutionsInsertionsAndDeletions) {
  const std::vector<uint64_t> a = Range(0, 60);
  std::vector<uint64_t> b = a;
  b[10] = 5000;                             // Substitution.
  b.insert(b.begin() + 25, {6000, 6001});   // Insertion of two words.
  b.erase(b.begin() + 42, b.begin() + 45);  // Deletion of three words.
  const std::vector<Passage> p = AlignPassages(Tokens(a), Tokens(b));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].a_first, 0u);
  EXPECT_EQ(p[0].a_last, 60u);
  EXPECT_EQ(p[0].b_last, b.size());
  EXPECT_EQ(p[0].matched, 60u - 1 - 3);
}

TEST(AlignTest, LargeGapsSplitPassages) {
  std::vector<uint64_t> a = Range(0, 20);
  std::vector<uint64_t> b = Range(0, 20);
  for (uint64_t x = 0; x < 10; ++x) a.push_back(7000 + x);  // 10 own words.
  for (uint64_t x = 0; x < 10; ++x) b.push_back(8000 + x);
  for (uint64_t x = 20; x < 40; ++x) {
    a.push_back(x);
    b.push_back(x);
  }
  AlignOptions options;
  options.max_gap = 4;
  const std::vector<Passage> p = AlignPassages(Tokens(a), Tokens(b), options);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].matched, 20u);
  EXPECT_EQ(p[1].matched, 20u);
  options.max_gap = 10;
  const std::vector<Passage> q = AlignPassages(Tokens(a), Tokens(b), options);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].matched, 40u);
}

TEST(AlignTest, ShortMatchesAreDropped) {
  std::vector<uint64_t> a = Range(0, 30);
  std::vector<uint64_t> b = Range(100, 130);
  b[5] = 3;
  b[6] = 4;
  b[7] = 5;
  b[8] = 6;  // Four shared words in a row: under min_words = 6.
  EXPECT_TRUE(AlignPassages(Tokens(a), Tokens(b)).empty());
}

// Property: passages never overlap in a or in b, matched words really match,
// and the result does not depend on anything but the inputs.
// b holds one 10-word phrase of a `copies` times, apart: every seed of the
// phrase occurs `copies` times in b. Up to max_seed_hits the seeds are
// followed and the first copy (smallest b offset, on a tie in length) is
// kept; past it they are skipped.
TEST(AlignTest, RepeatedSeedsUpToTheHitLimit) {
  const std::vector<uint64_t> phrase = Range(0, 10);
  std::vector<uint64_t> a = Range(500, 520);
  a.insert(a.end(), phrase.begin(), phrase.end());
  AlignOptions options;  // max_seed_hits 16.
  for (const int copies : {1, 2, 15, 16, 17, 30}) {
    std::vector<uint64_t> b;
    for (int c = 0; c < copies; ++c) {
      const std::vector<uint64_t> filler =
          Range(1000 + 100 * static_cast<uint64_t>(c),
                1000 + 100 * static_cast<uint64_t>(c) + 7);
      b.insert(b.end(), filler.begin(), filler.end());
      b.insert(b.end(), phrase.begin(), phrase.end());
    }
    const std::vector<Passage> p = AlignPassages(Tokens(a), Tokens(b), options);
    if (copies > options.max_seed_hits) {
      EXPECT_TRUE(p.empty()) << copies;
      continue;
    }
    ASSERT_EQ(p.size(), 1u) << copies;
    EXPECT_EQ(p[0].a_first, 20u) << copies;
    EXPECT_EQ(p[0].a_last, 30u) << copies;
    EXPECT_EQ(p[0].b_first, 7u) << copies;  // The first copy.
    EXPECT_EQ(p[0].b_last, 17u) << copies;
    EXPECT_EQ(p[0].matched, 10u) << copies;
  }
}

TEST(AlignTest, RandomTextsWithPlantedReuse) {
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 50; ++trial) {
    std::uniform_int_distribution<uint64_t> word(0, 60);  // Small vocabulary.
    std::vector<uint64_t> a(200), b(150);
    for (auto& x : a) x = word(rng);
    for (auto& x : b) x = word(rng);
    const size_t from = rng() % 150, to = rng() % 100;
    for (size_t k = 0; k < 40 && from + k < a.size() && to + k < b.size();
         ++k) {
      b[to + k] = a[from + k];
    }
    const std::vector<Token> ta = Tokens(a), tb = Tokens(b);
    const std::vector<Passage> p = AlignPassages(ta, tb);
    EXPECT_EQ(p.size(), AlignPassages(ta, tb).size());
    for (size_t i = 0; i < p.size(); ++i) {
      EXPECT_LT(p[i].a_first, p[i].a_last);
      EXPECT_LE(p[i].matched, p[i].a_last - p[i].a_first);
      EXPECT_EQ(a[p[i].a_first], b[p[i].b_first]);
      EXPECT_EQ(a[p[i].a_last - 1], b[p[i].b_last - 1]);
      for (size_t j = i + 1; j < p.size(); ++j) {
        EXPECT_LE(p[i].a_last, p[j].a_first);
        EXPECT_TRUE(p[i].b_last <= p[j].b_first || p[j].b_last <= p[i].b_first);
      }
    }
    // The planted 40 words are found.
    double best = 0;
    for (const Passage& q : p) best = std::max<double>(best, q.matched);
    EXPECT_GE(
        best,
        std::min<size_t>(40, std::min(a.size() - from, b.size() - to)) - 1);
  }
}

// A scan indexes each text's seeds once (internal::IndexSeeds) and aligns
// every pair from the indexes: the same passages as AlignPassages, which
// indexes the pair itself, whichever text is first.
TEST(AlignTest, IndexedOncePerTextIsTheSameAsPerPair) {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> source(200);
  for (auto& x : source) x = 1000 + rng() % 500;
  std::vector<std::vector<Token>> texts;
  for (int t = 0; t < 12; ++t) {
    // Own words from a small vocabulary, and most texts a piece of the
    // source (some pieces shorter than a passage).
    std::uniform_int_distribution<uint64_t> word(0, 5 + rng() % 40);
    std::vector<uint64_t> h(3 + rng() % 120);
    for (auto& x : h) x = word(rng);
    const size_t from = rng() % 150, length = rng() % 40;
    for (size_t k = 0; k < length && k < h.size(); ++k) {
      h[(k + t) % h.size()] = source[from + k];
    }
    texts.push_back(Tokens(h));
  }
  const AlignOptions options;
  std::vector<internal::SeedIndex> seeds;
  for (const auto& t : texts) {
    seeds.push_back(internal::IndexSeeds(t, options.seed_words, true));
  }
  int with_passages = 0;
  for (size_t x = 0; x < texts.size(); ++x) {
    for (size_t y = 0; y < texts.size(); ++y) {
      const std::vector<Passage> want = AlignPassages(texts[x], texts[y]);
      const std::vector<Passage> got = internal::AlignIndexed(
          texts[x], seeds[x], texts[y], seeds[y], options);
      SCOPED_TRACE(::testing::Message() << x << " " << y);
      ExpectSamePassages(got, want);
      with_passages += !want.empty();
    }
  }
  EXPECT_GT(with_passages, 12);  // Not only each text with itself.
}

// internal::SeedPostings (story/seed_postings.h): the seeds each pair of a
// set must try, found for all pairs at once, against the seeds a probe of
// every position finds; and the passages aligned from them.
using internal::DocFeatures;

// Documents of words from small vocabularies (so seeds repeat within and
// across texts), some sharing a piece of one source, two identical texts
// (equal keys), two with fewer words than a seed, and keys with ties.
std::vector<DocFeatures> Documents(const AlignOptions& options, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> source(300);
  for (auto& x : source) x = 1000 + rng() % 400;
  std::vector<DocFeatures> docs;
  for (int t = 0; t < 40; ++t) {
    std::vector<uint64_t> h(t < 2 ? t + 1 : 3 + rng() % 150);
    std::uniform_int_distribution<uint64_t> word(0, 3 + rng() % 30);
    for (auto& x : h) x = word(rng);
    const size_t from = rng() % 200, length = rng() % 60;
    for (size_t k = 0; t >= 2 && k < length && k < h.size(); ++k) {
      h[(k + t) % h.size()] = source[from + k];
    }
    DocFeatures f;
    for (size_t i = 0; i < h.size(); ++i) {
      Token token;
      token.begin = static_cast<uint32_t>(10 * i);
      token.end = token.begin + 5;
      token.hash = h[i];
      f.tokens.push_back(token);
    }
    f.text_key = rng() % 25;  // Ties, as equal texts have.
    docs.push_back(std::move(f));
  }
  docs.push_back(docs[7]);  // An identical text: the same key.
  for (DocFeatures& f : docs) {
    f.seeds = internal::IndexSeeds(f.tokens, options.seed_words, true);
  }
  return docs;
}

// What AlignIndexed tries for the pair: the positions of the first text
// (AlignsFirst) whose seed the second holds at most max_seed_hits times.
std::vector<uint32_t> ProbedPositions(const DocFeatures& x,
                                      const DocFeatures& y,
                                      const AlignOptions& options) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < x.seeds.hashes.size(); ++i) {
    const auto it = y.seeds.table.find(x.seeds.hashes[i]);
    if (it != y.seeds.table.end() &&
        static_cast<int>(it->second.count) <= options.max_seed_hits) {
      out.push_back(i);
    }
  }
  return out;
}

TEST(SeedPostingsTest, RowPositionsAreWhatAProbeOfEverySeedFinds) {
  for (const int max_seed_hits : {16, 2, 1}) {
    AlignOptions options;
    options.max_seed_hits = max_seed_hits;
    const std::vector<DocFeatures> docs = Documents(options, max_seed_hits);
    const internal::SeedPostings postings(docs, options);
    std::vector<uint64_t> keys;
    int pairs_with_seeds = 0, pairs_with_passages = 0;
    for (uint32_t a = 0; a < docs.size(); ++a) {
      postings.RowPositions(a, &keys);
      ASSERT_TRUE(std::is_sorted(keys.begin(), keys.end()));
      size_t at = 0;
      for (uint32_t b = a + 1; b < docs.size(); ++b) {
        std::vector<uint32_t> got;
        for (; at < keys.size() && (keys[at] >> 32) == b; ++at) {
          got.push_back(static_cast<uint32_t>(keys[at]));
        }
        const bool a_first = internal::AlignsFirst(docs[a], docs[b]);
        const DocFeatures& x = a_first ? docs[a] : docs[b];
        const DocFeatures& y = a_first ? docs[b] : docs[a];
        ASSERT_EQ(got, ProbedPositions(x, y, options))
            << a << " " << b << " max " << max_seed_hits;
        pairs_with_seeds += !got.empty();
        const std::vector<Passage> want = internal::AlignIndexed(
            x.tokens, x.seeds, y.tokens, y.seeds, options);
        ExpectSamePassages(internal::AlignIndexedAt(x.tokens, x.seeds, y.tokens,
                                                    y.seeds, got, options),
                           want);
        pairs_with_passages += !want.empty();
      }
      // Every key belongs to a later document of the row.
      EXPECT_EQ(at, keys.size()) << a;
    }
    // The set exercises both: shared seeds, and passages from them.
    EXPECT_GT(pairs_with_seeds, 100);
    EXPECT_GT(pairs_with_passages, 20);
  }
}

// Positions that b lacks, or holds too often, are skipped: AlignIndexedAt
// over every position is AlignIndexed.
TEST(SeedPostingsTest, AlignIndexedAtSkipsSeedsTheOtherTextLacks) {
  const AlignOptions options;
  const std::vector<DocFeatures> docs = Documents(options, 5);
  for (size_t x = 2; x < docs.size(); x += 3) {
    for (size_t y = 2; y < docs.size(); y += 2) {
      std::vector<uint32_t> all(docs[x].seeds.hashes.size());
      for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
      ExpectSamePassages(
          internal::AlignIndexedAt(docs[x].tokens, docs[x].seeds,
                                   docs[y].tokens, docs[y].seeds, all, options),
          internal::AlignIndexed(docs[x].tokens, docs[x].seeds, docs[y].tokens,
                                 docs[y].seeds, options));
    }
  }
}

}  // namespace
}  // namespace neardup
