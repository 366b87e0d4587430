// Copyright 2026 The neardup Authors.

#include "neardup/story.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"

#include "neardup/attribution.h"

#include "internal/pairs.h"
#include "internal/parallel.h"
#include "story/cluster.h"
#include "story/features.h"
#include "story/origin.h"
#include "story/seed_postings.h"

namespace neardup {

std::string_view PairRelationName(PairRelation relation) {
  switch (relation) {
    case PairRelation::kUnrelated:
      return "unrelated";
    case PairRelation::kRelated:
      return "related";
    case PairRelation::kRewrite:
      return "rewrite";
    case PairRelation::kPartial:
      return "partial";
    case PairRelation::kNearDuplicate:
      return "near_duplicate";
    case PairRelation::kCopy:
      return "copy";
  }
  return "unrelated";
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kOrigin:
      return "origin";
    case Role::kCopy:
      return "copy";
    case Role::kNearDuplicate:
      return "near_duplicate";
    case Role::kRewrite:
      return "rewrite";
    case Role::kIndependent:
      return "independent";
  }
  return "independent";
}

std::string_view OriginKindName(OriginKind kind) {
  switch (kind) {
    case OriginKind::kUnknown:
      return "unknown";
    case OriginKind::kDocument:
      return "document";
    case OriginKind::kExternal:
      return "external";
  }
  return "unknown";
}

const PairAnalysis& StoryReport::Pair(size_t a, size_t b) const {
  if (a > b) std::swap(a, b);
  return pairs[internal::PairIndex(a, b, attributions.size())];
}

absl::StatusOr<StoryReport> AnalyzeStories(absl::Span<const Document> docs,
                                           const StoryOptions& options) {
  if (options.align.seed_words < 1 || options.align.max_gap < 0 ||
      options.align.min_words < 1 || options.align.max_seed_hits < 1) {
    return absl::InvalidArgumentError(
        "align options: seed_words, min_words and max_seed_hits must be >= "
        "1 and max_gap >= 0");
  }
  if (!(options.story_threshold >= 0 && options.story_threshold <= 1)) {
    return absl::InvalidArgumentError("story_threshold must be in [0, 1]");
  }
  if (docs.size() > options.max_documents) {
    return absl::ResourceExhaustedError(
        absl::StrCat(docs.size(),
                     " documents: the story analysis compares every pair and "
                     "takes at most ",
                     options.max_documents, " (StoryOptions::max_documents)"));
  }
  absl::flat_hash_set<std::string_view> ids;
  for (const Document& d : docs) {
    if (!ids.insert(d.id).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("duplicate document id \"", d.id, "\""));
    }
  }

  StoryReport report;
  const std::vector<internal::DocFeatures> features =
      internal::ComputeFeatures(docs, options);
  const int threads = internal::ThreadCount(options.threads);
  report.attributions.resize(docs.size());
  internal::ParallelFor(docs.size(), threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      report.attributions[i] = ExtractAttributions(docs[i].text);
    }
  });
  const uint32_t n = static_cast<uint32_t>(docs.size());
  const std::vector<double> topic_cosines = internal::TopicCosines(features);
  report.pairs.resize(internal::NumPairs(n));
  // The progress count goes up every kProgressPairs pairs of a thread.
  constexpr size_t kProgressPairs = 1024;
  // Each chunk of pairs finds a row's shared seeds once, for all its pairs.
  const internal::SeedPostings postings(features, options.align);
  struct Row {
    size_t a = SIZE_MAX;
    std::vector<uint64_t> keys;  // (b << 32 | position), sorted.
    std::vector<uint32_t> positions;
    size_t at = 0;  // keys[at] is the first not below the current b.
  };
  internal::ParallelForPairsWith<Row>(
      n, threads, [&](Row& row, size_t k, size_t a, size_t b) {
        if (row.a != a) {
          row.a = a;
          postings.RowPositions(static_cast<uint32_t>(a), &row.keys);
          row.positions.clear();
          for (const uint64_t key : row.keys) {
            row.positions.push_back(static_cast<uint32_t>(key));
          }
          row.at = 0;
        }
        while (row.at < row.keys.size() && (row.keys[row.at] >> 32) < b) {
          ++row.at;
        }
        const size_t first = row.at;
        while (row.at < row.keys.size() && (row.keys[row.at] >> 32) == b) {
          ++row.at;
        }
        report.pairs[k] = internal::AnalyzePair(
            static_cast<uint32_t>(a), static_cast<uint32_t>(b), features[a],
            features[b], topic_cosines[k], options,
            absl::MakeConstSpan(row.positions).subspan(first, row.at - first));
        if (options.pairs_done != nullptr && (k + 1) % kProgressPairs == 0) {
          options.pairs_done->fetch_add(kProgressPairs,
                                        std::memory_order_relaxed);
        }
      });
  if (options.pairs_done != nullptr) {
    // The counts above were by blocks: the exact total now.
    options.pairs_done->store(report.pairs.size(), std::memory_order_relaxed);
  }

  const std::vector<std::vector<uint32_t>> groups =
      internal::ClusterStories(n, report.pairs, options.story_threshold);
  std::vector<size_t> token_counts;
  std::vector<uint64_t> text_keys;
  for (const internal::DocFeatures& f : features) {
    token_counts.push_back(f.tokens.size());
    text_keys.push_back(f.text_key);
  }
  internal::StoryContext context{
      docs,         report.pairs, report.attributions,
      token_counts, text_keys,    options};
  for (const std::vector<uint32_t>& group : groups) {
    report.stories.push_back(internal::BuildStory(context, group));
  }
  std::stable_sort(report.stories.begin(), report.stories.end(),
                   [](const Story& x, const Story& y) {
                     return x.members.size() > y.members.size();
                   });
  return report;
}

}  // namespace neardup
