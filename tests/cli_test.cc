// Copyright 2026 The neardup Authors.
//
// End-to-end tests of the `neardup` executable: exit codes, messages that
// name the file and line, and output that accounts for every input.

#include <sys/wait.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

#include "test_paths.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;
using ::neardup::testing::SourcePath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("neardup_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `neardup ARGS` with stdin from /dev/null (or `stdin_file`).
  RunResult Run(const std::string& args, const std::string& stdin_file = "") {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd = std::string(NEARDUP_EXE) + " " + args + " <" +
                            (stdin_file.empty() ? "/dev/null" : stdin_file) +
                            " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    return r;
  }

  fs::path Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  fs::path dir_;
  const std::string seeds_ = SourcePath("datasets/seeds");
};

TEST_F(CliTest, HelpDocumentsOptionsAndExitCodes) {
  RunResult r = Run("scan --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("--format"));
  EXPECT_THAT(r.out, HasSubstr("--shingle-size"));
  EXPECT_THAT(r.out, HasSubstr("Exit codes"));
  r = Run("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("scan"));
}

TEST_F(CliTest, UnknownOptionIsAUsageError) {
  RunResult r = Run("scan --no-such-option " + seeds_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no-such-option"));
}

TEST_F(CliTest, ScansTheSeedsByDefault) {
  RunResult r = Run("scan --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["processed"], 5);
  ASSERT_EQ(j["pairs"].size(), 10u);
  // One story of five, credited to The Information, every member a rewrite.
  ASSERT_EQ(j["stories"].size(), 1u);
  EXPECT_EQ(j["stories"][0]["origin"]["kind"], "external");
  EXPECT_EQ(j["stories"][0]["origin"]["outlet"], "The Information");
  ASSERT_EQ(j["stories"][0]["members"].size(), 5u);
  for (const auto& m : j["stories"][0]["members"]) {
    EXPECT_EQ(m["role"], "rewrite") << m["id"];
  }
  // Every pair has the story scores and the exact shingle scores.
  for (const auto& p : j["pairs"]) {
    EXPECT_EQ(p["relation"], "rewrite");
    EXPECT_GT(p["cosine"].get<double>(), 0.2);
    EXPECT_LE(p["jaccard"].get<double>(), 0.01);
  }
}

TEST_F(CliTest, TableNamesEveryPair) {
  RunResult r = Run("scan " + seeds_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("5 documents, 0 skipped, 10 pairs"));
  EXPECT_THAT(r.out, HasSubstr("external: The Information"));
  EXPECT_THAT(r.out, HasSubstr("cosine"));
  EXPECT_THAT(r.out, HasSubstr("004_6865920a74d5a5c3"));
}

// --min-relation lists only the closer pairs, in every format, while the
// stories and the summary still count them all.
TEST_F(CliTest, MinRelationListsOnlyTheCloserPairs) {
  const std::string inputs =
      seeds_ + " " + SourcePath("tests/fixtures/controls");
  RunResult all = Run("scan -f json " + inputs);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const nlohmann::json j_all = nlohmann::json::parse(all.out);
  const size_t n = j_all["summary"]["processed"].get<size_t>();
  ASSERT_EQ(j_all["pairs"].size(), n * (n - 1) / 2);
  EXPECT_EQ(j_all["summary"]["pairs_listed"], j_all["pairs"].size());
  size_t rewrites = 0;
  for (const auto& p : j_all["pairs"]) rewrites += p["relation"] == "rewrite";
  ASSERT_EQ(rewrites, 10u);  // The seeds' pairs; the controls are apart.

  RunResult some = Run("scan -f json --min-relation rewrite " + inputs);
  ASSERT_EQ(some.exit_code, 0) << some.err;
  const nlohmann::json j = nlohmann::json::parse(some.out);
  EXPECT_EQ(j["summary"]["pairs"], j_all["pairs"].size());
  EXPECT_EQ(j["summary"]["pairs_listed"], rewrites);
  ASSERT_EQ(j["pairs"].size(), rewrites);
  for (const auto& p : j["pairs"]) EXPECT_EQ(p["relation"], "rewrite");
  EXPECT_EQ(j["stories"], j_all["stories"]);

  RunResult csv = Run("scan -f csv --min-relation rewrite " + inputs);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'),
            static_cast<std::ptrdiff_t>(rewrites + 1));  // And the header.
  RunResult none = Run("scan -f jsonl --min-relation copy " + inputs);
  EXPECT_THAT(none.out, Not(HasSubstr("\"type\":\"pair\"")));
  RunResult table = Run("scan --min-relation rewrite " + inputs);
  EXPECT_THAT(table.out, HasSubstr("The pairs at least rewrite (10 of "));

  RunResult bad = Run("scan --min-relation closest " + seeds_);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("closest"));
}

// scan shows its progress on stderr when asked (or on a terminal), never
// in the output, and not by default when stderr is not a terminal.
TEST_F(CliTest, ScanProgressOnlyOnStderrWhenAsked) {
  const RunResult plain = Run("scan -f json " + seeds_);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_THAT(plain.err, Not(HasSubstr("\r")));  // Tests' stderr is a pipe.
  const RunResult shown = Run("scan -f json --progress always " + seeds_);
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.err, HasSubstr("analysing pairs: 10 of 10 (100%)"));
  EXPECT_EQ(shown.out, plain.out);
  const RunResult never = Run("scan -f json --progress never " + seeds_);
  EXPECT_THAT(never.err, Not(HasSubstr("\r")));
  EXPECT_EQ(Run("scan --progress sometimes " + seeds_).exit_code, 2);
}

TEST_F(CliTest, SketchProgressOnlyOnStderrWhenAsked) {
  const RunResult plain = Run("sketch -j2 " + seeds_);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_THAT(plain.err, Not(HasSubstr("\r")));
  const RunResult shown = Run("sketch -j2 --progress always " + seeds_);
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.err, HasSubstr("5 docs"));  // The forced last update.
  EXPECT_EQ(shown.out, plain.out);
  EXPECT_EQ(Run("sketch --progress sometimes " + seeds_).exit_code, 2);
}

TEST_F(CliTest, MissingPathIsNamedAndTheRestIsProcessed) {
  const std::string missing = (dir_ / "no_such_dir").string();
  RunResult r = Run("scan --format json " + missing + " " + seeds_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(missing));
  EXPECT_THAT(r.err, HasSubstr("not_found"));
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["processed"], 5);
  EXPECT_EQ(j["summary"]["skipped"], 1);
  EXPECT_EQ(j["documents"][0]["skipped"], "not_found");
}

TEST_F(CliTest, EmptyDirectoryAloneMeansNoDocuments) {
  fs::create_directories(dir_ / "empty");
  RunResult r = Run("scan " + (dir_ / "empty").string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr((dir_ / "empty").string()));
  EXPECT_THAT(r.err, HasSubstr("no usable document"));
}

TEST_F(CliTest, FileThatIsNotUtf8IsSkippedWithItsName) {
  Write("in/good.txt", "A perfectly ordinary sentence about rail fares.");
  const fs::path bad = Write("in/latin1.txt", "Caf\xe9 cr\xe8me and more");
  RunResult r = Run("scan --format json " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(bad.string()));
  EXPECT_THAT(r.err, HasSubstr("not_utf8"));
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["processed"], 1);
}

TEST_F(CliTest, BinaryFileIsSkippedWithItsName) {
  Write("in/good.txt", "A perfectly ordinary sentence about rail fares.");
  const fs::path bad =
      Write("in/blob.txt", std::string("\x7f"
                                       "ELF\x02\x01\x01\0\0\0\0",
                                       11));
  RunResult r = Run("scan " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(bad.string()));
  EXPECT_THAT(r.err, HasSubstr("binary"));
}

TEST_F(CliTest, MalformedJsonlLineIsNamedByFileAndLine) {
  const fs::path jsonl =
      Write("docs.jsonl",
            "{\"id\":\"a\",\"text\":\"Rail workers strike over pay.\"}\n"
            "{\"id\":\"b\",\"text\":\"broken\n"
            "{\"id\":\"c\",\"text\":\"Flood warnings for river towns.\"}\n");
  RunResult r = Run("scan --format jsonl " + jsonl.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(jsonl.string() + ":2"));
  EXPECT_THAT(r.err, HasSubstr("malformed_json"));
  // Every line appears in the output: two documents and one skip.
  EXPECT_THAT(r.out, HasSubstr("\"id\":\"a\""));
  EXPECT_THAT(r.out, HasSubstr("\"id\":\"c\""));
  EXPECT_THAT(r.out, HasSubstr("\"skipped\":\"malformed_json\""));
  EXPECT_THAT(r.out, HasSubstr("\"type\":\"pair\""));
}

TEST_F(CliTest, EmptyDocumentIsSkipped) {
  Write("in/good.txt", "A perfectly ordinary sentence about rail fares.");
  const fs::path empty = Write("in/empty.txt", "");
  RunResult r = Run("scan " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(empty.string()));
  EXPECT_THAT(r.err, HasSubstr("empty"));
}

TEST_F(CliTest, ReadsJsonlFromStdin) {
  const fs::path jsonl = Write(
      "docs.jsonl",
      "{\"id\":\"x\",\"text\":\"Rail workers strike over pay.\"}\n"
      "{\"id\":\"y\",\"text\":\"Rail workers strike over pay again.\"}\n");
  RunResult r = Run("scan --format csv -", jsonl.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("a,b,relation,story,cosine"));
  EXPECT_THAT(r.out, HasSubstr("x,y,"));
}

TEST_F(CliTest, OutputIsDeterministic) {
  RunResult a = Run("scan --format json " + seeds_);
  RunResult b = Run("scan --format json " + seeds_);
  ASSERT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_THAT(a.out, Not(HasSubstr("nan")));
}

TEST_F(CliTest, SketchWritesOneRecordPerInputAndIsTheSameOnEverySimdTarget) {
  const std::string missing = (dir_ / "missing.txt").string();
  RunResult best = Run("sketch " + seeds_ + " " + missing);
  EXPECT_EQ(best.exit_code, 1);
  EXPECT_THAT(best.err, HasSubstr(missing));
  std::istringstream lines(best.out);
  std::string line;
  int records = 0;
  int skipped = 0;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    ++records;
    if (j.contains("skipped")) {
      ++skipped;
      continue;
    }
    EXPECT_EQ(j["simhash"].get<std::string>().size(), 16u);
    EXPECT_FALSE(j["minhash"].get<std::string>().empty());
  }
  EXPECT_EQ(records, 6);
  EXPECT_EQ(skipped, 1);
  // The signature format does not depend on the SIMD target.
  for (const char* target : {"scalar", "sse4", "avx2"}) {
    RunResult forced =
        Run(std::string("--simd ") + target + " sketch " + seeds_);
    if (forced.exit_code == 2) continue;  // Not supported by this CPU.
    EXPECT_EQ(forced.exit_code, 0) << target << ": " << forced.err;
    EXPECT_EQ(forced.out, best.out.substr(0, forced.out.size())) << target;
  }
}

TEST_F(CliTest, SketchRecordsAreTheCanonicalJsonOfTheirFields) {
  // The success record is written by hand (only the id is escaped, by
  // nlohmann); it must be exactly what nlohmann writes for the same fields,
  // in the same order, whatever the id holds.
  const std::string odd_id = "q\\\"uo\\\\te \\u00e9\\u0001/\\t";
  const fs::path jsonl = Write(
      "odd.jsonl",
      "{\"id\":\"" + odd_id +
          "\",\"text\":\"Rail workers will walk out for three days.\"}\n" +
          "{\"text\":\"A document without an id, signed all the same.\"}\n" +
          "not json\n");
  for (const char* options : {"", "--mode oph -b 8 -k 64 "}) {
    RunResult r = Run(std::string("sketch ") + options + jsonl.string());
    EXPECT_EQ(r.exit_code, 1) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<nlohmann::ordered_json> records;
    while (std::getline(lines, line)) {
      records.push_back(nlohmann::ordered_json::parse(line));
      EXPECT_EQ(records.back().dump(), line);
    }
    ASSERT_EQ(records.size(), 3u) << options;
    EXPECT_EQ(records[0]["id"], "q\"uo\\te \u00e9\u0001/\t");
    std::vector<std::string> keys;
    for (const auto& [key, value] : records[0].items()) keys.push_back(key);
    EXPECT_THAT(keys, ElementsAre("id", "scheme", "minhash", "simhash",
                                  "tokens", "shingles"));
    EXPECT_TRUE(records[2].contains("skipped"));
  }
}

TEST_F(CliTest, SketchOutputIsTheSameForAnyThreadCountAcrossBatches) {
  // 2,600 lines: more than two batches of 1,024 documents, with bad lines
  // and an empty text among them, each answered in its place.
  const fs::path path = dir_ / "many.jsonl";
  std::string jsonl;
  std::vector<std::string> ids;
  for (int i = 0; i < 2600; ++i) {
    const std::string id = "d" + std::to_string(i);
    // A line that does not parse is named by its file and line.
    ids.push_back(i % 997 == 5 ? path.string() + ":" + std::to_string(i + 1)
                               : id);
    if (i % 997 == 5) {
      jsonl += "{\"id\": \"" + id + "\", broken\n";
      continue;
    }
    std::string text = "Story " + std::to_string(i % 41) + " about";
    for (int w = 0; w < 20 + i % 30; ++w) {
      text += " word" + std::to_string((i * 7 + w * w) % 211);
    }
    if (i == 1500) text.clear();
    jsonl += "{\"id\": \"" + id + "\", \"text\": \"" + text + "\"}\n";
  }
  Write("many.jsonl", jsonl);
  const RunResult one = Run("sketch -j1 -q --mode oph " + path.string());
  EXPECT_EQ(one.exit_code, 1) << one.err;
  std::istringstream lines(one.out);
  std::string line;
  size_t n = 0, skipped = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    ASSERT_LT(n, ids.size());
    EXPECT_EQ(j["id"], ids[n]) << n;  // Input order.
    if (j.contains("skipped")) ++skipped;
    ++n;
  }
  EXPECT_EQ(n, ids.size());
  EXPECT_EQ(skipped, 4u);  // Three broken lines, one empty text.
  for (const char* threads : {"-j2", "-j3", "-j0"}) {
    const RunResult r = Run(std::string("sketch -q --mode oph ") + threads +
                            " " + path.string());
    EXPECT_EQ(r.exit_code, 1) << threads;
    EXPECT_EQ(r.out, one.out) << threads;
  }
}

TEST_F(CliTest, IndexQueryIsTheSameForAnyThreadCountAcrossBatches) {
  // 40 stories of 15 versions each (one word changed per version); the
  // first 300 documents are indexed, all 600 (and a broken line) queried in
  // batches of 7, so verdicts of every kind cross batch boundaries.
  std::string indexed, queried;
  for (int i = 0; i < 600; ++i) {
    std::string text = "Report " + std::to_string(i % 40) + " says";
    for (int w = 0; w < 150; ++w) {
      const int word = (i % 40) * 1000 + w;
      text += " w" + std::to_string(w == i / 40 * 9 ? word + 500 : word);
    }
    const std::string line = "{\"id\": \"d" + std::to_string(i) +
                             "\", \"text\": \"" + text + "\"}\n";
    if (i < 300) indexed += line;
    queried += line;
    if (i == 450) queried += "{\"id\": \"broken\n";
  }
  const fs::path add = Write("add.jsonl", indexed);
  const fs::path query = Write("query.jsonl", queried);
  const std::string index = (dir_ / "index").string();
  ASSERT_EQ(Run("index create --index " + index).exit_code, 0);
  ASSERT_EQ(Run("index add -q --index " + index + " " + add.string()).exit_code,
            0);
  const std::string args =
      "index query -q --batch 7 --index " + index + " " + query.string();
  const RunResult one = Run(args + " -j1");
  EXPECT_EQ(one.exit_code, 1) << one.err;  // The broken line.
  std::istringstream lines(one.out);
  std::string line;
  size_t n = 0, with_matches = 0, skipped = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    const size_t i = n < 451 ? n : n - 1;  // The input's document number.
    if (n == 451) {
      EXPECT_EQ(j["reason"], "malformed_json");
      ++skipped;
    } else {
      EXPECT_EQ(j["id"], "d" + std::to_string(i)) << n;  // Input order.
      if (!j["matches"].empty()) ++with_matches;
    }
    ++n;
  }
  EXPECT_EQ(n, 601u);
  EXPECT_EQ(skipped, 1u);
  EXPECT_GT(with_matches, 500u);  // Each version matches indexed ones.
  for (const char* threads : {"-j2", "-j3"}) {
    const RunResult r = Run(args + " " + threads);
    EXPECT_EQ(r.exit_code, 1) << threads;
    EXPECT_EQ(r.out, one.out) << threads;
  }
}

TEST_F(CliTest, IndexProgressOnlyOnStderrWhenAsked) {
  const std::string index = (dir_ / "index").string();
  ASSERT_EQ(Run("index create --index " + index).exit_code, 0);
  const RunResult added =
      Run("index ingest --progress always --index " + index + " " + seeds_);
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.err, HasSubstr("5 docs"));  // The forced last update.
  const RunResult plain = Run("index query --index " + index + " " + seeds_);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_THAT(plain.err, Not(HasSubstr("\r")));
  const RunResult shown =
      Run("index query -j2 --progress always --index " + index + " " + seeds_);
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.err, HasSubstr("5 docs"));
  EXPECT_EQ(shown.out, plain.out);
}

TEST_F(CliTest, DedupGivesEveryLineAVerdictInInputOrder) {
  const std::string a =
      "Rail workers across the northern network will walk out for three "
      "days next week after talks with the operator collapsed on Monday, "
      "the union said, cancelling most commuter services.";
  const std::string other =
      "The natural history museum reopened on Friday after a two-year "
      "renovation that added a new wing devoted to climate and "
      "biodiversity, with a restored whale skeleton in the hall.";
  const fs::path jsonl =
      Write("corpus.jsonl", "{\"id\":\"first\",\"text\":\"" + a + "\"}\n" +
                                "not json\n" + "{\"id\":\"other\",\"text\":\"" +
                                other + "\"}\n" +
                                "{\"id\":\"copy\",\"text\":\"" + a + "\"}\n");
  RunResult one = Run("dedup --threads 1 -q " + jsonl.string());
  RunResult two = Run("dedup --threads 2 -q " + jsonl.string());
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.out, two.out);  // The same bytes for any thread count.
  std::istringstream lines(one.out);
  std::string line;
  std::vector<nlohmann::json> records;
  while (std::getline(lines, line)) {
    records.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["id"], "first");
  EXPECT_EQ(records[0]["keep"], true);
  EXPECT_TRUE(records[1].contains("skipped"));
  EXPECT_EQ(records[2]["id"], "other");
  EXPECT_EQ(records[2]["keep"], true);
  EXPECT_EQ(records[3]["id"], "copy");
  EXPECT_EQ(records[3]["keep"], false);
  EXPECT_EQ(records[3]["duplicate_of"], "first");
  EXPECT_EQ(records[3]["relation"], "copy");
  EXPECT_EQ(records[3]["cluster"], records[0]["cluster"]);
  EXPECT_NE(records[2]["cluster"], records[0]["cluster"]);
}

}  // namespace
}  // namespace neardup
