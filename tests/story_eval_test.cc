// Copyright 2026 The neardup Authors.
//
// Clough & Stevenson 2011 through the story analysis (skipped when
// ../shared/datasets is absent). `neardup eval` prints the full figures;
// this pins them so a change that loses ground fails.

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/story.h"

#include "test_paths.h"

namespace neardup {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(StoryEvalTest, CloughStevensonDerivedAnswers) {
  const std::optional<std::string> dir =
      testing::SharedDataset("clough-stevenson-2011");
  if (!dir) GTEST_SKIP() << "../shared/datasets not found";
  std::istringstream labels(ReadFile(*dir + "/labels.csv"));
  std::string line;
  std::getline(labels, line);  // file,task,category,source_file,...
  std::vector<Document> docs;
  std::vector<std::string> category;
  while (std::getline(labels, line)) {
    std::istringstream fields(line);
    std::string file, task, cat;
    std::getline(fields, file, ',');
    std::getline(fields, task, ',');
    std::getline(fields, cat, ',');
    Document d;
    d.id = file;
    d.text = ReadFile(*dir + "/text_utf8/" + file);
    ASSERT_FALSE(d.text.empty()) << file;
    docs.push_back(std::move(d));
    category.push_back(cat);
  }
  ASSERT_EQ(docs.size(), 100u);
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  int tp = 0, fp = 0, fn = 0, sources_named = 0;
  size_t members = 0;
  for (const Story& s : r->stories) {
    members += s.members.size();
    for (const StoryMember& m : s.members) {
      const std::string& c = category[m.document];
      if (c == "orig") {
        sources_named += m.role == Role::kOrigin && s.members.size() > 1;
        continue;
      }
      const bool truth = c != "non";
      const bool predicted =
          s.origin.kind == OriginKind::kDocument &&
          (m.role == Role::kCopy || m.role == Role::kNearDuplicate ||
           m.role == Role::kRewrite);
      tp += truth && predicted;
      fp += !truth && predicted;
      fn += truth && !predicted;
    }
  }
  EXPECT_EQ(members, docs.size());
  const double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
  EXPECT_GE(f1, 0.94) << "tp " << tp << " fp " << fp << " fn " << fn;
  EXPECT_GE(sources_named, 3);
}

}  // namespace
}  // namespace neardup
