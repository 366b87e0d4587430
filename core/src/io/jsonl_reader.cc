// Copyright 2026 The neardup Authors.

#include "io/jsonl_reader.h"

#include <optional>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "simdjson.h"

#include "io/items.h"
#include "io/json_fields.h"
#include "io/text_checks.h"

namespace neardup::internal {
namespace {

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING,
              "LineReader must leave simdjson's padding after every line");

}  // namespace

struct JsonlReader::Impl {
  explicit Impl(int64_t max) : max_doc_bytes(max) {}

  bool Next(ReadItem* item);
  // Fills *item from one non-blank line.
  void ParseLine(std::string_view line, int64_t number, ReadItem* item);
  // Starts *item for line `number`, with the synthesised id.
  void BeginItem(int64_t number, ReadItem* item) const {
    ResetItem(item);
    item->where.file = file;
    item->where.line = number;
    absl::StrAppend(&item->document.id, file, ":", number);
  }

  const int64_t max_doc_bytes;
  simdjson::dom::parser parser;
  ByteSource* source = nullptr;
  std::optional<LineReader> lines;
  std::string file;
  std::string id_scratch;
  int64_t last_line = 0;
  int64_t items = 0;
  bool sniffed = false;
  bool done = true;
};

JsonlReader::JsonlReader(int64_t max_doc_bytes)
    : impl_(std::make_unique<Impl>(max_doc_bytes)) {}

JsonlReader::~JsonlReader() = default;

void JsonlReader::Start(ByteSource* source, std::string file) {
  Impl& s = *impl_;
  s.source = source;
  if (s.lines.has_value()) {
    s.lines->Reset(source);  // Keeps the line buffer from file to file.
  } else {
    s.lines.emplace(source, s.max_doc_bytes);
  }
  s.file = std::move(file);
  s.last_line = 0;
  s.items = 0;
  s.sniffed = false;
  s.done = false;
}

bool JsonlReader::Next(ReadItem* item) {
  if (!impl_->Next(item)) return false;
  ++impl_->items;
  return true;
}

int64_t JsonlReader::items() const { return impl_->items; }

bool JsonlReader::Impl::Next(ReadItem* item) {
  if (done) return false;
  if (!sniffed) {
    sniffed = true;
    // A file is binary (gzip, UTF-16, an image) when its first line already
    // looks binary. A NUL further on is one bad line, skipped by ParseLine():
    // one stray byte must not lose the file's other documents.
    const std::string_view head = lines->Peek(kBinarySniffBytes);
    const std::string binary = BinaryReason(head.substr(0, head.find('\n')));
    if (!binary.empty()) {
      done = true;
      *item = InputItem(file, SkipReason::kBinary,
                        absl::StrCat("looks binary: ", binary));
      return true;
    }
  }
  for (;;) {
    LineReader::Line line;
    switch (lines->Next(&line)) {
      case LineReader::Result::kEnd:
        done = true;
        return false;
      case LineReader::Result::kError:
        done = true;
        BeginItem(last_line + 1, item);
        SetSkip(item, SkipReason::kUnreadable,
                absl::StrCat("read error: ", source->error()));
        return true;
      case LineReader::Result::kTooLong:
        last_line = line.number;
        BeginItem(line.number, item);
        SetSkip(
            item, SkipReason::kTooLarge,
            absl::StrCat("line of ", line.bytes, " bytes, over the limit of ",
                         max_doc_bytes, " bytes"));
        return true;
      case LineReader::Result::kLine:
        last_line = line.number;
        if (IsBlankLine(line.text)) continue;
        ParseLine(line.text, line.number, item);
        return true;
    }
  }
}

void JsonlReader::Impl::ParseLine(std::string_view line, int64_t number,
                                  ReadItem* item) {
  BeginItem(number, item);
  if (const size_t nul = line.find('\0'); nul != std::string_view::npos) {
    SetSkip(item, SkipReason::kBinary,
            absl::StrCat("raw NUL byte at byte ", nul,
                         " of the line (JSON escapes it as \\u0000)"));
    return;
  }
  const std::string_view json = StripBom(line);
  const size_t bom = line.size() - json.size();
  // The line sits in LineReader's buffer with padding after it: no copy.
  simdjson::dom::element root;
  const simdjson::error_code error =
      parser.parse(json.data(), json.size(), /*realloc_if_needed=*/false)
          .get(root);
  if (error == simdjson::UTF8_ERROR) {
    SetSkip(item, SkipReason::kNotUtf8,
            absl::StrCat("invalid UTF-8 at byte ", bom + FirstInvalidUtf8(json),
                         " of the line"));
    return;
  }
  if (error != simdjson::SUCCESS) {
    SetSkip(item, SkipReason::kMalformedJson,
            absl::StrCat("malformed JSON: ", simdjson::error_message(error)));
    return;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    SetSkip(item, SkipReason::kMalformedJson,
            absl::StrCat("the line is ", JsonTypeName(root.type()),
                         ", not a JSON object"));
    return;
  }
  Document& doc = item->document;
  switch (ReadId(object, &id_scratch)) {
    case IdField::kSet:
      doc.id.swap(id_scratch);
      break;
    case IdField::kAbsent:
      break;  // Keeps the synthesised "<file>:<line>".
    case IdField::kBadType:
      SetSkip(item, SkipReason::kMalformedJson,
              absl::StrCat("\"id\" is ",
                           JsonTypeName(object["id"].value_unsafe().type()),
                           "; it must be a string or an integer"));
      return;
  }
  ReadMetadata(object, &doc);
  simdjson::dom::element text;
  if (object["text"].get(text) != simdjson::SUCCESS) {
    SetSkip(item, SkipReason::kMissingText, "no \"text\" field");
    return;
  }
  std::string_view body;
  if (text.get_string().get(body) != simdjson::SUCCESS) {
    SetSkip(item, SkipReason::kMissingText,
            absl::StrCat("\"text\" is ", JsonTypeName(text.type()),
                         ", not a string"));
    return;
  }
  if (!HasWordCharacter(body)) {
    SetSkip(item, SkipReason::kEmpty,
            body.empty() ? "\"text\" is empty"
                         : "\"text\" has no letters or digits");
    return;
  }
  doc.text.assign(body.data(), body.size());
}

}  // namespace neardup::internal
