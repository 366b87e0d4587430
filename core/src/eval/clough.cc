// Copyright 2026 The neardup Authors.
//
// Clough & Stevenson 2011: 95 answers graded cut / light / heavy / non
// against one of 5 Wikipedia sources, all analysed as one input.

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

#include "neardup/eval.h"

#include "eval/readers.h"
#include "internal/status_macros.h"

namespace neardup {
namespace {

// The class named by a labels.csv category, or -1 ("orig" or unknown).
int ClassIndex(const std::string& category) {
  for (int c = 0; c < kReuseClasses; ++c) {
    if (category == ReuseClassName(static_cast<ReuseClass>(c))) return c;
  }
  return -1;
}

}  // namespace

absl::StatusOr<CloughEvaluation> EvaluateClough(const std::string& dir,
                                                const StoryOptions& options) {
  const std::string labels_path = dir + "/labels.csv";
  NEARDUP_ASSIGN_OR_RETURN(
      const internal::CsvTable labels,
      internal::ReadCsvFile(labels_path, {"file", "category", "source_file"}));
  const auto& rows = labels.rows;
  const size_t c_file = labels.columns[0], c_cat = labels.columns[1],
               c_src = labels.columns[2];
  const size_t width = std::max({c_file, c_cat, c_src});
  CloughEvaluation e;
  std::vector<std::string> source_file;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() <= width) {
      return absl::InvalidArgumentError(
          absl::StrCat(labels_path, ":", r + 1, ": too few fields"));
    }
    Document d;
    d.id = rows[r][c_file];
    absl::StatusOr<std::string> text =
        internal::ReadWholeFile(dir + "/text_utf8/" + d.id);
    if (!text.ok()) {
      return absl::DataLossError(
          absl::StrCat(labels_path, ":", r + 1, ": ", text.status().message()));
    }
    d.text = *std::move(text);
    e.documents.push_back(std::move(d));
    e.category.push_back(rows[r][c_cat]);
    source_file.push_back(rows[r][c_src]);
  }
  NEARDUP_ASSIGN_OR_RETURN(e.report, AnalyzeStories(e.documents, options));

  const size_t n = e.documents.size();
  std::vector<const Story*> story_of(n);
  std::vector<const StoryMember*> member_of(n);
  for (const Story& s : e.report.stories) {
    for (const StoryMember& m : s.members) {
      story_of[m.document] = &s;
      member_of[m.document] = &m;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const Story& s = *story_of[i];
    if (e.category[i] == "orig") {
      ++e.tasks;
      e.sources_named += s.origin.kind == OriginKind::kDocument &&
                         *s.origin.document == i && s.members.size() > 1;
      continue;
    }
    const int truth = ClassIndex(e.category[i]);
    if (truth < 0) continue;
    const auto source =
        std::find_if(e.documents.begin(), e.documents.end(),
                     [&](const Document& d) { return d.id == source_file[i]; });
    if (source == e.documents.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat(labels_path, ":", i + 2, ": source \"", source_file[i],
                       "\" is not one of the files"));
    }
    CloughAnswer a;
    a.document = i;
    a.truth = static_cast<ReuseClass>(truth);
    a.source = static_cast<size_t>(source - e.documents.begin());
    // Derived by story: the answer takes text from its story's origin,
    // whichever document that is.
    a.by_story = s.origin.kind == OriginKind::kDocument
                     ? ReuseClassOf(member_of[i]->role)
                     : ReuseClass::kNon;
    a.against_source = ReuseClassOf(RoleAgainstOrigin(
        e.report.Pair(a.source, i), static_cast<uint32_t>(i)));
    const bool derived = a.truth != ReuseClass::kNon;
    e.derived.Add(derived, a.by_story != ReuseClass::kNon);
    ++e.confusion[truth][static_cast<int>(a.by_story)];
    e.derived_against_source.Add(derived, a.against_source != ReuseClass::kNon);
    ++e.confusion_against_source[truth][static_cast<int>(a.against_source)];
    e.derived_from_source += derived && a.by_story != ReuseClass::kNon &&
                             *s.origin.document == a.source;
    e.answers.push_back(a);
  }
  return e;
}

}  // namespace neardup
