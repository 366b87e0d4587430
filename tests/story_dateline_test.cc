// Copyright 2026 The neardup Authors.
//
// News datelines: which openings count as one (DatelinePlace), and two
// datelines naming different places keep two similar briefs apart unless
// they share text (PairAnalysis::datelines_differ).

#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/story.h"
#include "neardup/story_report.h"

#include "story/features.h"
#include "test_documents.h"

namespace neardup {
namespace {

using internal::DatelinePlace;

TEST(StoryDatelineTest, FindsTheCommonForms) {
  const uint64_t peoria =
      DatelinePlace("PEORIA, Ariz. (AP) \xE2\x80\x94 A fire");
  EXPECT_NE(peoria, 0u);
  // The place alone decides: region, agency and dash may vary.
  EXPECT_EQ(DatelinePlace("PEORIA (KNXV) - A fire"), peoria);
  EXPECT_EQ(DatelinePlace("Girl warns family\nPEORIA, Arizona \xE2\x80\x93 x"),
            peoria);
  EXPECT_NE(DatelinePlace("TUCSON, Ariz. (AP) \xE2\x80\x94 A fire"), peoria);
  const uint64_t oxon = DatelinePlace("Dog shot OXON HILL, Md. \xE2\x80\x94 A");
  EXPECT_NE(oxon, 0u);
  EXPECT_NE(oxon, DatelinePlace("OCEAN CITY, Md. (AP) \xE2\x80\x94 A man"));
  EXPECT_NE(DatelinePlace("WASHINGTON (Reuters) - The Senate"), 0u);
  EXPECT_EQ(DatelinePlace("WASHINGTON (Reuters) - The Senate"),
            DatelinePlace("WASHINGTON, D.C. \xE2\x80\x93 The Senate"));
  EXPECT_NE(DatelinePlace("SOUTH SALT LAKE, Utah (ABC4 News) \xE2\x80\x93 A"),
            0u);
}

TEST(StoryDatelineTest, IgnoresWhatIsNotADateline) {
  EXPECT_EQ(DatelinePlace(""), 0u);
  EXPECT_EQ(DatelinePlace("VIDEO: Footage of a theft goes viral"), 0u);
  // Upper case and a dash, but neither a region nor an agency.
  EXPECT_EQ(DatelinePlace("BREAKING - Markets fall"), 0u);
  EXPECT_EQ(DatelinePlace("DETROIT \xE2\x80\x93 A woman was hurt"), 0u);
  // A region or agency, but no dash after it.
  EXPECT_EQ(DatelinePlace("PEORIA, Ariz. (AP) A fire"), 0u);
  EXPECT_EQ(DatelinePlace("The NASA, Space agency said"), 0u);
  // Inside a word, or a single letter.
  EXPECT_EQ(DatelinePlace("xPEORIA, Ariz. - A fire"), 0u);
  EXPECT_EQ(DatelinePlace("A, Ariz. - A fire"), 0u);
  // Not within the first kDatelineBytes bytes.
  const std::string late =
      std::string(internal::kDatelineBytes, 'x') + " PEORIA, Ariz. - A fire";
  EXPECT_EQ(DatelinePlace(late), 0u);
  EXPECT_NE(DatelinePlace(late.substr(internal::kDatelineBytes)), 0u);
}

// Two AP briefs of one state on the same kind of event, told in different
// words (no shared passage).
constexpr char kFireBody[] =
    " Authorities said a family and their three dogs escaped a house fire "
    "early Tuesday after an 11-year-old girl noticed their Christmas tree "
    "burning and woke her parents. Fire officials said the tree caught fire "
    "near an outlet in the living room. One person suffered a minor injury "
    "but was not taken to a hospital. The house was badly damaged.";
constexpr char kFireRetold[] =
    " A Christmas tree burst into flames inside a home before dawn on "
    "Tuesday, and a girl of 11 raised the alarm, waking her sleeping family. "
    "Everyone got out, along with three dogs, firefighters said. A minor "
    "injury was reported, nobody needed hospital treatment, and the fire "
    "badly damaged the house, according to the fire department.";

using ::neardup::testing::Doc;

PairAnalysis AnalyzeTwo(const std::string& a, const std::string& b) {
  const std::vector<Document> docs = {Doc("a", a), Doc("b", b)};
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  EXPECT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->pairs.size(), 1u);
  return r->pairs.at(0);
}

TEST(StoryDatelineTest, DifferentPlacesKeepSimilarBriefsApart) {
  const std::string peoria = "PEORIA, Ariz. (AP) \xE2\x80\x94";
  const std::string tucson = "TUCSON, Ariz. (AP) \xE2\x80\x94";
  const PairAnalysis same =
      AnalyzeTwo(peoria + kFireBody, peoria + kFireRetold);
  const PairAnalysis apart =
      AnalyzeTwo(peoria + kFireBody, tucson + kFireRetold);
  EXPECT_FALSE(same.datelines_differ);
  EXPECT_TRUE(apart.datelines_differ);
  EXPECT_TRUE(same.passages.empty());
  EXPECT_TRUE(apart.passages.empty());
  // The same story told twice from one place; from two places, two events.
  EXPECT_GE(same.story, 0.5);
  EXPECT_LT(apart.story, 0.5);
  EXPECT_LT(apart.story, same.story);
  // Without a dateline on one side nothing is known about the place.
  const PairAnalysis one_sided =
      AnalyzeTwo(peoria + kFireBody, std::string("Fire.") + kFireRetold);
  EXPECT_FALSE(one_sided.datelines_differ);
}

TEST(StoryDatelineTest, OnlyPairsWithoutSharedTextAreWeighed) {
  // A wire brief republished under another dateline: the datelines differ,
  // but the shared passage is evidence the rule must not discount.
  const PairAnalysis copy =
      AnalyzeTwo(std::string("PEORIA, Ariz. (AP) \xE2\x80\x94") + kFireBody,
                 std::string("PHOENIX (KNXV) \xE2\x80\x94") + kFireBody);
  EXPECT_TRUE(copy.datelines_differ);
  EXPECT_FALSE(copy.passages.empty());
  EXPECT_GE(copy.relation, PairRelation::kNearDuplicate);
  EXPECT_DOUBLE_EQ(copy.story, internal::StoryScore(
                                   copy.cosine, copy.rest_cosine, copy.names,
                                   copy.a_in_b, copy.b_in_a, false));
  // Without shared text the same measurements score half the topic.
  const PairAnalysis apart =
      AnalyzeTwo(std::string("PEORIA, Ariz. (AP) \xE2\x80\x94") + kFireBody,
                 std::string("TUCSON, Ariz. (AP) \xE2\x80\x94") + kFireRetold);
  ASSERT_TRUE(apart.passages.empty());
  EXPECT_DOUBLE_EQ(
      apart.story,
      0.5 * internal::StoryScore(apart.cosine, apart.rest_cosine, apart.names,
                                 apart.a_in_b, apart.b_in_a, false));
}

TEST(StoryDatelineTest, ExplainSaysSo) {
  const std::vector<Document> docs = {
      Doc("peoria", std::string("PEORIA, Ariz. (AP) \xE2\x80\x94") + kFireBody),
      Doc("tucson",
          std::string("TUCSON, Ariz. (AP) \xE2\x80\x94") + kFireRetold)};
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  StoryRenderOptions options;
  options.min_relation = PairRelation::kUnrelated;  // List every pair.
  std::ostringstream plain, explained;
  WriteStoryTable(docs, *r, options, plain);
  options.explain = true;
  WriteStoryTable(docs, *r, options, explained);
  const std::string note = "datelines name different places";
  EXPECT_EQ(plain.str().find(note), std::string::npos);
  EXPECT_NE(explained.str().find(note), std::string::npos);
}

}  // namespace
}  // namespace neardup
