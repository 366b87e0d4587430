// Copyright 2026 The neardup Authors.
//
// Roles against an in-corpus origin: a wire story, its verbatim copy, a
// lightly edited copy, a rewrite that takes one clause, an independent
// report of the same event, and an unrelated article.

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

#include "neardup/story.h"

#include "test_documents.h"

namespace neardup {
namespace {

constexpr char kWire[] =
    "The harbour authority of Port Elvane approved a plan on Tuesday to "
    "dredge the northern channel so that larger container ships can dock "
    "at the Kessler terminal. The project will cost 240 million euros and "
    "take three years, the authority said in a statement. Dredging will "
    "begin in March and remove about four million cubic metres of silt. "
    "Fishermen in the bay have protested against the plan, saying the work "
    "will drive away the cod that spawn near the river mouth. Director "
    "Mirela Osterkamp told reporters that the authority would pay for a "
    "study of the fish stocks before the first dredger arrives. The "
    "Kessler terminal handled 1.8 million containers last year.";

using ::neardup::testing::Doc;

// The wire text with every eighth word replaced.
std::string LightlyEdited() {
  std::vector<std::string> words = absl::StrSplit(kWire, ' ');
  for (size_t i = 7; i < words.size(); i += 8) words[i] = "indeed";
  return absl::StrJoin(words, " ");
}

TEST(StoryRolesTest, CopyNearDuplicateRewriteIndependent) {
  std::vector<Document> docs;
  docs.push_back(Doc("unrelated",
                     "The national football league announced its fixture "
                     "list for the new season on Friday, with the opening "
                     "match between the two promoted clubs set for an "
                     "August evening in the capital. Ticket prices rise by "
                     "five percent."));
  docs.push_back(Doc(
      "copy", std::string(kWire) + " More local news follows on page four."));
  docs.push_back(Doc("wire", kWire));
  docs.push_back(Doc("edited", LightlyEdited()));
  docs.push_back(
      Doc("rewrite",
          "Bigger ships are coming to Port Elvane. Officials there endorsed "
          "deepening a shipping lane beside the Kessler docks, a job priced at "
          "240 million euros. Cod fishermen oppose it, and the port's director "
          "has answered them: the authority would pay for a study of the fish "
          "stocks, she said, before any digging. Work starts in spring, and "
          "the terminal expects its first giant carrier within four years."));
  docs.push_back(
      Doc("independent",
          "Dredgers will deepen the northern approach to Port Elvane so that "
          "bigger vessels fit at Kessler. The bill: 240 million euros across "
          "three years. Harbour chief Osterkamp promised a survey of the cod, "
          "whose spawning grounds lie by the estuary; fishermen remain angry "
          "about the dredging plan."));
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->stories.size(), 2u);
  const Story& s = r->stories[0];
  ASSERT_EQ(s.members.size(), 5u);
  EXPECT_EQ(r->stories[1].members[0].id, "unrelated");
  EXPECT_EQ(s.origin.kind, OriginKind::kDocument);
  EXPECT_EQ(s.origin.id, "wire");
  EXPECT_EQ(s.members[0].id, "wire");  // The origin comes first.
  EXPECT_EQ(s.members[0].role, Role::kOrigin);
  auto role = [&](const std::string& id) {
    for (const StoryMember& m : s.members) {
      if (m.id == id) return m.role;
    }
    return Role::kOrigin;
  };
  EXPECT_EQ(role("copy"), Role::kCopy);
  EXPECT_EQ(role("edited"), Role::kNearDuplicate);
  EXPECT_EQ(role("rewrite"), Role::kRewrite);
  EXPECT_EQ(role("independent"), Role::kIndependent);
  for (const StoryMember& m : s.members) {
    EXPECT_FALSE(m.reasons.empty()) << m.id;
    EXPECT_GE(m.confidence, 0.0);
    EXPECT_LE(m.confidence, 1.0);
  }
  // Pair relations: the copy and the wire are near-verbatim.
  for (const PairAnalysis& p : r->pairs) {
    if (docs[p.a].id == "copy" && docs[p.b].id == "wire") {
      EXPECT_EQ(p.relation, PairRelation::kCopy);
    }
    if (docs[p.a].id == "wire" && docs[p.b].id == "edited") {
      EXPECT_EQ(p.relation, PairRelation::kNearDuplicate);
    }
  }
}

TEST(StoryRolesTest, TwinOriginsSayTheTextCannotTell) {
  // Two identical texts and a rewrite of them: either could be the origin,
  // and the report says so instead of claiming to know.
  std::vector<Document> docs;
  docs.push_back(Doc("wire", kWire));
  docs.push_back(Doc("mirror", kWire));
  docs.push_back(Doc("edited", LightlyEdited()));
  const absl::StatusOr<StoryReport> r = AnalyzeStories(docs);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->stories.size(), 1u);
  const StoryOrigin& o = r->stories[0].origin;
  ASSERT_EQ(o.kind, OriginKind::kDocument);
  EXPECT_TRUE(o.id == "wire" || o.id == "mirror") << o.id;
  EXPECT_LE(o.confidence, 0.5);
  bool said = false;
  for (const std::string& reason : o.reasons) {
    said = said ||
           reason.find("cannot tell which came first") != std::string::npos;
  }
  EXPECT_TRUE(said);

  // Text of its own tells the copy: no twin note, higher confidence. (A
  // text with every eighth word replaced is a twin too: gaps are bridged,
  // and nothing says which side made the edits.)
  docs[1].text = std::string(kWire) +
                 " More local news follows on page four, with the weather "
                 "and the tide tables for the coming week.";
  docs[2].text = std::string(kWire).substr(0, 200) +
                 " Readers can send their questions about the project to the "
                 "newsroom, which will put them to the harbour authority.";
  const absl::StatusOr<StoryReport> r2 = AnalyzeStories(docs);
  ASSERT_TRUE(r2.ok()) << r2.status();
  const StoryOrigin& o2 = r2->stories[0].origin;
  EXPECT_EQ(o2.id, "wire");
  EXPECT_GT(o2.confidence, 0.5);
  for (const std::string& reason : o2.reasons) {
    EXPECT_EQ(reason.find("cannot tell"), std::string::npos) << reason;
  }
}

// The origin id and every member's role, by id, for each story (keyed by
// its smallest member id).
std::map<std::string, std::map<std::string, std::string>> Summary(
    const StoryReport& r) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const Story& s : r.stories) {
    std::map<std::string, std::string> roles;
    for (const StoryMember& m : s.members) {
      roles[m.id] = std::string(RoleName(m.role));
    }
    roles["(origin)"] = std::string(OriginKindName(s.origin.kind)) + " " +
                        s.origin.id + " " + s.origin.outlet;
    out[roles.begin()->first] = std::move(roles);
  }
  return out;
}

TEST(StoryRolesTest, ShufflingTheInputChangesNoOriginAndNoRole) {
  // Twins (identical texts: the evidence ties exactly), a second pair of
  // twins with one word changed, and derivatives of both: the origin and the
  // roles must not follow input order.
  std::string twin_b = kWire;
  twin_b.replace(twin_b.find("Tuesday"), 7, "Monday");
  std::vector<Document> docs;
  docs.push_back(Doc("wire", kWire));
  docs.push_back(Doc("mirror", kWire));
  docs.push_back(Doc("edited", LightlyEdited()));
  docs.push_back(
      Doc("partial", std::string(kWire).substr(0, 300) +
                         " Readers can send their questions about the "
                         "project to the newsroom, which will put them to the "
                         "harbour authority at its next public meeting."));
  docs.push_back(Doc("monday", twin_b));
  const absl::StatusOr<StoryReport> first = AnalyzeStories(docs);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->stories.size(), 1u);
  const auto expected = Summary(*first);
  // Input order used to decide between exact twins: make sure this input
  // is such a case (the origin is one of the identical texts).
  const std::string origin = first->stories[0].origin.id;
  EXPECT_TRUE(origin == "wire" || origin == "mirror") << origin;

  std::mt19937 rng(20260424);
  std::vector<size_t> order = {0, 1, 2, 3, 4};
  for (int round = 0; round < 12; ++round) {
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<Document> shuffled;
    for (const size_t k : order) shuffled.push_back(docs[k]);
    const absl::StatusOr<StoryReport> r = AnalyzeStories(shuffled);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(Summary(*r), expected) << "round " << round;
  }
  // The reversed order puts the other twin first.
  std::vector<Document> reversed(docs.rbegin(), docs.rend());
  const absl::StatusOr<StoryReport> r = AnalyzeStories(reversed);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(Summary(*r), expected);
  EXPECT_EQ(r->stories[0].origin.id, origin);
}

}  // namespace
}  // namespace neardup
