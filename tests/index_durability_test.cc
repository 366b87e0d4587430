// Copyright 2026 The neardup Authors.
//
// StreamIndex under damage: a bit-flipped record, a truncated or foreign
// file give DataLoss (never a crash), and a process killed (SIGKILL) in the
// middle of an ingest leaves every acknowledged document in the index.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/index.h"

#include "english_text.h"
#include "test_paths.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

std::string TempDir(const std::string& name) {
  return testing::FreshTempPath("durability_" + name);
}

Document Doc(std::string id, std::string text, std::string outlet = "") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.outlet = std::move(outlet);
  return d;
}

// An index with a few documents whose outlet names are easy to find in the
// file.
std::string BuildIndex(const std::string& name) {
  const std::string dir = TempDir(name);
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Create(dir, IndexOptions());
  EXPECT_TRUE(index.ok()) << index.status();
  std::vector<Document> docs;
  for (int i = 0; i < 20; ++i) {
    docs.push_back(Doc("doc" + std::to_string(i),
                       testing::GenerateEnglishText(1500, 100 + i),
                       i == 7 ? "Zyxwvut Outlet Marker" : ""));
  }
  EXPECT_TRUE((*index)->Ingest(docs).ok());
  EXPECT_TRUE((*index)->Close().ok());
  return dir;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(IndexDurabilityTest, BitFlipInADocumentRecordIsDataLoss) {
  const std::string dir = BuildIndex("flip");
  const fs::path data = fs::path(dir) / "data.mdb";
  std::string bytes = ReadFile(data);
  const size_t at = bytes.find("Zyxwvut Outlet Marker");
  ASSERT_NE(at, std::string::npos);
  ASSERT_EQ(bytes.find("Zyxwvut Outlet Marker", at + 1), std::string::npos);
  bytes[at + 3] ^= 0x04;
  WriteFile(data, bytes);

  // Open() reads every document record (it rebuilds the candidate
  // postings from them): a damaged one fails it, naming the record, rather
  // than leaving an index that silently misses that document's matches.
  absl::StatusOr<std::unique_ptr<StreamIndex>> index = StreamIndex::Open(dir);
  EXPECT_EQ(index.status().code(), absl::StatusCode::kDataLoss)
      << index.status();
  EXPECT_NE(index.status().message().find("document #7"), std::string::npos)
      << index.status();
}

TEST(IndexDurabilityTest, BitFlipInTheOptionsIsDataLossOnOpen) {
  const std::string dir = BuildIndex("flip_meta");
  const fs::path data = fs::path(dir) / "data.mdb";
  std::string bytes = ReadFile(data);
  // Copy-on-write leaves stale copies of the page in free space: flip
  // every copy, the live one among them.
  size_t flipped = 0;
  for (size_t at = bytes.find("\"jaccard_threshold\""); at != std::string::npos;
       at = bytes.find("\"jaccard_threshold\"", at + 1)) {
    bytes[at + 2] ^= 0x01;
    ++flipped;
  }
  ASSERT_GT(flipped, 0u);
  WriteFile(data, bytes);
  absl::StatusOr<std::unique_ptr<StreamIndex>> index = StreamIndex::Open(dir);
  EXPECT_EQ(index.status().code(), absl::StatusCode::kDataLoss)
      << index.status();
}

TEST(IndexDurabilityTest, TruncatedFileIsDataLoss) {
  const std::string dir = BuildIndex("truncate");
  const fs::path data = fs::path(dir) / "data.mdb";
  const uintmax_t size = fs::file_size(data);
  for (const uintmax_t cut :
       {size / 2, size - 4096, uintmax_t{4096}, uintmax_t{100}, uintmax_t{0}}) {
    const std::string copy = TempDir("truncate_copy");
    fs::create_directories(copy);
    fs::copy_file(data, fs::path(copy) / "data.mdb");
    fs::resize_file(fs::path(copy) / "data.mdb", cut);
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Open(copy);
    EXPECT_EQ(index.status().code(), absl::StatusCode::kDataLoss)
        << "cut at " << cut << ": " << index.status();
  }
}

TEST(IndexDurabilityTest, ForeignFileIsDataLoss) {
  const std::string dir = TempDir("foreign");
  fs::create_directories(dir);
  WriteFile(fs::path(dir) / "data.mdb",
            std::string(64 * 1024, 'x') + "not an index");
  absl::StatusOr<std::unique_ptr<StreamIndex>> index = StreamIndex::Open(dir);
  EXPECT_EQ(index.status().code(), absl::StatusCode::kDataLoss)
      << index.status();
}

// The child ingests batches and, after each Ingest() returns, writes the
// acknowledged ids to a pipe; the parent kills it with SIGKILL after a few
// acknowledgements, reopens the index and finds every acknowledged id.
TEST(IndexDurabilityTest, SigkillMidIngestLosesNothingAcknowledged) {
  const std::string dir = TempDir("sigkill");
  {
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Create(dir, IndexOptions());
    ASSERT_TRUE(index.ok()) << index.status();
  }
  constexpr int kBatch = 50;
  constexpr int kBatches = 400;  // Far more than it gets through.
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    absl::StatusOr<std::unique_ptr<StreamIndex>> index = StreamIndex::Open(dir);
    if (!index.ok()) _exit(2);
    for (int b = 0; b < kBatches; ++b) {
      std::vector<Document> docs;
      for (int i = 0; i < kBatch; ++i) {
        const int n = b * kBatch + i;
        // Every third document copies an earlier one: stories grow too.
        const uint64_t seed = n % 3 == 2 ? 5000 + n / 3 : 9000 + n;
        docs.push_back(Doc("k" + std::to_string(n),
                           testing::GenerateEnglishText(800, seed)));
      }
      absl::StatusOr<std::vector<IndexVerdict>> v = (*index)->Ingest(docs);
      if (!v.ok()) _exit(3);
      std::string acks;
      for (const IndexVerdict& verdict : *v) acks += verdict.id + "\n";
      if (write(fds[1], acks.data(), acks.size()) !=
          static_cast<ssize_t>(acks.size())) {
        _exit(4);
      }
    }
    _exit(0);
  }
  close(fds[1]);
  std::string acked;
  char buf[4096];
  // Kill once at least 5 batches are acknowledged, mid-way through more.
  while (std::count(acked.begin(), acked.end(), '\n') < 5 * kBatch) {
    const ssize_t n = read(fds[0], buf, sizeof(buf));
    if (n <= 0) break;
    acked.append(buf, static_cast<size_t>(n));
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child ended before the kill";
  // Whatever was written before the kill is acknowledged too.
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
    acked.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);

  absl::StatusOr<std::unique_ptr<StreamIndex>> index = StreamIndex::Open(dir);
  ASSERT_TRUE(index.ok()) << index.status();
  std::set<std::string> ids;
  size_t start = 0;
  for (size_t end; (end = acked.find('\n', start)) != std::string::npos;
       start = end + 1) {
    ids.insert(acked.substr(start, end - start));
  }
  ASSERT_GE(ids.size(), 5u * kBatch);
  for (const std::string& id : ids) {
    EXPECT_TRUE((*index)->Lookup(id).ok()) << id;
  }
  // Consistent: whole batches only, counts match what is there.
  absl::StatusOr<IndexStats> stats = (*index)->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_GE(stats->documents, ids.size());
  EXPECT_EQ(stats->documents % kBatch, 0u);
  EXPECT_EQ(stats->commits, stats->documents / kBatch);
  uint64_t present = 0;
  for (uint64_t i = 0; i < stats->documents + kBatch; ++i) {
    present += (*index)->Lookup("k" + std::to_string(i)).ok();
  }
  EXPECT_EQ(present, stats->documents);
  // And it takes more documents.
  absl::StatusOr<std::vector<IndexVerdict>> more =
      (*index)->Ingest(std::vector<Document>{
          Doc("after", testing::GenerateEnglishText(800, 5000))});
  ASSERT_TRUE(more.ok()) << more.status();
  EXPECT_TRUE((*more)[0].added);
  EXPECT_FALSE((*more)[0].matches.empty());  // A copy of k2.
}

}  // namespace
}  // namespace neardup
