// Copyright 2026 The neardup Authors.
//
// Articles from an HTTP request body: one JSON object, a JSON array of
// objects, or JSONL (one object per line). Each article is read like a line
// of a JSONL input file (io.h): "id" (string or integer), "text", "title",
// "outlet" (or "source", "publisher"), "url", "published".

#ifndef NEARDUP_SERVICE_ARTICLES_H_
#define NEARDUP_SERVICE_ARTICLES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

#include "neardup/io.h"

namespace neardup::internal {

enum class BodyShape {
  kObject,  // One JSON object: answered with one JSON object.
  kArray,   // A JSON array: answered with a JSON array.
  kLines,   // JSONL: answered with JSONL.
};

struct ArticleBatch {
  BodyShape shape = BodyShape::kObject;
  // One item per article, in order. A bad article (not an object, no
  // string "text", no words, bad id type, no id when one is required) is an
  // item with a skip reason and a message; where.line is its 1-based
  // position (element of the array, or line of the body).
  std::vector<ReadItem> items;
};

struct ArticleOptions {
  bool require_id = true;    // Without an id: kMalformedJson.
  bool force_lines = false;  // Read as JSONL even if it is one object.
  size_t max_articles = 10000;
};

// Reads the articles of `body`. Errors: InvalidArgument when the body is
// not JSON (with simdjson's message and, for JSONL, the line), empty, or a
// scalar; ResourceExhausted when it holds more than max_articles. Thread-
// safe (one simdjson parser per thread); copies `body` once for padding.
[[nodiscard]] absl::StatusOr<ArticleBatch> ParseArticles(
    std::string_view body, const ArticleOptions& options);

}  // namespace neardup::internal

#endif  // NEARDUP_SERVICE_ARTICLES_H_
