// Copyright 2026 The neardup Authors.
//
// The evaluation module (neardup/eval.h): metrics against hand counts and
// brute force, the CSV reader on RFC 4180's awkward cases, and each data
// set's loader on a small fixture written here (the real sets are in
// ../shared and tested by story_eval_test).

#include "neardup/eval.h"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"

#include "english_text.h"
#include "eval/readers.h"
#include "test_paths.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;

TEST(EvalMetricsTest, BinaryCountsFromHandCounts) {
  BinaryCounts b;
  // 3 tp, 1 fp, 4 tn, 2 fn.
  for (int i = 0; i < 3; ++i) b.Add(true, true);
  b.Add(false, true);
  for (int i = 0; i < 4; ++i) b.Add(false, false);
  for (int i = 0; i < 2; ++i) b.Add(true, false);
  EXPECT_EQ(b.tp, 3);
  EXPECT_EQ(b.fp, 1);
  EXPECT_EQ(b.tn, 4);
  EXPECT_EQ(b.fn, 2);
  EXPECT_EQ(b.Total(), 10);
  EXPECT_DOUBLE_EQ(b.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(b.Recall(), 0.6);
  EXPECT_DOUBLE_EQ(b.F1(), 2 * 0.75 * 0.6 / 1.35);
  EXPECT_DOUBLE_EQ(b.Accuracy(), 0.7);
  const BinaryCounts empty;
  EXPECT_EQ(empty.F1(), 0);
  EXPECT_EQ(empty.Accuracy(), 0);
}

// Without ties, Spearman's rho is 1 - 6 sum(d^2) / (n (n^2 - 1)).
TEST(EvalMetricsTest, SpearmanMatchesTheRankDifferenceFormula) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  for (int trial = 0; trial < 20; ++trial) {
    const size_t n = 3 + trial;
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) {
      x[i] = u(rng);
      y[i] = x[i] * (trial % 3) + u(rng);  // Some correlation, no ties.
    }
    double d2 = 0;
    for (size_t i = 0; i < n; ++i) {
      int rx = 1, ry = 1;
      for (size_t j = 0; j < n; ++j) {
        rx += x[j] < x[i];
        ry += y[j] < y[i];
      }
      d2 += static_cast<double>((rx - ry) * (rx - ry));
    }
    const double nn = static_cast<double>(n);
    EXPECT_NEAR(SpearmanCorrelation(x, y), 1 - 6 * d2 / (nn * (nn * nn - 1)),
                1e-12)
        << "n " << n;
  }
}

TEST(EvalMetricsTest, SpearmanAveragesTiedRanks) {
  // x ranks: 1, 2.5, 2.5, 4; y ranks: 1, 2, 3, 4.
  const std::vector<double> x = {1, 2, 2, 3}, y = {10, 20, 30, 40};
  const std::vector<double> rx = {1, 2.5, 2.5, 4}, ry = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(SpearmanCorrelation(x, y), PearsonCorrelation(rx, ry));
  EXPECT_NEAR(SpearmanCorrelation(x, y), 0.9486832980505138, 1e-12);
}

TEST(EvalMetricsTest, PearsonOfLinesAndConstants) {
  const std::vector<double> x = {1, 2, 3, 4}, up = {3, 5, 7, 9},
                            down = {8, 6, 4, 2}, flat = {5, 5, 5, 5};
  EXPECT_NEAR(PearsonCorrelation(x, up), 1, 1e-12);
  EXPECT_NEAR(PearsonCorrelation(x, down), -1, 1e-12);
  EXPECT_EQ(PearsonCorrelation(x, flat), 0);
  EXPECT_EQ(PearsonCorrelation({}, {}), 0);
}

TEST(EvalMetricsTest, MacroF1FromHandCounts) {
  Confusion c{};
  c[0] = {2, 0, 0, 0};  // cut: p 2/3, r 1.
  c[1] = {1, 1, 0, 0};  // light: p 1, r 1/2.
  c[2] = {0, 0, 0, 1};  // heavy: never predicted: 0.
  c[3] = {0, 0, 0, 3};  // non: p 3/4, r 1.
  const double expected =
      (0.8 + 2.0 / 3 + 0 + 2 * 0.75 / 1.75) / 4;  // F1 per class.
  EXPECT_NEAR(MacroF1(c), expected, 1e-12);
  EXPECT_EQ(ReuseClassOf(Role::kCopy), ReuseClass::kCut);
  EXPECT_EQ(ReuseClassOf(Role::kNearDuplicate), ReuseClass::kLight);
  EXPECT_EQ(ReuseClassOf(Role::kRewrite), ReuseClass::kHeavy);
  EXPECT_EQ(ReuseClassOf(Role::kOrigin), ReuseClass::kNon);
  EXPECT_EQ(ReuseClassOf(Role::kIndependent), ReuseClass::kNon);
}

TEST(EvalCsvTest, QuotedFieldsAndLineEnds) {
  const auto rows = internal::ParseCsv(
      "a,b,c\r\n"
      "1,\"x, y\",\"say \"\"hi\"\"\"\n"
      "2,\"two\nlines\",\n"
      ",,last");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"2", "two\nlines", ""}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"", "", "last"}));
  EXPECT_EQ(internal::ParseCsv("h\n1\n").size(), 2u);  // No empty last row.
  EXPECT_TRUE(internal::ParseCsv("").empty());
  EXPECT_EQ(internal::CsvColumn(rows[0], "c"), 2);
  EXPECT_EQ(internal::CsvColumn(rows[0], "d"), -1);
}

class EvalDatasetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTempPath(
        std::string("eval_") +
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& relative, const std::string& text) {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  fs::path dir_;
};

// Reads a file of the source tree.
std::string SourceFile(const std::string& relative) {
  std::ifstream in(testing::SourcePath(relative), std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A Clough-shaped set: a source (a seed article), three overlapping
// verbatim excerpts of it (cut; only the source holds all the text they
// share) and an article on another subject (non).
TEST_F(EvalDatasetTest, CloughFixture) {
  const std::string source =
      SourceFile("datasets/seeds/000_600f2b9713211ef9.txt");
  const std::string other =
      SourceFile("tests/fixtures/controls/rail_strike.txt");
  ASSERT_GT(source.size(), 4000u);
  ASSERT_FALSE(other.empty());
  Write("labels.csv",
        "file,task,category,source_file\n"
        "orig_taska.txt,a,orig,\n"
        "g0_taska.txt,a,cut,orig_taska.txt\n"
        "g1_taska.txt,a,cut,orig_taska.txt\n"
        "g2_taska.txt,a,cut,orig_taska.txt\n"
        "g3_taska.txt,a,non,orig_taska.txt\n");
  Write("text_utf8/orig_taska.txt", source);
  Write("text_utf8/g0_taska.txt", source.substr(0, 2000));
  Write("text_utf8/g1_taska.txt", source.substr(1500, 2000));
  Write("text_utf8/g2_taska.txt", source.substr(3000));
  Write("text_utf8/g3_taska.txt", other);
  const absl::StatusOr<CloughEvaluation> e = EvaluateClough(dir_.string());
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(e->documents.size(), 5u);
  EXPECT_EQ(e->tasks, 1);
  EXPECT_EQ(e->sources_named, 1);
  ASSERT_EQ(e->answers.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    const CloughAnswer& a = e->answers[i];
    EXPECT_EQ(a.document, static_cast<size_t>(i + 1));
    EXPECT_EQ(a.truth, ReuseClass::kCut);
    EXPECT_EQ(a.source, 0u);
    EXPECT_EQ(a.by_story, ReuseClass::kCut) << i;
    EXPECT_EQ(a.against_source, ReuseClass::kCut) << i;
  }
  EXPECT_EQ(e->answers[3].truth, ReuseClass::kNon);
  EXPECT_EQ(e->answers[3].by_story, ReuseClass::kNon);
  EXPECT_EQ(e->answers[3].against_source, ReuseClass::kNon);
  EXPECT_EQ(e->derived.tp, 3);
  EXPECT_EQ(e->derived.tn, 1);
  EXPECT_EQ(e->derived_from_source, 3);
  EXPECT_EQ(e->confusion[0][0], 3);
  EXPECT_EQ(e->confusion_against_source[0][0], 3);
  EXPECT_EQ(e->confusion_against_source[3][3], 1);
}

TEST_F(EvalDatasetTest, CloughErrorsNameTheFileAndLine) {
  EXPECT_TRUE(absl::IsNotFound(EvaluateClough(dir_.string()).status()));
  Write("labels.csv",
        "file,task,category,source_file\n"
        "orig_taska.txt,a,orig,\n"
        "g0_taska.txt,a,cut,orig_taska.txt\n");
  Write("text_utf8/orig_taska.txt", "The source text.");
  absl::Status s = EvaluateClough(dir_.string()).status();
  EXPECT_TRUE(absl::IsDataLoss(s)) << s;
  EXPECT_NE(s.message().find("labels.csv:3"), std::string::npos) << s;
  Write("text_utf8/g0_taska.txt", "The source text.");
  Write("labels.csv",
        "file,task,category,source_file\n"
        "orig_taska.txt,a,orig,\n"
        "g0_taska.txt,a,cut,missing.txt\n");
  s = EvaluateClough(dir_.string()).status();
  EXPECT_TRUE(absl::IsInvalidArgument(s)) << s;
  EXPECT_NE(s.message().find("labels.csv:3"), std::string::npos) << s;
  EXPECT_NE(s.message().find("missing.txt"), std::string::npos) << s;
  Write("labels.csv", "name,kind\nx,y\n");
  EXPECT_TRUE(absl::IsInvalidArgument(EvaluateClough(dir_.string()).status()));
}

// Two SemEval-shaped pairs: one story told twice (a quoted field with a
// comma, quotes and a line break), and two unrelated texts.
TEST_F(EvalDatasetTest, SemEvalFixture) {
  const std::string story = testing::GenerateEnglishText(2000, 5);
  const std::string retold = testing::PerturbText(story, 0.05, 6);
  auto quote = [](const std::string& text) {
    std::string q = "\"";
    for (char c : text) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  Write("pairs_en_en.csv",
        "pair_id,Overall,text1,text2\n"
        "11_22,1.0," +
            quote("Headline, \"quoted\"\n\n" + story) + "," + quote(retold) +
            "\n"
            "33_44,4.0," +
            quote(testing::GenerateEnglishText(2000, 7)) + "," +
            quote(testing::GenerateEnglishText(2000, 8)) + "\n");
  Write("original/training_set.csv", "pair_id,x\n33_44,1\n");
  const absl::StatusOr<SemEvalEvaluation> e = EvaluateSemEval(dir_.string());
  ASSERT_TRUE(e.ok()) << e.status();
  ASSERT_EQ(e->pairs.size(), 2u);
  EXPECT_EQ(e->pairs[0].id, "11_22");
  EXPECT_EQ(e->pairs[0].overall, 1.0);
  EXPECT_FALSE(e->pairs[0].in_training_file);
  EXPECT_TRUE(e->pairs[0].joined_alone);
  EXPECT_TRUE(e->pairs[0].joined_together);
  EXPECT_EQ(e->pairs[1].overall, 4.0);
  EXPECT_TRUE(e->pairs[1].in_training_file);
  EXPECT_FALSE(e->pairs[1].joined_alone);
  EXPECT_FALSE(e->pairs[1].joined_together);
  EXPECT_EQ(e->stories_together, 3u);
  // The together analysis pairs each text with its own partner.
  EXPECT_EQ(e->pairs[1].together.a, 2u);
  EXPECT_EQ(e->pairs[1].together.b, 3u);
  const std::vector<const SemEvalPair*> all = {&e->pairs[0], &e->pairs[1]};
  const SemEvalSummary s = SummarizeSemEval(all, /*together=*/false);
  EXPECT_EQ(s.pairs, 2u);
  EXPECT_EQ(s.same, 1);
  EXPECT_EQ(s.same_joined, 1);
  EXPECT_EQ(s.different, 1);
  EXPECT_EQ(s.different_joined, 0);
  EXPECT_DOUBLE_EQ(s.spearman, 1.0);  // Higher score, lower Overall.

  Write("pairs_en_en.csv", "pair_id,Overall,text1,text2\n1_2,high,a,b\n");
  const absl::Status bad = EvaluateSemEval(dir_.string()).status();
  EXPECT_TRUE(absl::IsInvalidArgument(bad)) << bad;
  EXPECT_NE(bad.message().find("1_2"), std::string::npos) << bad;
}

TEST_F(EvalDatasetTest, MsrpFixture) {
  Write("msr_paraphrase_test.tsv",
        "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
        "1\t10\t11\tThe company said profit rose 5 percent in May.\t"
        "Profit rose 5 percent in May, the company said.\n"
        "0\t12\t12\tThe council approved the new park budget.\t"
        "Heavy rain flooded roads across the northern coast.\n"
        "damaged line\n");
  const absl::StatusOr<std::vector<MsrpPair>> pairs =
      EvaluateMsrp(dir_.string(), "test");
  ASSERT_TRUE(pairs.ok()) << pairs.status();
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_TRUE((*pairs)[0].paraphrase);
  EXPECT_TRUE((*pairs)[0].Predicted());
  EXPECT_FALSE((*pairs)[1].paraphrase);
  EXPECT_FALSE((*pairs)[1].Predicted());
  EXPECT_EQ((*pairs)[1].id1, "12");  // Equal ids are told apart internally.
  EXPECT_TRUE(absl::IsNotFound(EvaluateMsrp(dir_.string(), "train").status()));
}

}  // namespace
}  // namespace neardup
