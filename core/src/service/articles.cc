// Copyright 2026 The neardup Authors.

#include "service/articles.h"

#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "simdjson.h"

#include "io/items.h"
#include "io/json_fields.h"
#include "io/text_checks.h"

namespace neardup::internal {
namespace {

// One parser per thread: a parser is not thread-safe, and reusing it keeps
// its buffers warm across requests.
simdjson::dom::parser& ThreadParser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

std::string_view TrimSpace(std::string_view s) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Fills *item from the JSON value of article `position` (1-based).
void ReadArticle(simdjson::dom::element value, int64_t position,
                 const ArticleOptions& options, ReadItem* item) {
  ResetItem(item);
  item->where.file = "body";
  item->where.line = position;
  simdjson::dom::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) {
    SetSkip(item, SkipReason::kMalformedJson,
            absl::StrCat("article ", position, " is ",
                         JsonTypeName(value.type()), ", not a JSON object"));
    return;
  }
  Document& doc = item->document;
  switch (ReadId(object, &doc.id)) {
    case IdField::kSet:
      break;
    case IdField::kAbsent:
      doc.id.clear();
      if (options.require_id) {
        SetSkip(item, SkipReason::kMalformedJson,
                absl::StrCat("article ", position,
                             " has no \"id\" (a string or an integer)"));
        return;
      }
      break;
    case IdField::kBadType:
      doc.id.clear();
      SetSkip(item, SkipReason::kMalformedJson,
              absl::StrCat("\"id\" of article ", position, " is ",
                           JsonTypeName(object["id"].value_unsafe().type()),
                           "; it must be a string or an integer"));
      return;
  }
  ReadMetadata(object, &doc);
  simdjson::dom::element text;
  std::string_view body;
  if (object["text"].get(text) != simdjson::SUCCESS) {
    SetSkip(item, SkipReason::kMissingText,
            absl::StrCat("article ", position, " has no \"text\""));
    return;
  }
  if (text.get_string().get(body) != simdjson::SUCCESS) {
    SetSkip(item, SkipReason::kMissingText,
            absl::StrCat("\"text\" of article ", position, " is ",
                         JsonTypeName(text.type()), ", not a string"));
    return;
  }
  if (!HasWordCharacter(body)) {
    SetSkip(
        item, SkipReason::kEmpty,
        absl::StrCat("\"text\" of article ", position,
                     body.empty() ? " is empty" : " has no letters or digits"));
    return;
  }
  doc.text.assign(body.data(), body.size());
}

absl::Status ParseError(simdjson::error_code error, std::string_view json,
                        const std::string& where) {
  if (error == simdjson::UTF8_ERROR) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, "invalid UTF-8 at byte ", FirstInvalidUtf8(json)));
  }
  return absl::InvalidArgumentError(
      absl::StrCat(where, "malformed JSON: ", simdjson::error_message(error)));
}

absl::Status TooMany(size_t n, size_t max) {
  return absl::ResourceExhaustedError(
      absl::StrCat("the body holds ", n, " articles or more; at most ", max,
                   " per request"));
}

// JSONL: every non-blank line is one article. `padded` holds the whole
// body, so every line is followed by readable padding.
absl::StatusOr<ArticleBatch> ParseLines(const simdjson::padded_string& padded,
                                        const ArticleOptions& options) {
  ArticleBatch batch;
  batch.shape = BodyShape::kLines;
  simdjson::dom::parser& parser = ThreadParser();
  const std::string_view all(padded.data(), padded.size());
  size_t begin = 0;
  int64_t line_number = 0;
  while (begin < all.size()) {
    size_t end = all.find('\n', begin);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlankLine(line)) continue;
    if (batch.items.size() >= options.max_articles) {
      return TooMany(batch.items.size() + 1, options.max_articles);
    }
    ReadItem& item = batch.items.emplace_back();
    simdjson::dom::element root;
    const simdjson::error_code error =
        parser.parse(line.data(), line.size(), /*realloc_if_needed=*/false)
            .get(root);
    if (error != simdjson::SUCCESS) {
      ResetItem(&item);
      item.where.file = "body";
      item.where.line = line_number;
      const absl::Status status =
          ParseError(error, line, absl::StrCat("line ", line_number, ": "));
      SetSkip(&item,
              error == simdjson::UTF8_ERROR ? SkipReason::kNotUtf8
                                            : SkipReason::kMalformedJson,
              std::string(status.message()));
      continue;
    }
    ReadArticle(root, line_number, options, &item);
  }
  if (batch.items.empty()) {
    return absl::InvalidArgumentError("the body holds no article");
  }
  return batch;
}

int CountNonBlankLines(std::string_view s, int stop_at) {
  int n = 0;
  size_t begin = 0;
  while (begin <= s.size() && n < stop_at) {
    size_t end = s.find('\n', begin);
    if (end == std::string_view::npos) end = s.size();
    if (!IsBlankLine(s.substr(begin, end - begin))) ++n;
    begin = end + 1;
  }
  return n;
}

}  // namespace

absl::StatusOr<ArticleBatch> ParseArticles(std::string_view body,
                                           const ArticleOptions& options) {
  const std::string_view json = TrimSpace(StripBom(body));
  if (json.empty()) {
    return absl::InvalidArgumentError(
        "empty body: send a JSON object {\"id\", \"text\", ...}, an array of "
        "them, or JSONL");
  }
  const simdjson::padded_string padded(json);
  if (options.force_lines) return ParseLines(padded, options);
  simdjson::dom::parser& parser = ThreadParser();
  simdjson::dom::element root;
  const simdjson::error_code error = parser.parse(padded).get(root);
  if (error != simdjson::SUCCESS) {
    // Several lines that are not one JSON document: JSONL.
    if (error != simdjson::UTF8_ERROR && CountNonBlankLines(json, 2) >= 2) {
      return ParseLines(padded, options);
    }
    return ParseError(error, json, std::string());
  }
  ArticleBatch batch;
  simdjson::dom::array array;
  if (root.get_array().get(array) == simdjson::SUCCESS) {
    batch.shape = BodyShape::kArray;
    if (array.size() > options.max_articles) {
      return TooMany(array.size(), options.max_articles);
    }
    if (array.size() == 0) {
      return absl::InvalidArgumentError("the body is an empty array");
    }
    batch.items.resize(array.size());
    int64_t position = 0;
    for (simdjson::dom::element value : array) {
      ReadArticle(value, position + 1, options, &batch.items[position]);
      ++position;
    }
    return batch;
  }
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return absl::InvalidArgumentError(
        absl::StrCat("the body is ", JsonTypeName(root.type()),
                     "; send a JSON object, an array of objects, or JSONL"));
  }
  batch.shape = BodyShape::kObject;
  ReadArticle(root, 1, options, &batch.items.emplace_back());
  return batch;
}

}  // namespace neardup::internal
