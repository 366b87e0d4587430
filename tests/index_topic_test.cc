// Copyright 2026 The neardup Authors.
//
// The streaming index's rewrites by topic terms (store/topic_terms.h): the
// kernels against brute force, and the canonical example through the index:
// the five seed rewrites are one story, the fixtures about the same
// companies stay out.

#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/index.h"
#include "neardup/text.h"

#include "store/topic_terms.h"
#include "test_documents.h"
#include "test_paths.h"

namespace neardup {
namespace {

using internal::MakeTopicTerms;
using internal::TopicCosine;
using internal::TopicKeys;
using internal::TopicTerms;
using testing::ReadDir;

TopicTerms RandomTerms(std::mt19937_64& rng, size_t n, uint32_t vocabulary) {
  std::map<uint32_t, uint16_t> m;
  while (m.size() < n) {
    m[static_cast<uint32_t>(rng() % vocabulary)] =
        static_cast<uint16_t>(1 + rng() % 65535);
  }
  TopicTerms t;
  for (const auto& [term, w] : m) {
    t.terms.push_back(term);
    t.weights.push_back(w);
  }
  return t;
}

TEST(TopicTermsTest, CosineMatchesBruteForce) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 500; ++round) {
    const TopicTerms a = RandomTerms(rng, 1 + rng() % 32, 64);
    const TopicTerms b = RandomTerms(rng, 1 + rng() % 32, 64);
    double dot = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a.terms.size(); ++i) {
      na += static_cast<double>(a.weights[i]) * a.weights[i];
      for (size_t j = 0; j < b.terms.size(); ++j) {
        if (a.terms[i] == b.terms[j]) {
          dot += static_cast<double>(a.weights[i]) * b.weights[j];
        }
      }
    }
    for (uint16_t w : b.weights) nb += static_cast<double>(w) * w;
    const double want = dot / std::sqrt(na * nb);
    EXPECT_NEAR(TopicCosine(a, b), want, 1e-12) << round;
    EXPECT_EQ(TopicCosine(a, b), TopicCosine(b, a));
    EXPECT_NEAR(TopicCosine(a, a), 1.0, 1e-12);
  }
  EXPECT_EQ(TopicCosine(TopicTerms(), RandomTerms(rng, 3, 64)), 0.0);
}

// Two term lists share a key exactly when they share two of their
// kTopicKeyTerms heaviest terms (brute force over the pairs).
TEST(TopicTermsTest, KeysArePairsOfTheHeaviestTerms) {
  std::mt19937_64 rng(11);
  auto heaviest = [](const TopicTerms& t) {
    std::vector<std::pair<int, uint32_t>> order;
    for (size_t i = 0; i < t.terms.size(); ++i) {
      order.emplace_back(-t.weights[i], t.terms[i]);
    }
    std::sort(order.begin(), order.end());
    std::set<uint32_t> top;
    for (size_t i = 0; i < order.size() && i < internal::kTopicKeyTerms; ++i) {
      top.insert(order[i].second);
    }
    return top;
  };
  int sharing = 0;
  for (int round = 0; round < 2000; ++round) {
    const TopicTerms a = RandomTerms(rng, 1 + rng() % 32, 40);
    const TopicTerms b = RandomTerms(rng, 1 + rng() % 32, 40);
    std::vector<uint32_t> ka, kb;
    TopicKeys(a, &ka);
    TopicKeys(b, &kb);
    const size_t n = heaviest(a).size();
    EXPECT_EQ(ka.size(), n * (n - 1) / 2) << round;  // No clash here.
    EXPECT_EQ(ka.size(), internal::MaxTopicKeys(a)) << round;
    EXPECT_TRUE(std::is_sorted(ka.begin(), ka.end()));
    size_t common = 0;
    for (uint32_t t : heaviest(a)) common += heaviest(b).count(t);
    std::vector<uint32_t> both;
    std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(),
                          std::back_inserter(both));
    EXPECT_EQ(both.size(), common * (common - 1) / 2) << round;
    sharing += !both.empty();
  }
  EXPECT_GT(sharing, 100);  // Both outcomes were tried.
}

TEST(TopicTermsTest, MostSharedDocumentsMatchesBruteForce) {
  std::mt19937_64 rng(13);
  for (int round = 0; round < 300; ++round) {
    std::vector<uint32_t> hits(rng() % 200);
    for (uint32_t& h : hits) h = static_cast<uint32_t>(rng() % 60);
    const size_t max = rng() % 40;
    std::map<uint32_t, int> count;
    for (uint32_t h : hits) ++count[h];
    // Brute force: repeatedly take the most listed, the later on ties.
    std::vector<uint32_t> want;
    while (want.size() < max && !count.empty()) {
      auto best = count.begin();
      for (auto it = count.begin(); it != count.end(); ++it) {
        if (it->second >= best->second) best = it;
      }
      want.push_back(best->first);
      count.erase(best);
    }
    std::sort(want.begin(), want.end());
    EXPECT_EQ(internal::MostSharedDocuments(hits, max), want) << round;
  }
}

std::vector<uint64_t> ContentHashes(const std::string& text) {
  std::vector<uint64_t> out;
  for (const Token& t : Tokenize(text).tokens) {
    if ((t.flags & kTokenStopword) == 0) out.push_back(t.hash);
  }
  return out;
}

uint16_t WeightOf(const TopicTerms& t, const std::string& word) {
  const uint32_t h = static_cast<uint32_t>(TokenHash(Normalize(word)));
  for (size_t i = 0; i < t.terms.size(); ++i) {
    if (t.terms[i] == h) return t.weights[i];
  }
  return 0;
}

TEST(TopicTermsTest, RareNamesOutweighCommonWords) {
  const TopicTerms t = MakeTopicTerms(ContentHashes(
      "Anthropic said on Monday that Anthropic will rent servers. The "
      "deal was large."));
  ASSERT_FALSE(t.terms.empty());
  EXPECT_TRUE(std::is_sorted(t.terms.begin(), t.terms.end()));
  EXPECT_EQ(WeightOf(t, "anthropic"), 65535);  // Rare and said twice.
  EXPECT_GT(WeightOf(t, "servers"), WeightOf(t, "said"));
  EXPECT_GT(WeightOf(t, "said"), 0);
  EXPECT_TRUE(MakeTopicTerms({}).terms.empty());
  // At most kTopicTerms.
  const TopicTerms many =
      MakeTopicTerms(ContentHashes(ReadDir("datasets/seeds")[0].text));
  EXPECT_EQ(many.terms.size(), internal::kTopicTerms);
}

// Texts the English background mostly does not know get no topic terms:
// their unknown words would all look rare.
TEST(TopicTermsTest, TextsTheBackgroundDoesNotKnowGetNone) {
  EXPECT_TRUE(
      MakeTopicTerms(ContentHashes(testing::GenerateEnglishText(3000, 3)))
          .terms.empty());
  EXPECT_TRUE(
      MakeTopicTerms(ContentHashes("Die Bundesregierung will die Förderung "
                                   "für Wärmepumpen im kommenden Jahr kürzen, "
                                   "teilte das Wirtschaftsministerium mit."))
          .terms.empty());
  EXPECT_FALSE(
      MakeTopicTerms(ContentHashes("The government will cut support for heat "
                                   "pumps next year, the economy ministry "
                                   "said."))
          .terms.empty());
}

class IndexTopicTest : public ::testing::Test {
 protected:
  std::unique_ptr<StreamIndex> Create(double topic_cosine) {
    IndexOptions options;
    options.topic_cosine = topic_cosine;
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Create(dir_, options);
    EXPECT_TRUE(index.ok()) << index.status();
    return index.ok() ? *std::move(index) : nullptr;
  }
  std::vector<IndexVerdict> Ingest(StreamIndex& index,
                                   const std::vector<Document>& docs) {
    absl::StatusOr<std::vector<IndexVerdict>> v = index.Ingest(docs);
    EXPECT_TRUE(v.ok()) << v.status();
    return v.ok() ? *std::move(v) : std::vector<IndexVerdict>();
  }

  const std::string dir_ = testing::FreshTempPath("index_topic");
  const std::vector<Document> seeds_ = ReadDir("datasets/seeds");
};

TEST_F(IndexTopicTest, SeedsAreOneStoryWithTheCitedOrigin) {
  auto index = Create(IndexOptions().topic_cosine);
  ASSERT_NE(index, nullptr);
  ASSERT_EQ(seeds_.size(), 5u);
  const std::vector<IndexVerdict> v = Ingest(*index, seeds_);
  ASSERT_EQ(v.size(), 5u);
  for (size_t i = 0; i < v.size(); ++i) {
    EXPECT_EQ(v[i].story, v[0].story) << seeds_[i].id;
    for (const IndexMatch& m : v[i].matches) {
      EXPECT_EQ(m.relation, Relation::kRewrite) << seeds_[i].id << " " << m.id;
      EXPECT_GE(m.cosine, IndexOptions().topic_cosine);
    }
  }
  EXPECT_EQ(v[4].matches.size(), 4u);  // The last matches the other four.
  EXPECT_EQ(v[4].origin.kind, OriginKind::kExternal);
  EXPECT_EQ(v[4].origin.outlet, "The Information");
  absl::StatusOr<IndexStory> story = index->GetStory(v[0].story);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_EQ(story->members.size(), 5u);
  EXPECT_EQ(story->origin.kind, OriginKind::kExternal);

  // Articles about the same companies, and unrelated ones, stay out.
  std::vector<Document> others = ReadDir("tests/fixtures/story");
  for (Document& d : ReadDir("tests/fixtures/controls")) {
    others.push_back(std::move(d));
  }
  ASSERT_GE(others.size(), 14u);
  for (const IndexVerdict& o : Ingest(*index, others)) {
    EXPECT_NE(o.story, v[0].story) << o.id;
  }
}

TEST_F(IndexTopicTest, WithoutTopicTermsTheSeedsStayApart) {
  auto index = Create(0);
  ASSERT_NE(index, nullptr);
  const std::vector<IndexVerdict> v = Ingest(*index, seeds_);
  ASSERT_EQ(v.size(), 5u);
  std::set<uint64_t> stories;
  for (const IndexVerdict& x : v) {
    stories.insert(x.story);
    for (const IndexMatch& m : x.matches) EXPECT_EQ(m.cosine, -1);
  }
  EXPECT_EQ(stories.size(), 5u);
}

// The topic postings are rebuilt from the records on Open(), and a delete
// takes a document out of them.
TEST_F(IndexTopicTest, ReopenAndDelete) {
  {
    auto index = Create(IndexOptions().topic_cosine);
    ASSERT_NE(index, nullptr);
    Ingest(*index, {seeds_[0], seeds_[1], seeds_[2]});
    ASSERT_TRUE(index->Close().ok());
  }
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(dir_, IndexOpenOptions());
  ASSERT_TRUE(index.ok()) << index.status();
  absl::StatusOr<IndexVerdict> q = (*index)->Query(seeds_[3]);
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->matches.size(), 3u);
  ASSERT_TRUE((*index)->Delete(seeds_[1].id).ok());
  q = (*index)->Query(seeds_[3]);
  ASSERT_TRUE(q.ok()) << q.status();
  ASSERT_EQ(q->matches.size(), 2u);
  for (const IndexMatch& m : q->matches) EXPECT_NE(m.id, seeds_[1].id);
}

}  // namespace
}  // namespace neardup
