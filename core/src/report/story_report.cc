// Copyright 2026 The neardup Authors.

#include "neardup/story_report.h"

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

#include "neardup/story.h"

#include "report/json_util.h"
#include "report/story_json.h"

namespace neardup {
namespace {

using Json = nlohmann::ordered_json;

// Bytes [span) of `text` with runs of white space made one space, cut to at
// most `max_bytes` on a UTF-8 boundary ("…" marks a cut).
std::string Snippet(std::string_view text, ByteSpan span, size_t max_bytes) {
  const size_t end = std::min<size_t>(span.end, text.size());
  std::string out;
  bool space = false;
  for (size_t i = std::min<size_t>(span.begin, end); i < end; ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.resize(cut);
    out += "\xE2\x80\xA6";
  }
  return out;
}

std::string Pct(double x) { return absl::StrFormat("%3.0f%%", 100 * x); }

// An item of a pair inside one story (a shared passage, a retold sentence).
template <class Item>
struct StoryItem {
  const PairAnalysis* pair;
  const Item* item;
};

// The items (`items(pair)`: a vector) of the pairs inside `story`, the
// first `limit` by `before` (a stable order, pairs in report order).
template <class Item, class Items, class Before>
std::vector<StoryItem<Item>> TopInStory(const StoryReport& report,
                                        const Story& story, size_t limit,
                                        Items items, Before before) {
  uint32_t max_doc = 0;
  for (const StoryMember& m : story.members) {
    max_doc = std::max(max_doc, m.document);
  }
  std::vector<bool> in(max_doc + 1, false);
  for (const StoryMember& m : story.members) in[m.document] = true;
  std::vector<StoryItem<Item>> all;
  for (const PairAnalysis& p : report.pairs) {
    if (p.b > max_doc || !in[p.a] || !in[p.b]) continue;
    for (const Item& x : items(p)) all.push_back({&p, &x});
  }
  std::stable_sort(all.begin(), all.end(),
                   [&](const StoryItem<Item>& x, const StoryItem<Item>& y) {
                     return before(*x.item, *y.item);
                   });
  if (all.size() > limit) all.resize(limit);
  return all;
}

// Shared passages by descending matched words; retold sentences by
// descending cosine.
std::vector<StoryItem<Passage>> TopPassages(const StoryReport& report,
                                            const Story& story, size_t limit) {
  return TopInStory<Passage>(
      report, story, limit,
      [](const PairAnalysis& p) -> const std::vector<Passage>& {
        return p.passages;
      },
      [](const Passage& x, const Passage& y) { return x.matched > y.matched; });
}

std::vector<StoryItem<RetoldSentence>> TopRetold(const StoryReport& report,
                                                 const Story& story,
                                                 size_t limit) {
  return TopInStory<RetoldSentence>(
      report, story, limit,
      [](const PairAnalysis& p) -> const std::vector<RetoldSentence>& {
        return p.retold;
      },
      [](const RetoldSentence& x, const RetoldSentence& y) {
        return x.cosine > y.cosine;
      });
}

Json SpanJson(ByteSpan s) { return Json{{"begin", s.begin}, {"end", s.end}}; }

Json AttributionJson(absl::Span<const Document> docs, uint32_t document,
                     const Attribution& a) {
  const std::string& text = docs[document].text;
  return Json{{"document", docs[document].id},
              {"outlet", a.outlet},
              {"cue", a.cue},
              {"strong", a.strong},
              {"evidence", SpanJson(a.evidence)},
              {"name", SpanJson(a.name)},
              {"text", text.substr(a.evidence.begin,
                                   a.evidence.end - a.evidence.begin)}};
}

Json BuildJson(absl::Span<const Document> docs, const StoryReport& report,
               const StoryRenderOptions& options) {
  Json pairs = Json::array();
  for (const PairAnalysis& p : report.pairs) {
    if (p.relation < options.min_relation) continue;
    pairs.push_back(internal::PairJson(docs, p));
  }
  return Json{{"stories", internal::StoriesJson(docs, report)},
              {"pairs", std::move(pairs)},
              {"attributions", internal::AttributionsJson(docs, report)}};
}

}  // namespace

namespace internal {

Json StoriesJson(absl::Span<const Document> docs, const StoryReport& report) {
  Json stories = Json::array();
  for (size_t s = 0; s < report.stories.size(); ++s) {
    const Story& story = report.stories[s];
    Json origin{{"kind", std::string(OriginKindName(story.origin.kind))},
                {"outlet", story.origin.outlet}};
    if (story.origin.document) {
      origin["id"] = story.origin.id;
    } else {
      origin["id"] = nullptr;
    }
    origin["confidence"] = internal::RoundScore(story.origin.confidence);
    origin["reasons"] = story.origin.reasons;
    Json evidence = Json::array();
    for (const CitedSpan& e : story.origin.evidence) {
      evidence.push_back(AttributionJson(docs, e.document, e.attribution));
    }
    origin["evidence"] = std::move(evidence);
    Json members = Json::array();
    for (const StoryMember& m : story.members) {
      members.push_back(
          Json{{"id", m.id},
               {"role", std::string(RoleName(m.role))},
               {"confidence", internal::RoundScore(m.confidence)},
               {"share_taken", internal::RoundScore(m.share_taken)},
               {"share_retold", internal::RoundScore(m.share_retold)},
               {"reasons", m.reasons}});
    }
    stories.push_back(Json{{"story", s + 1},
                           {"size", story.members.size()},
                           {"origin", std::move(origin)},
                           {"members", std::move(members)}});
  }
  return stories;
}

Json PairJson(absl::Span<const Document> docs, const PairAnalysis& p) {
  Json passages = Json::array();
  for (const Passage& q : p.passages) {
    passages.push_back(Json{{"a", SpanJson(q.a)},
                            {"b", SpanJson(q.b)},
                            {"words", q.matched},
                            {"text", Snippet(docs[p.a].text, q.a, 1 << 20)}});
  }
  Json pair{{"a", docs[p.a].id},
            {"b", docs[p.b].id},
            {"relation", std::string(PairRelationName(p.relation))},
            {"story", internal::RoundScore(p.story)},
            {"cosine", internal::RoundScore(p.cosine)},
            {"rest_cosine", internal::RoundScore(p.rest_cosine)},
            {"names", internal::RoundScore(p.names)},
            {"datelines_differ", p.datelines_differ},
            {"a_in_b", internal::RoundScore(p.a_in_b)},
            {"b_in_a", internal::RoundScore(p.b_in_a)},
            {"shared_names", p.shared_names},
            {"passages", std::move(passages)}};
  // Only rewrites have retold sentences; the fields would add ~14% to the
  // JSON of a large scan, where almost no pair is a rewrite.
  if (p.relation == PairRelation::kRewrite) {
    Json retold = Json::array();
    for (const RetoldSentence& r : p.retold) {
      retold.push_back(Json{{"a", SpanJson(r.a)},
                            {"b", SpanJson(r.b)},
                            {"cosine", internal::RoundScore(r.cosine)},
                            {"a_text", Snippet(docs[p.a].text, r.a, 1 << 20)},
                            {"b_text", Snippet(docs[p.b].text, r.b, 1 << 20)}});
    }
    pair["a_retold"] = internal::RoundScore(p.a_retold);
    pair["b_retold"] = internal::RoundScore(p.b_retold);
    pair["retold"] = std::move(retold);
  }
  return pair;
}

Json AttributionsJson(absl::Span<const Document> docs,
                      const StoryReport& report) {
  Json attributions = Json::array();
  for (size_t d = 0; d < report.attributions.size(); ++d) {
    for (const Attribution& a : report.attributions[d]) {
      attributions.push_back(
          AttributionJson(docs, static_cast<uint32_t>(d), a));
    }
  }
  return attributions;
}

}  // namespace internal

std::string StoryJson(absl::Span<const Document> docs,
                      const StoryReport& report,
                      const StoryRenderOptions& options) {
  return BuildJson(docs, report, options)
      .dump(2, ' ', false, Json::error_handler_t::replace);
}

void WriteStoryJson(absl::Span<const Document> docs, const StoryReport& report,
                    const StoryRenderOptions& options, std::ostream& out) {
  out << StoryJson(docs, report, options) << "\n";
}

void WriteStoryTable(absl::Span<const Document> docs, const StoryReport& report,
                     const StoryRenderOptions& options, std::ostream& out) {
  size_t multi = 0;
  for (const Story& s : report.stories) multi += s.members.size() > 1;
  out << absl::StrFormat(
      "%d document%s, %d stor%s (%d with more than one "
      "document)\n",
      docs.size(), docs.size() == 1 ? "" : "s", report.stories.size(),
      report.stories.size() == 1 ? "y" : "ies", multi);
  for (size_t s = 0; s < report.stories.size(); ++s) {
    const Story& story = report.stories[s];
    const StoryOrigin& o = story.origin;
    out << absl::StrFormat("\nStory %d: %d document%s\n", s + 1,
                           story.members.size(),
                           story.members.size() == 1 ? "" : "s");
    std::string origin(OriginKindName(o.kind));
    if (o.kind == OriginKind::kExternal) origin += ": " + o.outlet;
    if (o.kind == OriginKind::kDocument) {
      origin += ": " + o.id;
      if (!o.outlet.empty()) origin += " (" + o.outlet + ")";
    }
    out << absl::StrFormat("  origin   %s, confidence %.2f\n", origin,
                           o.confidence);
    if (options.explain) {
      for (const std::string& r : o.reasons) out << "           " << r << "\n";
    }
    for (const CitedSpan& e : o.evidence) {
      const Attribution& a = e.attribution;
      out << absl::StrFormat(
          "  evidence %s [%d, %d) \"%s\"\n", docs[e.document].id,
          a.evidence.begin, a.evidence.end,
          Snippet(docs[e.document].text, a.evidence, options.snippet_chars));
    }
    out << "  role            conf  taken  retold  document\n";
    for (const StoryMember& m : story.members) {
      out << absl::StrFormat("  %-15s %4.2f  %s   %s  %s\n",
                             std::string(RoleName(m.role)), m.confidence,
                             Pct(m.share_taken), Pct(m.share_retold), m.id);
      if (options.explain) {
        for (const std::string& r : m.reasons) {
          out << "                               " << r << "\n";
        }
      }
    }
    if (story.members.size() > 1 && options.max_passages > 0) {
      for (const StoryItem<Passage>& sp :
           TopPassages(report, story, options.max_passages)) {
        const PairAnalysis& p = *sp.pair;
        const Passage& q = *sp.item;
        out << absl::StrFormat(
            "  shared   %d words: %s [%d, %d) ~ %s [%d, %d)\n           "
            "\"%s\"\n",
            q.matched, docs[p.a].id, q.a.begin, q.a.end, docs[p.b].id,
            q.b.begin, q.b.end,
            Snippet(docs[p.a].text, q.a, options.snippet_chars));
      }
      for (const StoryItem<RetoldSentence>& sr :
           TopRetold(report, story, options.max_passages)) {
        const PairAnalysis& p = *sr.pair;
        const RetoldSentence& r = *sr.item;
        out << absl::StrFormat(
            "  retold   cosine %.2f: %s [%d, %d) ~ %s [%d, %d)\n           "
            "\"%s\"\n           \"%s\"\n",
            r.cosine, docs[p.a].id, r.a.begin, r.a.end, docs[p.b].id, r.b.begin,
            r.b.end, Snippet(docs[p.a].text, r.a, options.snippet_chars),
            Snippet(docs[p.b].text, r.b, options.snippet_chars));
      }
    }
  }
  std::vector<const PairAnalysis*> pairs;
  for (const PairAnalysis& p : report.pairs) {
    if (p.relation >= options.min_relation) pairs.push_back(&p);
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const PairAnalysis* x, const PairAnalysis* y) {
                     if (x->relation != y->relation) {
                       return x->relation > y->relation;
                     }
                     return x->story > y->story;
                   });
  out << absl::StrFormat("\nPairs (%d %s or closer, closest first)\n",
                         pairs.size(),
                         std::string(PairRelationName(options.min_relation)));
  if (pairs.empty()) return;
  out << "  relation        story  cosine  names  a_in_b  b_in_a  retold  "
         "a / b\n";
  for (const PairAnalysis* p : pairs) {
    out << absl::StrFormat(
        "  %-15s %5.2f  %6.2f  %5.2f  %s    %s    %s   %s / %s\n",
        std::string(PairRelationName(p->relation)), p->story, p->cosine,
        p->names, Pct(p->a_in_b), Pct(p->b_in_a),
        Pct(std::max(p->a_retold, p->b_retold)), docs[p->a].id, docs[p->b].id);
    if (options.explain && p->datelines_differ) {
      out << "                  their datelines name different places\n";
    }
  }
}

}  // namespace neardup
