// Copyright 2026 The neardup Authors.
//
// The postings' size hint (IndexOpenOptions::expected_additions): it
// reserves memory up front, on Create() and on Open(), and changes no
// verdict, whether it is exact, too high or too low; it is ignored by a
// read-only index and under a memory budget (whose refusals stay those of
// an index without it). EstimateJsonlDocuments() counts input lines.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/index.h"

#include "english_text.h"
#include "test_documents.h"
#include "test_paths.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

std::string TempPath(const std::string& name) {
  return testing::FreshTempPath("hint_" + name);
}

// Originals with copies, edits and cuts, interleaved, as a stream.
std::vector<Document> Stream(int originals, int words, int seed) {
  return testing::ReuseStream(originals, words, seed, "h", 4);
}

// Verdicts as JSON, in batches of `batch`, from docs[from, to).
std::vector<std::string> IngestRange(StreamIndex& index,
                                     const std::vector<Document>& docs,
                                     size_t from, size_t to, size_t batch) {
  std::vector<std::string> out;
  for (size_t at = from; at < to; at += batch) {
    const size_t n = std::min(batch, to - at);
    absl::StatusOr<std::vector<IndexVerdict>> v =
        index.Ingest(absl::MakeConstSpan(docs).subspan(at, n));
    EXPECT_TRUE(v.ok()) << v.status();
    if (!v.ok()) return out;
    for (const IndexVerdict& x : *v) out.push_back(VerdictToJson(x));
  }
  return out;
}

uint64_t MemoryBytes(const StreamIndex& index) {
  absl::StatusOr<IndexStats> s = index.Stats();
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? s->memory_bytes : 0;
}

TEST(IndexHintTest, VerdictsDoNotDependOnTheHint) {
  const std::vector<Document> docs = Stream(90, 250, 5);
  const size_t half = docs.size() / 2;
  std::vector<std::string> reference;
  uint64_t unhinted_bytes = 0;
  // 0: none; exact; 20x too many; a quarter of them.
  for (const uint64_t hint :
       {uint64_t{0}, uint64_t{docs.size()}, uint64_t{20 * docs.size()},
        uint64_t{docs.size() / 4}}) {
    SCOPED_TRACE(hint);
    IndexOpenOptions open;
    open.sync = false;
    open.expected_additions = hint;
    const std::string dir = TempPath("v" + std::to_string(hint));
    std::vector<std::string> got;
    {
      absl::StatusOr<std::unique_ptr<StreamIndex>> index =
          StreamIndex::Create(dir, IndexOptions(), open);
      ASSERT_TRUE(index.ok()) << index.status();
      // Create() reserved room for the hint, before any document.
      const uint64_t empty = MemoryBytes(**index);
      if (hint == 0) {
        unhinted_bytes = empty;
      } else {
        EXPECT_GT(empty, unhinted_bytes);
      }
      got = IngestRange(**index, docs, 0, half, 7);
      ASSERT_TRUE((*index)->Close().ok());
    }
    // Reopened with the same hint for the rest (Open() reserves too).
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Open(dir, open);
    ASSERT_TRUE(index.ok()) << index.status();
    const std::vector<std::string> rest =
        IngestRange(**index, docs, half, docs.size(), 7);
    got.insert(got.end(), rest.begin(), rest.end());
    ASSERT_EQ(got.size(), docs.size());
    // Queries of the full index agree too.
    for (size_t i = 0; i < docs.size(); i += 17) {
      absl::StatusOr<IndexVerdict> q = (*index)->Query(docs[i]);
      ASSERT_TRUE(q.ok()) << q.status();
      got.push_back(VerdictToJson(*q));
    }
    if (hint == 0) {
      reference = got;
      // The stream has stories with several members: the comparison means
      // something.
      size_t matched = 0;
      for (const std::string& v : reference) {
        matched += v.find("\"matches\":[]") == std::string::npos;
      }
      EXPECT_GT(matched, docs.size() / 4);
    } else {
      EXPECT_EQ(got, reference);
    }
    ASSERT_TRUE((*index)->Close().ok());
    fs::remove_all(dir);
  }
}

TEST(IndexHintTest, OpenReservesForIndexedPlusExpected) {
  const std::vector<Document> docs = Stream(30, 200, 9);
  const std::string dir = TempPath("open");
  IndexOpenOptions open;
  open.sync = false;
  {
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Create(dir, IndexOptions(), open);
    ASSERT_TRUE(index.ok()) << index.status();
    IngestRange(**index, docs, 0, docs.size(), 50);
    ASSERT_TRUE((*index)->Close().ok());
  }
  auto bytes_with = [&](uint64_t hint, bool read_only) -> uint64_t {
    IndexOpenOptions o = open;
    o.expected_additions = hint;
    o.read_only = read_only;
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Open(dir, o);
    EXPECT_TRUE(index.ok()) << index.status();
    if (!index.ok()) return 0;
    const uint64_t b = MemoryBytes(**index);
    EXPECT_TRUE((*index)->Close().ok());
    return b;
  };
  const uint64_t none = bytes_with(0, false);
  const uint64_t hinted = bytes_with(100000, false);
  // 100,000 documents at ~50 keys of 17 bytes: over 80 MB more.
  EXPECT_GT(hinted, none + (uint64_t{80} << 20));
  // A read-only index takes no documents: the hint is ignored.
  EXPECT_EQ(bytes_with(100000, true), bytes_with(0, true));
  fs::remove_all(dir);
}

TEST(IndexHintTest, IgnoredUnderAMemoryBudget) {
  const std::vector<Document> docs = Stream(80, 300, 31);
  IndexOpenOptions open;
  open.sync = false;
  // The budget: a third of what the whole stream takes without one.
  {
    const std::string dir = TempPath("budget_ref");
    absl::StatusOr<std::unique_ptr<StreamIndex>> ref =
        StreamIndex::Create(dir, IndexOptions(), open);
    ASSERT_TRUE(ref.ok()) << ref.status();
    IngestRange(**ref, docs, 0, docs.size(), 16);
    open.memory_budget = MemoryBytes(**ref) / 3;
    ASSERT_TRUE((*ref)->Close().ok());
    fs::remove_all(dir);
  }
  std::vector<std::string> reference;
  uint64_t reference_bytes = 0;
  for (const uint64_t hint : {uint64_t{0}, uint64_t{10 * docs.size()}}) {
    SCOPED_TRACE(hint);
    open.expected_additions = hint;
    const std::string dir = TempPath("budget" + std::to_string(hint));
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Create(dir, IndexOptions(), open);
    ASSERT_TRUE(index.ok()) << index.status();
    const uint64_t empty = MemoryBytes(**index);
    const std::vector<std::string> got =
        IngestRange(**index, docs, 0, docs.size(), 16);
    ASSERT_EQ(got.size(), docs.size());
    if (hint == 0) {
      reference = got;
      reference_bytes = empty;
      // Some documents were refused: the budget bites.
      EXPECT_NE(got.back().find("over_limit"), std::string::npos);
    } else {
      EXPECT_EQ(empty, reference_bytes);
      EXPECT_EQ(got, reference);
    }
    ASSERT_TRUE((*index)->Close().ok());
    fs::remove_all(dir);
  }
}

TEST(IndexHintTest, EstimateJsonlDocuments) {
  const std::string dir = TempPath("estimate");
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& bytes) {
    const std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  };
  const std::string three = write("three.jsonl", "{\"a\":1}\n{}\n{}\n");
  const std::string no_newline = write("two.jsonl", "{}\n{\"id\":\"x\"}");
  const std::string empty = write("empty.jsonl", "");
  // 3 MiB of 40,000 equal lines (~79 bytes each): only 1 MiB is read.
  std::string big;
  std::string line(78, 'x');
  line += '\n';
  for (int i = 0; i < 40000; ++i) big += line;
  const std::string large = write("large.jsonl", big);

  EXPECT_EQ(EstimateJsonlDocuments({three}), 3u);
  EXPECT_EQ(EstimateJsonlDocuments({no_newline}), 2u);
  EXPECT_EQ(EstimateJsonlDocuments({empty}), 0u);
  EXPECT_EQ(EstimateJsonlDocuments({large}), 40000u);
  // Standard input, a directory, a missing file: unknown, 0.
  EXPECT_EQ(EstimateJsonlDocuments({"-", dir, dir + "/missing"}), 0u);
  EXPECT_EQ(EstimateJsonlDocuments({three, "-", no_newline, large}), 40005u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace neardup
