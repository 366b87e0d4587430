// Copyright 2026 The neardup Authors.
//
// `neardup eval`: runs neardup's story analysis on the evaluation sets in
// ../shared/datasets (not part of the repository) and prints its metrics.
// docs/evaluation.md records the figures and how they were produced.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

#include "neardup/eval.h"
#include "neardup/story.h"

#include "commands.h"
#include "exit_codes.h"

namespace neardup::cli {
namespace {

namespace fs = std::filesystem;

struct EvalFlags {
  std::string shared;
  std::vector<std::string> only;
  double threshold = StoryOptions{}.story_threshold;
  double background_weight = StoryOptions{}.background_weight;
  bool verbose = false;
};

// Prints why a set was not evaluated and returns the exit code for it: a set
// that is not installed is skipped; a damaged one is an error.
int ReportSkip(const std::string& set, const absl::Status& status) {
  if (absl::IsNotFound(status)) {
    std::cout << set << ": skipped (" << status.message() << ")\n";
    return kExitOk;
  }
  std::cerr << "neardup eval: " << set << ": " << status.message() << "\n";
  return kExitNoDocuments;
}

void PrintBinary(const BinaryCounts& b) {
  std::cout << absl::StrFormat(
      "  derived vs not: F1 %.3f  precision %.3f  recall %.3f  accuracy "
      "%.3f  (tp %d fp %d fn %d tn %d)\n",
      b.F1(), b.Precision(), b.Recall(), b.Accuracy(), b.tp, b.fp, b.fn, b.tn);
}

void PrintConfusion(const Confusion& confusion) {
  std::cout << "           cut light heavy   non\n";
  for (int c = 0; c < kReuseClasses; ++c) {
    std::cout << absl::StrFormat("    %-5s %5d %5d %5d %5d\n",
                                 ReuseClassName(static_cast<ReuseClass>(c)),
                                 confusion[c][0], confusion[c][1],
                                 confusion[c][2], confusion[c][3]);
  }
  std::cout << absl::StrFormat("  four-way macro-F1 %.3f\n",
                               MacroF1(confusion));
}

// -v: one line per answer, measured against its story's origin (against the
// task source when the story has no document origin or the answer is it).
void PrintCloughAnswer(const CloughEvaluation& e, const CloughAnswer& a) {
  const size_t i = a.document;
  const Story* story = nullptr;
  const StoryMember* member = nullptr;
  for (const Story& s : e.report.stories) {
    for (const StoryMember& m : s.members) {
      if (m.document == i) {
        story = &s;
        member = &m;
      }
    }
  }
  size_t ref = a.source;
  if (story->origin.kind == OriginKind::kDocument &&
      *story->origin.document != i) {
    ref = *story->origin.document;
  }
  const PairAnalysis& p = e.report.Pair(ref, i);
  size_t span = 0, matched = 0, longest = 0;
  for (const Passage& q : p.passages) {
    span += q.a_last - q.a_first;
    matched += q.matched;
    longest = std::max<size_t>(longest, q.matched);
  }
  std::cout << absl::StrFormat(
      "  %-16s %-5s -> %-5s share=%.2f | vs %s: story=%.2f "
      "cos=%.2f exact=%.3f n=%d longest=%d matched=%d | %s\n",
      e.documents[i].id, e.category[i], ReuseClassName(a.by_story),
      member->share_taken, e.documents[ref].id, p.story, p.cosine,
      span ? static_cast<double>(matched) / span : 0.0,
      static_cast<int>(p.passages.size()), static_cast<int>(longest),
      static_cast<int>(matched),
      member->reasons.empty() ? "" : member->reasons[0]);
}

int EvalClough(const fs::path& dir, const StoryOptions& options, bool verbose) {
  const absl::StatusOr<CloughEvaluation> e =
      EvaluateClough(dir.string(), options);
  if (!e.ok()) return ReportSkip("clough", e.status());
  if (verbose) {
    for (const CloughAnswer& a : e->answers) PrintCloughAnswer(*e, a);
    for (const Story& s : e->report.stories) {
      if (s.members.size() < 2) continue;
      std::cout << "  story (" << OriginKindName(s.origin.kind) << " "
                << s.origin.id << "):";
      for (const StoryMember& m : s.members) {
        std::cout << " " << m.id.substr(0, m.id.size() - 4) << "/"
                  << e->category[m.document];
      }
      std::cout << "\n";
    }
  }
  std::cout << "clough-stevenson-2011 (" << e->documents.size()
            << " documents, " << e->report.stories.size() << " stories)\n";
  std::cout << absl::StrFormat(
      "  origin: the task's source is the origin of its story in %d of %d "
      "tasks\n",
      e->sources_named, e->tasks);
  PrintBinary(e->derived);
  std::cout << absl::StrFormat(
      "  derived answers found whose story origin is their task's source: "
      "%d of %d\n",
      e->derived_from_source, e->derived.tp);
  std::cout << "  four-way (rows: truth; columns: copy->cut, "
               "near_duplicate->light, rewrite->heavy, else non)\n";
  PrintConfusion(e->confusion);
  // The protocol of the published baselines: each answer judged against its
  // task's source, whichever document the story named.
  std::cout << "  each answer against its task's source (the baselines' "
               "protocol):\n";
  PrintBinary(e->derived_against_source);
  PrintConfusion(e->confusion_against_source);
  return kExitOk;
}

void PrintSemEval(const std::string& title, const SemEvalSummary& s) {
  std::cout << "  " << title << "\n";
  std::cout << absl::StrFormat(
      "    Spearman(story score, -Overall) %.3f   Pearson %.3f\n", s.spearman,
      s.pearson);
  std::cout << absl::StrFormat(
      "    Spearman of the parts: cosine %.3f  names %.3f  shared text "
      "%.3f\n",
      s.spearman_cosine, s.spearman_names, s.spearman_coverage);
  std::cout << absl::StrFormat(
      "    one story: %d of %d clearly same-story pairs (Overall <= 1.5) = "
      "%.1f%%; %d of %d clearly different (>= 3.5) = %.1f%%\n",
      s.same_joined, s.same, s.same ? 100.0 * s.same_joined / s.same : 0,
      s.different_joined, s.different,
      s.different ? 100.0 * s.different_joined / s.different : 0);
}

void PrintSemEvalPair(const SemEvalPair& p, bool together) {
  const PairAnalysis& a = together ? p.together : p.alone;
  std::cout << absl::StrFormat(
      together ? "  T %s overall=%.2f story=%.3f cos=%.3f names=%.3f "
                 "cov=%.2f/%.2f %s rest=%.3f\n"
               : "  %s overall=%.2f story=%.4f cos=%.4f names=%.4f "
                 "cov=%.4f/%.4f %s rest=%.4f\n",
      p.id + "/1", p.overall, a.story, a.cosine, a.names, a.a_in_b, a.b_in_a,
      PairRelationName(a.relation), a.rest_cosine);
}

int EvalSemEval(const fs::path& dir, const StoryOptions& options,
                bool verbose) {
  const absl::StatusOr<SemEvalEvaluation> e =
      EvaluateSemEval(dir.string(), options);
  if (!e.ok()) return ReportSkip("semeval", e.status());
  std::vector<const SemEvalPair*> all, train, rest;
  for (const SemEvalPair& p : e->pairs) {
    all.push_back(&p);
    (p.in_training_file ? train : rest).push_back(&p);
  }
  std::cout << "semeval2022-task8 en-en (" << all.size() << " pairs)\n";
  if (verbose) {
    for (const SemEvalPair* p : all) PrintSemEvalPair(*p, false);
  }
  PrintSemEval("each pair analysed alone (background word rarity only):",
               SummarizeSemEval(all, false));
  PrintSemEval(absl::StrFormat("  the %d pairs of training_set.csv (the half "
                               "to tune on):",
                               static_cast<int>(train.size())),
               SummarizeSemEval(train, false));
  PrintSemEval(absl::StrFormat("  the other %d pairs (held out):",
                               static_cast<int>(rest.size())),
               SummarizeSemEval(rest, false));
  if (verbose) {
    for (const SemEvalPair* p : all) PrintSemEvalPair(*p, true);
  }
  PrintSemEval(
      absl::StrFormat("all %d texts as one input (corpus statistics, %d "
                      "stories):",
                      static_cast<int>(2 * all.size()),
                      static_cast<int>(e->stories_together)),
      SummarizeSemEval(all, true));
  return kExitOk;
}

// One MSRP split ("train" or "test"): accuracy and F1 of the rewrite-or-
// closer decision. -v prints each pair's measurements (the input of
// scripts/fit_sentence.py).
int EvalMsrpSplit(const fs::path& dir, const std::string& split,
                  const StoryOptions& options, bool verbose) {
  const absl::StatusOr<std::vector<MsrpPair>> pairs =
      EvaluateMsrp(dir.string(), split, options);
  if (!pairs.ok()) return ReportSkip("msrp", pairs.status());
  BinaryCounts b;
  for (const MsrpPair& m : *pairs) {
    b.Add(m.paraphrase, m.Predicted());
    if (!verbose) continue;
    const PairAnalysis& p = m.analysis;
    const WordOverlap& o = p.overlap;
    std::cout << absl::StrFormat(
        "  %s %s truth=%s sentence=%.4f unigrams=%.4f words=%.4f "
        "bigrams=%.4f trigrams=%.4f numbers_differ=%.4f length_ratio=%.4f "
        "words_lo=%.4f words_hi=%.4f cov=%.4f/%.4f cos=%.4f %s\n",
        split, m.id1, m.paraphrase ? "1" : "0", p.sentence, o.unigrams, o.words,
        o.bigrams, o.trigrams, o.numbers_differ, o.length_ratio, o.words_lo,
        o.words_hi, p.a_in_b, p.b_in_a, p.cosine, PairRelationName(p.relation));
  }
  std::cout << "msrp " << split << " (" << b.Total() << " pairs)\n";
  std::cout << absl::StrFormat(
      "  rewrite-or-closer: accuracy %.3f  F1 %.3f  precision %.3f  recall "
      "%.3f\n",
      b.Accuracy(), b.F1(), b.Precision(), b.Recall());
  return kExitOk;
}

int EvalMsrp(const fs::path& dir, const StoryOptions& options, bool verbose) {
  // The train split is where the sentence-level weights were fitted; the
  // test split is the figure to report.
  const int train = EvalMsrpSplit(dir, "train", options, verbose);
  return std::max(train, EvalMsrpSplit(dir, "test", options, verbose));
}

int RunEval(const EvalFlags& flags) {
  fs::path shared = flags.shared;
  if (shared.empty()) {
#ifdef NEARDUP_SOURCE_DIR
    shared = fs::path(NEARDUP_SOURCE_DIR) / ".." / "shared" / "datasets";
#else
    shared = fs::path("..") / "shared" / "datasets";
#endif
  }
  if (!fs::is_directory(shared)) {
    std::cerr << "neardup eval: " << shared.string()
              << " not found (pass --shared DIR)\n";
    return kExitNoDocuments;
  }
  StoryOptions options;
  options.story_threshold = flags.threshold;
  options.background_weight = flags.background_weight;
  auto wanted = [&](const std::string& name) {
    return flags.only.empty() || std::find(flags.only.begin(), flags.only.end(),
                                           name) != flags.only.end();
  };
  int code = kExitOk;
  if (wanted("clough")) {
    code = std::max(code, EvalClough(shared / "clough-stevenson-2011", options,
                                     flags.verbose));
  }
  if (wanted("semeval")) {
    code = std::max(code, EvalSemEval(shared / "semeval2022-task8-sample",
                                      options, flags.verbose));
  }
  if (wanted("msrp")) {
    code = std::max(code, EvalMsrp(shared / "msrp", options, flags.verbose));
  }
  return code;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Run the story analysis on the evaluation sets (Clough & Stevenson "
      "2011, SemEval-2022 Task 8 English pairs, MSRP) and print metrics.");
  cmd->add_option("--shared", flags->shared,
                  "Folder holding the data sets. Default: ../shared/datasets "
                  "beside the source tree.");
  cmd->add_option("--only", flags->only,
                  "Run only these: clough, semeval, "
                  "msrp.")
      ->check(CLI::IsMember({"clough", "semeval", "msrp"}));
  cmd->add_option("--threshold", flags->threshold,
                  "Story score at which two documents are one story.")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--background-weight", flags->background_weight,
                  "Pseudo-documents the English background counts for in "
                  "IDF (0: off).")
      ->check(CLI::Range(0.0, 1e9))
      ->capture_default_str();
  cmd->add_flag("-v,--verbose", flags->verbose, "Print every item.");
  cmd->footer(ExitCodesHelp());
  cmd->callback([flags, exit_code] { *exit_code = RunEval(*flags); });
}

NEARDUP_REGISTER_COMMAND(40, AddEvalCommand);

}  // namespace neardup::cli
