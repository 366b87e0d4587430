// Copyright 2026 The neardup Authors.

#include "neardup/dedup.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

#include "neardup/minhash.h"
#include "neardup/shingle.h"
#include "neardup/simhash.h"
#include "neardup/sketch.h"
#include "neardup/text.h"

#include "english_text.h"

namespace neardup {
namespace {

using ::neardup::testing::GenerateEnglishText;
using ::neardup::testing::PerturbText;

Document Doc(std::string id, std::string text, int64_t published = 0) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  if (published != 0) d.published = published;
  return d;
}

DedupResult RunDedup(const std::vector<Document>& docs,
                     const DedupOptions& options, int threads = 1) {
  absl::StatusOr<Deduplicator> dedup = Deduplicator::Create(options);
  EXPECT_TRUE(dedup.ok()) << dedup.status();
  // Two batches, to exercise the streaming path.
  const size_t half = docs.size() / 2;
  for (auto batch : {absl::MakeConstSpan(docs).subspan(0, half),
                     absl::MakeConstSpan(docs).subspan(half)}) {
    for (const DocSketch& s : dedup->SketchBatch(batch, threads)) dedup->Add(s);
  }
  return dedup->Finish(threads);
}

double ExactJaccard(const std::string& a, const std::string& b, int n) {
  return Jaccard(Shingles(Tokenize(a).tokens, n),
                 Shingles(Tokenize(b).tokens, n));
}

// Originals, each with a copy and light edits, among unrelated documents.
std::vector<Document> SmallCorpus(int originals, int unrelated) {
  std::vector<Document> docs;
  for (int o = 0; o < originals; ++o) {
    const std::string text = GenerateEnglishText(3000, 100 + o);
    const std::string id = absl::StrCat("o", o);
    docs.push_back(Doc(id, text, 1000 + o));
    docs.push_back(Doc(absl::StrCat(id, "-copy"), text, 5000 + o));
    docs.push_back(Doc(absl::StrCat(id, "-edit"),
                       PerturbText(text, 0.005, 7 + o), 6000 + o));
  }
  for (int u = 0; u < unrelated; ++u) {
    docs.push_back(
        Doc(absl::StrCat("u", u), GenerateEnglishText(3000, 900 + u)));
  }
  return docs;
}

TEST(DedupTest, ClustersCopiesAndLightEditsUnderTheEarliestOriginal) {
  const std::vector<Document> docs = SmallCorpus(10, 30);
  const DedupResult r = RunDedup(docs, {});
  ASSERT_EQ(r.docs.size(), docs.size());
  for (int o = 0; o < 10; ++o) {
    const DocVerdict& orig = r.docs[3 * o];
    const DocVerdict& copy = r.docs[3 * o + 1];
    const DocVerdict& edit = r.docs[3 * o + 2];
    EXPECT_TRUE(orig.keep()) << o;
    EXPECT_EQ(copy.relation, Relation::kCopy) << o;
    EXPECT_EQ(copy.representative, 3u * o);
    // A light edit may by chance change nothing.
    EXPECT_EQ(edit.relation, docs[3 * o + 2].text == docs[3 * o].text
                                 ? Relation::kCopy
                                 : Relation::kNearDuplicate)
        << o;
    EXPECT_EQ(edit.representative, 3u * o);
    EXPECT_EQ(copy.cluster, orig.cluster);
    EXPECT_EQ(edit.cluster, orig.cluster);
    EXPECT_GT(edit.jaccard, 0.8);
  }
  for (size_t u = 30; u < docs.size(); ++u) {
    EXPECT_TRUE(r.docs[u].keep()) << docs[u].id;
    EXPECT_EQ(r.docs[u].representative, u);
  }
  EXPECT_EQ(r.stats.clusters, 10u);
  EXPECT_EQ(r.stats.duplicates, 20u);
  EXPECT_EQ(r.stats.largest_cluster, 3u);
  // Cluster numbers follow the input order of first members.
  EXPECT_EQ(r.docs[0].cluster, 0u);
  EXPECT_EQ(r.docs[3].cluster, 1u);
}

TEST(DedupTest, RepresentativeIsTheEarliestCompleteDocument) {
  const std::string text = GenerateEnglishText(3000, 42);
  // The copy comes first in the input but was published later.
  std::vector<Document> docs = {Doc("late", text, 2000),
                                Doc("early", text, 1000),
                                Doc("other", GenerateEnglishText(3000, 43))};
  // A truncated version is less complete: never the representative.
  docs.push_back(Doc("part", text.substr(0, text.size() * 2 / 3), 10));
  const DedupResult r = RunDedup(docs, {});
  EXPECT_EQ(r.docs[0].representative, 1u);
  EXPECT_TRUE(r.docs[1].keep());
  EXPECT_EQ(r.docs[0].relation, Relation::kCopy);
  EXPECT_TRUE(r.docs[2].keep());
  EXPECT_EQ(r.docs[3].representative, 1u);
  EXPECT_EQ(r.docs[3].relation, Relation::kPartial);
  EXPECT_GT(r.docs[3].containment, 0.9);
}

TEST(DedupTest, MatchesExactAllPairsOnASmallCorpus) {
  // Documents with edit rates from light to heavy, so exact Jaccard spreads
  // over [0, 1].
  std::vector<Document> docs;
  for (int o = 0; o < 8; ++o) {
    const std::string text = GenerateEnglishText(2500, 300 + o);
    docs.push_back(Doc(absl::StrCat("o", o), text));
    for (int e = 0; e < 5; ++e) {
      docs.push_back(Doc(absl::StrCat("o", o, "e", e),
                         PerturbText(text, 0.004 + 0.012 * e, 50 * o + e)));
    }
  }
  DedupOptions options;
  options.simhash_distance = -1;
  options.duplicate_relations = {Relation::kCopy, Relation::kNearDuplicate};
  const DedupResult r = RunDedup(docs, options);
  int high = 0;
  for (size_t a = 0; a < docs.size(); ++a) {
    for (size_t b = a + 1; b < docs.size(); ++b) {
      const double j = ExactJaccard(docs[a].text, docs[b].text, 5);
      const bool together = r.docs[a].cluster == r.docs[b].cluster;
      if (j >= 0.88) {
        ++high;
        // Clearly above the threshold: in one cluster, unless star
        // clustering put one of them under another centre first.
        const bool either_elsewhere =
            r.docs[a].representative != r.docs[b].representative;
        EXPECT_TRUE(together || either_elsewhere) << a << " " << b << " " << j;
      }
      if (j < 0.6) {
        EXPECT_FALSE(together) << a << " " << b << " J=" << j;
      }
    }
  }
  EXPECT_GE(high, 10);
  // Every member is directly similar to its representative (no chaining).
  for (size_t d = 0; d < docs.size(); ++d) {
    if (r.docs[d].keep()) continue;
    EXPECT_GE(
        ExactJaccard(docs[d].text, docs[r.docs[d].representative].text, 5), 0.7)
        << docs[d].id;
  }
}

TEST(DedupTest, ChainsDoNotMergeIntoOneCluster) {
  // Each document shifts a window over one long text: neighbours overlap by
  // ~90%, the ends of the chain share nothing.
  const std::string base = GenerateEnglishText(40000, 5);
  std::vector<std::string> words;
  for (size_t i = 0, j; i < base.size(); i = j + 1) {
    j = base.find(' ', i);
    if (j == std::string::npos) j = base.size();
    words.push_back(base.substr(i, j - i));
  }
  std::vector<Document> docs;
  for (int d = 0; d < 20; ++d) {
    std::string text;
    for (int w = d * 20; w < d * 20 + 400; ++w)
      absl::StrAppend(&text, words[w], " ");
    docs.push_back(Doc(absl::StrCat("w", d), text));
  }
  DedupOptions options;
  options.jaccard_threshold = 0.75;
  options.duplicate_relations = {Relation::kCopy, Relation::kNearDuplicate};
  const DedupResult r = RunDedup(docs, options);
  // Exact Jaccard is 0.82 two windows apart, 0.74 three apart: estimates
  // reach at most three windows either side of a centre.
  EXPECT_GE(r.stats.clusters, 3u);
  EXPECT_LE(r.stats.largest_cluster, 7u);
  for (size_t d = 0; d < docs.size(); ++d) {
    EXPECT_GE(
        ExactJaccard(docs[d].text, docs[r.docs[d].representative].text, 5),
        0.7);
  }
}

// Two passes when the cosine path is on.
DedupResult RunWithCosine(const std::vector<Document>& docs,
                          const DedupOptions& options, int threads) {
  absl::StatusOr<Deduplicator> dedup = Deduplicator::Create(options);
  EXPECT_TRUE(dedup.ok()) << dedup.status();
  for (const DocSketch& s : dedup->SketchBatch(docs, threads)) dedup->Add(s);
  EXPECT_TRUE(dedup->wants_cosine_pass());
  dedup->AddCosineVectors(dedup->CosineVectorBatch(docs, threads));
  return dedup->Finish(threads);
}

TEST(DedupTest, CosinePathFindsRewritesThatShareWordsButFewPhrases) {
  std::vector<Document> docs;
  for (int o = 0; o < 6; ++o) {
    const std::string text = GenerateEnglishText(3000, 500 + o);
    docs.push_back(Doc(absl::StrCat("o", o), text, 100 + o));
    docs.push_back(
        Doc(absl::StrCat("r", o), PerturbText(text, 0.12, 600 + o), 900 + o));
  }
  for (int u = 0; u < 40; ++u) {
    docs.push_back(
        Doc(absl::StrCat("u", u), GenerateEnglishText(3000, 700 + u)));
  }
  DedupOptions options;
  options.simhash_distance = -1;
  const DedupResult without = RunDedup(docs, options);
  // Compact vectors (24 terms) of these rewrites have cosine 0.46-0.85;
  // unrelated documents share none of their heaviest terms.
  options.cosine_threshold = 0.4;
  const DedupResult with = RunWithCosine(docs, options, 1);
  for (int o = 0; o < 6; ++o) {
    // Too many edits for shingles: Jaccard is far below the threshold.
    EXPECT_LT(ExactJaccard(docs[2 * o].text, docs[2 * o + 1].text, 5), 0.5);
    EXPECT_TRUE(without.docs[2 * o].keep() && without.docs[2 * o + 1].keep())
        << o;
    // One represents the pair (the more complete), the other rewrites it.
    const DocVerdict& a = with.docs[2 * o];
    const DocVerdict& b = with.docs[2 * o + 1];
    EXPECT_EQ(a.cluster, b.cluster) << o;
    EXPECT_NE(a.keep(), b.keep()) << o;
    const DocVerdict& dup = a.keep() ? b : a;
    EXPECT_EQ(dup.relation, Relation::kRewrite) << o;
    EXPECT_GE(dup.cosine, 0.4) << o;
  }
  for (size_t u = 12; u < docs.size(); ++u) EXPECT_TRUE(with.docs[u].keep());
  const DedupResult three = RunWithCosine(docs, options, 3);
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(three.docs[i].representative, with.docs[i].representative);
    EXPECT_EQ(three.docs[i].cosine, with.docs[i].cosine);
  }
}

TEST(DedupTest, OutputIsIndependentOfThreadCount) {
  const std::vector<Document> docs = SmallCorpus(6, 200);
  const DedupResult one = RunDedup(docs, {}, 1);
  const DedupResult four = RunDedup(docs, {}, 4);
  ASSERT_EQ(one.docs.size(), four.docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(one.docs[i].cluster, four.docs[i].cluster);
    EXPECT_EQ(one.docs[i].representative, four.docs[i].representative);
    EXPECT_EQ(one.docs[i].relation, four.docs[i].relation);
    EXPECT_EQ(one.docs[i].jaccard, four.docs[i].jaccard);
  }
  EXPECT_EQ(one.stats.lsh_candidates, four.stats.lsh_candidates);
}

TEST(DedupTest, SketchesAreCompact) {
  const std::vector<Document> docs = SmallCorpus(2, 100);
  absl::StatusOr<Deduplicator> dedup = Deduplicator::Create({});
  ASSERT_TRUE(dedup.ok());
  for (const DocSketch& s : dedup->SketchBatch(docs, 2)) dedup->Add(s);
  EXPECT_EQ(dedup->size(), docs.size());
  // Capacity may double while growing; the steady state is ~360 B/doc.
  EXPECT_LE(dedup->MemoryBytes(), 2 * 600 * docs.size());
}

// Deduplicator::Sketch() signs from word hashes alone; this is the same
// computation over Token records, written out.
DocSketch ReferenceSketch(const Document& doc, const DedupOptions& o) {
  DocSketch s;
  const TokenizedText text = Tokenize(doc.text, o.tokenize);
  s.num_words = static_cast<uint32_t>(text.tokens.size());
  if (text.tokens.empty()) return s;
  const std::vector<uint64_t> shingles =
      ShingleHashes(text.tokens, o.shingle_size);
  s.num_shingles = static_cast<uint32_t>(CountDistinct(shingles));
  absl::StatusOr<MinHasher> hasher =
      MinHasher::Create({.num_registers = o.num_registers});
  EXPECT_TRUE(hasher.ok());
  s.minhash.resize(o.num_registers);
  hasher->SketchInto(shingles, absl::MakeSpan(s.minhash));
  s.simhash = SimHashTokens(text.tokens, SimHashWeighting::kCounts);
  if (o.cosine_threshold > 0) {
    for (const Token& t : text.tokens) {
      if ((t.flags & kTokenStopword) == 0) s.content_terms.push_back(t.hash);
    }
    std::sort(s.content_terms.begin(), s.content_terms.end());
    s.content_terms.erase(
        std::unique(s.content_terms.begin(), s.content_terms.end()),
        s.content_terms.end());
  }
  return s;
}

TEST(DedupTest, SketchEqualsTheTokenPath) {
  std::vector<std::string> texts = {
      "",
      "   \n",
      "the of and",
      "one",
      "two words",
      "four words in all",
      "Share Article\nAdvertisement\n",
      "Ünïcödé wörds, ÇA VA? 東京 ok.",
      "Share Article\nthe real text starts here and goes on for a while\n"};
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    texts.push_back(GenerateEnglishText(seed * 97, seed));
  }
  for (const int shingle_size : {1, 5, 16, 20}) {
    for (const double cosine : {0.0, 0.5}) {
      DedupOptions o;
      o.shingle_size = shingle_size;
      o.cosine_threshold = cosine;
      absl::StatusOr<Deduplicator> dedup = Deduplicator::Create(o);
      ASSERT_TRUE(dedup.ok()) << dedup.status();
      for (size_t i = 0; i < texts.size(); ++i) {
        SCOPED_TRACE(absl::StrCat("shingles ", shingle_size, ", cosine ",
                                  cosine, ", text ", i));
        const Document doc = Doc("d", texts[i]);
        const DocSketch got = dedup->Sketch(doc);
        const DocSketch want = ReferenceSketch(doc, o);
        EXPECT_EQ(got.num_words, want.num_words);
        EXPECT_EQ(got.num_shingles, want.num_shingles);
        EXPECT_EQ(got.minhash, want.minhash);
        EXPECT_EQ(got.simhash, want.simhash);
        EXPECT_EQ(got.content_terms, want.content_terms);
        EXPECT_EQ(got.minhash.empty(), got.band_keys.empty());
      }
    }
  }
}

TEST(DedupTest, RejectsBadOptions) {
  DedupOptions o;
  o.shingle_size = 0;
  EXPECT_FALSE(Deduplicator::Create(o).ok());
  o = {};
  o.jaccard_threshold = 1.0;
  EXPECT_FALSE(Deduplicator::Create(o).ok());
  o = {};
  o.num_registers = 100;
  EXPECT_FALSE(Deduplicator::Create(o).ok());
  o = {};
  o.simhash_distance = 40;
  EXPECT_FALSE(Deduplicator::Create(o).ok());
  EXPECT_FALSE(ParseRelation("similar").ok());
  EXPECT_EQ(*ParseRelation("partial"), Relation::kPartial);
  EXPECT_EQ(RelationName(Relation::kNearDuplicate), "near_duplicate");
}

}  // namespace
}  // namespace neardup
