// Copyright 2026 The neardup Authors.
//
// StreamIndex (index.h): judging a document against the index, the
// candidates from the in-memory postings, their verification, the story it
// joins and its verdict (stream_index_impl.h).

#include <algorithm>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "xxhash.h"

#include "neardup/attribution.h"
#include "neardup/index.h"

#include "internal/status_macros.h"
#include "search/pair_score.h"
#include "store/index_format.h"
#include "store/records.h"
#include "store/stream_index_impl.h"
#include "store/topic_terms.h"
#include "story/cite_filter.h"
#include "text/token_hashes.h"

namespace neardup {

namespace stream_index_internal {

internal::SketchRef Probe::ref() const {
  internal::SketchRef r;
  r.bbit = bbit.data();
  r.text_hash = sketch->text_hash;
  r.simhash = sketch->simhash;
  r.shingles = sketch->num_shingles;
  r.words = sketch->num_words;
  return r;
}

internal::SketchRef RefOf(const DocRecord& d) {
  internal::SketchRef r;
  r.bbit = d.bbit.data();
  r.text_hash = d.text_hash;
  r.simhash = d.simhash;
  r.shingles = d.shingles;
  r.words = d.words;
  return r;
}

bool Better(const PairScore& a, const PairScore& b) {
  if (a.relation != b.relation) return a.relation < b.relation;
  if (a.jaccard != b.jaccard) return a.jaccard > b.jaccard;
  return a.cosine > b.cosine;
}

IndexRole RoleOf(Relation r) {
  switch (r) {
    case Relation::kCopy:
      return IndexRole::kCopy;
    case Relation::kNearDuplicate:
      return IndexRole::kNearDuplicate;
    case Relation::kPartial:
      return IndexRole::kPartial;
    case Relation::kRewrite:
      return IndexRole::kRewrite;
    case Relation::kNone:
      break;
  }
  return IndexRole::kRelated;
}

std::optional<int64_t> Published(int64_t p) {
  if (p == INT64_MAX) return std::nullopt;
  return p;
}

std::vector<std::string> CitedOutlets(std::string_view text, size_t max_bytes) {
  std::vector<std::string> out;
  // Most texts name no cue word: skip their second tokenisation.
  if (!internal::MayCiteOutlet(text)) return out;
  std::vector<uint64_t> seen;
  for (Attribution& a : ExtractAttributions(text)) {
    const uint64_t h = internal::OutletHash(a.outlet);
    if (h == 0 || std::find(seen.begin(), seen.end(), h) != seen.end()) {
      continue;
    }
    seen.push_back(h);
    if (a.outlet.size() > max_bytes) {
      out.emplace_back(internal::CutUtf8(a.outlet, max_bytes));
    } else {
      out.push_back(std::move(a.outlet));
    }
  }
  return out;
}

void AddMatches(std::vector<Scored>& matches, int max, IndexVerdict* v) {
  const size_t n = std::min<size_t>(matches.size(), std::max(0, max));
  for (size_t i = 0; i < n; ++i) {
    Scored& sc = matches[i];
    v->matches.push_back({std::move(sc.rec.id), sc.rec.story, sc.score.relation,
                          sc.score.jaccard, sc.score.a_in_b, sc.score.hamming,
                          sc.score.cosine});
  }
}

}  // namespace stream_index_internal

namespace {

using internal::DocRecord;
using internal::kLshBand;
using internal::kPartialBand;
using internal::kSimHashTable;
using internal::kTopicPair;
using internal::OriginPick;
using internal::PickOrigin;
using internal::PostingKey;
using internal::StoryRecord;
using namespace stream_index_internal;  // NOLINT(build/namespaces)

}  // namespace

std::vector<uint64_t> StreamIndex::Impl::KeysOf(
    const std::vector<uint32_t>& bands, const std::vector<uint32_t>& partial,
    uint64_t simhash, const internal::TopicTerms& topic, bool has_text) const {
  std::vector<uint64_t> keys;
  if (!has_text) return keys;
  std::vector<uint32_t> topic_keys;
  if (TopicOn()) internal::TopicKeys(topic, &topic_keys);
  keys.reserve(bands.size() + partial.size() + simhash_masks.size() +
               topic_keys.size());
  for (size_t i = 0; i < bands.size(); ++i) {
    keys.push_back(PostingKey(kLshBand, i, bands[i]));
  }
  for (size_t i = 0; i < partial.size(); ++i) {
    keys.push_back(PostingKey(kPartialBand, i, partial[i]));
  }
  for (size_t i = 0; i < simhash_masks.size(); ++i) {
    const uint64_t bits = simhash & simhash_masks[i];
    keys.push_back(PostingKey(kSimHashTable, i,
                              XXH3_64bits_withSeed(&bits, 8, kSimKeySeed + i)));
  }
  for (uint32_t k : topic_keys) keys.push_back(PostingKey(kTopicPair, 0, k));
  return keys;
}

internal::TopicTerms StreamIndex::Impl::TopicOf(const Document& doc) const {
  if (!TopicOn()) return {};
  thread_local internal::TokenHashBuffer buffer;
  internal::TokenizeHashes(doc.text, options.dedup.tokenize, &buffer);
  return internal::MakeTopicTerms(buffer.content());
}

PairScore StreamIndex::Impl::Score(const Probe& probe,
                                   const DocRecord& rec) const {
  return Score(probe.ref(), probe.topic, RefOf(rec), rec.topic);
}

PairScore StreamIndex::Impl::Score(const internal::SketchRef& a,
                                   const internal::TopicTerms& ta,
                                   const internal::SketchRef& b,
                                   const internal::TopicTerms& tb) const {
  PairScore s = internal::ScoreSketches(a, b, options.dedup);
  if (TopicOn()) {
    s.cosine = static_cast<float>(internal::TopicCosine(ta, tb));
    // Lengths may differ: a brief retells a long report.
    if (s.relation == Relation::kNone && s.cosine >= options.topic_cosine) {
      s.relation = Relation::kRewrite;
    }
  }
  return s;
}

Probe StreamIndex::Impl::MakeProbe(const Document& doc,
                                   const DocSketch& sketch) const {
  Probe p;
  p.doc = &doc;
  p.sketch = &sketch;
  p.bbit.resize(options.dedup.num_registers);
  for (size_t i = 0; i < p.bbit.size() && i < sketch.minhash.size(); ++i) {
    p.bbit[i] = static_cast<uint16_t>(sketch.minhash[i]);
  }
  return p;
}

absl::Status StreamIndex::Impl::Judge(MDB_txn* txn, const Probe& probe,
                                      const PendingWrites* pending,
                                      Judgement* out) const {
  out->matches.clear();
  out->story.reset();
  const DocSketch& s = *probe.sketch;
  out->keys = KeysOf(s.band_keys, s.partial_band_keys, s.simhash, probe.topic,
                     !s.minhash.empty());
  const std::vector<uint64_t>& keys = out->keys;
  std::vector<uint32_t> candidates;
  // Candidates by topic terms, kept apart from the screen below.
  std::vector<uint32_t> by_topic;
  const int cap = std::max(1, options.dedup.max_pairs_per_doc);
  {
    // The lists also hold the documents of a write in progress (numbered
    // after every committed one, so never ahead of them within `cap`).
    std::shared_lock<std::shared_mutex> lock(postings_mu);
    // ~60 keys at random places of a table of up to a gigabyte: start every
    // cache miss first, then read (the order of the keys does not matter:
    // the candidates are sorted below).
    for (uint64_t key : keys) postings.Prefetch(key);
    for (uint64_t key : keys) {
      std::vector<uint32_t>& to =
          key >> 56 == kTopicPair ? by_topic : candidates;
      postings.ForEach(key, cap, [&](uint32_t doc) {
        if (doc != probe.number) to.push_back(doc);
      });
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()),
                     candidates.end());
    // Only candidates that may verify are read (mem_sketches.h): the rest
    // would score kNone, which never counts. Their compact sketches are at
    // random places of a table of 88 bytes a document (88 MB at 1M): start
    // every cache miss first.
    for (uint32_t doc : candidates) mem_sketches->Prefetch(doc);
    const internal::MemSketches::Probe packed =
        mem_sketches->MakeProbe(probe.ref());
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [&](uint32_t doc) {
                                      return !mem_sketches->MayMatch(
                                          doc, packed, options.dedup);
                                    }),
                     candidates.end());
  }
  if (!by_topic.empty()) {
    const std::vector<uint32_t> most = internal::MostSharedDocuments(
        std::move(by_topic), internal::kMaxTopicCandidates);
    candidates.insert(candidates.end(), most.begin(), most.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()),
                     candidates.end());
  }
  for (uint32_t doc : candidates) {
    // A document of a write not committed in this snapshot (in progress,
    // committed since, or rolled back) or deleted since is not a candidate.
    NEARDUP_ASSIGN_OR_RETURN(std::optional<DocRecord> found, GetDoc(txn, doc));
    if (!found.has_value()) continue;
    DocRecord rec = *std::move(found);
    const PairScore score = Score(probe, rec);
    if (Counts(score.relation)) out->matches.push_back({std::move(rec), score});
  }
  std::sort(out->matches.begin(), out->matches.end(),
            [](const Scored& a, const Scored& b) {
              if (Better(a.score, b.score)) return true;
              if (Better(b.score, a.score)) return false;
              return a.rec.doc < b.rec.doc;
            });
  // The story: the best verified relation with a story's centre, among the
  // stories of the best matches (no chaining through other members).
  std::vector<uint64_t> seen;
  std::optional<PairScore> best;
  for (const Scored& m : out->matches) {
    if (std::find(seen.begin(), seen.end(), m.rec.story) != seen.end()) {
      continue;
    }
    if (seen.size() >= kMaxStoriesChecked) break;
    seen.push_back(m.rec.story);
    NEARDUP_ASSIGN_OR_RETURN(std::optional<StoryRecord> story,
                             GetStoryRec(txn, m.rec.story, pending));
    if (!story.has_value()) {
      return absl::DataLossError(
          absl::StrCat("index record document #", m.rec.doc,
                       " refers to story ", m.rec.story, ", which is missing"));
    }
    PairScore to_centre;
    if (story->centre == m.rec.doc) {
      to_centre = m.score;
    } else {
      auto it = std::find_if(
          out->matches.begin(), out->matches.end(),
          [&](const Scored& x) { return x.rec.doc == story->centre; });
      if (it != out->matches.end()) {
        to_centre = it->score;
      } else {
        NEARDUP_ASSIGN_OR_RETURN(DocRecord centre,
                                 MustGetDoc(txn, story->centre));
        to_centre = Score(probe, centre);
      }
    }
    if (!Counts(to_centre.relation)) continue;
    if (!best.has_value() || Better(to_centre, *best) ||
        (!Better(*best, to_centre) && story->story < out->story->story)) {
      best = to_centre;
      out->story = std::move(story);
    }
  }
  return absl::OkStatus();
}

absl::Status StreamIndex::Impl::MakeVerdict(MDB_txn* txn, const Probe& probe,
                                            const StoryRecord& story,
                                            IndexVerdict* v) const {
  v->story = story.story;
  const OriginPick pick = PickOrigin(story);
  if (pick.external) {
    v->role = IndexRole::kDerivative;
    v->origin.kind = OriginKind::kExternal;
    v->origin.outlet = pick.outlet;
    return absl::OkStatus();
  }
  v->origin.kind = OriginKind::kDocument;
  if (pick.doc == probe.number) {
    v->role = IndexRole::kOrigin;
    v->origin.id = probe.doc->id;
    v->origin.outlet =
        std::string(internal::CutUtf8(probe.doc->outlet, kMaxOutletBytes));
    v->origin.published = probe.doc->published;
    return absl::OkStatus();
  }
  NEARDUP_ASSIGN_OR_RETURN(DocRecord origin, MustGetDoc(txn, pick.doc));
  const PairScore score = Score(probe, origin);
  v->role =
      Counts(score.relation) ? RoleOf(score.relation) : IndexRole::kRelated;
  v->origin.id = std::move(origin.id);
  v->origin.outlet = std::move(origin.outlet);
  v->origin.published = Published(origin.published);
  return absl::OkStatus();
}

}  // namespace neardup
