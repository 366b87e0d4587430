// Copyright 2026 The neardup Authors.
//
// `neardup eval`: runs neardup's story analysis on the evaluation sets in
// ../shared/datasets (not part of the repository) and prints its metrics.
// docs/evaluation.md records the figures and how they were produced.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"

#include "neardup/document.h"
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

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field.push_back(c);
    }
  }
  if (!field.empty() || !rows.back().empty()) {
    rows.back().push_back(std::move(field));
  } else {
    rows.pop_back();
  }
  return rows;
}

// Column index by header name, or -1.
int Column(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// Ranks with ties averaged (1-based).
std::vector<double> Ranks(const std::vector<double>& x) {
  std::vector<size_t> order(x.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> rank(x.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && x[order[j]] == x[order[i]]) ++j;
    const double r = (static_cast<double>(i + j - 1)) / 2 + 1;
    for (size_t k = i; k < j; ++k) rank[order[k]] = r;
    i = j;
  }
  return rank;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

double Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  return Pearson(Ranks(x), Ranks(y));
}

struct Binary {
  int tp = 0, fp = 0, tn = 0, fn = 0;
  void Add(bool truth, bool predicted) {
    if (truth && predicted) ++tp;
    if (!truth && predicted) ++fp;
    if (!truth && !predicted) ++tn;
    if (truth && !predicted) ++fn;
  }
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double Accuracy() const {
    const int n = tp + fp + tn + fn;
    return n ? double(tp + tn) / n : 0;
  }
};

// --- Clough & Stevenson 2011 ------------------------------------------------

// Mean F1 over the four classes of a confusion matrix (rows: truth).
double MacroF1(const int (&confusion)[4][4]) {
  double macro = 0;
  for (int c = 0; c < 4; ++c) {
    int tp = confusion[c][c], col = 0, row = 0;
    for (int k = 0; k < 4; ++k) {
      row += confusion[c][k];
      col += confusion[k][c];
    }
    const double p = col ? double(tp) / col : 0, r = row ? double(tp) / row : 0;
    macro += p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  return macro / 4;
}

void PrintConfusion(const int (&confusion)[4][4],
                    const std::vector<std::string>& classes) {
  std::cout << "           cut light heavy   non\n";
  for (int c = 0; c < 4; ++c) {
    std::cout << absl::StrFormat("    %-5s %5d %5d %5d %5d\n", classes[c],
                                 confusion[c][0], confusion[c][1],
                                 confusion[c][2], confusion[c][3]);
  }
}

// The class a role stands for: copy = cut, near_duplicate = light, rewrite
// = heavy, anything else = non (0..3).
int RoleClass(Role role) {
  switch (role) {
    case Role::kCopy:
      return 0;
    case Role::kNearDuplicate:
      return 1;
    case Role::kRewrite:
      return 2;
    default:
      return 3;
  }
}

int EvalClough(const fs::path& dir, const StoryOptions& options, bool verbose) {
  std::string labels_text;
  if (!ReadFile(dir / "labels.csv", &labels_text)) {
    std::cout << "clough: skipped (" << (dir / "labels.csv").string()
              << " not found)\n";
    return kExitOk;
  }
  const auto rows = ParseCsv(labels_text);
  const int c_file = Column(rows[0], "file");
  const int c_cat = Column(rows[0], "category");
  const int c_src = Column(rows[0], "source_file");
  std::vector<Document> docs;
  std::vector<std::string> category, source;
  for (size_t r = 1; r < rows.size(); ++r) {
    Document d;
    d.id = rows[r][c_file];
    if (!ReadFile(dir / "text_utf8" / d.id, &d.text)) {
      std::cout << "clough: cannot read " << d.id << "\n";
      return kExitNoDocuments;
    }
    docs.push_back(std::move(d));
    category.push_back(rows[r][c_cat]);
    source.push_back(rows[r][c_src]);
  }
  const absl::StatusOr<StoryReport> report = AnalyzeStories(docs, options);
  if (!report.ok()) {
    std::cout << "clough: " << report.status().message() << "\n";
    return kExitInternal;
  }
  // Each document's story and role.
  std::vector<const Story*> story_of(docs.size());
  std::vector<const StoryMember*> member_of(docs.size());
  for (const Story& s : report->stories) {
    for (const StoryMember& m : s.members) {
      story_of[m.document] = &s;
      member_of[m.document] = &m;
    }
  }
  const std::vector<std::string> classes = {"cut", "light", "heavy", "non"};
  auto class_index = [&](const std::string& c) {
    return static_cast<int>(std::find(classes.begin(), classes.end(), c) -
                            classes.begin());
  };
  int confusion[4][4] = {};
  Binary derived;
  int origin_named = 0, tasks = 0, derived_from_source = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (category[i] == "orig") {
      ++tasks;
      const Story& s = *story_of[i];
      if (s.origin.kind == OriginKind::kDocument && *s.origin.document == i &&
          s.members.size() > 1) {
        ++origin_named;
      }
      continue;
    }
    const Story& s = *story_of[i];
    const StoryMember& m = *member_of[i];
    // Derived: the answer takes text from its story's origin (whichever
    // document that is; the origin figure above checks it is the source).
    const bool from_origin = s.origin.kind == OriginKind::kDocument;
    const int predicted = from_origin ? RoleClass(m.role) : 3;
    const int truth = class_index(category[i]);
    if (truth > 3) continue;
    ++confusion[truth][predicted];
    if (truth != 3 && predicted != 3 &&
        docs[*s.origin.document].id == source[i]) {
      ++derived_from_source;
    }
    derived.Add(truth != 3, predicted != 3);
    if (verbose) {
      // Measurements against the story's origin; against the task source
      // when the story has no document origin or the answer is the origin.
      size_t ref = 0;
      while (ref < docs.size() && docs[ref].id != source[i]) ++ref;
      if (s.origin.kind == OriginKind::kDocument && *s.origin.document != i) {
        ref = *s.origin.document;
      }
      if (ref == i || ref >= docs.size()) ref = (i + 1) % docs.size();
      const uint32_t lo = std::min<uint32_t>(ref, i);
      const uint32_t hi = std::max<uint32_t>(ref, i);
      const PairAnalysis& p =
          report->pairs[lo * docs.size() - lo * (lo + 1) / 2 + hi - lo - 1];
      size_t span = 0, matched = 0, longest = 0;
      for (const Passage& q : p.passages) {
        span += q.a_last - q.a_first;
        matched += q.matched;
        longest = std::max<size_t>(longest, q.matched);
      }
      std::cout << absl::StrFormat(
          "  %-16s %-5s -> %-5s share=%.2f | vs %s: story=%.2f "
          "cos=%.2f exact=%.3f n=%d longest=%d matched=%d | %s\n",
          docs[i].id, category[i], classes[predicted], m.share_taken,
          docs[ref].id, p.story, p.cosine, span ? double(matched) / span : 0.0,
          static_cast<int>(p.passages.size()), static_cast<int>(longest),
          static_cast<int>(matched), m.reasons.empty() ? "" : m.reasons[0]);
    }
  }
  if (verbose) {
    for (const Story& s : report->stories) {
      if (s.members.size() < 2) continue;
      std::cout << "  story (" << OriginKindName(s.origin.kind) << " "
                << s.origin.id << "):";
      for (const StoryMember& m : s.members) {
        std::cout << " " << m.id.substr(0, m.id.size() - 4) << "/"
                  << category[m.document];
      }
      std::cout << "\n";
    }
  }
  const double macro = MacroF1(confusion);
  std::cout << "clough-stevenson-2011 (" << docs.size() << " documents, "
            << report->stories.size() << " stories)\n";
  std::cout << absl::StrFormat(
      "  origin: the task's source is the origin of its story in %d of %d "
      "tasks\n",
      origin_named, tasks);
  std::cout << absl::StrFormat(
      "  derived vs not: F1 %.3f  precision %.3f  recall %.3f  accuracy "
      "%.3f  (tp %d fp %d fn %d tn %d)\n",
      derived.F1(), derived.Precision(), derived.Recall(), derived.Accuracy(),
      derived.tp, derived.fp, derived.fn, derived.tn);
  std::cout << absl::StrFormat(
      "  derived answers found whose story origin is their task's source: "
      "%d of %d\n",
      derived_from_source, derived.tp);
  std::cout << "  four-way (rows: truth; columns: copy->cut, "
               "near_duplicate->light, rewrite->heavy, else non)\n";
  PrintConfusion(confusion, classes);
  std::cout << absl::StrFormat("  four-way macro-F1 %.3f\n", macro);

  // The protocol of the published baselines: each answer judged against its
  // task's source (the pair's measurements from the same run, and the role
  // rules of an in-input origin), whichever document the story named.
  int pair_confusion[4][4] = {};
  Binary pair_derived;
  const size_t n = docs.size();
  for (size_t i = 0; i < n; ++i) {
    const int truth = class_index(category[i]);
    if (truth > 3) continue;
    size_t src = 0;
    while (src < n && docs[src].id != source[i]) ++src;
    if (src == n) continue;
    const uint32_t lo = std::min<uint32_t>(src, i);
    const uint32_t hi = std::max<uint32_t>(src, i);
    const PairAnalysis& p =
        report->pairs[lo * n - lo * (lo + 1) / 2 + hi - lo - 1];
    const int predicted = RoleClass(RoleAgainstOrigin(p, i));
    ++pair_confusion[truth][predicted];
    pair_derived.Add(truth != 3, predicted != 3);
  }
  std::cout << "  each answer against its task's source (the baselines' "
               "protocol):\n";
  std::cout << absl::StrFormat(
      "  derived vs not: F1 %.3f  precision %.3f  recall %.3f  accuracy "
      "%.3f  (tp %d fp %d fn %d tn %d)\n",
      pair_derived.F1(), pair_derived.Precision(), pair_derived.Recall(),
      pair_derived.Accuracy(), pair_derived.tp, pair_derived.fp,
      pair_derived.fn, pair_derived.tn);
  PrintConfusion(pair_confusion, classes);
  std::cout << absl::StrFormat("  four-way macro-F1 %.3f\n",
                               MacroF1(pair_confusion));
  return kExitOk;
}

// --- SemEval-2022 Task 8, English pairs ------------------------------------

// Story score and same-story decision of each labelled pair, against the
// human Overall rating (1 = same story ... 4 = different).
struct PairMetrics {
  std::vector<double> story, negated_overall, cosine, names, coverage;
  int same = 0, same_joined = 0, different = 0, different_joined = 0;

  void Add(const PairAnalysis& p, bool joined, double overall) {
    story.push_back(p.story);
    negated_overall.push_back(-overall);
    cosine.push_back(p.cosine);
    names.push_back(p.names);
    coverage.push_back(std::max(p.a_in_b, p.b_in_a));
    if (overall <= 1.5) {
      ++same;
      same_joined += joined;
    }
    if (overall >= 3.5) {
      ++different;
      different_joined += joined;
    }
  }

  void Print(const std::string& title) const {
    std::cout << "  " << title << "\n";
    std::cout << absl::StrFormat(
        "    Spearman(story score, -Overall) %.3f   Pearson %.3f\n",
        Spearman(story, negated_overall), Pearson(story, negated_overall));
    std::cout << absl::StrFormat(
        "    Spearman of the parts: cosine %.3f  names %.3f  shared text "
        "%.3f\n",
        Spearman(cosine, negated_overall), Spearman(names, negated_overall),
        Spearman(coverage, negated_overall));
    std::cout << absl::StrFormat(
        "    one story: %d of %d clearly same-story pairs (Overall <= 1.5) = "
        "%.1f%%; %d of %d clearly different (>= 3.5) = %.1f%%\n",
        same_joined, same, same ? 100.0 * same_joined / same : 0,
        different_joined, different,
        different ? 100.0 * different_joined / different : 0);
  }
};

int EvalSemEval(const fs::path& dir, const StoryOptions& options,
                bool verbose) {
  std::string text;
  if (!ReadFile(dir / "pairs_en_en.csv", &text)) {
    std::cout << "semeval: skipped (pairs_en_en.csv not found)\n";
    return kExitOk;
  }
  const auto rows = ParseCsv(text);
  const int c_id = Column(rows[0], "pair_id");
  const int c_overall = Column(rows[0], "Overall");
  const int c_t1 = Column(rows[0], "text1");
  const int c_t2 = Column(rows[0], "text2");
  std::vector<Document> corpus;
  std::vector<double> overall;
  // The pairs of the team's training file: the half to tune on; the rest
  // is held out (docs/evaluation.md reports both and all).
  std::vector<bool> in_train;
  std::set<std::string> train_ids;
  std::string train_text;
  if (ReadFile(dir / "original" / "training_set.csv", &train_text)) {
    const auto train_rows = ParseCsv(train_text);
    const int c_train_id = Column(train_rows[0], "pair_id");
    for (size_t r = 1; c_train_id >= 0 && r < train_rows.size(); ++r) {
      if (static_cast<int>(train_rows[r].size()) > c_train_id) {
        train_ids.insert(train_rows[r][c_train_id]);
      }
    }
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() < rows[0].size()) continue;
    Document a, b;
    a.id = rows[r][c_id] + "/1";
    b.id = rows[r][c_id] + "/2";
    a.text = rows[r][c_t1];
    b.text = rows[r][c_t2];
    corpus.push_back(std::move(a));
    corpus.push_back(std::move(b));
    overall.push_back(std::stod(rows[r][c_overall]));
    in_train.push_back(train_ids.count(rows[r][c_id]) > 0);
  }
  std::cout << "semeval2022-task8 en-en (" << overall.size() << " pairs)\n";

  // Each pair alone: word rarity from the background only.
  PairMetrics alone, alone_train, alone_rest;
  for (size_t k = 0; k < overall.size(); ++k) {
    const absl::StatusOr<StoryReport> report =
        AnalyzeStories({corpus[2 * k], corpus[2 * k + 1]}, options);
    if (!report.ok()) continue;
    const PairAnalysis& p = report->pairs[0];
    alone.Add(p, report->stories.size() == 1, overall[k]);
    (in_train[k] ? alone_train : alone_rest)
        .Add(p, report->stories.size() == 1, overall[k]);
    if (verbose) {
      std::cout << absl::StrFormat(
          "  %s overall=%.2f story=%.4f cos=%.4f names=%.4f cov=%.4f/%.4f "
          "%s rest=%.4f\n",
          corpus[2 * k].id, overall[k], p.story, p.cosine, p.names, p.a_in_b,
          p.b_in_a, PairRelationName(p.relation), p.rest_cosine);
    }
  }
  alone.Print("each pair analysed alone (background word rarity only):");
  alone_train.Print(absl::StrFormat(
      "  the %d pairs of training_set.csv (the half to tune on):",
      static_cast<int>(alone_train.story.size())));
  alone_rest.Print(absl::StrFormat("  the other %d pairs (held out):",
                                   static_cast<int>(alone_rest.story.size())));

  // All texts as one input: corpus statistics blend in, and stories form
  // over the whole set, as `neardup scan` would.
  const absl::StatusOr<StoryReport> report = AnalyzeStories(corpus, options);
  if (!report.ok()) {
    std::cout << "semeval: " << report.status().message() << "\n";
    return kExitInternal;
  }
  std::vector<size_t> story_of(corpus.size());
  for (size_t s = 0; s < report->stories.size(); ++s) {
    for (const StoryMember& m : report->stories[s].members) {
      story_of[m.document] = s;
    }
  }
  PairMetrics together;
  const size_t n = corpus.size();
  for (size_t k = 0; k < overall.size(); ++k) {
    const size_t a = 2 * k, b = 2 * k + 1;
    const PairAnalysis& p = report->pairs[a * n - a * (a + 1) / 2 + b - a - 1];
    together.Add(p, story_of[a] == story_of[b], overall[k]);
    if (verbose) {
      std::cout << absl::StrFormat(
          "  T %s overall=%.2f story=%.3f cos=%.3f names=%.3f cov=%.2f/%.2f "
          "%s rest=%.3f\n",
          corpus[a].id, overall[k], p.story, p.cosine, p.names, p.a_in_b,
          p.b_in_a, PairRelationName(p.relation), p.rest_cosine);
    }
  }
  together.Print(absl::StrFormat(
      "all %d texts as one input (corpus statistics, %d stories):",
      static_cast<int>(n), static_cast<int>(report->stories.size())));
  return kExitOk;
}

// --- MSRP -------------------------------------------------------------------

// One MSRP split ("train" or "test"): accuracy and F1 of the rewrite-or-
// closer decision. -v prints each pair's measurements (the input of
// scripts/fit_sentence.py).
int EvalMsrpSplit(const fs::path& dir, const std::string& split,
                  const StoryOptions& options, bool verbose) {
  const std::string file = "msr_paraphrase_" + split + ".tsv";
  std::string text;
  if (!ReadFile(dir / file, &text)) {
    std::cout << "msrp: skipped (" << file << " not found)\n";
    return kExitOk;
  }
  Binary b;
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);  // Header.
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) {
      f.push_back(field);
    }
    if (f.size() < 5) continue;
    std::vector<Document> docs(2);
    docs[0].id = f[1];
    docs[1].id = f[2] == f[1] ? f[2] + "'" : f[2];
    docs[0].text = f[3];
    docs[1].text = f[4];
    const absl::StatusOr<StoryReport> report = AnalyzeStories(docs, options);
    if (!report.ok()) continue;
    const PairAnalysis& p = report->pairs[0];
    const bool predicted = p.relation >= PairRelation::kRewrite;
    b.Add(f[0] == "1", predicted);
    if (verbose) {
      const WordOverlap& o = p.overlap;
      std::cout << absl::StrFormat(
          "  %s %s truth=%s sentence=%.4f unigrams=%.4f words=%.4f "
          "bigrams=%.4f trigrams=%.4f numbers_differ=%.4f length_ratio=%.4f "
          "words_lo=%.4f words_hi=%.4f cov=%.4f/%.4f cos=%.4f %s\n",
          split, f[1], f[0], p.sentence, o.unigrams, o.words, o.bigrams,
          o.trigrams, o.numbers_differ, o.length_ratio, o.words_lo, o.words_hi,
          p.a_in_b, p.b_in_a, p.cosine, PairRelationName(p.relation));
    }
  }
  std::cout << "msrp " << split << " (" << b.tp + b.fp + b.tn + b.fn
            << " pairs)\n";
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
