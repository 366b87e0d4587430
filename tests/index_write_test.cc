// Copyright 2026 The neardup Authors.
//
// Writes to the streaming index: verdicts do not depend on the number of
// sketching threads; a write that fails leaves no trace (its documents'
// candidate postings are taken out again, so later verdicts are those of an
// index that never saw it); the memory budget refuses documents (over_limit)
// without an error or a lost document.

#include <filesystem>
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

std::string TempIndexDir(const std::string& name) {
  return testing::FreshTempPath("write_" + name);
}

// Originals with copies, edits and cuts, interleaved, as a stream.
std::vector<Document> Stream(int originals, int words, int seed) {
  return testing::ReuseStream(originals, words, seed, "s", 5);
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

TEST(IndexWriteTest, MemoryBudgetRefusesDocumentsAndKeepsTheRest) {
  const std::vector<Document> docs = Stream(80, 300, 31);
  IndexOpenOptions open;
  open.sync = false;
  // Unlimited: how much memory the whole stream takes.
  const std::string ref_dir = TempIndexDir("budget_ref");
  absl::StatusOr<std::unique_ptr<StreamIndex>> ref =
      StreamIndex::Create(ref_dir, IndexOptions(), open);
  ASSERT_TRUE(ref.ok()) << ref.status();
  const std::vector<std::string> all = IngestAll(**ref, docs, 16);
  absl::StatusOr<IndexStats> full = (*ref)->Stats();
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->memory_budget, 0u);
  EXPECT_GT(full->memory_bytes, 0u);

  open.memory_budget = full->memory_bytes / 3;
  const std::string dir = TempIndexDir("budget");
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Create(dir, IndexOptions(), open);
  ASSERT_TRUE(index.ok()) << index.status();
  std::vector<IndexVerdict> verdicts;
  for (size_t at = 0; at < docs.size(); at += 16) {
    const size_t n = std::min<size_t>(16, docs.size() - at);
    absl::StatusOr<std::vector<IndexVerdict>> v =
        (*index)->Ingest(absl::MakeConstSpan(docs).subspan(at, n));
    ASSERT_TRUE(v.ok()) << v.status();  // Never an error.
    verdicts.insert(verdicts.end(), v->begin(), v->end());
  }
  ASSERT_EQ(verdicts.size(), docs.size());
  // A prefix is added, with the verdicts it has without a budget; nothing
  // after the first refusal is (the postings do not change meanwhile).
  size_t added = 0;
  while (added < verdicts.size() && verdicts[added].added) {
    EXPECT_EQ(VerdictToJson(verdicts[added]), all[added]);
    ++added;
  }
  EXPECT_GT(added, 0u);
  EXPECT_LT(added, docs.size());
  for (size_t i = added; i < verdicts.size(); ++i) {
    EXPECT_FALSE(verdicts[i].added) << i;
    EXPECT_EQ(verdicts[i].skip.reason, SkipReason::kOverLimit) << i;
    EXPECT_NE(verdicts[i].skip.detail.find("memory budget"), std::string::npos);
  }
  absl::StatusOr<IndexStats> stats = (*index)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, added);
  EXPECT_LE(stats->memory_bytes, open.memory_budget);
  EXPECT_EQ(stats->memory_budget, open.memory_budget);
  // Queries and lookups go on; a refused document is not there.
  EXPECT_TRUE((*index)->Query(docs.back()).ok());
  EXPECT_TRUE((*index)->Lookup(docs.front().id).ok());
  EXPECT_EQ((*index)->Lookup(docs.back().id).status().code(),
            absl::StatusCode::kNotFound);
  ASSERT_TRUE((*index)->Close().ok());

  // Reopened without a budget: every acknowledged document, and the
  // refused ones can be added now, with their unlimited verdicts.
  open.memory_budget = 0;
  absl::StatusOr<std::unique_ptr<StreamIndex>> again =
      StreamIndex::Open(dir, open);
  ASSERT_TRUE(again.ok()) << again.status();
  absl::StatusOr<IndexStats> reopened = (*again)->Stats();
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->documents, added);
  const std::vector<Document> rest(docs.begin() + added, docs.end());
  const std::vector<std::string> later = IngestAll(**again, rest, 16);
  EXPECT_EQ(later, std::vector<std::string>(all.begin() + added, all.end()));
  ASSERT_TRUE((*again)->Close().ok());
  ASSERT_TRUE((*ref)->Close().ok());
  fs::remove_all(dir);
  fs::remove_all(ref_dir);
}

}  // namespace
}  // namespace neardup
