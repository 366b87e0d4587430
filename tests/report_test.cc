// Copyright 2026 The neardup Authors.

#include "neardup/report.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "report/json_util.h"

namespace neardup {
namespace {

using ::testing::HasSubstr;

TEST(JsonUtilTest, RoundsScoresToFourDecimals) {
  EXPECT_DOUBLE_EQ(internal::RoundScore(0.123456), 0.1235);
  EXPECT_DOUBLE_EQ(internal::RoundScore(1.0), 1.0);
}

TEST(JsonUtilTest, QuotesCsvFieldsOnlyWhenNeeded) {
  EXPECT_EQ(internal::CsvField("plain"), "plain");
  EXPECT_EQ(internal::CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(internal::CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(JsonUtilTest, FitsColumnsByCodePoints) {
  EXPECT_EQ(internal::FitColumn("abc", 5), "abc  ");
  EXPECT_EQ(internal::FitColumn("abcdef", 4), "abc\u2026");
  EXPECT_EQ(internal::FitColumn("caf\u00e9s", 4), "caf\u2026");
  EXPECT_EQ(internal::FitColumn("\u00e9\u00e9", 2), "\u00e9\u00e9");
}

TEST(ParseOutputFormatTest, KnowsEveryFormat) {
  EXPECT_EQ(*ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(*ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(*ParseOutputFormat("jsonl"), OutputFormat::kJsonl);
  EXPECT_EQ(*ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_FALSE(ParseOutputFormat("xml").ok());
}

TEST(WriteScanReportTest, EveryInputAppearsInJsonl) {
  std::vector<ReadItem> items(3);
  items[0].document.id = "a";
  items[0].document.text = "Rail workers in the north will strike over pay.";
  items[1].document.id = "bad";
  items[1].where = {"in.jsonl", 2};
  items[1].skip = {SkipReason::kMalformedJson, "unclosed string"};
  items[2].document.id = "c";
  items[2].document.text = "Northern rail workers strike over their pay.";
  const std::vector<Document> docs = {items[0].document, items[2].document};
  const absl::StatusOr<Comparison> c = CompareAll(docs);
  const absl::StatusOr<StoryReport> stories = AnalyzeStories(docs);
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(stories.ok());
  ScanResult result;
  result.items = items;
  result.documents = docs;
  result.comparison = &*c;
  result.stories = &*stories;
  std::ostringstream out;
  WriteScanReport(result, CompareOptions{}, StoryRenderOptions{},
                  OutputFormat::kJsonl, out);
  const std::string s = out.str();
  EXPECT_THAT(s, HasSubstr("{\"type\":\"document\",\"id\":\"a\""));
  EXPECT_THAT(s, HasSubstr("\"id\":\"bad\",\"file\":\"in.jsonl\",\"line\":2,"
                           "\"skipped\":\"malformed_json\""));
  EXPECT_THAT(s, HasSubstr("{\"type\":\"story\""));
  EXPECT_THAT(s, HasSubstr("{\"type\":\"pair\",\"a\":\"a\",\"b\":\"c\""));
  // The pair carries both the story scores and the exact shingle scores.
  EXPECT_THAT(s, HasSubstr("\"cosine\":"));
  EXPECT_THAT(s, HasSubstr("\"jaccard\":"));
  EXPECT_THAT(s, HasSubstr("\"shared_shingles\":"));
}

TEST(WriteScanReportTest, CsvHasOneRowPerPair) {
  std::vector<ReadItem> items(3);
  const char* texts[] = {"Flood warnings for river towns after storms.",
                         "River towns get flood warnings as storms hit.",
                         "The council approved higher parking charges."};
  for (int i = 0; i < 3; ++i) {
    items[i].document.id = std::string("d,") + char('0' + i);
    items[i].document.text = texts[i];
  }
  std::vector<Document> docs;
  for (const ReadItem& item : items) docs.push_back(item.document);
  const absl::StatusOr<Comparison> c = CompareAll(docs);
  const absl::StatusOr<StoryReport> stories = AnalyzeStories(docs);
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(stories.ok());
  ScanResult result{items, docs, &*c, &*stories};
  std::ostringstream out;
  WriteScanReport(result, CompareOptions{}, StoryRenderOptions{},
                  OutputFormat::kCsv, out);
  const std::string s = out.str();
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 4);  // Header + 3 pairs.
  EXPECT_THAT(s, HasSubstr("a,b,relation,story,cosine"));
  EXPECT_THAT(s, HasSubstr("\"d,0\",\"d,1\","));
}

}  // namespace
}  // namespace neardup
