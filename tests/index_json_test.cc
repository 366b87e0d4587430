// Copyright 2026 The neardup Authors.
//
// VerdictToJson() / AppendVerdictJson() write JSON by hand: byte for byte
// what the nlohmann tree the index rendered before gives (the reference
// below), for every field, odd strings (quotes, controls, non-ASCII,
// invalid UTF-8) and every score the index prints.

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

#include "neardup/index.h"

namespace neardup {
namespace {

using nlohmann::ordered_json;

double Round4(double x) { return std::round(x * 1e4) / 1e4; }

ordered_json RefOrigin(const IndexOrigin& origin) {
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

// The rendering of revision 0da2413 (nlohmann tree, dumped).
std::string Reference(const IndexVerdict& verdict) {
  auto dump = [](const ordered_json& j) {
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  };
  ordered_json j;
  j["id"] = verdict.id;
  if (verdict.skipped()) {
    j["skipped"] = true;
    j["reason"] = std::string(SkipReasonName(verdict.skip.reason));
    j["detail"] = verdict.skip.detail;
    return dump(j);
  }
  j["story"] =
      verdict.story == 0 ? ordered_json(nullptr) : ordered_json(verdict.story);
  j["role"] = std::string(IndexRoleName(verdict.role));
  j["origin"] = RefOrigin(verdict.origin);
  ordered_json matches = ordered_json::array();
  for (const IndexMatch& m : verdict.matches) {
    ordered_json jm;
    jm["id"] = m.id;
    jm["story"] = m.story;
    jm["relation"] = std::string(RelationName(m.relation));
    jm["jaccard"] = Round4(m.jaccard);
    jm["containment"] = Round4(m.containment);
    jm["hamming"] = m.hamming;
    matches.push_back(std::move(jm));
  }
  j["matches"] = std::move(matches);
  j["added"] = verdict.added;
  return dump(j);
}

const std::vector<std::string>& OddStrings() {
  static const std::vector<std::string> strings = {
      "",
      "d00000001",
      "with \"quotes\" and \\ backslash",
      "tab\tnew\nline\r",
      std::string("nul\0byte", 8),
      "\x01\x1f control",
      "del \x7f",
      "Z\xc3\xbcrich \xe2\x80\x94 \xf0\x9f\x93\xb0",
      "bad \xff\xfe utf-8",
      "cut \xc3",
      "\xe2\x80 half",
      "/slash </script>",
  };
  return strings;
}

void ExpectSame(const IndexVerdict& v) {
  const std::string want = Reference(v);
  EXPECT_EQ(VerdictToJson(v), want);
  std::string out = "prefix\n";
  AppendVerdictJson(v, &out);
  EXPECT_EQ(out, "prefix\n" + want);
}

TEST(IndexJsonTest, SkippedVerdicts) {
  for (const std::string& s : OddStrings()) {
    IndexVerdict v;
    v.id = s;
    v.skip = {SkipReason::kDuplicateId, "the id " + s + " is indexed"};
    ExpectSame(v);
    v.skip.reason = SkipReason::kOverLimit;
    v.skip.detail = s;
    ExpectSame(v);
  }
}

TEST(IndexJsonTest, EveryField) {
  int n = 0;
  for (const OriginKind kind :
       {OriginKind::kUnknown, OriginKind::kDocument, OriginKind::kExternal}) {
    for (const IndexRole role :
         {IndexRole::kNone, IndexRole::kNew, IndexRole::kOrigin,
          IndexRole::kCopy, IndexRole::kNearDuplicate, IndexRole::kPartial,
          IndexRole::kRewrite, IndexRole::kRelated, IndexRole::kDerivative}) {
      for (const std::string& s : OddStrings()) {
        ++n;
        IndexVerdict v;
        v.id = s;
        v.story = n % 4 == 0   ? 0
                  : n % 4 == 1 ? 1
                  : n % 4 == 2 ? 123456789
                               : std::numeric_limits<uint64_t>::max();
        v.role = role;
        v.added = n % 2 == 0;
        v.origin.kind = kind;
        v.origin.id = n % 3 == 0 ? "" : s;
        v.origin.outlet = n % 5 == 0 ? "" : s + " Times";
        if (n % 3 == 1) v.origin.published = 1767225600;
        if (n % 3 == 2) v.origin.published = -86400 - n;
        const Relation relations[] = {Relation::kCopy, Relation::kNearDuplicate,
                                      Relation::kPartial, Relation::kRewrite};
        for (int m = 0; m < n % 4; ++m) {
          IndexMatch match;
          match.id = m == 0 ? s : "m" + std::to_string(m);
          match.story = static_cast<uint64_t>(n) * 1000 + m;
          match.relation = relations[(n + m) % 4];
          match.jaccard = static_cast<float>(n % 97) / 97.0f;
          match.containment = 1.0f - static_cast<float>(m) / 3.0f;
          match.hamming = m == 2 ? -1 : n % 65;
          v.matches.push_back(match);
        }
        ExpectSame(v);
      }
    }
  }
}

TEST(IndexJsonTest, EveryScore) {
  // Every value a score rounds to, from floats near it, and odd ones.
  std::vector<float> scores;
  for (int i = 0; i <= 10000; ++i) {
    const float x = static_cast<float>(i) / 10000.0f;
    scores.push_back(x);
    scores.push_back(std::nextafter(x, 2.0f));
    scores.push_back(x + 0.00004f);
  }
  for (const float x : {1e-5f, 4.9e-5f, 5e-5f, 1.5f, 100.25f, 1e6f, -0.0f,
                        -0.25f, std::numeric_limits<float>::quiet_NaN(),
                        std::numeric_limits<float>::infinity()}) {
    scores.push_back(x);
  }
  IndexVerdict v;
  v.id = "s";
  v.story = 7;
  v.role = IndexRole::kCopy;
  v.origin.kind = OriginKind::kDocument;
  v.origin.id = "o";
  for (size_t i = 0; i < scores.size(); i += 2) {
    IndexMatch m;
    m.id = "m";
    m.story = 7;
    m.relation = Relation::kNearDuplicate;
    m.jaccard = scores[i];
    m.containment = scores[i + 1 < scores.size() ? i + 1 : 0];
    m.hamming = 3;
    v.matches.assign(1, m);
    ExpectSame(v);
  }
}

}  // namespace
}  // namespace neardup
