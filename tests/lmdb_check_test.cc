// Copyright 2026 The neardup Authors.
//
// The structural check of an index file (store/lmdb_check.h): sound files
// pass; damage LMDB would follow blindly (page numbers, node offsets,
// overflow runs, free lists) is DataLoss; and a sweep of byte flips over
// every page shows that whatever passes the check opens and answers
// without crashing.

#include "store/lmdb_check.h"

#include <lmdb.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/index.h"

#include "english_text.h"
#include "test_documents.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr size_t kPage = 4096;

fs::path TempDir(const std::string& name) {
  const fs::path dir =
      fs::path(::testing::TempDir()) /
      ("neardup_lmdb_check_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

using ::neardup::testing::Doc;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// An index of 60 documents in three commits (copies among them, so
// stories), some deleted, then compacted by LMDB's own copy so that every
// page of the file is in use: its data.mdb bytes.
std::string BuildIndexFile() {
  static const std::string* const bytes = [] {
    const fs::path dir = TempDir("source");
    IndexOptions options;
    options.max_bytes = uint64_t{64} << 20;
    IndexOpenOptions open;
    open.sync = false;
    auto index = StreamIndex::Create(dir.string(), options, open);
    EXPECT_TRUE(index.ok()) << index.status();
    for (int batch = 0; batch < 3; ++batch) {
      std::vector<Document> docs;
      for (int i = 0; i < 20; ++i) {
        const int n = batch * 20 + i;
        docs.push_back(Doc("d" + std::to_string(n),
                           testing::GenerateEnglishText(2500, n % 45)));
      }
      EXPECT_TRUE((*index)->Ingest(docs).ok());
    }
    for (int n = 0; n < 60; n += 7) {
      EXPECT_TRUE((*index)->Delete("d" + std::to_string(n)).ok());
    }
    EXPECT_TRUE((*index)->Close().ok());
    const fs::path compact = TempDir("compact");
    fs::create_directories(compact);
    MDB_env* env = nullptr;
    EXPECT_EQ(mdb_env_create(&env), 0);
    EXPECT_EQ(mdb_env_set_maxdbs(env, 8), 0);
    EXPECT_EQ(mdb_env_open(env, dir.c_str(), MDB_RDONLY, 0644), 0);
    EXPECT_EQ(mdb_env_copy2(env, compact.c_str(), MDB_CP_COMPACT), 0);
    mdb_env_close(env);
    auto* out = new std::string(ReadFile(compact / "data.mdb"));
    fs::remove_all(dir);
    fs::remove_all(compact);
    return out;
  }();
  return *bytes;
}

uint16_t Flags(const std::string& file, size_t page) {
  uint16_t flags;
  std::memcpy(&flags, file.data() + page * kPage + 10, 2);
  return flags;
}

// The first page of the given type (1 branch, 2 leaf) after the metas.
size_t FindPage(const std::string& file, uint16_t type) {
  for (size_t page = 2; page < file.size() / kPage; ++page) {
    if ((Flags(file, page) & 0x7) == type) return page;
  }
  return 0;
}

// Offset in the file of node `i` of `page`.
size_t NodeAt(const std::string& file, size_t page, size_t i) {
  uint16_t offset;
  std::memcpy(&offset, file.data() + page * kPage + 16 + 2 * i, 2);
  return page * kPage + offset;
}

absl::Status Check(const std::string& file) {
  return internal::CheckLmdbBytes(file.data(), file.size());
}

TEST(LmdbCheckTest, SoundIndexPasses) {
  const std::string file = BuildIndexFile();
  ASSERT_GT(file.size(), 8 * kPage);
  EXPECT_TRUE(Check(file).ok()) << Check(file);
  // The file holds branch pages, so the walk goes deeper than a leaf.
  EXPECT_NE(FindPage(file, 1), 0u);
  const fs::path dir = TempDir("sound");
  fs::create_directories(dir);
  WriteFile(dir / "data.mdb", file);
  EXPECT_TRUE(internal::CheckLmdbFile((dir / "data.mdb").string()).ok());
  fs::remove_all(dir);
}

TEST(LmdbCheckTest, MissingEmptyAndForeignFiles) {
  const fs::path dir = TempDir("foreign");
  fs::create_directories(dir);
  const std::string path = (dir / "data.mdb").string();
  EXPECT_EQ(internal::CheckLmdbFile(path).code(), absl::StatusCode::kNotFound);
  WriteFile(path, "");
  EXPECT_EQ(internal::CheckLmdbFile(path).code(), absl::StatusCode::kDataLoss);
  WriteFile(path, std::string(3 * kPage, 'x'));
  const absl::Status s = internal::CheckLmdbFile(path);
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(s.message(), HasSubstr(path + " is damaged: "));
  fs::remove_all(dir);
}

TEST(LmdbCheckTest, TruncatedFileIsDataLoss) {
  std::string file = BuildIndexFile();
  file.resize(file.size() / 2);
  const absl::Status s = Check(file);
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(s.message(), HasSubstr("truncated"));
}

TEST(LmdbCheckTest, BadMetaIsDataLoss) {
  std::string file = BuildIndexFile();
  file[kPage + 16] ^= 0x40;  // Meta page 1's magic.
  EXPECT_THAT(Check(file).message(), HasSubstr("meta page 1"));
}

TEST(LmdbCheckTest, BranchChildOutsideTheFileIsDataLoss) {
  std::string file = BuildIndexFile();
  const size_t branch = FindPage(file, 1);
  ASSERT_NE(branch, 0u);
  file[NodeAt(file, branch, 0) + 3] = 0x7f;  // High half of the child.
  const absl::Status s = Check(file);
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(s.message(), HasSubstr("outside the file"));
}

TEST(LmdbCheckTest, PageReachedTwiceIsDataLoss) {
  std::string file = BuildIndexFile();
  const size_t branch = FindPage(file, 1);
  ASSERT_NE(branch, 0u);
  // Node 1 points where node 0 points.
  std::memcpy(&file[NodeAt(file, branch, 1)], &file[NodeAt(file, branch, 0)],
              4);
  EXPECT_THAT(Check(file).message(), HasSubstr("reached twice"));
}

TEST(LmdbCheckTest, NodeOutsideItsPageIsDataLoss) {
  std::string file = BuildIndexFile();
  const size_t leaf = FindPage(file, 2);
  ASSERT_NE(leaf, 0u);
  const uint16_t offset = kPage - 4;
  std::memcpy(&file[leaf * kPage + 16], &offset, 2);
  EXPECT_EQ(Check(file).code(), absl::StatusCode::kDataLoss);
}

TEST(LmdbCheckTest, LeafDataRunningOffThePageIsDataLoss) {
  std::string file = BuildIndexFile();
  const size_t leaf = FindPage(file, 2);
  ASSERT_NE(leaf, 0u);
  file[NodeAt(file, leaf, 0) + 1] = 0x70;  // Data size high byte.
  EXPECT_EQ(Check(file).code(), absl::StatusCode::kDataLoss);
}

// Every byte of every page XOR 0xff, one at a time: the check never
// crashes (ASan watches in the sanitizer build) and catches damage in the
// page headers. Then 20 of the damaged files that pass it (spread over the
// file) must open, or be refused with a status, and answer a query, a
// story lookup and the statistics without crashing.
TEST(LmdbCheckTest, WhateverPassesOpensWithoutCrashing) {
  const std::string sound = BuildIndexFile();
  std::vector<size_t> passing;
  int caught_in_headers = 0;
  std::string file = sound;
  for (size_t at = 2 * kPage; at < file.size(); ++at) {
    file[at] ^= static_cast<char>(0xff);
    if (Check(file).ok()) {
      passing.push_back(at);
    } else if (at % kPage < 16) {
      ++caught_in_headers;
    }
    file[at] ^= static_cast<char>(0xff);
  }
  const size_t pages = sound.size() / kPage - 2;
  // The page number, type and bounds of every page: all but the padding
  // (2 bytes) and the flag bits LMDB ignores are caught.
  EXPECT_GE(caught_in_headers, static_cast<int>(pages * 8));
  ASSERT_GE(passing.size(), 20u);
  const fs::path dir = TempDir("sweep");
  fs::create_directories(dir);
  const Document query = Doc("q", testing::GenerateEnglishText(2500, 5));
  for (size_t k = 0; k < 20; ++k) {
    file = sound;
    file[passing[k * passing.size() / 20]] ^= static_cast<char>(0xff);
    fs::remove(dir / "lock.mdb");
    WriteFile(dir / "data.mdb", file);
    IndexOpenOptions open;
    open.sync = false;
    open.read_only = true;
    auto index = StreamIndex::Open(dir.string(), open);
    if (!index.ok()) {
      EXPECT_EQ(index.status().code(), absl::StatusCode::kDataLoss)
          << index.status();
      continue;
    }
    (void)(*index)->Query(query);
    (void)(*index)->GetStory(1);
    (void)(*index)->Stats();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace neardup
