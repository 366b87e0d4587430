// Copyright 2026 The neardup Authors.
//
// Determinism (issue 7): the same input and options give byte-identical
// output across thread counts, batch sizes and SIMD targets; and where order
// does not matter (dedup's clusters, scan's stories and roles) the same
// result for any input order. Runs the `neardup` executable on the seeds, the
// story fixtures, the control articles and their edited copies.

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

#include "neardup/io.h"

#include "english_text.h"
#include "hostile_run.h"
#include "test_paths.h"

namespace neardup {
namespace {

using ::neardup::testing::NeardupRunTest;
using ::neardup::testing::RunResult;
using ::neardup::testing::SourcePath;

// The documents as JSONL lines: the seeds, the story fixtures and controls,
// plus for every third of them a copy with its last sentence cut and one
// with a word changed, so that dedup has clusters to find.
std::vector<std::string> CorpusLines() {
  std::vector<std::string> lines;
  const std::vector<ReadItem> items =
      ReadAll({SourcePath("datasets/seeds"), SourcePath("tests/fixtures/story"),
               SourcePath("tests/fixtures/controls")});
  int k = 0;
  for (const ReadItem& item : items) {
    if (item.skipped()) continue;
    const std::string& text = item.document.text;
    lines.push_back(
        nlohmann::json{{"id", item.document.id}, {"text", text}}.dump());
    if (k++ % 3 != 0) continue;
    // After the last sentence in the second half, else at a space there.
    size_t cut = text.rfind(". ", text.size() - 3);
    if (cut == std::string::npos || cut < text.size() / 2) {
      cut = text.find(' ', text.size() / 2) - 1;
    }
    lines.push_back(nlohmann::json{{"id", item.document.id + "/cut"},
                                   {"text", text.substr(0, cut + 1)}}
                        .dump());
    std::string edited = text;
    const size_t space = edited.find(' ', edited.size() / 2);
    edited.insert(space, " reportedly");
    lines.push_back(nlohmann::json{
        {"id", item.document.id + "/edit"},
        {"text",
         edited}}.dump());
  }
  return lines;
}

std::string Join(const std::vector<std::string>& lines) {
  return absl::StrCat(absl::StrJoin(lines, "\n"), "\n");
}

// dedup's clusters as sets of ids, whatever their numbers.
std::set<std::set<std::string>> Clusters(const std::string& jsonl) {
  std::map<int64_t, std::set<std::string>> by_number;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    by_number[j["cluster"].get<int64_t>()].insert(j["id"].get<std::string>());
  }
  std::set<std::set<std::string>> clusters;
  for (auto& [number, ids] : by_number) clusters.insert(std::move(ids));
  return clusters;
}

// scan's stories as sets of member ids, without their order. (The origin
// among members that hold each other's text and have no publication times
// falls to input order, as documented: "the text cannot tell which came
// first"; so only membership is compared across orders.)
std::set<std::set<std::string>> Stories(const std::string& json) {
  const nlohmann::json j = nlohmann::json::parse(json);
  std::set<std::set<std::string>> stories;
  for (const nlohmann::json& story : j["stories"]) {
    std::set<std::string> members;
    for (const nlohmann::json& m : story["members"]) {
      members.insert(m["id"].get<std::string>());
    }
    stories.insert(std::move(members));
  }
  return stories;
}

class DeterminismTest : public NeardupRunTest {
 protected:
  void SetUp() override {
    NeardupRunTest::SetUp();
    lines_ = CorpusLines();
    ASSERT_GE(lines_.size(), 25u);
    corpus_ = Write("corpus.jsonl", Join(lines_));
  }
  // The corpus in `variants` seeded shuffles.
  std::vector<std::string> Shuffled(int variants) {
    std::vector<std::string> paths;
    std::mt19937_64 rng(20261124);
    for (int v = 0; v < variants; ++v) {
      std::vector<std::string> lines = lines_;
      std::shuffle(lines.begin(), lines.end(), rng);
      paths.push_back(
          Write(absl::StrCat("shuffled", v, ".jsonl"), Join(lines)));
    }
    return paths;
  }

  std::vector<std::string> lines_;
  std::string corpus_;
};

TEST_F(DeterminismTest, DedupBytesIdenticalAcrossThreadsAndBatches) {
  const RunResult base = Run("dedup -q -j 1 --cosine 0.6 " + corpus_);
  ASSERT_EQ(base.exit_code, 0) << base.err;
  ASSERT_LT(Clusters(base.out).size(), lines_.size());  // Found some.
  for (const char* args : {"-j 2", "-j 3 --batch 5", "-j 2 --batch 1"}) {
    const RunResult r =
        Run(absl::StrCat("dedup -q --cosine 0.6 ", args, " ", corpus_));
    EXPECT_EQ(r.out, base.out) << args;
  }
}

TEST_F(DeterminismTest, ScanBytesIdenticalAcrossThreads) {
  for (const char* format : {"json", "csv", "table"}) {
    const RunResult base =
        Run(absl::StrCat("scan -q -j 1 --explain -f ", format, " ", corpus_));
    ASSERT_EQ(base.exit_code, 0) << base.err;
    ASSERT_FALSE(base.out.empty());
    for (const char* threads : {"-j 2", "-j 3", "-j 7", "-j 0"}) {
      const RunResult r = Run(absl::StrCat("scan -q --explain -f ", format, " ",
                                           threads, " ", corpus_));
      EXPECT_EQ(r.out, base.out) << format << " " << threads;
    }
  }
}

// The report's pairs are rendered in blocks of 4,096 on several threads and
// written in order: more than one block (110 documents, 5,995 pairs), in
// every format that lists pairs.
TEST_F(DeterminismTest, ScanPairsIdenticalAcrossThreadsOverSeveralBlocks) {
  std::vector<std::string> lines = lines_;
  for (uint64_t seed = 1; lines.size() < 110; ++seed) {
    lines.push_back(
        nlohmann::json{{"id", absl::StrCat("generated-", seed)},
                       {"text", testing::GenerateEnglishText(600, seed)}}
            .dump());
  }
  const std::string corpus = Write("blocks.jsonl", Join(lines));
  for (const char* format : {"json", "jsonl", "csv"}) {
    const RunResult base =
        Run(absl::StrCat("scan -q -j 1 -f ", format, " ", corpus));
    ASSERT_EQ(base.exit_code, 0) << base.err;
    if (std::string_view(format) == "csv") {
      // A header and one row a pair.
      EXPECT_EQ(std::count(base.out.begin(), base.out.end(), '\n'), 5996);
    }
    for (const char* threads : {"-j 2", "-j 3"}) {
      const RunResult r =
          Run(absl::StrCat("scan -q -f ", format, " ", threads, " ", corpus));
      // Megabytes of output: name the first difference, not a diff of all.
      const size_t differ = std::mismatch(r.out.begin(), r.out.end(),
                                          base.out.begin(), base.out.end())
                                .first -
                            r.out.begin();
      EXPECT_TRUE(r.out == base.out)
          << format << " " << threads << ": " << r.out.size() << " vs "
          << base.out.size() << " bytes, first difference at byte " << differ;
    }
  }
}

TEST_F(DeterminismTest, DedupBytesIdenticalAcrossSimdTargets) {
  const RunResult base = Run("dedup -q " + corpus_);
  ASSERT_EQ(base.exit_code, 0) << base.err;
  int ran = 0;
  for (const char* target : {"scalar", "sse4", "avx2", "avx3"}) {
    const RunResult r =
        Run(absl::StrCat("--simd ", target, " dedup -q ", corpus_));
    if (r.exit_code == 2) continue;  // Not supported by this CPU or build.
    ++ran;
    EXPECT_EQ(r.out, base.out) << target;
  }
  EXPECT_GE(ran, 1);  // At least the scalar target runs everywhere.
}

TEST_F(DeterminismTest, DedupClustersIndependentOfInputOrder) {
  const RunResult base = Run("dedup -q -j 2 " + corpus_);
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const std::set<std::set<std::string>> clusters = Clusters(base.out);
  for (const std::string& path : Shuffled(3)) {
    const RunResult r = Run("dedup -q -j 2 " + path);
    EXPECT_EQ(Clusters(r.out), clusters) << path;
  }
}

TEST_F(DeterminismTest, ScanStoriesIndependentOfInputOrderAndTarget) {
  const RunResult base = Run("scan -q -f json " + corpus_);
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const std::set<std::set<std::string>> stories = Stories(base.out);
  ASSERT_LT(stories.size(), lines_.size());
  for (const std::string& path : Shuffled(2)) {
    const RunResult r = Run("scan -q -f json " + path);
    EXPECT_EQ(Stories(r.out), stories) << path;
  }
  const RunResult scalar = Run("--simd scalar scan -q -f json " + corpus_);
  EXPECT_EQ(scalar.out, base.out);
}

}  // namespace
}  // namespace neardup
