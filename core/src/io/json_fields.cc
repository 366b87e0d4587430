// Copyright 2026 The neardup Authors.

#include "io/json_fields.h"

#include <cstdint>
#include <string_view>

#include "absl/strings/str_cat.h"

#include "io/text_checks.h"

namespace neardup::internal {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// The string value of `key`, when present and a string.
bool GetString(const simdjson::dom::object& object, std::string_view key,
               std::string_view* out) {
  element value;
  if (object[key].get(value) != simdjson::SUCCESS) return false;
  return value.get_string().get(*out) == simdjson::SUCCESS;
}

}  // namespace

IdField ReadId(const simdjson::dom::object& object, std::string* id) {
  element value;
  if (object["id"].get(value) != simdjson::SUCCESS) return IdField::kAbsent;
  id->clear();
  switch (value.type()) {
    case element_type::STRING: {
      const std::string_view s = value.get_string().value_unsafe();
      if (s.empty()) return IdField::kAbsent;
      id->assign(s.data(), s.size());
      return IdField::kSet;
    }
    case element_type::INT64:
      absl::StrAppend(id, value.get_int64().value_unsafe());
      return IdField::kSet;
    case element_type::UINT64:
      absl::StrAppend(id, value.get_uint64().value_unsafe());
      return IdField::kSet;
    case element_type::NULL_VALUE:
      return IdField::kAbsent;
    default:
      return IdField::kBadType;
  }
}

void ReadMetadata(const simdjson::dom::object& object, Document* doc) {
  std::string_view s;
  if (GetString(object, "title", &s)) doc->title.assign(s.data(), s.size());
  if (GetString(object, "outlet", &s) || GetString(object, "source", &s) ||
      GetString(object, "publisher", &s)) {
    doc->outlet.assign(s.data(), s.size());
  }
  if (GetString(object, "url", &s)) doc->url.assign(s.data(), s.size());
  element published;
  if (object["published"].get(published) != simdjson::SUCCESS) return;
  std::optional<int64_t> seconds;
  switch (published.type()) {
    case element_type::STRING:
      seconds = ParsePublished(published.get_string().value_unsafe());
      break;
    case element_type::INT64:
      seconds = PublishedFromNumber(
          static_cast<double>(published.get_int64().value_unsafe()));
      break;
    case element_type::UINT64:
      seconds = PublishedFromNumber(
          static_cast<double>(published.get_uint64().value_unsafe()));
      break;
    case element_type::DOUBLE:
      seconds = PublishedFromNumber(published.get_double().value_unsafe());
      break;
    default:
      break;
  }
  if (seconds.has_value()) doc->published = seconds;
}

const char* JsonTypeName(element_type type) {
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a JSON value";
}

}  // namespace neardup::internal
