// Copyright 2026 The neardup Authors.
//
// MSRP: news sentence pairs labelled paraphrase or not, each pair analysed
// by itself.

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

#include "neardup/eval.h"

#include "eval/readers.h"
#include "internal/status_macros.h"

namespace neardup {

absl::StatusOr<std::vector<MsrpPair>> EvaluateMsrp(
    const std::string& dir, const std::string& split,
    const StoryOptions& options) {
  const std::string path = dir + "/msr_paraphrase_" + split + ".tsv";
  NEARDUP_ASSIGN_OR_RETURN(const std::string text,
                           internal::ReadWholeFile(path));
  std::vector<MsrpPair> out;
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);  // Quality, #1 ID, #2 ID, #1 String, #2 String.
  while (std::getline(lines, line)) {
    const std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() < 5) continue;  // A blank or damaged line.
    std::vector<Document> docs(2);
    docs[0].id = f[1];
    docs[1].id = f[2] == f[1] ? f[2] + "'" : f[2];
    docs[0].text = f[3];
    docs[1].text = f[4];
    NEARDUP_ASSIGN_OR_RETURN(const StoryReport r,
                             AnalyzeStories(docs, options));
    MsrpPair p;
    p.id1 = f[1];
    p.id2 = f[2];
    p.paraphrase = f[0] == "1";
    p.analysis = r.pairs[0];
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace neardup
