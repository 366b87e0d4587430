// Copyright 2026 The neardup Authors.
//
// Rendering a StoryReport for people (a table) and pipelines (JSON). The
// JSON schema is documented in docs/story-json.md.
//
//   absl::StatusOr<neardup::StoryReport> r = neardup::AnalyzeStories(docs);
//   neardup::StoryRenderOptions render;
//   render.explain = true;
//   neardup::WriteStoryTable(docs, *r, render, std::cout);
//   neardup::WriteStoryJson(docs, *r, render, std::cout);
//
// Output is deterministic: the same documents and report give the same
// bytes. Thread-safe; writes only to the stream given.

#ifndef NEARDUP_STORY_REPORT_H_
#define NEARDUP_STORY_REPORT_H_

#include <cstddef>
#include <ostream>
#include <string>

#include "absl/types/span.h"

#include "neardup/document.h"
#include "neardup/story.h"

namespace neardup {

struct StoryRenderOptions {
  bool explain = false;        // Table: reasons of origins and roles.
  size_t max_passages = 3;     // Table: shared passages shown per story.
  size_t snippet_chars = 120;  // Table: passage excerpt length, in bytes.
  // Pairs listed: those at least this related (JSON and table).
  PairRelation min_relation = PairRelation::kRelated;
};

// The readable report: per story, its origin and evidence, the members with
// role, confidence and share taken, the top shared passages; then the
// related pairs, closest first. `docs` are the documents analysed, in the
// same order.
void WriteStoryTable(absl::Span<const Document> docs, const StoryReport& report,
                     const StoryRenderOptions& options, std::ostream& out);

// The report as one JSON object {"stories", "pairs", "attributions"}
// (docs/story-json.md), followed by a newline.
void WriteStoryJson(absl::Span<const Document> docs, const StoryReport& report,
                    const StoryRenderOptions& options, std::ostream& out);

// The same JSON object as a string, for embedding in another report.
std::string StoryJson(absl::Span<const Document> docs,
                      const StoryReport& report,
                      const StoryRenderOptions& options);

}  // namespace neardup

#endif  // NEARDUP_STORY_REPORT_H_
