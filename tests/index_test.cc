// Copyright 2026 The neardup Authors.
//
// StreamIndex (index.h): add, query, delete, stats, persistence, stories and
// their origins, JSON.

#include "neardup/index.h"

#include <filesystem>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "english_text.h"
#include "test_paths.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string TempDir(const std::string& name) {
  return testing::FreshTempPath("index_" + name);
}

Document Doc(std::string id, std::string text,
             std::optional<int64_t> published = std::nullopt,
             std::string outlet = "") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.published = published;
  d.outlet = std::move(outlet);
  return d;
}

std::string Text(uint64_t seed) {
  return testing::GenerateEnglishText(3000, seed);
}

std::unique_ptr<StreamIndex> MustCreate(const std::string& dir) {
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Create(dir, IndexOptions());
  EXPECT_TRUE(index.ok()) << index.status();
  return index.ok() ? *std::move(index) : nullptr;
}

std::vector<IndexVerdict> MustIngest(StreamIndex& index,
                                     std::vector<Document> docs) {
  absl::StatusOr<std::vector<IndexVerdict>> v = index.Ingest(docs);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *std::move(v) : std::vector<IndexVerdict>();
}

TEST(StreamIndexTest, IngestJudgesCopiesAndOpensStories) {
  const std::string dir = TempDir("ingest");
  auto index = MustCreate(dir);
  ASSERT_NE(index, nullptr);
  const std::vector<IndexVerdict> v =
      MustIngest(*index, {Doc("a", Text(1)), Doc("b", Text(2)),
                          Doc("c", Text(3)), Doc("a-copy", Text(1))});
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].role, IndexRole::kOrigin);
  EXPECT_TRUE(v[0].matches.empty());
  EXPECT_NE(v[0].story, v[1].story);
  EXPECT_NE(v[1].story, v[2].story);
  EXPECT_TRUE(v[3].added);
  EXPECT_EQ(v[3].story, v[0].story);
  EXPECT_EQ(v[3].role, IndexRole::kCopy);
  EXPECT_EQ(v[3].origin.kind, OriginKind::kDocument);
  EXPECT_EQ(v[3].origin.id, "a");
  ASSERT_EQ(v[3].matches.size(), 1u);
  EXPECT_EQ(v[3].matches[0].id, "a");
  EXPECT_EQ(v[3].matches[0].relation, Relation::kCopy);

  absl::StatusOr<IndexStats> stats = index->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->documents, 4u);
  EXPECT_EQ(stats->stories, 3u);
  EXPECT_EQ(stats->multi_stories, 1u);
  EXPECT_EQ(stats->commits, 1u);
  EXPECT_GT(stats->file_bytes, 0u);
}

TEST(StreamIndexTest, QueryDoesNotAdd) {
  const std::string dir = TempDir("query");
  auto index = MustCreate(dir);
  ASSERT_NE(index, nullptr);
  const std::vector<IndexVerdict> v =
      MustIngest(*index, {Doc("a", Text(1)), Doc("b", Text(2))});
  const std::string near = testing::PerturbText(Text(2), 0.005, 99);
  absl::StatusOr<IndexVerdict> q = index->Query(Doc("q", near));
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_FALSE(q->added);
  EXPECT_EQ(q->story, v[1].story);
  EXPECT_EQ(q->role, IndexRole::kNearDuplicate);
  ASSERT_FALSE(q->matches.empty());
  EXPECT_EQ(q->matches[0].id, "b");
  EXPECT_EQ(q->matches[0].relation, Relation::kNearDuplicate);

  absl::StatusOr<IndexVerdict> fresh = index->Query(Doc("z", Text(50)));
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->story, 0u);
  EXPECT_EQ(fresh->role, IndexRole::kNew);
  EXPECT_TRUE(fresh->matches.empty());

  // An indexed document queried again is not its own match.
  absl::StatusOr<IndexVerdict> self = index->Query(Doc("a", Text(1)));
  ASSERT_TRUE(self.ok());
  EXPECT_TRUE(self->matches.empty());

  EXPECT_EQ(index->Stats()->documents, 2u);
  EXPECT_EQ(index->Lookup("q").status().code(), absl::StatusCode::kNotFound);
}

TEST(StreamIndexTest, SkipsDuplicateIdsAndEmptyTexts) {
  const std::string dir = TempDir("skip");
  auto index = MustCreate(dir);
  ASSERT_NE(index, nullptr);
  const std::vector<IndexVerdict> v =
      MustIngest(*index, {Doc("a", Text(1)), Doc("a", Text(2)),
                          Doc("e", " ... "), Doc("", Text(3))});
  ASSERT_EQ(v.size(), 4u);
  EXPECT_TRUE(v[0].added);
  EXPECT_EQ(v[1].skip.reason, SkipReason::kDuplicateId);
  EXPECT_EQ(v[2].skip.reason, SkipReason::kEmpty);
  EXPECT_EQ(v[3].skip.reason, SkipReason::kMalformedJson);
  EXPECT_EQ(index->Stats()->documents, 1u);
  // Later batches see the id too.
  EXPECT_EQ(MustIngest(*index, {Doc("a", Text(4))})[0].skip.reason,
            SkipReason::kDuplicateId);
  EXPECT_EQ(VerdictToJson(v[1]),
            R"({"id":"a","skipped":true,"reason":"duplicate_id",)"
            R"("detail":"the id is already in the index"})");
}

TEST(StreamIndexTest, PersistsAcrossReopen) {
  const std::string dir = TempDir("reopen");
  uint64_t story = 0;
  {
    auto index = MustCreate(dir);
    ASSERT_NE(index, nullptr);
    story = MustIngest(*index, {Doc("a", Text(1)), Doc("b", Text(2))})[1].story;
    ASSERT_TRUE(index->Close().ok());
    EXPECT_EQ(index->Stats().status().code(),
              absl::StatusCode::kFailedPrecondition);
  }
  EXPECT_EQ(StreamIndex::Create(dir, IndexOptions()).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(StreamIndex::Open(dir + "-missing").status().code(),
            absl::StatusCode::kNotFound);
  absl::StatusOr<std::unique_ptr<StreamIndex>> index = StreamIndex::Open(dir);
  ASSERT_TRUE(index.ok()) << index.status();
  EXPECT_EQ((*index)->Stats()->documents, 2u);
  EXPECT_EQ(*(*index)->Lookup("b"), story);
  const std::vector<IndexVerdict> v =
      MustIngest(**index, {Doc("b2", Text(2)), Doc("c", Text(3))});
  EXPECT_EQ(v[0].story, story);
  EXPECT_GT(v[1].story, story);  // Story numbers are never reused.
  EXPECT_EQ((*index)->Stats()->commits, 2u);
}

TEST(StreamIndexTest, DeleteMovesCentreAndForgets) {
  const std::string dir = TempDir("delete");
  auto index = MustCreate(dir);
  ASSERT_NE(index, nullptr);
  const std::vector<IndexVerdict> v =
      MustIngest(*index, {Doc("a", Text(1)), Doc("a2", Text(1)),
                          Doc("a3", Text(1)), Doc("b", Text(2))});
  ASSERT_EQ(v[2].story, v[0].story);
  EXPECT_EQ(index->Delete("zzz").code(), absl::StatusCode::kNotFound);
  ASSERT_TRUE(index->Delete("a").ok());
  EXPECT_EQ(index->Lookup("a").status().code(), absl::StatusCode::kNotFound);
  absl::StatusOr<IndexStory> story = index->GetStory(v[0].story);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_EQ(story->centre, "a2");
  ASSERT_EQ(story->members.size(), 2u);
  EXPECT_EQ(story->origin.id, "a2");
  // The deleted document is no longer a match.
  absl::StatusOr<IndexVerdict> q = index->Query(Doc("q", Text(1)));
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->matches.size(), 2u);
  EXPECT_EQ(q->matches[0].id, "a2");
  EXPECT_EQ(q->matches[1].id, "a3");
  ASSERT_TRUE(index->Delete("a2").ok());
  ASSERT_TRUE(index->Delete("a3").ok());
  EXPECT_EQ(index->GetStory(v[0].story).status().code(),
            absl::StatusCode::kNotFound);
  absl::StatusOr<IndexStats> stats = index->Stats();
  EXPECT_EQ(stats->documents, 1u);
  EXPECT_EQ(stats->deleted, 3u);
  EXPECT_EQ(stats->stories, 1u);
  EXPECT_EQ(stats->multi_stories, 0u);
  EXPECT_EQ(index->Query(Doc("q", Text(1)))->role, IndexRole::kNew);
}

TEST(StreamIndexTest, EarlierPublishedArticleBecomesTheOrigin) {
  const std::string dir = TempDir("origin");
  auto index = MustCreate(dir);
  ASSERT_NE(index, nullptr);
  const std::string base = Text(7);
  const std::vector<IndexVerdict> first =
      MustIngest(*index, {Doc("late", base, 2000, "Late Gazette")});
  EXPECT_EQ(first[0].role, IndexRole::kOrigin);
  const std::vector<IndexVerdict> second = MustIngest(
      *index,
      {Doc("early", testing::PerturbText(base, 0.01, 3), 1000, "Wire")});
  EXPECT_EQ(second[0].story, first[0].story);
  EXPECT_EQ(second[0].role, IndexRole::kOrigin);
  EXPECT_EQ(second[0].origin.id, "early");
  ASSERT_TRUE(second[0].origin.published.has_value());
  EXPECT_EQ(*second[0].origin.published, 1000);
  absl::StatusOr<IndexStory> story = index->GetStory(first[0].story);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_EQ(story->origin.id, "early");
  EXPECT_EQ(story->centre, "late");  // Still the one new articles meet.
  ASSERT_EQ(story->members.size(), 2u);
  EXPECT_EQ(story->members[0].id, "late");
  EXPECT_EQ(story->members[0].role, IndexRole::kNearDuplicate);
  EXPECT_EQ(story->members[1].role, IndexRole::kOrigin);
  EXPECT_THAT(StoryToJson(*story), HasSubstr(R"("origin":{"kind":"document",)"
                                             R"("id":"early","outlet":"Wire",)"
                                             R"("published":1000})"));
}

TEST(StreamIndexTest, CitedOutletBecomesAnExternalOrigin) {
  const std::string dir = TempDir("cite");
  auto index = MustCreate(dir);
  ASSERT_NE(index, nullptr);
  const std::string base = Text(8);
  const std::vector<IndexVerdict> first =
      MustIngest(*index, {Doc("p1", base, 1000, "Daily Planet")});
  const std::string citing =
      base + "\n\nThe deal was first reported by The Information.\n";
  const std::vector<IndexVerdict> second =
      MustIngest(*index, {Doc("p2", citing, 2000, "Gazette")});
  EXPECT_EQ(second[0].story, first[0].story);
  EXPECT_EQ(second[0].origin.kind, OriginKind::kExternal);
  EXPECT_EQ(second[0].origin.outlet, "The Information");
  EXPECT_EQ(second[0].role, IndexRole::kDerivative);
  absl::StatusOr<IndexStory> story = index->GetStory(first[0].story);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->origin.kind, OriginKind::kExternal);
  EXPECT_THAT(story->cited_outlets, ::testing::ElementsAre("The Information"));
  // Once the credited outlet's own article joins, it is the origin.
  const std::vector<IndexVerdict> third =
      MustIngest(*index, {Doc("info", base, 3000, "The Information")});
  EXPECT_EQ(third[0].story, first[0].story);
  EXPECT_EQ(third[0].origin.kind, OriginKind::kDocument);
  EXPECT_EQ(third[0].origin.id, "p1");  // The earliest published member.
  // Deleting the citing article forgets its credit.
  ASSERT_TRUE(index->Delete("info").ok());
  EXPECT_EQ(index->GetStory(first[0].story)->origin.kind,
            OriginKind::kExternal);
  ASSERT_TRUE(index->Delete("p2").ok());
  story = index->GetStory(first[0].story);
  EXPECT_EQ(story->origin.kind, OriginKind::kDocument);
  EXPECT_TRUE(story->cited_outlets.empty());
}

TEST(StreamIndexTest, RefusesTheCosinePath) {
  IndexOptions options;
  options.dedup.cosine_threshold = 0.5;
  EXPECT_EQ(StreamIndex::Create(TempDir("cosine"), options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(StreamIndexTest, VerdictJsonHasEveryField) {
  IndexVerdict v;
  v.id = "x";
  v.story = 3;
  v.role = IndexRole::kRewrite;
  v.origin.kind = OriginKind::kDocument;
  v.origin.id = "o";
  v.matches.push_back({"o", 3, Relation::kRewrite, 0.51234f, 0.6f, 2});
  v.added = true;
  EXPECT_EQ(VerdictToJson(v),
            R"({"id":"x","story":3,"role":"rewrite","origin":{"kind":)"
            R"("document","id":"o","outlet":null,"published":null},)"
            R"("matches":[{"id":"o","story":3,"relation":"rewrite",)"
            R"("jaccard":0.5123,"containment":0.6,"hamming":2}],)"
            R"("added":true})");
}

}  // namespace
}  // namespace neardup
