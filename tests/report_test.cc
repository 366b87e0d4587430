// Copyright 2026 The neardup Authors.

#include "neardup/report.h"

#include <sstream>

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
  items[0].document.text = "x";
  items[1].document.id = "bad";
  items[1].where = {"in.jsonl", 2};
  items[1].skip = {SkipReason::kMalformedJson, "unclosed string"};
  items[2].document.id = "c";
  items[2].document.text = "y";
  Comparison c;
  c.documents.resize(2);
  PairScores p;
  p.a = 0;
  p.b = 1;
  p.cosine = 0.5;
  c.pairs.push_back(p);
  std::ostringstream out;
  WriteScanReport(items, c, CompareOptions{}, OutputFormat::kJsonl, out);
  const std::string s = out.str();
  EXPECT_THAT(s, HasSubstr("{\"type\":\"document\",\"id\":\"a\""));
  EXPECT_THAT(s, HasSubstr("\"id\":\"bad\",\"file\":\"in.jsonl\",\"line\":2,"
                           "\"skipped\":\"malformed_json\""));
  EXPECT_THAT(s, HasSubstr("{\"type\":\"pair\",\"a\":\"a\",\"b\":\"c\","
                           "\"cosine\":0.5"));
}

}  // namespace
}  // namespace neardup
