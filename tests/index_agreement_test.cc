// Copyright 2026 The neardup Authors.
//
// Streaming ingest agrees with batch dedup (dedup.h): on a corpus of planted
// clusters (copies, light edits, truncations) the index's stories are the
// dedup clusters, whatever the arrival order. Generated text gets no topic
// terms (the English background does not know most of its words:
// TopicTermsTest.TextsTheBackgroundDoesNotKnowGetNone), so the index's
// default options add nothing dedup lacks; unrelated generated texts were
// joined by topic before that guard.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/dedup.h"
#include "neardup/index.h"

#include "english_text.h"
#include "test_paths.h"

namespace neardup {
namespace {

std::vector<Document> PlantedCorpus() {
  std::vector<Document> docs;
  for (int base = 0; base < 40; ++base) {
    const std::string text = testing::GenerateEnglishText(2500, 700 + base);
    auto add = [&](const std::string& suffix, std::string t) {
      Document d;
      d.id = "b" + std::to_string(base) + suffix;
      d.text = std::move(t);
      docs.push_back(std::move(d));
    };
    add("", text);
    const int kind = base % 5;  // 0: alone; 1..4: that many derivatives.
    if (kind >= 1) add("-copy", text);
    if (kind >= 2) add("-edit", testing::PerturbText(text, 0.005, base));
    if (kind >= 3) add("-cut", text.substr(0, text.size() * 3 / 4));
    if (kind >= 4) add("-edit2", testing::PerturbText(text, 0.004, base + 99));
  }
  // A fixed interleaving: derivatives are not next to their original.
  std::vector<Document> mixed;
  for (size_t stride = 0; stride < 7; ++stride) {
    for (size_t i = stride; i < docs.size(); i += 7) mixed.push_back(docs[i]);
  }
  return mixed;
}

// Canonical partition: for each document, the index of the first document
// in the same group.
std::vector<size_t> Canonical(const std::vector<uint64_t>& group) {
  std::map<uint64_t, size_t> first;
  std::vector<size_t> out(group.size());
  for (size_t i = 0; i < group.size(); ++i) {
    out[i] = first.emplace(group[i], i).first->second;
  }
  return out;
}

void ExpectAgreement(const std::vector<Document>& docs,
                     const std::string& name) {
  const std::string dir = testing::FreshTempPath("agree_" + name);
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Create(dir, IndexOptions());
  ASSERT_TRUE(index.ok()) << index.status();
  // The same options on both sides.
  absl::StatusOr<Deduplicator> dedup =
      Deduplicator::Create((*index)->options().dedup);
  ASSERT_TRUE(dedup.ok());
  for (const DocSketch& s : dedup->SketchBatch(docs, 1)) dedup->Add(s);
  const DedupResult result = dedup->Finish(1);
  std::vector<uint64_t> clusters;
  for (const DocVerdict& v : result.docs) clusters.push_back(v.cluster);

  // Several batches, so that in-batch and committed documents both count.
  std::vector<uint64_t> stories;
  for (size_t at = 0; at < docs.size(); at += 37) {
    const size_t end = std::min(docs.size(), at + 37);
    absl::StatusOr<std::vector<IndexVerdict>> v =
        (*index)->Ingest(absl::MakeConstSpan(docs).subspan(at, end - at));
    ASSERT_TRUE(v.ok()) << v.status();
    for (const IndexVerdict& verdict : *v) stories.push_back(verdict.story);
  }
  ASSERT_EQ(stories.size(), clusters.size());
  // Stories as they are now (a story may have been joined later).
  for (size_t i = 0; i < docs.size(); ++i) {
    absl::StatusOr<uint64_t> story = (*index)->Lookup(docs[i].id);
    ASSERT_TRUE(story.ok());
    EXPECT_EQ(*story, stories[i]);  // Membership never changes.
  }
  const std::vector<size_t> a = Canonical(clusters), b = Canonical(stories);
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(a[i], b[i]) << docs[i].id << ": dedup groups it with "
                          << docs[a[i]].id << ", the index with "
                          << docs[b[i]].id;
  }
  EXPECT_EQ(result.stats.clusters, 32u);  // Every planted cluster.
  EXPECT_EQ(result.stats.clusters, (*index)->Stats()->multi_stories);
}

TEST(IndexAgreementTest, SameClustersAsDedup) {
  ExpectAgreement(PlantedCorpus(), "forward");
}

TEST(IndexAgreementTest, SameClustersInReverseArrivalOrder) {
  std::vector<Document> docs = PlantedCorpus();
  std::reverse(docs.begin(), docs.end());
  ExpectAgreement(docs, "reverse");
}

}  // namespace
}  // namespace neardup
