// Copyright 2026 The neardup Authors.

#include "neardup/story_report.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

#include "neardup/story.h"

#include "test_documents.h"
#include "test_paths.h"

namespace neardup {
namespace {

using ::testing::HasSubstr;

std::vector<Document> Seeds() { return testing::ReadDir("datasets/seeds"); }

TEST(StoryReportTest, JsonHasTheDocumentedFields) {
  const std::vector<Document> docs = Seeds();
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok());
  const nlohmann::json j = nlohmann::json::parse(StoryJson(docs, *r, {}));
  ASSERT_EQ(j["stories"].size(), 1u);
  const auto& story = j["stories"][0];
  EXPECT_EQ(story["origin"]["kind"], "external");
  EXPECT_EQ(story["origin"]["outlet"], "The Information");
  EXPECT_TRUE(story["origin"]["id"].is_null());
  ASSERT_EQ(story["origin"]["evidence"].size(), 3u);
  for (const auto& e : story["origin"]["evidence"]) {
    const std::string id = e["document"];
    const auto doc =
        std::find_if(docs.begin(), docs.end(),
                     [&](const Document& d) { return d.id == id; });
    ASSERT_NE(doc, docs.end());
    const size_t begin = e["evidence"]["begin"], end = e["evidence"]["end"];
    EXPECT_EQ(doc->text.substr(begin, end - begin), e["text"]);
    EXPECT_THAT(std::string(e["text"]), HasSubstr("The Information"));
  }
  std::set<std::string> ids;
  for (const auto& m : story["members"]) {
    ids.insert(std::string(m["id"]));
    EXPECT_EQ(m["role"], "rewrite");
    EXPECT_GE(double(m["share_taken"]), 0.0);
    // Each seed retells sentences of another: more than it copies.
    EXPECT_GT(double(m["share_retold"]), double(m["share_taken"]));
    EXPECT_FALSE(m["reasons"].empty());
  }
  EXPECT_EQ(ids.size(), 5u);
  ASSERT_EQ(j["pairs"].size(), 10u);
  for (const auto& p : j["pairs"]) {
    EXPECT_TRUE(p.contains("a") && p.contains("b") && p.contains("story") &&
                p.contains("cosine") && p.contains("rest_cosine") &&
                p.contains("a_in_b") && p.contains("datelines_differ"));
    // The seeds carry no datelines.
    EXPECT_EQ(p["datelines_differ"], false);
    // Without shared passages the rest is the whole text.
    if (p["passages"].empty()) {
      EXPECT_EQ(p["rest_cosine"], p["cosine"]);
    }
    EXPECT_NE(p["relation"], "copy");
    EXPECT_NE(p["relation"], "near_duplicate");
    // Rewrites carry their retold sentences, with the texts at the offsets.
    ASSERT_EQ(p["relation"], "rewrite");
    ASSERT_TRUE(p.contains("retold") && p.contains("a_retold") &&
                p.contains("b_retold"));
    const auto text = [&](const std::string& id, const nlohmann::json& span) {
      const auto doc =
          std::find_if(docs.begin(), docs.end(),
                       [&](const Document& d) { return d.id == id; });
      const size_t begin = span["begin"], end = span["end"];
      return doc->text.substr(begin, end - begin);
    };
    for (const auto& s : p["retold"]) {
      EXPECT_GE(double(s["cosine"]), 0.5);
      // The snippets collapse white space; the seeds' sentences have none
      // to collapse.
      EXPECT_EQ(text(p["a"], s["a"]), s["a_text"]);
      EXPECT_EQ(text(p["b"], s["b"]), s["b_text"]);
    }
    EXPECT_EQ(p["retold"].empty(), double(p["a_retold"]) == 0.0);
  }
  EXPECT_EQ(j["attributions"].size(), 3u);
}

TEST(StoryReportTest, PassagesCarryOffsetsIntoBothTexts) {
  std::vector<Document> docs(2);
  docs[0].id = "wire";
  docs[0].text =
      "The city council approved a new budget on Monday that raises spending "
      "on parks and public transport by four percent next year.";
  docs[1].id = "paper";
  docs[1].text =
      "Local news. The city council approved a new budget on Monday that "
      "raises spending on parks and public transport by four percent next "
      "year. Residents reacted with mixed feelings, and several speakers "
      "at the evening session asked the mayor to delay the vote until the "
      "harbour repairs are costed.";
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok());
  const nlohmann::json j = nlohmann::json::parse(StoryJson(docs, *r, {}));
  ASSERT_EQ(j["pairs"].size(), 1u);
  const auto& p = j["pairs"][0];
  EXPECT_EQ(p["relation"], "partial");
  // Retold sentences are a rewrite's: a partial copy has none of the fields.
  EXPECT_FALSE(p.contains("retold") || p.contains("a_retold") ||
               p.contains("b_retold"));
  // All of the wire text is shared: the words outside the passage agree
  // less than the whole texts do.
  EXPECT_LT(double(p["rest_cosine"]), double(p["cosine"]));
  ASSERT_EQ(p["passages"].size(), 1u);
  const auto& q = p["passages"][0];
  const size_t a0 = q["a"]["begin"], a1 = q["a"]["end"];
  const size_t b0 = q["b"]["begin"], b1 = q["b"]["end"];
  EXPECT_EQ(docs[0].text.substr(a0, a1 - a0), docs[1].text.substr(b0, b1 - b0));
  EXPECT_EQ(a0, 0u);
  EXPECT_EQ(b0, 12u);
  // The wire story is the origin: all of it is in the paper's text.
  ASSERT_EQ(j["stories"].size(), 1u);
  EXPECT_EQ(j["stories"][0]["origin"]["kind"], "document");
  EXPECT_EQ(j["stories"][0]["origin"]["id"], "wire");
}

TEST(StoryReportTest, TableNamesOriginRolesAndEvidence) {
  const std::vector<Document> docs = Seeds();
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok());
  StoryRenderOptions options;
  options.explain = true;
  std::ostringstream out;
  WriteStoryTable(docs, *r, options, out);
  const std::string table = out.str();
  EXPECT_THAT(table, HasSubstr("5 documents, 1 story (1 with more than one"));
  EXPECT_THAT(table, HasSubstr("origin   external: The Information"));
  EXPECT_THAT(table, HasSubstr("\"first reported by The Information\""));
  EXPECT_THAT(table, HasSubstr("credits The Information"));
  EXPECT_THAT(table, HasSubstr("rewrite"));
  EXPECT_THAT(table, HasSubstr("\n  retold   cosine 0."));
  std::ostringstream again;
  WriteStoryTable(docs, *r, options, again);
  EXPECT_EQ(table, again.str());
}

}  // namespace
}  // namespace neardup
