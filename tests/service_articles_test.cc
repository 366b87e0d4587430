// Copyright 2026 The neardup Authors.
//
// Request bodies into articles: one object, an array, JSONL; every bad
// article a skip with a reason; bodies that are not JSON an error.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "service/articles.h"

namespace neardup::internal {
namespace {

using ::testing::HasSubstr;

TEST(ServiceArticlesTest, OneObjectWithMetadata) {
  absl::StatusOr<ArticleBatch> batch = ParseArticles(
      R"({"id": "a1", "text": "Storm hits coast", "title": "Storm",
          "outlet": "Wire", "url": "https://x/a1",
          "published": "2025-11-03T10:15:00Z"})",
      ArticleOptions());
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_EQ(batch->shape, BodyShape::kObject);
  ASSERT_EQ(batch->items.size(), 1u);
  const ReadItem& item = batch->items[0];
  EXPECT_FALSE(item.skipped());
  EXPECT_EQ(item.document.id, "a1");
  EXPECT_EQ(item.document.text, "Storm hits coast");
  EXPECT_EQ(item.document.title, "Storm");
  EXPECT_EQ(item.document.outlet, "Wire");
  EXPECT_EQ(item.document.url, "https://x/a1");
  ASSERT_TRUE(item.document.published.has_value());
  EXPECT_EQ(*item.document.published, 1762164900);
}

TEST(ServiceArticlesTest, IntegerIdAndBom) {
  absl::StatusOr<ArticleBatch> batch = ParseArticles(
      "\xEF\xBB\xBF {\"id\": 42, \"text\": \"x y\"}\n", ArticleOptions());
  ASSERT_TRUE(batch.ok()) << batch.status();
  ASSERT_EQ(batch->items.size(), 1u);
  EXPECT_EQ(batch->items[0].document.id, "42");
}

TEST(ServiceArticlesTest, ArrayKeepsOrderAndMarksBadArticles) {
  absl::StatusOr<ArticleBatch> batch = ParseArticles(
      R"([{"id": "a", "text": "one two"}, 7, {"id": "c"},
          {"id": "d", "text": 5}, {"id": "e", "text": " ... "},
          {"text": "no id"}, {"id": [1], "text": "bad id"},
          {"id": "h", "text": "fine"}])",
      ArticleOptions());
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_EQ(batch->shape, BodyShape::kArray);
  ASSERT_EQ(batch->items.size(), 8u);
  const auto& items = batch->items;
  EXPECT_FALSE(items[0].skipped());
  EXPECT_EQ(items[1].skip.reason, SkipReason::kMalformedJson);
  EXPECT_THAT(items[1].skip.detail, HasSubstr("not a JSON object"));
  EXPECT_EQ(items[2].skip.reason, SkipReason::kMissingText);
  EXPECT_EQ(items[2].document.id, "c");
  EXPECT_EQ(items[3].skip.reason, SkipReason::kMissingText);
  EXPECT_THAT(items[3].skip.detail, HasSubstr("not a string"));
  EXPECT_EQ(items[4].skip.reason, SkipReason::kEmpty);
  EXPECT_EQ(items[5].skip.reason, SkipReason::kMalformedJson);
  EXPECT_THAT(items[5].skip.detail, HasSubstr("no \"id\""));
  EXPECT_EQ(items[6].skip.reason, SkipReason::kMalformedJson);
  EXPECT_THAT(items[6].skip.detail, HasSubstr("must be a string"));
  EXPECT_FALSE(items[7].skipped());
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].where.line, static_cast<int64_t>(i + 1));
    if (items[i].skipped()) {
      EXPECT_TRUE(items[i].document.text.empty());
    }
  }
}

TEST(ServiceArticlesTest, IdOptionalForQueries) {
  ArticleOptions options;
  options.require_id = false;
  absl::StatusOr<ArticleBatch> batch =
      ParseArticles(R"({"text": "no id here"})", options);
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_FALSE(batch->items[0].skipped());
  EXPECT_EQ(batch->items[0].document.id, "");
}

TEST(ServiceArticlesTest, JsonLinesWithABadLine) {
  absl::StatusOr<ArticleBatch> batch = ParseArticles(
      "{\"id\": \"a\", \"text\": \"one\"}\r\n\n"
      "{\"id\": \"b\", \"text\": \n"
      "{\"id\": \"c\", \"text\": \"three\"}",
      ArticleOptions());
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_EQ(batch->shape, BodyShape::kLines);
  ASSERT_EQ(batch->items.size(), 3u);
  EXPECT_EQ(batch->items[0].document.id, "a");
  EXPECT_EQ(batch->items[0].where.line, 1);
  EXPECT_EQ(batch->items[1].skip.reason, SkipReason::kMalformedJson);
  EXPECT_THAT(batch->items[1].skip.detail, HasSubstr("line 3"));
  EXPECT_EQ(batch->items[2].document.id, "c");
  EXPECT_EQ(batch->items[2].where.line, 4);
}

TEST(ServiceArticlesTest, PrettyPrintedObjectIsOneArticle) {
  absl::StatusOr<ArticleBatch> batch = ParseArticles(
      "{\n  \"id\": \"a\",\n  \"text\": \"one\"\n}\n", ArticleOptions());
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_EQ(batch->shape, BodyShape::kObject);
  EXPECT_EQ(batch->items.size(), 1u);
}

TEST(ServiceArticlesTest, ForcedLinesAnswerAsLines) {
  ArticleOptions options;
  options.force_lines = true;
  absl::StatusOr<ArticleBatch> batch =
      ParseArticles(R"({"id": "a", "text": "one"})", options);
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_EQ(batch->shape, BodyShape::kLines);
  EXPECT_EQ(batch->items.size(), 1u);
}

TEST(ServiceArticlesTest, BodiesThatAreNotArticles) {
  const ArticleOptions options;
  for (const char* body : {"", "  \n ", "{\"id\": ", "42", "\"text\"", "[]",
                           "nul", "\xFF\xFE{}"}) {
    absl::StatusOr<ArticleBatch> batch = ParseArticles(body, options);
    EXPECT_EQ(batch.status().code(), absl::StatusCode::kInvalidArgument)
        << "body: " << body;
    EXPECT_FALSE(batch.status().message().empty());
  }
  EXPECT_THAT(ParseArticles("{\"id\": \"a\", \"text\": \"\xC3\x28\"}", options)
                  .status()
                  .message(),
              HasSubstr("UTF-8"));
}

TEST(ServiceArticlesTest, TooManyArticles) {
  ArticleOptions options;
  options.max_articles = 2;
  EXPECT_EQ(ParseArticles(R"([{"id":1,"text":"a"},{"id":2,"text":"b"},
                              {"id":3,"text":"c"}])",
                          options)
                .status()
                .code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(ParseArticles("{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":"
                          "\"b\"}\n{\"id\":3,\"text\":\"c\"}\n",
                          options)
                .status()
                .code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(
      ParseArticles(R"([{"id":1,"text":"a"},{"id":2,"text":"b"}])", options)
          .ok());
}

}  // namespace
}  // namespace neardup::internal
