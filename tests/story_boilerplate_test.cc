// Copyright 2026 The neardup Authors.
//
// Shared passages that are a site's boilerplate (a subscription notice)
// do not make two articles one story: the words outside the shared text
// must agree too (PairAnalysis::rest_cosine). A republished copy, whose
// rest is only a new headline and dateline, is one story all the same.

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/story.h"

#include "english_text.h"
#include "test_documents.h"

namespace neardup {
namespace {

constexpr char kNotice[] =
    " Support local journalism. Subscribe to The Valley Courier today and get "
    "unlimited access to our reporting, newsletters and the daily e-edition. "
    "Your subscription funds the reporters who cover your town, your schools "
    "and your council meetings every day of the year.";

constexpr char kHarbour[] =
    "The harbour authority of Port Elvane approved a plan on Tuesday to "
    "dredge the northern channel so that larger container ships can dock at "
    "the Kessler terminal. The project will cost 240 million euros and take "
    "three years. Fishermen in the bay protested against the plan, saying "
    "the work will drive away the cod that spawn near the river mouth.";

constexpr char kHarbourRetold[] =
    "Bigger ships are coming to Port Elvane. Officials endorsed deepening "
    "the northern shipping lane beside the Kessler docks, a job priced at "
    "240 million euros that should be finished by 2028. Local cod fishermen "
    "oppose the dredging, fearing for the spawning grounds by the estuary.";

constexpr char kFootball[] =
    "The regional football league published its fixture list for the new "
    "season on Friday. The two promoted clubs meet in the opening match on "
    "an August evening at the municipal stadium, and ticket prices rise by "
    "five percent. The league also confirmed a winter break of three weeks "
    "after the December round.";

using ::neardup::testing::Doc;

const PairAnalysis& OnlyPair(const StoryReport& r) {
  EXPECT_EQ(r.pairs.size(), 1u);
  return r.pairs[0];
}

TEST(StoryBoilerplateTest, SharedNoticeDoesNotJoinDifferentStories) {
  const std::vector<Document> docs = {
      Doc("harbour", std::string(kHarbour) + kNotice),
      Doc("football", std::string(kFootball) + kNotice)};
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  const PairAnalysis& p = OnlyPair(*r);
  // The notice is a shared passage covering a good part of both texts...
  ASSERT_FALSE(p.passages.empty());
  EXPECT_GE(std::max(p.a_in_b, p.b_in_a), 0.25);
  // ...but nothing else agrees: two stories.
  EXPECT_LT(p.rest_cosine, 0.1);
  EXPECT_LT(p.rest_cosine, p.cosine);
  EXPECT_LT(p.story, 0.5);
  EXPECT_EQ(r->stories.size(), 2u);
}

TEST(StoryBoilerplateTest, SharedNoticeKeepsTheSameStoryTogether) {
  const std::vector<Document> docs = {
      Doc("harbour", std::string(kHarbour) + kNotice),
      Doc("retold", std::string(kHarbourRetold) + kNotice)};
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  const PairAnalysis& p = OnlyPair(*r);
  ASSERT_FALSE(p.passages.empty());
  EXPECT_GE(p.rest_cosine, 0.15);
  EXPECT_GE(p.story, 0.5);
  EXPECT_EQ(r->stories.size(), 1u);
}

TEST(StoryBoilerplateTest, CopyUnderANewHeadlineIsOneStory) {
  // The same article under two outlets' headlines and datelines: what the
  // texts do not share (headline, dateline) disagrees, yet the shared text
  // is most of both.
  const std::vector<Document> docs = {
      Doc("wire", std::string("Port Elvane votes to dredge its northern "
                              "channel\n\nPORT ELVANE (AP) - ") +
                      kHarbour),
      Doc("reprint", std::string("Cod spawning fears fail to stop Kessler "
                                 "terminal expansion\n\nKESSLER BAY - ") +
                         kHarbour)};
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  const PairAnalysis& p = OnlyPair(*r);
  EXPECT_LT(p.rest_cosine, 0.25);  // The rest alone would not count.
  EXPECT_GE(std::min(p.a_in_b, p.b_in_a), 0.6);
  EXPECT_GE(p.relation, PairRelation::kNearDuplicate);
  EXPECT_GE(p.story, 0.5);
  EXPECT_EQ(r->stories.size(), 1u);
}

TEST(StoryBoilerplateTest, AnExcerptIsOneStory) {
  // A brief cut verbatim from a longer report: nearly all of it is inside
  // the report, so it has no rest of its own to agree. Generated text has no
  // topic to speak of (its cosine is low), so only the shared text can join
  // the two.
  const std::string report = testing::GenerateEnglishText(3000, 1);
  const std::vector<Document> docs = {Doc("report", report),
                                      Doc("brief", report.substr(0, 1200))};
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  const PairAnalysis& p = OnlyPair(*r);
  EXPECT_LT(p.rest_cosine, 0.25);  // The rest alone would not count.
  EXPECT_GE(std::max(p.a_in_b, p.b_in_a), 0.9);
  EXPECT_LT(std::min(p.a_in_b, p.b_in_a), 0.6);  // Not a near-duplicate.
  EXPECT_EQ(p.relation, PairRelation::kPartial);
  EXPECT_GE(p.story, 0.5);
  EXPECT_EQ(r->stories.size(), 1u);
}

TEST(StoryBoilerplateTest, RestCosineIsTheCosineWithoutSharedPassages) {
  const std::vector<Document> docs = {Doc("harbour", kHarbour),
                                      Doc("retold", kHarbourRetold)};
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  const PairAnalysis& p = OnlyPair(*r);
  ASSERT_TRUE(p.passages.empty());
  EXPECT_EQ(p.rest_cosine, p.cosine);
  EXPECT_GT(p.cosine, 0.2);
}

}  // namespace
}  // namespace neardup
