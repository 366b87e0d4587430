// Copyright 2026 The neardup Authors.
//
// Accounting (issue 7): every command's summary states the documents read,
// processed and skipped by reason; the counts add up, and agree with the
// records in the output. Runs the `neardup` executable on the hostile
// fixtures (tests/fixtures/hostile/).

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
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

// Every fixture of tests/fixtures/hostile and a missing path: 28 items.
std::string Inputs() {
  std::string args;
  for (const char* name : {"encodings.jsonl", "nul.jsonl", "fields.jsonl",
                           "scripts.jsonl", "empty.jsonl"}) {
    absl::StrAppend(&args, " ",
                    SourcePath(absl::StrCat("tests/fixtures/hostile/", name)));
  }
  return absl::StrCat(args, " /nonexistent/neardup/input.jsonl");
}

const std::map<std::string, int64_t> kExpectedSkips = {
    {"binary", 1},         {"duplicate_id", 2}, {"empty", 1},
    {"malformed_json", 1}, {"missing_text", 5}, {"no_documents", 1},
    {"not_found", 1},      {"not_utf8", 3}};

void ExpectAddsUp(const Summary& s) {
  ASSERT_TRUE(s.found);
  int64_t sum = 0;
  for (const auto& [reason, n] : s.by_reason) sum += n;
  EXPECT_EQ(s.skipped, sum);
  EXPECT_EQ(s.read, s.processed + s.skipped);
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> records;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) records.push_back(nlohmann::json::parse(line));
  return records;
}

// The skip reasons of the records that say they were skipped.
std::map<std::string, int64_t> SkipReasons(
    const std::vector<nlohmann::json>& records) {
  std::map<std::string, int64_t> reasons;
  for (const nlohmann::json& j : records) {
    if (j.contains("skipped")) ++reasons[j["reason"].get<std::string>()];
  }
  return reasons;
}

// The summary a command prints for Inputs(): exit code 1 (some input
// skipped), 28 items read, 13 processed, the fixtures' skips.
Summary ExpectFixtureSummary(const RunResult& r, const std::string& command) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  Summary s = ParseSummary(r.err, command);
  ExpectAddsUp(s);
  EXPECT_EQ(s.read, 28);
  EXPECT_EQ(s.processed, 13);
  EXPECT_EQ(s.by_reason, kExpectedSkips);
  return s;
}

// 3,000 short documents, distinct ids, in JSONL: enough to fill a small
// memory budget.
std::string ManyShortDocuments() {
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    absl::StrAppend(&jsonl, R"({"id":"d)", i, R"(","text":"document number )",
                    i, " about item ", i * 7919 % 1000, " and more words\"}\n");
  }
  return jsonl;
}

class AccountingTest : public NeardupRunTest {};

TEST_F(AccountingTest, Sketch) {
  const RunResult r = Run("sketch" + Inputs());
  const Summary s = ExpectFixtureSummary(r, "sketch");
  // One record per item; the skipped ones say so.
  const std::vector<nlohmann::json> records = JsonLines(r.out);
  EXPECT_EQ(static_cast<int64_t>(records.size()), s.read);
  int64_t skipped = 0;
  for (const nlohmann::json& j : records) skipped += j.contains("skipped");
  EXPECT_EQ(skipped, s.skipped);
}

TEST_F(AccountingTest, Dedup) {
  const RunResult r = Run("dedup -j 2" + Inputs());
  const Summary s = ExpectFixtureSummary(r, "dedup");
  const std::vector<nlohmann::json> records = JsonLines(r.out);
  EXPECT_EQ(static_cast<int64_t>(records.size()), s.read);
  EXPECT_EQ(SkipReasons(records), kExpectedSkips);
}

TEST_F(AccountingTest, ScanStderrAndJsonSummary) {
  const RunResult r = Run("scan -f json" + Inputs());
  ExpectFixtureSummary(r, "scan");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["read"], 28);
  EXPECT_EQ(j["summary"]["processed"], 13);
  EXPECT_EQ(j["summary"]["skipped"], 15);
  EXPECT_EQ(j["summary"]["skipped_by_reason"].get<decltype(kExpectedSkips)>(),
            kExpectedSkips);
  EXPECT_EQ(j["documents"].size(), 28u);
}

// index ingest: the reader's skips and the index's own (an id already
// indexed) are counted alike, and agree with the verdicts printed.
TEST_F(AccountingTest, IndexIngest) {
  const std::string index = (dir_ / "index").string();
  ASSERT_EQ(Run("index create --index " + index).exit_code, 0);
  const RunResult first = Run("index ingest --index " + index + Inputs());
  EXPECT_EQ(first.exit_code, 1) << first.err;
  const Summary s = ParseSummary(first.err, "index ingest");
  ExpectAddsUp(s);
  EXPECT_EQ(s.read, 28);
  EXPECT_GT(s.processed, 0);
  const std::vector<nlohmann::json> records = JsonLines(first.out);
  EXPECT_EQ(static_cast<int64_t>(records.size()), s.read);
  EXPECT_EQ(SkipReasons(records), s.by_reason);

  // Again: every document the first run added is now an id already indexed.
  const RunResult second = Run("index ingest --index " + index + Inputs());
  EXPECT_EQ(second.exit_code, 3) << second.err;
  const Summary again = ParseSummary(second.err, "index ingest");
  ExpectAddsUp(again);
  EXPECT_EQ(again.read, 28);
  EXPECT_EQ(again.processed, 0);
  std::map<std::string, int64_t> expected = s.by_reason;
  expected["duplicate_id"] += s.processed;
  EXPECT_EQ(again.by_reason, expected);
}

// --max-doc-bytes on the index's reading commands: a longer line is
// too_large, with its verdict, and the run goes on.
TEST_F(AccountingTest, IndexMaxDocBytes) {
  const std::string index = (dir_ / "index").string();
  const std::filesystem::path input = dir_ / "input.jsonl";
  {
    std::ofstream out(input);
    out << R"({"id":"small","text":"The council approved the budget."})"
        << "\n"
        << R"({"id":"large","text":")" << std::string(300, 'a') << "\"}\n";
  }
  ASSERT_EQ(Run("index create --index " + index).exit_code, 0);
  for (const char* command : {"ingest", "query"}) {
    const RunResult r =
        Run(absl::StrCat("index ", command, " --index ", index,
                         " --max-doc-bytes 200 ", input.string()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const Summary s = ParseSummary(r.err, absl::StrCat("index ", command));
    ExpectAddsUp(s);
    EXPECT_EQ(s.read, 2);
    EXPECT_EQ(s.processed, 1);
    EXPECT_EQ(s.by_reason, (std::map<std::string, int64_t>{{"too_large", 1}}));
    const std::vector<nlohmann::json> records = JsonLines(r.out);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1]["reason"], "too_large");
  }
}

TEST_F(AccountingTest, QuietPrintsNoSummary) {
  const RunResult r = Run("sketch -q" + Inputs());
  EXPECT_FALSE(ParseSummary(r.err, "sketch").found);
}

// --max-doc-bytes: longer lines are too_large, and still counted.
TEST_F(AccountingTest, MaxDocBytesSkipsTooLarge) {
  const std::string file = Write(
      "sizes.jsonl",
      absl::StrCat(R"({"id":"short","text":"Brief text."})", "\n",
                   R"({"id":"long","text":")", std::string(300, 'x'), "\"}\n"));
  for (const char* command : {"sketch", "dedup", "scan"}) {
    SCOPED_TRACE(command);
    const RunResult r =
        Run(absl::StrCat(command, " --max-doc-bytes 100 ", file));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    Summary s = ParseSummary(r.err, command);
    ExpectAddsUp(s);
    EXPECT_EQ(s.processed, 1);
    EXPECT_EQ(s.by_reason, (std::map<std::string, int64_t>{{"too_large", 1}}));
    EXPECT_THAT(r.err, HasSubstr(absl::StrCat(file, ":2: skipped")));
  }
  EXPECT_EQ(Run("sketch --max-doc-bytes 1k " + file).exit_code, 0);
}

// scan's document limit skips the documents beyond it, in input order,
// instead of refusing the whole run.
TEST_F(AccountingTest, ScanDocumentLimitSkipsTheRest) {
  const RunResult r = Run("scan -f json --max-documents 4" + Inputs());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  Summary s = ParseSummary(r.err, "scan");
  ExpectAddsUp(s);
  EXPECT_EQ(s.processed, 4);
  EXPECT_EQ(s.by_reason["over_limit"], 9);
  EXPECT_THAT(r.err, HasSubstr("--max-documents 4"));
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["skipped_by_reason"]["over_limit"], 9);
  EXPECT_EQ(j["documents"].size(), 28u);
}

// The index's memory budget (its in-memory postings): documents that would
// take it over are over_limit, each with its verdict, the run goes on, and
// what was added stays queryable.
TEST_F(AccountingTest, IndexMemoryBudgetDegradesToSkips) {
  const std::string file = Write("many.jsonl", ManyShortDocuments());
  const std::string index = (dir_ / "index").string();
  ASSERT_EQ(Run("index create --index " + index).exit_code, 0);
  const RunResult r =
      Run("index ingest --batch 100 --memory-budget 1m --index " + index + " " +
          file);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  Summary s = ParseSummary(r.err, "index ingest");
  ExpectAddsUp(s);
  EXPECT_EQ(s.read, 3000);
  EXPECT_GT(s.processed, 0);
  EXPECT_GT(s.by_reason["over_limit"], 0);
  const std::vector<nlohmann::json> records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 3000u);
  int64_t over = 0;
  for (const nlohmann::json& record : records) {
    if (record.contains("reason")) {
      EXPECT_EQ(record["reason"], "over_limit") << record;
      ++over;
    }
  }
  EXPECT_EQ(over, s.by_reason["over_limit"]);
  const RunResult stats = Run("index stats --index " + index);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(nlohmann::json::parse(stats.out)["documents"], s.processed);
  // Queries keep working at the budget.
  const RunResult query = Run("index query --index " + index + " " + file);
  EXPECT_EQ(query.exit_code, 0) << query.err;
}

TEST_F(AccountingTest, ScanMemoryBudget) {
  const RunResult r = Run("scan --memory-budget 2k" + Inputs());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  Summary s = ParseSummary(r.err, "scan");
  ExpectAddsUp(s);
  EXPECT_GT(s.by_reason["over_limit"], 0);
  EXPECT_GT(s.processed, 0);
  EXPECT_THAT(r.err, HasSubstr("over --memory-budget 2048 bytes"));
}

// dedup's memory budget: once the index is full, the rest of the documents
// are over_limit (a suffix of the input), each with its record.
TEST_F(AccountingTest, DedupMemoryBudgetDegradesToSkips) {
  const std::string file = Write("many.jsonl", ManyShortDocuments());
  const RunResult r =
      Run("dedup -j 2 --batch 100 --memory-budget 256k " + file);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  Summary s = ParseSummary(r.err, "dedup");
  ExpectAddsUp(s);
  EXPECT_EQ(s.read, 3000);
  EXPECT_GT(s.processed, 0);
  EXPECT_GT(s.by_reason["over_limit"], 0);
  EXPECT_THAT(r.err, HasSubstr("over --memory-budget 262144 bytes after"));
  const std::vector<nlohmann::json> records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 3000u);
  size_t first_over = records.size();
  for (size_t i = 0; i < records.size(); ++i) {
    if (records[i].contains("skipped")) {
      EXPECT_EQ(records[i]["reason"], "over_limit");
      if (first_over == records.size()) first_over = i;
    } else {
      EXPECT_EQ(first_over, records.size()) << "a kept document after a skip";
    }
  }
  EXPECT_EQ(static_cast<int64_t>(first_over), s.processed);
  // The budget is checked as documents are added, in input order: the cut
  // does not depend on the thread count.
  for (const char* threads : {"-j 1", "-j 3"}) {
    const RunResult other = Run(std::string("dedup ") + threads +
                                " --batch 100 --memory-budget 256k " + file);
    EXPECT_EQ(other.out, r.out) << threads;
  }

  // A budget too small for anything: every document is over_limit, and the
  // run says there is nothing to cluster.
  const RunResult none = Run("dedup --memory-budget 1 " + file);
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_EQ(ParseSummary(none.err, "dedup").by_reason.at("over_limit"), 3000);
}

}  // namespace
}  // namespace neardup
