// Copyright 2026 The neardup Authors.
//
// SemEval-2022 Task 8 English pairs: each pair analysed alone (word rarity
// from the background only) and all texts as one input (corpus statistics
// blend in, stories form over the whole set, as `neardup scan` would).

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

#include "neardup/eval.h"

#include "eval/readers.h"
#include "internal/status_macros.h"

namespace neardup {
namespace {

// The pair ids of the team's training file (the half any setting was
// compared on); empty when the file is absent.
std::set<std::string> TrainingIds(const std::string& dir) {
  std::set<std::string> ids;
  const absl::StatusOr<internal::CsvTable> table =
      internal::ReadCsvFile(dir + "/original/training_set.csv", {"pair_id"});
  if (!table.ok()) return ids;
  const size_t c_id = table->columns[0];
  for (size_t r = 1; r < table->rows.size(); ++r) {
    if (table->rows[r].size() > c_id) ids.insert(table->rows[r][c_id]);
  }
  return ids;
}

}  // namespace

absl::StatusOr<SemEvalEvaluation> EvaluateSemEval(const std::string& dir,
                                                  const StoryOptions& options) {
  const std::string path = dir + "/pairs_en_en.csv";
  NEARDUP_ASSIGN_OR_RETURN(
      const internal::CsvTable table,
      internal::ReadCsvFile(path, {"pair_id", "Overall", "text1", "text2"}));
  const auto& rows = table.rows;
  const size_t c_id = table.columns[0], c_overall = table.columns[1],
               c_t1 = table.columns[2], c_t2 = table.columns[3];
  const std::set<std::string> training = TrainingIds(dir);
  SemEvalEvaluation e;
  std::vector<Document> corpus;
  for (size_t r = 1; r < rows.size(); ++r) {
    // A short row is a damaged record: CSV rows may span lines, so it has
    // no line number of its own.
    if (rows[r].size() < rows[0].size()) continue;
    SemEvalPair p;
    p.id = rows[r][c_id];
    if (!absl::SimpleAtod(rows[r][c_overall], &p.overall)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": pair ", p.id, ": Overall \"",
                       rows[r][c_overall], "\" is not a number"));
    }
    p.in_training_file = training.count(p.id) > 0;
    Document a, b;
    a.id = p.id + "/1";
    b.id = p.id + "/2";
    a.text = rows[r][c_t1];
    b.text = rows[r][c_t2];
    corpus.push_back(std::move(a));
    corpus.push_back(std::move(b));
    e.pairs.push_back(std::move(p));
  }
  for (size_t k = 0; k < e.pairs.size(); ++k) {
    NEARDUP_ASSIGN_OR_RETURN(
        const StoryReport alone,
        AnalyzeStories({corpus[2 * k], corpus[2 * k + 1]}, options));
    e.pairs[k].alone = alone.pairs[0];
    e.pairs[k].joined_alone = alone.stories.size() == 1;
  }
  NEARDUP_ASSIGN_OR_RETURN(const StoryReport together,
                           AnalyzeStories(corpus, options));
  e.stories_together = together.stories.size();
  std::vector<size_t> story_of(corpus.size());
  for (size_t s = 0; s < together.stories.size(); ++s) {
    for (const StoryMember& m : together.stories[s].members) {
      story_of[m.document] = s;
    }
  }
  for (size_t k = 0; k < e.pairs.size(); ++k) {
    e.pairs[k].together = together.Pair(2 * k, 2 * k + 1);
    e.pairs[k].joined_together = story_of[2 * k] == story_of[2 * k + 1];
  }
  return e;
}

SemEvalSummary SummarizeSemEval(absl::Span<const SemEvalPair* const> pairs,
                                bool together) {
  SemEvalSummary s;
  std::vector<double> story, negated_overall, cosine, names, coverage;
  for (const SemEvalPair* p : pairs) {
    const PairAnalysis& a = together ? p->together : p->alone;
    const bool joined = together ? p->joined_together : p->joined_alone;
    story.push_back(a.story);
    negated_overall.push_back(-p->overall);
    cosine.push_back(a.cosine);
    names.push_back(a.names);
    coverage.push_back(std::max(a.a_in_b, a.b_in_a));
    if (p->overall <= 1.5) {
      ++s.same;
      s.same_joined += joined;
    }
    if (p->overall >= 3.5) {
      ++s.different;
      s.different_joined += joined;
    }
  }
  s.pairs = pairs.size();
  s.spearman = SpearmanCorrelation(story, negated_overall);
  s.pearson = PearsonCorrelation(story, negated_overall);
  s.spearman_cosine = SpearmanCorrelation(cosine, negated_overall);
  s.spearman_names = SpearmanCorrelation(names, negated_overall);
  s.spearman_coverage = SpearmanCorrelation(coverage, negated_overall);
  return s;
}

}  // namespace neardup
