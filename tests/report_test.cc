// Copyright 2026 The neardup Authors.

#include "neardup/report.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

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

// Compares and analyses `docs` and writes the report of `items` in `format`.
std::string Render(const std::vector<ReadItem>& items,
                   const std::vector<Document>& docs, OutputFormat format) {
  const absl::StatusOr<Comparison> c = CompareAll(docs);
  const absl::StatusOr<StoryReport> stories = AnalyzeStories(docs);
  EXPECT_TRUE(c.ok());
  EXPECT_TRUE(stories.ok());
  if (!c.ok() || !stories.ok()) return "";
  ScanResult result{items, docs, &*c, &*stories};
  std::ostringstream out;
  WriteScanReport(result, CompareOptions{}, StoryRenderOptions{}, format, out);
  return out.str();
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
  const std::string s = Render(items, docs, OutputFormat::kJsonl);
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
  const std::string s = Render(items, docs, OutputFormat::kCsv);
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 4);  // Header + 3 pairs.
  EXPECT_THAT(s, HasSubstr("a,b,relation,story,cosine"));
  EXPECT_THAT(s, HasSubstr("\"d,0\",\"d,1\","));
  // Every row has the header's 14 fields, the retold shares included (0.0
  // for the pairs that are not rewrites and have no such field in JSON).
  EXPECT_EQ(s.substr(0, s.find('\n')),
            "a,b,relation,story,cosine,names,a_in_b,b_in_a,jaccard,"
            "shingle_a_in_b,shingle_b_in_a,shared_shingles,a_retold,b_retold");
  std::istringstream lines(s);
  std::string line;
  while (std::getline(lines, line)) {
    size_t fields = 1;
    bool quoted = false;
    for (const char c : line) {
      if (c == '"') quoted = !quoted;
      if (c == ',' && !quoted) ++fields;
    }
    EXPECT_EQ(fields, 14u) << line;
  }
  EXPECT_THAT(s, HasSubstr(",unrelated,"));
  EXPECT_THAT(s, HasSubstr(",0.0,0.0\n"));
}

// The JSON report is written piece by piece; it must be exactly nlohmann's
// dump(2) of itself (indentation, separators, empty arrays), with the pairs
// merging the story and the shingle scores, and with 0, 1 and 3 pairs.
TEST(WriteScanReportTest, JsonIsTheCanonicalDumpOfItself) {
  const char* texts[] = {"Flood warnings for river towns after storms.",
                         "River towns get flood warnings as storms hit.",
                         "The council approved higher parking charges."};
  for (size_t n = 1; n <= 3; ++n) {
    std::vector<ReadItem> items(n);
    std::vector<Document> docs;
    for (size_t i = 0; i < n; ++i) {
      items[i].document.id = "d\"" + std::to_string(i);
      items[i].document.text = texts[i];
      docs.push_back(items[i].document);
    }
    const std::string out = Render(items, docs, OutputFormat::kJson);
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(out);
    EXPECT_EQ(j.dump(2) + "\n", out) << n;
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    EXPECT_THAT(keys,
                ::testing::ElementsAre("options", "summary", "documents",
                                       "stories", "pairs", "attributions"));
    ASSERT_EQ(j["pairs"].size(), n * (n - 1) / 2) << n;
    for (const auto& pair : j["pairs"]) {
      EXPECT_TRUE(pair.contains("story"));
      EXPECT_TRUE(pair.contains("passages"));
      EXPECT_TRUE(pair.contains("jaccard"));
      EXPECT_TRUE(pair.contains("shared_shingles"));
    }
  }
}

}  // namespace
}  // namespace neardup
