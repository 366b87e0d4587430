// Copyright 2026 The neardup Authors.
//
// The hostile-input corpus through the `neardup` executable: every input
// item gets one record (a verdict or a skip reason), every skip a stderr
// message naming its file and line, and the run goes on. The slow inputs
// (1 million documents, 100,000 files, a 200 MB line) are in
// hostile_slow_test.cc.

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

#include "hostile_run.h"
#include "test_paths.h"

namespace neardup {
namespace {

using ::neardup::testing::NeardupRunTest;
using ::neardup::testing::ParseSummary;
using ::neardup::testing::RunResult;
using ::neardup::testing::SourcePath;
using ::neardup::testing::Summary;
using ::testing::HasSubstr;

std::string Fixture(const char* name) {
  return SourcePath(absl::StrCat("tests/fixtures/hostile/", name));
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> records;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) records.push_back(nlohmann::json::parse(line));
  return records;
}

class HostileCliTest : public NeardupRunTest {};

// Each fixture alone, through dedup and sketch: a record per line, in input
// order; a stderr message "FILE:LINE: skipped ID (reason)" per skip.
TEST_F(HostileCliTest, EveryFixtureGetsARecordPerItem) {
  for (const char* name : {"encodings.jsonl", "nul.jsonl", "bom_crlf.jsonl",
                           "fields.jsonl", "scripts.jsonl", "bom_crlf.txt"}) {
    SCOPED_TRACE(name);
    const std::string file = Fixture(name);
    for (const char* command : {"dedup -j 2", "sketch"}) {
      SCOPED_TRACE(command);
      const RunResult r = Run(absl::StrCat(command, " ", file));
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
      const std::vector<nlohmann::json> records = JsonLines(r.out);
      Summary s = ParseSummary(r.err, std::string(command).substr(
                                          0, std::string(command).find(' ')));
      ASSERT_TRUE(s.found) << r.err;
      EXPECT_EQ(static_cast<int64_t>(records.size()), s.read);
      for (const nlohmann::json& j : records) {
        if (!j.contains("skipped")) continue;
        const std::string where = j.contains("where")
                                      ? j["where"].get<std::string>()
                                      : j["source"].get<std::string>();
        EXPECT_THAT(where, HasSubstr(file));
        EXPECT_THAT(r.err, HasSubstr(absl::StrCat(where, ": skipped ",
                                                  j["id"].get<std::string>())));
      }
    }
  }
}

// An empty file: one no_documents record, a message, exit code 3.
TEST_F(HostileCliTest, EmptyFile) {
  for (const char* command : {"dedup", "sketch", "scan"}) {
    SCOPED_TRACE(command);
    const RunResult r = Run(absl::StrCat(command, " ", Fixture("empty.jsonl")));
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_THAT(r.err, HasSubstr("empty.jsonl: skipped"));
    EXPECT_THAT(r.err, HasSubstr("(no_documents)"));
    EXPECT_THAT(r.err, HasSubstr("no usable document"));
  }
}

// RTL, CJK, emoji and combining-mark documents cluster like any others: an
// exact copy of each is its duplicate.
TEST_F(HostileCliTest, ScriptsDeduplicate) {
  const std::string nfc =
      "Le caf\xC3\xA9 de la gare a rouvert ses portes apr\xC3\xA8s une longue "
      "r\xC3\xA9novation cet \xC3\xA9t\xC3\xA9 \xC3\xA0 Lyon, a dit le maire";
  const std::string nfd =
      "Le cafe\xCC\x81 de la gare a rouvert ses portes apre\xCC\x80s une "
      "longue re\xCC\x81novation cet e\xCC\x81te\xCC\x81 a\xCC\x80 Lyon, a "
      "dit le maire";
  const std::string copy = Write(
      "copy.jsonl",
      "{\"id\":\"cjk_copy\",\"text\":\"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
      "\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88\"}\n"
      "{\"id\":\"nfd\",\"text\":\"" +
          nfd + "\"}\n{\"id\":\"nfc\",\"text\":\"" + nfc + "\"}\n");
  const RunResult r =
      Run(absl::StrCat("dedup -n 2 ", Fixture("scripts.jsonl"), " ", copy));
  EXPECT_EQ(r.exit_code, 1) << r.err;  // emoji_only is empty.
  const std::vector<nlohmann::json> records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 9u);
  EXPECT_EQ(records[6]["id"], "cjk_copy");
  EXPECT_EQ(records[6]["duplicate_of"], "cjk");
  EXPECT_EQ(records[6]["relation"], "copy");
  // Precomposed and decomposed forms are the same words after NFKC.
  EXPECT_EQ(records[8]["id"], "nfc");
  EXPECT_EQ(records[8]["duplicate_of"], "nfd");
  EXPECT_EQ(records[8]["jaccard"], 1.0);
}

}  // namespace
}  // namespace neardup
