// Copyright 2026 The neardup Authors.

#include "story/origin.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

#include "neardup/attribution.h"
#include "neardup/story.h"

namespace neardup::internal {
namespace {

// Role thresholds on the share of a member's words taken from the reference
// document (inside passages shared with it), and on how exactly the taken
// passages match: a copy takes a good part of its text (>= 30%) verbatim
// (>= 95% of the passage words identical, in order); a near-duplicate takes
// most of its text (>= 50%) with edits; a rewrite takes some (>= 7%).
constexpr double kCopyShare = 0.3;
constexpr double kCopyExact = 0.95;
constexpr double kNearDuplicateShare = 0.5;
constexpr double kRewriteShare = 0.07;
// Two members each with at least this share of their words in the other
// are twins (one is a full copy of the other).
constexpr double kTwinShare = 0.97;

struct Citation {
  std::string outlet;             // Display form (the first seen).
  std::vector<uint32_t> members;  // Distinct citing members, sorted.
  int strong = 0;
  std::vector<CitedSpan> evidence;
};

// Exactness of `member`'s side (pair.a or pair.b) of the pair's passages:
// matched words over the words they span in the member.
double Exactness(const PairAnalysis& p, uint32_t member) {
  const bool is_a = member == p.a;
  size_t span = 0, matched = 0;
  for (const Passage& q : p.passages) {
    span += is_a ? q.a_last - q.a_first : q.b_last - q.b_first;
    matched += q.matched;
  }
  return span == 0 ? 0 : static_cast<double>(matched) / span;
}

// The role from the share taken and its exactness (see the constants).
Role RoleFromShare(double share, double exact) {
  if (share >= kCopyShare && exact >= kCopyExact) return Role::kCopy;
  if (share >= kNearDuplicateShare) return Role::kNearDuplicate;
  if (share >= kRewriteShare) return Role::kRewrite;
  return Role::kIndependent;
}

std::string Pct(double x) { return absl::StrFormat("%.0f%%", 100 * x); }

// Origin by text reuse. For member i: `holds` is the share of the text the
// other members reuse (their words inside passages shared with any member
// but i) that i also shares with them: an origin holds what its derivatives
// take, even when each takes a different part (Clough & Stevenson's answers
// each copy other sentences of one Wikipedia article). `reused`: share of
// i's own words found in other members. In a story of two, holds = reused:
// the derivative is the one that adds text of its own.
struct ReuseScores {
  bool any = false;  // Some pair is `partial` or closer.
  std::vector<double> holds, reused;
};
constexpr double kHoldTie = 0.0;

ReuseScores ScoreReuse(const StoryContext& ctx,
                       const std::vector<uint32_t>& members) {
  const size_t m = members.size();
  ReuseScores r;
  r.holds.assign(m, 0);
  r.reused.assign(m, 0);
  // covered[j][i]: bitmask of j's tokens inside passages shared with i.
  std::vector<std::vector<std::vector<bool>>> covered(m);
  for (size_t j = 0; j < m; ++j) {
    const size_t n = ctx.token_counts[members[j]];
    covered[j].assign(m, std::vector<bool>());
    for (size_t i = 0; i < m; ++i) {
      if (i == j) continue;
      std::vector<bool>& bits = covered[j][i];
      bits.assign(n, false);
      const PairAnalysis& p = ctx.Pair(members[j], members[i]);
      if (p.relation >= PairRelation::kPartial) r.any = true;
      const bool j_is_a = members[j] < members[i];
      for (const Passage& q : p.passages) {
        const uint32_t first = j_is_a ? q.a_first : q.b_first;
        const uint32_t last = j_is_a ? q.a_last : q.b_last;
        for (uint32_t t = first; t < last && t < n; ++t) bits[t] = true;
      }
    }
  }
  for (size_t i = 0; i < m; ++i) {
    size_t held = 0, total = 0, own = 0;
    for (size_t j = 0; j < m; ++j) {
      if (j == i) continue;
      const size_t n = ctx.token_counts[members[j]];
      for (size_t t = 0; t < n; ++t) {
        bool reused_elsewhere = false;
        for (size_t k = 0; k < m && !reused_elsewhere; ++k) {
          if (k != i && k != j) reused_elsewhere = covered[j][k][t];
        }

        if (!reused_elsewhere) continue;
        ++total;
        held += covered[j][i][t] ? 1 : 0;
      }
    }
    r.holds[i] = total ? static_cast<double>(held) / total : 0;
    const size_t n = ctx.token_counts[members[i]];
    for (size_t t = 0; t < n; ++t) {
      for (size_t k = 0; k < m; ++k) {
        if (k != i && covered[i][k][t]) {
          ++own;
          break;
        }
      }
    }
    r.reused[i] = n ? static_cast<double>(own) / n : 0;
  }
  // Two members: no third to tell which holds what the others take; the
  // derivative is the one that adds text of its own.
  if (m == 2) r.holds = r.reused;
  return r;
}

}  // namespace

const PairAnalysis& StoryContext::Pair(uint32_t x, uint32_t y) const {
  const uint32_t a = std::min(x, y), b = std::max(x, y);
  const size_t n = docs.size();
  // Pairs are (0,1), (0,2), ..., (0,n-1), (1,2), ...
  const size_t index = a * n - a * (a + 1) / 2 + (b - a - 1);
  return pairs[index];
}

bool StoryContext::TextKeyLess(uint32_t x, uint32_t y) const {
  if (text_keys[x] != text_keys[y]) return text_keys[x] < text_keys[y];
  return docs[x].id < docs[y].id;
}

double StoryContext::Share(uint32_t x, uint32_t y) const {
  const PairAnalysis& p = Pair(x, y);
  return x < y ? p.a_in_b : p.b_in_a;
}

double StoryContext::Retold(uint32_t x, uint32_t y) const {
  const PairAnalysis& p = Pair(x, y);
  return x < y ? p.a_retold : p.b_retold;
}

Story BuildStory(const StoryContext& ctx,
                 const std::vector<uint32_t>& members) {
  Story story;
  StoryOrigin& origin = story.origin;
  if (members.size() == 1) {
    const uint32_t d = members[0];
    origin.kind = OriginKind::kDocument;
    origin.document = d;
    origin.id = ctx.docs[d].id;
    origin.outlet = ctx.docs[d].outlet;
    origin.confidence = 1;
    origin.reasons.push_back("the only document of its story");
    StoryMember m;
    m.document = d;
    m.id = ctx.docs[d].id;
    m.role = Role::kOrigin;
    m.confidence = 1;
    m.reasons.push_back("matches no other document");
    story.members.push_back(std::move(m));
    return story;
  }

  // Citations, by outlet key (std::map: deterministic order).
  std::map<std::string, Citation> cited;
  for (const uint32_t m : members) {
    for (const Attribution& a : ctx.attributions[m]) {
      Citation& c = cited[a.outlet_key];
      if (c.outlet.empty()) c.outlet = a.outlet;
      if (c.members.empty() || c.members.back() != m) c.members.push_back(m);
      c.strong += a.strong ? 1 : 0;
      c.evidence.push_back({m, a});
    }
  }
  const Citation* top = nullptr;
  std::string top_key;
  for (const auto& [key, c] : cited) {
    if (top == nullptr || c.members.size() > top->members.size() ||
        (c.members.size() == top->members.size() && c.strong > top->strong)) {
      top = &c;
      top_key = key;
    }
  }
  auto member_with_outlet = [&](const std::string& key) -> int64_t {
    int64_t best = -1;
    for (const uint32_t m : members) {
      if (ctx.docs[m].outlet.empty() || OutletKey(ctx.docs[m].outlet) != key) {
        continue;
      }
      if (best < 0) {
        best = m;
        continue;
      }
      const auto& tm = ctx.docs[m].published;
      const auto& tb = ctx.docs[best].published;
      if (tm && tb && *tm != *tb) {
        if (*tm < *tb) best = m;
      } else if (ctx.TextKeyLess(m, static_cast<uint32_t>(best))) {
        best = m;
      }
    }
    return best;
  };

  const ReuseScores reuse = ScoreReuse(ctx, members);
  int64_t reference = -1;  // The document roles are measured against.
  const int64_t cited_member = top ? member_with_outlet(top_key) : -1;
  if (cited_member >= 0) {
    origin.kind = OriginKind::kDocument;
    origin.document = static_cast<uint32_t>(cited_member);
    origin.confidence = 0.9;
    origin.reasons.push_back(
        absl::StrCat("credited as the source by ", top->members.size(),
                     " member(s), and its outlet is ", top->outlet));
    reference = cited_member;
  } else if (reuse.any) {
    // The member holding the most of the text the others reuse; near ties
    // go to the earliest published, then to the one with the least text of
    // its own (derivatives add their own), then to the text key (never to
    // input order).
    const double best =
        *std::max_element(reuse.holds.begin(), reuse.holds.end());
    size_t pick = members.size();
    for (size_t i = 0; i < members.size(); ++i) {
      if (reuse.holds[i] < best - kHoldTie) continue;
      if (pick == members.size()) {
        pick = i;
        continue;
      }
      const auto& ti = ctx.docs[members[i]].published;
      const auto& tp = ctx.docs[members[pick]].published;
      if (ti && tp && *ti != *tp) {
        if (*ti < *tp) pick = i;
      } else if (reuse.reused[i] > reuse.reused[pick] + 1e-9) {
        pick = i;
      } else if (reuse.reused[i] >= reuse.reused[pick] - 1e-9 &&
                 ctx.TextKeyLess(members[i], members[pick])) {
        pick = i;
      }
    }
    reference = members[pick];
    // Does the hub itself credit an outlet outside the input?
    const Attribution* credit = nullptr;
    for (const Attribution& a : ctx.attributions[reference]) {
      if (a.strong && member_with_outlet(a.outlet_key) < 0) {
        credit = &a;
        break;
      }
    }
    if (credit != nullptr) {
      origin.kind = OriginKind::kExternal;
      origin.outlet = credit->outlet;
      origin.confidence = 0.7;
      origin.reasons.push_back(absl::StrCat(
          ctx.docs[reference].id, ", whose text the others take, credits ",
          credit->outlet, " (\"", credit->cue, "\")"));
      for (const CitedSpan& e : cited[credit->outlet_key].evidence) {
        origin.evidence.push_back(e);
      }
    } else {
      origin.kind = OriginKind::kDocument;
      origin.document = static_cast<uint32_t>(reference);
      origin.confidence = 0.4 + 0.5 * reuse.holds[pick];
      origin.reasons.push_back(absl::StrCat(
          "holds ", Pct(reuse.holds[pick]),
          " of the text the other members share with each other; ",
          Pct(reuse.reused[pick]), " of its own text is found in them"));
      if (ctx.docs[reference].published) {
        origin.reasons.push_back("publication time considered");
      }
      // Members that hold (nearly) all of the origin's text and are held
      // by it are its twins: the text cannot tell which came first, so say
      // so and lower the confidence.
      const uint32_t r = static_cast<uint32_t>(reference);
      std::vector<std::string> twins;
      for (const uint32_t k : members) {
        if (k == r || ctx.Share(k, r) < kTwinShare ||
            ctx.Share(r, k) < kTwinShare) {
          continue;
        }
        const auto& tk = ctx.docs[k].published;
        const auto& tr = ctx.docs[r].published;
        if (!(tk && tr && *tk != *tr)) twins.push_back(ctx.docs[k].id);
      }
      if (!twins.empty()) {
        origin.confidence = std::min(origin.confidence, 0.5);
        origin.reasons.push_back(absl::StrCat(
            ctx.docs[r].id, " and ", absl::StrJoin(twins, ", "),
            " hold each other's text; without publication times the text "
            "cannot tell which came first"));
      }
    }
  } else if (top != nullptr) {
    origin.kind = OriginKind::kExternal;
    origin.outlet = top->outlet;
    origin.confidence =
        std::min(1.0, 0.5 + 0.5 * static_cast<double>(top->members.size()) /
                                static_cast<double>(members.size()));
    origin.reasons.push_back(absl::StrCat(
        top->members.size(), " of ", members.size(), " members credit ",
        top->outlet, ", which is not in the input"));
    origin.evidence = top->evidence;
  } else {
    int64_t earliest = -1;
    for (const uint32_t m : members) {
      const auto& t = ctx.docs[m].published;
      if (!t) continue;
      if (earliest < 0 || *t < *ctx.docs[earliest].published ||
          (*t == *ctx.docs[earliest].published &&
           ctx.TextKeyLess(m, static_cast<uint32_t>(earliest)))) {
        earliest = m;
      }
    }
    if (earliest >= 0) {
      origin.kind = OriginKind::kDocument;
      origin.document = static_cast<uint32_t>(earliest);
      origin.confidence = 0.4;
      origin.reasons.push_back("published first; no shared text or credits");
      reference = earliest;
    } else {
      origin.reasons.push_back(
          "no shared passages, credits or publication times");
    }
  }
  if (origin.kind == OriginKind::kDocument) {
    origin.id = ctx.docs[*origin.document].id;
    origin.outlet = ctx.docs[*origin.document].outlet;
    if (top != nullptr && cited_member >= 0) origin.evidence = top->evidence;
  }

  // Roles.
  for (const uint32_t d : members) {
    StoryMember m;
    m.document = d;
    m.id = ctx.docs[d].id;
    const bool is_origin =
        origin.kind == OriginKind::kDocument && *origin.document == d;
    if (is_origin) {
      m.role = Role::kOrigin;
      m.confidence = origin.confidence;
      m.reasons = origin.reasons;
      double share = 0;
      for (const uint32_t o : members) {
        if (o == d) continue;
        share = std::max(share, ctx.Share(d, o));
        m.share_retold = std::max(m.share_retold, ctx.Retold(d, o));
      }
      m.share_taken = share;
      story.members.insert(story.members.begin(), std::move(m));
      continue;
    }
    bool credits_origin = false;
    std::string credit_cue;
    for (const Attribution& a : ctx.attributions[d]) {
      if (!origin.outlet.empty() && a.outlet_key == OutletKey(origin.outlet)) {
        credits_origin = true;
        credit_cue = a.cue;
        break;
      }
    }
    if (reference >= 0 && static_cast<uint32_t>(reference) != d) {
      const uint32_t r = static_cast<uint32_t>(reference);
      const PairAnalysis& p = ctx.Pair(d, r);
      const double share = ctx.Share(d, r);
      const double exact = Exactness(p, d);
      m.share_taken = share;
      m.share_retold = ctx.Retold(d, r);
      const std::string from = ctx.docs[r].id;
      const Role by_share = RoleFromShare(share, exact);
      if (by_share == Role::kCopy) {
        m.role = Role::kCopy;
        m.confidence = std::min(1.0, 0.6 + 2 * (share - kCopyShare));
        m.reasons.push_back(absl::StrCat(Pct(share), " of its words are in ",
                                         from, ", ", Pct(exact), " verbatim"));
      } else if (by_share == Role::kNearDuplicate) {
        m.role = Role::kNearDuplicate;
        m.confidence = std::min(1.0, 0.6 + 2 * (share - kNearDuplicateShare));
        m.reasons.push_back(absl::StrCat(Pct(share), " of its words are in ",
                                         from, " with light edits"));
      } else if (by_share == Role::kRewrite || credits_origin) {
        m.role = Role::kRewrite;
        m.confidence = credits_origin ? 0.8 : 0.5 + share;
        m.reasons.push_back(absl::StrCat(Pct(share), " of its words are in ",
                                         from, "; retold otherwise"));
      } else {
        m.role = Role::kIndependent;
        m.confidence = std::min(1.0, 0.5 + 5 * (kRewriteShare - share));
        m.reasons.push_back(absl::StrFormat(
            "same story as %s (story score %.2f) but takes little of its "
            "text (%s)",
            from, p.story, Pct(share)));
      }
      if (credits_origin) {
        m.reasons.push_back(
            absl::StrCat("credits ", origin.outlet, " (\"", credit_cue, "\")"));
      }
    } else {
      double share = 0;
      for (const uint32_t o : members) {
        if (o == d) continue;
        share = std::max(share, ctx.Share(d, o));
        m.share_retold = std::max(m.share_retold, ctx.Retold(d, o));
      }
      m.share_taken = share;
      if (origin.kind == OriginKind::kExternal) {
        m.role = Role::kRewrite;
        if (credits_origin) {
          m.confidence = 0.9;
          m.reasons.push_back(absl::StrCat("credits ", origin.outlet, " (\"",
                                           credit_cue, "\")"));
        } else {
          m.confidence = 0.6;
          m.reasons.push_back(
              absl::StrCat("same story as the members crediting ",
                           origin.outlet, "; credits nobody itself"));
        }
      } else {
        m.role = Role::kIndependent;
        m.confidence = 0.5;
        m.reasons.push_back("same story; no evidence of who had it first");
      }
      // Close copies of another member say so: of the one first in the
      // text key order among those before it in that order (which twin is
      // called the copy must not depend on input order).
      int64_t copied = -1;
      for (const uint32_t o : members) {
        if (o == d || !ctx.TextKeyLess(o, d)) continue;
        const PairRelation rel = ctx.Pair(d, o).relation;
        if (rel != PairRelation::kCopy && rel != PairRelation::kNearDuplicate) {
          continue;
        }
        if (copied < 0 || ctx.TextKeyLess(o, static_cast<uint32_t>(copied))) {
          copied = o;
        }
      }
      if (copied >= 0) {
        const PairRelation rel = ctx.Pair(d, copied).relation;
        m.role =
            rel == PairRelation::kCopy ? Role::kCopy : Role::kNearDuplicate;
        m.reasons.push_back(absl::StrCat(std::string(PairRelationName(rel)),
                                         " of ", ctx.docs[copied].id));
      }
    }
    story.members.push_back(std::move(m));
  }
  return story;
}

}  // namespace neardup::internal

namespace neardup {

Role RoleAgainstOrigin(const PairAnalysis& pair, uint32_t member) {
  const bool is_a = member == pair.a;
  return internal::RoleFromShare(is_a ? pair.a_in_b : pair.b_in_a,
                                 internal::Exactness(pair, member));
}

}  // namespace neardup
