// Copyright 2026 The neardup Authors.
//
// Document fields from a parsed JSON object: the id and the metadata shared
// by JSONL documents and manifest entries.

#ifndef NEARDUP_IO_JSON_FIELDS_H_
#define NEARDUP_IO_JSON_FIELDS_H_

#include <string>

#include "simdjson.h"

#include "neardup/document.h"

namespace neardup::internal {

enum class IdField { kAbsent, kSet, kBadType };

// Reads "id" (a string or an integer) into *id. An absent, null or empty id
// is kAbsent; any other type (a fraction, a bool, an array) is kBadType.
IdField ReadId(const simdjson::dom::object& object, std::string* id);

// Sets title, outlet (or its aliases "source", "publisher"), url and
// published from `object`; a field that is absent or of the wrong type, and
// a date that does not parse, leave the member as it was.
void ReadMetadata(const simdjson::dom::object& object, Document* doc);

// simdjson's name for a JSON type, for messages: "array", "number", ...
const char* JsonTypeName(simdjson::dom::element_type type);

}  // namespace neardup::internal

#endif  // NEARDUP_IO_JSON_FIELDS_H_
