// Copyright 2026 The neardup Authors.
//
// JSON renderings of verdicts, stories and stats (index.h): the one home for
// the CLI and the HTTP service, so both print identical records.

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

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

// The verdict renderer writes JSON itself (one record per ingested
// document: nlohmann's tree of ~20 allocated nodes a verdict cost more
// than its LMDB writes), byte for byte as Dump() of the same tree would:
// the same key order, integers in decimal, doubles by nlohmann's own
// shortest round-trip formatter, strings escaped by nlohmann whenever they
// are not plain printable ASCII (tests/index_json_test.cc compares both).

void AppendString(std::string_view s, std::string* out) {
  bool plain = true;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (!plain) {
    *out += Dump(ordered_json(std::string(s)));
    return;
  }
  *out += '"';
  out->append(s);
  *out += '"';
}

template <typename Int>
void AppendInt(Int v, std::string* out) {
  std::array<char, 24> buf;
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  (void)ec;  // 24 digits hold every 64-bit value.
  out->append(buf.data(), static_cast<size_t>(end - buf.data()));
}

void AppendDouble(double v, std::string* out) {
  if (!std::isfinite(v)) {
    *out += "null";
    return;
  }
  std::array<char, 64> buf;  // nlohmann's number buffer.
  const char* end =
      nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
  out->append(buf.data(), static_cast<size_t>(end - buf.data()));
}

void AppendOrigin(const IndexOrigin& origin, std::string* out) {
  *out += "{\"kind\":";
  AppendString(OriginKindName(origin.kind), out);
  *out += ",\"id\":";
  if (origin.id.empty()) {
    *out += "null";
  } else {
    AppendString(origin.id, out);
  }
  *out += ",\"outlet\":";
  if (origin.outlet.empty()) {
    *out += "null";
  } else {
    AppendString(origin.outlet, out);
  }
  *out += ",\"published\":";
  if (origin.published.has_value()) {
    AppendInt(*origin.published, out);
  } else {
    *out += "null";
  }
  *out += '}';
}

}  // namespace

void AppendVerdictJson(const IndexVerdict& verdict, std::string* out) {
  *out += "{\"id\":";
  AppendString(verdict.id, out);
  if (verdict.skipped()) {
    *out += ",\"skipped\":true,\"reason\":";
    AppendString(SkipReasonName(verdict.skip.reason), out);
    *out += ",\"detail\":";
    AppendString(verdict.skip.detail, out);
    *out += '}';
    return;
  }
  *out += ",\"story\":";
  if (verdict.story == 0) {
    *out += "null";
  } else {
    AppendInt(verdict.story, out);
  }
  *out += ",\"role\":";
  AppendString(IndexRoleName(verdict.role), out);
  *out += ",\"origin\":";
  AppendOrigin(verdict.origin, out);
  *out += ",\"matches\":[";
  for (size_t i = 0; i < verdict.matches.size(); ++i) {
    const IndexMatch& m = verdict.matches[i];
    *out += i == 0 ? "{\"id\":" : ",{\"id\":";
    AppendString(m.id, out);
    *out += ",\"story\":";
    AppendInt(m.story, out);
    *out += ",\"relation\":";
    AppendString(RelationName(m.relation), out);
    *out += ",\"jaccard\":";
    AppendDouble(internal::RoundScore(m.jaccard), out);
    *out += ",\"containment\":";
    AppendDouble(internal::RoundScore(m.containment), out);
    *out += ",\"hamming\":";
    AppendInt(m.hamming, out);
    if (m.cosine >= 0) {
      *out += ",\"cosine\":";
      AppendDouble(internal::RoundScore(m.cosine), out);
    }
    *out += '}';
  }
  *out += verdict.added ? "],\"added\":true}" : "],\"added\":false}";
}

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
  std::string out;
  AppendVerdictJson(verdict, &out);
  return out;
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
    if (m.cosine >= 0) jm["cosine"] = internal::RoundScore(m.cosine);
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
  o["topic_cosine"] = stats.options.topic_cosine;
  o["max_bytes"] = stats.options.max_bytes;
  j["options"] = std::move(o);
  return Dump(j);
}

}  // namespace neardup
