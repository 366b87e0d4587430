// Copyright 2026 The neardup Authors.
//
// The canonical example: five rewrites of one scoop by The Information, and
// unrelated articles about the same companies that must stay out.

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/document.h"
#include "neardup/story.h"

#include "test_documents.h"
#include "test_paths.h"

namespace neardup {
namespace {

using testing::ReadDir;

std::string Describe(const StoryReport& r, const std::vector<Document>& d) {
  std::ostringstream out;
  for (const Story& s : r.stories) {
    out << "story origin=" << OriginKindName(s.origin.kind) << " "
        << s.origin.outlet << ":";
    for (const StoryMember& m : s.members) {
      out << " " << m.id << "/" << RoleName(m.role);
    }
    out << "\n";
  }
  for (const PairAnalysis& p : r.pairs) {
    if (p.story < 0.3) continue;
    out << d[p.a].id << " " << d[p.b].id << " " << PairRelationName(p.relation)
        << " story=" << p.story << " cos=" << p.cosine << " names=" << p.names
        << " cov=" << p.a_in_b << "/" << p.b_in_a << "\n";
  }
  return out.str();
}

TEST(StorySeedsTest, OneStoryOfFiveRewritesOfTheInformation) {
  const std::vector<Document> docs = ReadDir("datasets/seeds");
  ASSERT_EQ(docs.size(), 5u);
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->stories.size(), 1u) << Describe(*r, docs);
  const Story& s = r->stories[0];
  ASSERT_EQ(s.members.size(), 5u);
  EXPECT_EQ(s.origin.kind, OriginKind::kExternal);
  EXPECT_EQ(s.origin.outlet, "The Information");
  EXPECT_FALSE(s.origin.document.has_value());
  ASSERT_EQ(s.origin.evidence.size(), 3u);
  std::vector<uint32_t> citing;
  for (const CitedSpan& e : s.origin.evidence) {
    citing.push_back(e.document);
    const std::string& text = docs[e.document].text;
    EXPECT_EQ(text.substr(e.attribution.name.begin,
                          e.attribution.name.end - e.attribution.name.begin),
              "The Information");
  }
  EXPECT_THAT(citing, ::testing::ElementsAre(2, 3, 4));
  for (const StoryMember& m : s.members) {
    EXPECT_EQ(m.role, Role::kRewrite) << m.id;
    EXPECT_FALSE(m.reasons.empty());
  }
  ASSERT_EQ(r->pairs.size(), 10u);
  for (const PairAnalysis& p : r->pairs) {
    EXPECT_NE(p.relation, PairRelation::kCopy) << p.a << "," << p.b;
    EXPECT_NE(p.relation, PairRelation::kNearDuplicate) << p.a << "," << p.b;
    EXPECT_GE(p.story, 0.5) << p.a << "," << p.b;
  }
}

TEST(StorySeedsTest, UnrelatedArticlesAboutTheSameCompaniesStayOut) {
  std::vector<Document> docs = ReadDir("datasets/seeds");
  const std::vector<Document> extra = ReadDir("tests/fixtures/story");
  ASSERT_EQ(extra.size(), 8u);
  docs.insert(docs.end(), extra.begin(), extra.end());
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  // The seeds' story, unchanged; every fixture alone.
  ASSERT_EQ(r->stories.size(), 1u + extra.size()) << Describe(*r, docs);
  const Story& s = r->stories[0];
  ASSERT_EQ(s.members.size(), 5u) << Describe(*r, docs);
  for (const StoryMember& m : s.members) EXPECT_LT(m.document, 5u);
  EXPECT_EQ(s.origin.kind, OriginKind::kExternal);
  EXPECT_EQ(s.origin.outlet, "The Information");
  size_t members = 0;
  for (const Story& t : r->stories) members += t.members.size();
  EXPECT_EQ(members, docs.size());
  for (size_t k = 1; k < r->stories.size(); ++k) {
    ASSERT_EQ(r->stories[k].members.size(), 1u);
    EXPECT_EQ(r->stories[k].members[0].role, Role::kOrigin);
  }
  // The fixtures do share names with the seeds: they are at most related.
  bool some_related = false;
  for (const PairAnalysis& p : r->pairs) {
    if (p.b < 5) continue;
    EXPECT_LE(p.relation, PairRelation::kRelated)
        << docs[p.a].id << " " << docs[p.b].id;
    some_related |= p.relation == PairRelation::kRelated;
  }
  EXPECT_TRUE(some_related);
}

TEST(StorySeedsTest, DeterministicAndOrderIndependentStories) {
  std::vector<Document> docs = ReadDir("datasets/seeds");
  const std::vector<Document> extra = ReadDir("tests/fixtures/story");
  docs.insert(docs.end(), extra.begin(), extra.end());
  const absl::StatusOr<StoryReport> a = AnalyzeStories(docs);
  std::reverse(docs.begin(), docs.end());
  const absl::StatusOr<StoryReport> b = AnalyzeStories(docs);
  ASSERT_TRUE(a.ok() && b.ok());
  auto sets = [&](const StoryReport& r, const std::vector<Document>& d) {
    std::vector<std::vector<std::string>> out;
    for (const Story& s : r.stories) {
      std::vector<std::string> ids;
      for (const StoryMember& m : s.members) ids.push_back(m.id);
      std::sort(ids.begin(), ids.end());
      out.push_back(ids);
    }
    std::sort(out.begin(), out.end());
    (void)d;
    return out;
  };
  std::vector<Document> forward = docs;
  std::reverse(forward.begin(), forward.end());
  EXPECT_EQ(sets(*a, forward), sets(*b, docs));
}

// What the rewrites retell: the seeds share almost no passage, but their
// opening sentences say the same thing in other words.
TEST(StorySeedsTest, RewritesPairTheSentencesTheyRetell) {
  std::vector<Document> docs = ReadDir("datasets/seeds");
  const std::vector<Document> extra = ReadDir("tests/fixtures/story");
  docs.insert(docs.end(), extra.begin(), extra.end());
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  auto text = [&](uint32_t d, ByteSpan s) {
    return docs[d].text.substr(s.begin, s.end - s.begin);
  };
  size_t seed_pairs_with_retold = 0;
  bool opening_found = false;
  for (const PairAnalysis& p : r->pairs) {
    if (p.relation != PairRelation::kRewrite) {
      EXPECT_TRUE(p.retold.empty()) << docs[p.a].id << " " << docs[p.b].id;
      continue;
    }
    // Every rewrite here is a pair of seeds.
    ASSERT_LT(p.b, 5u) << docs[p.a].id << " " << docs[p.b].id;
    seed_pairs_with_retold += !p.retold.empty();
    uint32_t last_a = 0;
    for (const RetoldSentence& s : p.retold) {
      ASSERT_LT(s.a.begin, s.a.end);
      ASSERT_LE(s.a.end, docs[p.a].text.size());
      ASSERT_LT(s.b.begin, s.b.end);
      ASSERT_LE(s.b.end, docs[p.b].text.size());
      EXPECT_GE(s.a.begin, last_a);  // In a's order, not overlapping.
      last_a = s.a.end;
      if (text(p.a, s.a).starts_with("Anthropic is negotiating with "
                                     "Microsoft to rent servers") &&
          text(p.b, s.b).starts_with("Anthropic is in discussions with "
                                     "Microsoft to utilize servers")) {
        opening_found = true;
      }
    }
    // A rewrite retells more of its text than it copies.
    EXPECT_GE(p.a_retold + p.b_retold, p.a_in_b + p.b_in_a)
        << docs[p.a].id << " " << docs[p.b].id;
  }
  EXPECT_TRUE(opening_found);
  EXPECT_GE(seed_pairs_with_retold, 5u);
  // The origin is external: a member's retold share is its largest with any
  // other member.
  ASSERT_EQ(r->stories[0].members.size(), 5u);
  for (const StoryMember& m : r->stories[0].members) {
    double want = 0;
    for (const PairAnalysis& p : r->pairs) {
      if (p.a == m.document && p.b < 5) want = std::max(want, p.a_retold);
      if (p.b == m.document && p.a < 5) want = std::max(want, p.b_retold);
    }
    EXPECT_GT(want, 0.0) << m.id;
    EXPECT_EQ(m.share_retold, want) << m.id;
  }
}

TEST(StorySeedsTest, RejectsBadOptionsAndDuplicateIds) {
  std::vector<Document> docs(2);
  docs[0].id = docs[1].id = "x";
  EXPECT_EQ(AnalyzeStories(docs).status().code(),
            absl::StatusCode::kInvalidArgument);
  docs[1].id = "y";
  StoryOptions options;
  options.story_threshold = 1.5;
  EXPECT_EQ(AnalyzeStories(docs, options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options = {};
  options.align.seed_words = 0;
  EXPECT_EQ(AnalyzeStories(docs, options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options = {};
  options.max_documents = 1;
  EXPECT_EQ(AnalyzeStories(docs, options).status().code(),
            absl::StatusCode::kResourceExhausted);
  const absl::StatusOr<StoryReport> empty = AnalyzeStories({});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->stories.empty());
}

}  // namespace
}  // namespace neardup
