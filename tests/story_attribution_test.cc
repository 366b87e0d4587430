// Copyright 2026 The neardup Authors.

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/attribution.h"

#include "test_paths.h"

namespace neardup {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string_view Span(std::string_view text, ByteSpan s) {
  return text.substr(s.begin, s.end - s.begin);
}

std::vector<std::string> Outlets(std::string_view text) {
  std::vector<std::string> out;
  for (const Attribution& a : ExtractAttributions(text)) {
    out.push_back(a.outlet);
  }
  return out;
}

TEST(AttributionTest, SeedsCreditTheInformationThreeTimes) {
  struct Case {
    std::string file;
    std::string evidence;
    std::string cue;
  };
  const std::vector<Case> cases = {
      {"002_f45af26e803a8f07.txt", "first reported by The Information",
       "first reported by"},
      {"003_db251d9e630f7829.txt", "according to sources from The Information",
       "according to"},
      {"004_6865920a74d5a5c3.txt", "According to a report from The Information",
       "according to"},
  };
  for (const Case& c : cases) {
    const std::string text =
        ReadFile(testing::SourcePath("datasets/seeds/" + c.file));
    ASSERT_FALSE(text.empty()) << c.file;
    const std::vector<Attribution> found = ExtractAttributions(text);
    ASSERT_EQ(found.size(), 1u) << c.file;
    EXPECT_EQ(found[0].outlet, "The Information");
    EXPECT_EQ(found[0].outlet_key, "information");
    EXPECT_EQ(found[0].cue, c.cue);
    EXPECT_TRUE(found[0].strong);
    EXPECT_EQ(Span(text, found[0].evidence), c.evidence);
    EXPECT_EQ(Span(text, found[0].name), "The Information");
  }
}

TEST(AttributionTest, SeedsWithoutCreditsFindNone) {
  for (const char* file :
       {"000_600f2b9713211ef9.txt", "001_7bb86594c5f1d4be.txt"}) {
    const std::string text =
        ReadFile(testing::SourcePath(std::string("datasets/seeds/") + file));
    ASSERT_FALSE(text.empty()) << file;
    EXPECT_THAT(ExtractAttributions(text), IsEmpty()) << file;
  }
}

TEST(AttributionTest, Cues) {
  EXPECT_THAT(Outlets("The deal was first reported by Bloomberg News on "
                      "Monday."),
              ElementsAre("Bloomberg News"));
  EXPECT_THAT(Outlets("As reported by The Wall Street Journal, the firm "
                      "cut jobs."),
              ElementsAre("The Wall Street Journal"));
  EXPECT_THAT(Outlets("Shares fell, Reuters reported."),
              ElementsAre("Reuters"));
  EXPECT_THAT(Outlets("On Tuesday Bloomberg reported that talks stalled."),
              ElementsAre("Bloomberg"));
  EXPECT_THAT(Outlets("The Information first reported the talks."),
              ElementsAre("The Information"));
  EXPECT_THAT(Outlets("A spokesperson told Reuters the plan was on track."),
              ElementsAre("Reuters"));
  EXPECT_THAT(Outlets("The company said so, citing a report by the "
                      "Financial Times."),
              ElementsAre("Financial Times"));
  EXPECT_THAT(Outlets("according to a report in Nikkei Asia, output rose"),
              ElementsAre("Nikkei Asia"));
}

TEST(AttributionTest, CompaniesAndPeopleAreNotOutlets) {
  EXPECT_THAT(Outlets("Microsoft reported revenue of $62 billion."), IsEmpty());
  EXPECT_THAT(Outlets("According to Microsoft, the chips ship next year."),
              IsEmpty());
  EXPECT_THAT(Outlets("Nadella told analysts that demand was strong."),
              IsEmpty());
  EXPECT_THAT(Outlets("The report indicates a shift. It reported nothing."),
              IsEmpty());
  EXPECT_THAT(Outlets("citing people familiar with the matter"), IsEmpty());
}

TEST(AttributionTest, StrongCueAcceptsAnyName) {
  const std::vector<Attribution> found =
      ExtractAttributions("according to a report from Puck News Daily");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].strong);
  EXPECT_EQ(found[0].outlet, "Puck News Daily");
  EXPECT_EQ(found[0].cue, "according to");
}

TEST(AttributionTest, OutletKey) {
  EXPECT_EQ(OutletKey("The Wall Street Journal"), "wall street journal");
  EXPECT_EQ(OutletKey("Wall Street Journal"), "wall street journal");
  EXPECT_EQ(OutletKey("Barron\xE2\x80\x99s"), "barron's");
  EXPECT_EQ(OutletKey("Theranos"), "theranos");
}

}  // namespace
}  // namespace neardup
