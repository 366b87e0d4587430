// Copyright 2026 The neardup Authors.
//
// Fuzzes opening a damaged index file: StreamIndex::Open() on a small valid
// index (built once per run) whose data.mdb the input edits, then a query,
// a story lookup, the statistics, one ingest and a delete on whatever
// opened. The input is a list of edits (see ApplyEdits); LMDB's meta pages
// sit at the start of the file, the B-tree pages after them, so edits reach
// both. Contract: Open() and every later call either succeed or fail with a
// status (DataLoss for a damaged file); the process never crashes (ASan and
// UBSan watch the library, LMDB included as far as it is instrumented).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

#include "neardup/index.h"
#include "neardup/io.h"

#include "test_paths.h"

namespace {

namespace fs = std::filesystem;

std::string Text(int topic, int variant) {
  static const char* const kWords[] = {
      "council",  "budget", "river",    "bridge", "vote",     "market",
      "shares",   "profit", "chips",    "server", "contract", "talks",
      "minister", "school", "teachers", "strike", "weather",  "storm"};
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += kWords[(topic * 7 + i * (i % 5 + 1)) % 18];
    text += (i == variant) ? " extra " : " ";
  }
  return text + "Reuters reported on Monday.";
}

neardup::Document Doc(std::string id, std::string text) {
  neardup::Document doc;
  doc.id = std::move(id);
  doc.text = std::move(text);
  return doc;
}

struct Base {
  fs::path dir;
  std::string bytes;  // data.mdb of a valid index with a few stories.
};

const Base& GetBase() {
  static const Base* const base = [] {
    auto* b = new Base;
    b->dir = neardup::testing::FreshTempPath("index_open_fuzzer");
    const fs::path source = b->dir / "source";
    neardup::IndexOptions options;
    options.max_bytes = uint64_t{8} << 20;
    neardup::IndexOpenOptions open;
    open.sync = false;
    auto index = neardup::StreamIndex::Create(source.string(), options, open);
    if (!index.ok()) std::abort();
    std::vector<neardup::Document> docs;
    for (int topic = 0; topic < 4; ++topic) {
      for (int variant = 0; variant < 3; ++variant) {
        docs.push_back(
            Doc("t" + std::to_string(topic) + "v" + std::to_string(variant),
                Text(topic, variant)));
      }
    }
    if (!(*index)->Ingest(docs).ok()) std::abort();
    if (!(*index)->Delete("t1v2").ok()) std::abort();
    if (!(*index)->Close().ok()) std::abort();
    std::ifstream in(source / "data.mdb", std::ios::binary);
    b->bytes.assign(std::istreambuf_iterator<char>(in),
                    std::istreambuf_iterator<char>());
    if (b->bytes.empty()) std::abort();
    return b;
  }();
  return *base;
}

// Input: byte 0 bit 0 set: truncate the file to (byte 1 / 256) of its size
// first. Then 4-byte edits: a 24-bit little-endian offset (modulo the file
// size) and a byte XORed in there.
std::string ApplyEdits(std::string file, const uint8_t* data, size_t size) {
  if (size >= 2 && (data[0] & 1) != 0) {
    file.resize(file.size() * data[1] / 256);
  }
  if (file.empty()) return file;
  for (size_t i = 2; i + 4 <= size; i += 4) {
    const size_t offset =
        (data[i] | (size_t{data[i + 1]} << 8) | (size_t{data[i + 2]} << 16)) %
        file.size();
    file[offset] = static_cast<char>(file[offset] ^ data[i + 3]);
  }
  return file;
}

// A status from a damaged file: never Unknown, never OK with garbage.
void CheckError(const absl::Status& status) {
  if (status.ok()) return;
  switch (status.code()) {
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kInternal:
      return;
    default:
      __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Base& base = GetBase();
  const fs::path dir = base.dir / "damaged";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    const std::string file = ApplyEdits(base.bytes, data, size);
    std::ofstream out(dir / "data.mdb", std::ios::binary);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
  }
  neardup::IndexOpenOptions open;
  open.sync = false;
  absl::StatusOr<std::unique_ptr<neardup::StreamIndex>> index =
      neardup::StreamIndex::Open(dir.string(), open);
  if (!index.ok()) {
    CheckError(index.status());
    return 0;
  }
  neardup::StreamIndex& ix = **index;
  const absl::StatusOr<neardup::IndexVerdict> query =
      ix.Query(Doc("q", Text(2, 1)));
  CheckError(query.status());
  if (query.ok() && query->story != 0) {
    CheckError(ix.GetStory(query->story).status());
  }
  CheckError(ix.GetStory(1).status());
  CheckError(ix.Stats().status());
  const std::vector<neardup::Document> more = {Doc("new", Text(3, 5))};
  CheckError(ix.Ingest(more).status());
  CheckError(ix.Delete("t0v0"));
  CheckError(ix.Close());
  return 0;
}
