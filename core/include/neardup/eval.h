// Copyright 2026 The neardup Authors.
//
// Evaluation of the story analysis on public labelled sets: Clough &
// Stevenson 2011 (graded text reuse with a known source), SemEval-2022 Task 8
// English pairs (human "same story" ratings) and MSRP (sentence paraphrase).
// `neardup eval` prints these results; docs/evaluation.md records them.
//
//   absl::StatusOr<neardup::CloughEvaluation> c =
//       neardup::EvaluateClough("../shared/datasets/clough-stevenson-2011");
//   if (c.ok()) printf("F1 %.3f\n", c->derived.F1());
//
// Each Evaluate*() returns NotFound when the set's label file is absent, so
// callers can skip a set that is not installed.

#ifndef NEARDUP_EVAL_H_
#define NEARDUP_EVAL_H_

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/document.h"
#include "neardup/story.h"

namespace neardup {

// Counts of a yes/no decision against the truth.
struct BinaryCounts {
  int tp = 0, fp = 0, tn = 0, fn = 0;

  void Add(bool truth, bool predicted);
  int Total() const { return tp + fp + tn + fn; }
  double Precision() const;  // 0 when nothing was predicted.
  double Recall() const;     // 0 when nothing is true.
  double F1() const;
  double Accuracy() const;
};

// Pearson correlation of x and y (equal sizes); 0 when either is constant.
double PearsonCorrelation(absl::Span<const double> x,
                          absl::Span<const double> y);

// Spearman rank correlation: Pearson of the ranks, ties given their mean
// rank.
double SpearmanCorrelation(absl::Span<const double> x,
                           absl::Span<const double> y);

// Clough & Stevenson's four classes, in this order.
enum class ReuseClass { kCut = 0, kLight, kHeavy, kNon };
inline constexpr int kReuseClasses = 4;
// "cut", "light", "heavy", "non".
const char* ReuseClassName(ReuseClass c);
// The class a role stands for: copy = cut, near_duplicate = light, rewrite =
// heavy, anything else = non.
ReuseClass ReuseClassOf(Role role);

// Rows: truth; columns: prediction.
using Confusion = std::array<std::array<int, kReuseClasses>, kReuseClasses>;
// Mean over the four classes of each class's F1.
double MacroF1(const Confusion& confusion);

struct CloughAnswer {
  size_t document = 0;  // Index into CloughEvaluation::documents.
  ReuseClass truth = ReuseClass::kNon;
  size_t source = 0;  // The task's source document.
  // From the answer's role in its story (non unless the story's origin is a
  // document).
  ReuseClass by_story = ReuseClass::kNon;
  // From the answer's pair with its task's source, by RoleAgainstOrigin():
  // the protocol of the published baselines.
  ReuseClass against_source = ReuseClass::kNon;
};

struct CloughEvaluation {
  std::vector<Document> documents;    // labels.csv order.
  std::vector<std::string> category;  // "orig", "cut", ... per document.
  StoryReport report;                 // All documents as one input.
  std::vector<CloughAnswer> answers;  // Every labelled answer.
  int tasks = 0;                      // Source documents.
  int sources_named = 0;  // Sources named the origin of a story of 2+.
  // Derived (cut, light, heavy) vs non, and the four-way confusion.
  BinaryCounts derived;
  Confusion confusion{};
  BinaryCounts derived_against_source;
  Confusion confusion_against_source{};
  // Derived answers found whose story origin is their task's source.
  int derived_from_source = 0;
};

// Reads `dir`/labels.csv (file, task, category, source_file) and
// `dir`/text_utf8/, and analyses all documents as one input.
absl::StatusOr<CloughEvaluation> EvaluateClough(
    const std::string& dir, const StoryOptions& options = {});

struct SemEvalPair {
  std::string id;      // pair_id; its texts are "<id>/1" and "<id>/2".
  double overall = 0;  // Human rating: 1 = same story ... 4 = different.
  bool in_training_file = false;  // Listed in original/training_set.csv.
  PairAnalysis alone;             // The two texts analysed by themselves.
  bool joined_alone = false;      // One story then.
  PairAnalysis together;          // All texts of the set as one input.
  bool joined_together = false;
};

struct SemEvalEvaluation {
  std::vector<SemEvalPair> pairs;  // pairs_en_en.csv order.
  size_t stories_together = 0;     // Stories with all texts as one input.
};

// Reads `dir`/pairs_en_en.csv (pair_id, Overall, text1, text2; RFC 4180
// CSV) and, if present, `dir`/original/training_set.csv.
absl::StatusOr<SemEvalEvaluation> EvaluateSemEval(
    const std::string& dir, const StoryOptions& options = {});

// Summary of SemEval pairs: correlation of the story score with -Overall,
// and the default decision on clearly same-story (Overall <= 1.5) and
// clearly different (>= 3.5) pairs.
struct SemEvalSummary {
  size_t pairs = 0;
  double spearman = 0, pearson = 0;
  // Spearman of the score's parts: cosine, names, max(a_in_b, b_in_a).
  double spearman_cosine = 0, spearman_names = 0, spearman_coverage = 0;
  int same = 0, same_joined = 0, different = 0, different_joined = 0;
};

// `together` picks SemEvalPair::together / joined_together, else alone.
SemEvalSummary SummarizeSemEval(absl::Span<const SemEvalPair* const> pairs,
                                bool together);

struct MsrpPair {
  std::string id1, id2;
  bool paraphrase = false;  // The label.
  PairAnalysis analysis;    // The two sentences analysed by themselves.
  // The rewrite-or-closer decision (relation >= kRewrite).
  bool Predicted() const { return analysis.relation >= PairRelation::kRewrite; }
};

// Reads `dir`/msr_paraphrase_<split>.tsv (split "train" or "test").
absl::StatusOr<std::vector<MsrpPair>> EvaluateMsrp(
    const std::string& dir, const std::string& split,
    const StoryOptions& options = {});

}  // namespace neardup

#endif  // NEARDUP_EVAL_H_
