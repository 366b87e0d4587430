// Copyright 2026 The neardup Authors.
//
// JSON renderings of verdicts, stories and stats (index.h): the one home for
// the CLI and the HTTP service, so both print identical records.

#include <string>

#include "nlohmann/json.hpp"

#include "neardup/index.h"

#include "report/json_util.h"

namespace neardup {
namespace {

using nlohmann::ordered_json;

ordered_json OriginJson(const IndexOrigin& origin) {
  ordered_json j;
  j["kind"] = std::string(OriginKindName(origin.kind));
  j["id"] = origin.id.empty() ? ordered_json(nullptr) : ordered_json(origin.id);
  j["outlet"] = origin.outlet.empty() ? ordered_json(nullptr)
                                      : ordered_json(origin.outlet);
  j["published"] = origin.published.has_value()
                       ? ordered_json(*origin.published)
                       : ordered_json(nullptr);
  return j;
}

std::string Dump(const ordered_json& j) {
  // Invalid UTF-8 in an id cannot stop a record: replace it.
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string_view IndexRoleName(IndexRole role) {
  switch (role) {
    case IndexRole::kNone:
      return "none";
    case IndexRole::kNew:
      return "new";
    case IndexRole::kOrigin:
      return "origin";
    case IndexRole::kCopy:
      return "copy";
    case IndexRole::kNearDuplicate:
      return "near_duplicate";
    case IndexRole::kPartial:
      return "partial";
    case IndexRole::kRewrite:
      return "rewrite";
    case IndexRole::kRelated:
      return "related";
    case IndexRole::kDerivative:
      return "derivative";
  }
  return "none";
}

IndexVerdict SkippedVerdict(const ReadItem& item) {
  IndexVerdict v;
  v.id = item.document.id;
  v.skip = item.skip;
  return v;
}

std::string VerdictToJson(const IndexVerdict& verdict) {
  ordered_json j;
  j["id"] = verdict.id;
  if (verdict.skipped()) {
    j["skipped"] = true;
    j["reason"] = std::string(SkipReasonName(verdict.skip.reason));
    j["detail"] = verdict.skip.detail;
    return Dump(j);
  }
  j["story"] =
      verdict.story == 0 ? ordered_json(nullptr) : ordered_json(verdict.story);
  j["role"] = std::string(IndexRoleName(verdict.role));
  j["origin"] = OriginJson(verdict.origin);
  ordered_json matches = ordered_json::array();
  for (const IndexMatch& m : verdict.matches) {
    ordered_json jm;
    jm["id"] = m.id;
    jm["story"] = m.story;
    jm["relation"] = std::string(RelationName(m.relation));
    jm["jaccard"] = internal::RoundScore(m.jaccard);
    jm["containment"] = internal::RoundScore(m.containment);
    jm["hamming"] = m.hamming;
    matches.push_back(std::move(jm));
  }
  j["matches"] = std::move(matches);
  j["added"] = verdict.added;
  return Dump(j);
}

std::string StoryToJson(const IndexStory& story) {
  ordered_json j;
  j["story"] = story.id;
  j["origin"] = OriginJson(story.origin);
  j["centre"] = story.centre;
  ordered_json members = ordered_json::array();
  for (const IndexStoryMember& m : story.members) {
    ordered_json jm;
    jm["id"] = m.id;
    jm["outlet"] =
        m.outlet.empty() ? ordered_json(nullptr) : ordered_json(m.outlet);
    jm["published"] = m.published.has_value() ? ordered_json(*m.published)
                                              : ordered_json(nullptr);
    jm["role"] = std::string(IndexRoleName(m.role));
    jm["jaccard"] = internal::RoundScore(m.jaccard);
    jm["containment"] = internal::RoundScore(m.containment);
    jm["hamming"] = m.hamming;
    members.push_back(std::move(jm));
  }
  j["members"] = std::move(members);
  j["cited_outlets"] = story.cited_outlets;
  return Dump(j);
}

std::string StatsToJson(const IndexStats& stats) {
  ordered_json j;
  j["format_version"] = stats.format_version;
  j["documents"] = stats.documents;
  j["deleted"] = stats.deleted;
  j["stories"] = stats.stories;
  j["multi_stories"] = stats.multi_stories;
  j["commits"] = stats.commits;
  j["file_bytes"] = stats.file_bytes;
  j["used_bytes"] = stats.used_bytes;
  j["memory_bytes"] = stats.memory_bytes;
  j["memory_budget"] = stats.memory_budget;
  const DedupOptions& d = stats.options.dedup;
  ordered_json o;
  o["shingle_size"] = d.shingle_size;
  o["num_registers"] = d.num_registers;
  o["jaccard_threshold"] = d.jaccard_threshold;
  o["containment_threshold"] = d.containment_threshold;
  o["partial_lsh_threshold"] = d.partial_lsh_threshold;
  o["simhash_distance"] = d.simhash_distance;
  o["min_shingles"] = d.min_shingles;
  o["attributions"] = stats.options.attributions;
  o["max_bytes"] = stats.options.max_bytes;
  j["options"] = std::move(o);
  return Dump(j);
}

}  // namespace neardup
