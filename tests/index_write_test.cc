// Copyright 2026 The neardup Authors.
//
// Writes to the streaming index: verdicts do not depend on the number of
// sketching threads, and a write that fails leaves no trace (its documents'
// candidate postings are taken out again, so later verdicts are those of an
// index that never saw it).

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/index.h"

#include "english_text.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

std::string TempIndexDir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("neardup_write_" + name + std::to_string(getpid()));
  fs::remove_all(dir);
  return dir.string();
}

// Originals with copies, edits and cuts, interleaved, as a stream.
std::vector<Document> Stream(int originals, int words, int seed) {
  std::vector<Document> docs;
  for (int b = 0; b < originals; ++b) {
    const std::string text = testing::GenerateEnglishText(words, seed + b);
    auto add = [&](const std::string& suffix, std::string t) {
      Document d;
      d.id = "s" + std::to_string(seed) + "-" + std::to_string(b) + suffix;
      d.text = std::move(t);
      docs.push_back(std::move(d));
    };
    add("", text);
    if (b % 3 >= 1) add("-copy", text);
    if (b % 3 == 2) add("-edit", testing::PerturbText(text, 0.01, b));
    if (b % 4 == 3) add("-cut", text.substr(0, text.size() * 2 / 3));
  }
  std::vector<Document> mixed;
  for (size_t stride = 0; stride < 5; ++stride) {
    for (size_t i = stride; i < docs.size(); i += 5) mixed.push_back(docs[i]);
  }
  return mixed;
}

std::vector<std::string> IngestAll(StreamIndex& index,
                                   const std::vector<Document>& docs,
                                   size_t batch) {
  std::vector<std::string> out;
  for (size_t at = 0; at < docs.size(); at += batch) {
    const size_t n = std::min(batch, docs.size() - at);
    absl::StatusOr<std::vector<IndexVerdict>> v =
        index.Ingest(absl::MakeConstSpan(docs).subspan(at, n));
    EXPECT_TRUE(v.ok()) << v.status();
    if (!v.ok()) return out;
    for (const IndexVerdict& x : *v) out.push_back(VerdictToJson(x));
  }
  return out;
}

TEST(IndexWriteTest, VerdictsDoNotDependOnThreads) {
  const std::vector<Document> docs = Stream(60, 300, 11);
  std::vector<std::string> first;
  for (int threads : {1, 2, 3, 8}) {
    IndexOpenOptions open;
    open.threads = threads;
    open.sync = false;
    const std::string dir = TempIndexDir("t" + std::to_string(threads));
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Create(dir, IndexOptions(), open);
    ASSERT_TRUE(index.ok()) << index.status();
    const std::vector<std::string> verdicts = IngestAll(**index, docs, 23);
    ASSERT_EQ(verdicts.size(), docs.size());
    if (threads == 1) {
      first = verdicts;
      // Not trivially identical: some documents joined others' stories.
      int joined = 0;
      for (const std::string& v : verdicts) {
        joined += v.find("\"matches\":[{") != std::string::npos;
      }
      EXPECT_GT(joined, 20);
    } else {
      EXPECT_EQ(verdicts, first) << threads << " threads";
    }
    ASSERT_TRUE((*index)->Close().ok());
    fs::remove_all(dir);
  }
}

TEST(IndexWriteTest, FailedWriteLeavesNoCandidates) {
  IndexOptions small;
  small.max_bytes = uint64_t{1} << 20;  // The smallest map: fills up soon.
  // One candidate per key: a stale posting ahead of a real one would hide
  // it and change the verdicts.
  small.dedup.max_pairs_per_doc = 1;
  IndexOpenOptions open;
  open.sync = false;
  const std::vector<Document> before = Stream(10, 300, 21);
  const std::vector<Document> after = Stream(10, 300, 41);
  // More documents than the map holds, starting with copies of `after`'s
  // (which must not be found once the write failed) that take the document
  // numbers `after` will get, shifted.
  std::vector<Document> big;
  const std::string long_text = testing::GenerateEnglishText(2500 * 150, 61);
  for (size_t i = 0; i + 150 <= long_text.size(); i += 150) {
    Document d;
    d.id = "big-" + std::to_string(i);
    d.text = long_text.substr(i, 150);
    big.push_back(std::move(d));
  }
  for (size_t i = 0; i < 40; ++i) {
    Document copy = after[(i + 3) % after.size()];
    copy.id = "big-copy-" + std::to_string(i);
    big.insert(big.begin() + static_cast<std::ptrdiff_t>(i), copy);
  }

  const std::string dir = TempIndexDir("full");
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Create(dir, small, open);
  ASSERT_TRUE(index.ok()) << index.status();
  const std::vector<std::string> v_before = IngestAll(**index, before, 7);
  absl::StatusOr<std::vector<IndexVerdict>> failed = (*index)->Ingest(big);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kResourceExhausted)
      << failed.status();
  const std::vector<std::string> v_after = IngestAll(**index, after, 7);

  // The same stream without the failed write.
  const std::string ref_dir = TempIndexDir("ref");
  absl::StatusOr<std::unique_ptr<StreamIndex>> ref =
      StreamIndex::Create(ref_dir, small, open);
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(IngestAll(**ref, before, 7), v_before);
  EXPECT_EQ(IngestAll(**ref, after, 7), v_after);
  for (const std::string& v : v_after) {
    EXPECT_EQ(v.find("big-"), std::string::npos) << v;
  }
  // Queries agree too.
  for (const Document& d : after) {
    absl::StatusOr<IndexVerdict> a = (*index)->Query(d);
    absl::StatusOr<IndexVerdict> b = (*ref)->Query(d);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(VerdictToJson(*a), VerdictToJson(*b));
  }
  ASSERT_TRUE((*index)->Close().ok());
  ASSERT_TRUE((*ref)->Close().ok());
  fs::remove_all(dir);
  fs::remove_all(ref_dir);
}

}  // namespace
}  // namespace neardup
