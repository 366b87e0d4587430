// Copyright 2026 The neardup Authors.
//
// StreamIndex (index.h): Ingest() and Add(), one LMDB transaction per
// batch: each document judged against the index and the batch before it,
// its record, id and story written, its postings listed (and taken out
// again if the commit fails); see stream_index_impl.h.

#include <algorithm>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "neardup/index.h"

#include "internal/parallel.h"
#include "internal/status_macros.h"
#include "store/index_format.h"
#include "store/lmdb_util.h"
#include "store/records.h"
#include "store/stream_index_impl.h"

namespace neardup {

namespace {

using internal::AddCites;
using internal::Counters;
using internal::DocRecord;
using internal::IdKey;
using internal::MdbStatus;
using internal::MdbVal;
using internal::StoryRecord;
using internal::Txn;
using namespace stream_index_internal;  // NOLINT(build/namespaces)

}  // namespace

absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Impl::WriteBatch(
    absl::Span<const Document> batch, bool with_matches) {
  std::vector<DocSketch> sketches = sketcher->SketchBatch(batch, open.threads);
  std::vector<std::vector<std::string>> cites(batch.size());
  std::vector<internal::TopicTerms> topics(batch.size());
  if (options.attributions || TopicOn()) {
    internal::ParallelFor(batch.size(), open.threads, [&](size_t b, size_t e) {
      for (size_t i = b; i < e; ++i) {
        if (options.attributions) {
          cites[i] = CitedOutlets(batch[i].text, kMaxOutletBytes);
        }
        topics[i] = TopicOf(batch[i]);
      }
    });
  }

  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(env, false));
  Counters counters;
  NEARDUP_RETURN_IF_ERROR(ReadCounters(txn.get(), &counters));
  std::vector<IndexVerdict> verdicts(batch.size());
  Judgement judgement;
  PendingWrites pending;
  for (size_t i = 0; i < batch.size(); ++i) {
    const Document& doc = batch[i];
    IndexVerdict& v = verdicts[i];
    v.id = doc.id;
    if (doc.id.empty()) {
      v.skip = {SkipReason::kMalformedJson, "the document has an empty id"};
      continue;
    }
    if (doc.id.size() > kMaxIdBytes) {
      v.skip = {SkipReason::kTooLarge, "the id is longer than 4096 bytes"};
      continue;
    }
    NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> existing,
                             GetId(txn.get(), doc.id));
    if (existing.has_value()) {
      v.skip = {SkipReason::kDuplicateId, "the id is already in the index"};
      continue;
    }
    const DocSketch& sketch = sketches[i];
    if (sketch.minhash.empty()) {
      v.skip = {SkipReason::kEmpty, "the text has no words"};
      continue;
    }
    if (open.memory_budget > 0) {
      // Only this writer changes `postings`: reading them needs no lock.
      const size_t keys =
          sketch.band_keys.size() + sketch.partial_band_keys.size() +
          simhash_masks.size() + internal::MaxTopicKeys(topics[i]);
      if (postings.MemoryBytesAfterAdding(keys) +
              mem_sketches->MemoryBytesAfterSetting(
                  static_cast<uint32_t>(counters.next_doc)) >
          open.memory_budget) {
        v.skip = {
            SkipReason::kOverLimit,
            absl::StrCat("the index is over its memory budget (",
                         open.memory_budget, " bytes; its postings take ",
                         postings.MemoryBytes() + mem_sketches->MemoryBytes(),
                         ")")};
        continue;
      }
    }
    if (counters.next_doc >= kProbeDoc) {
      return absl::ResourceExhaustedError(
          "the index has used all 2^32 - 1 document numbers");
    }
    Probe probe = MakeProbe(doc, sketch);
    probe.cites = std::move(cites[i]);
    probe.topic = std::move(topics[i]);
    NEARDUP_RETURN_IF_ERROR(Judge(txn.get(), probe, &pending, &judgement));
    probe.number = static_cast<uint32_t>(counters.next_doc++);

    StoryRecord story;
    if (judgement.story.has_value()) {
      story = *std::move(judgement.story);
      if (story.members.size() == 1) ++counters.multi_stories;
    } else {
      story.story = counters.next_story++;
      story.centre = probe.number;
      ++counters.stories;
    }
    story.members.push_back(
        {probe.number, sketch.published, internal::OutletHash(doc.outlet)});
    AddCites(probe.cites, &story);

    DocRecord rec;
    rec.doc = probe.number;
    rec.story = story.story;
    rec.text_hash = sketch.text_hash;
    rec.simhash = sketch.simhash;
    rec.shingles = sketch.num_shingles;
    rec.words = sketch.num_words;
    rec.published = sketch.published;
    rec.has_text = true;
    rec.band_keys = sketch.band_keys;
    rec.partial_band_keys = sketch.partial_band_keys;
    rec.bbit = probe.bbit;
    rec.id = doc.id;
    rec.outlet = std::string(internal::CutUtf8(doc.outlet, kMaxOutletBytes));
    rec.cites = probe.cites;
    rec.topic = probe.topic;
    const std::string doc_bytes = internal::EncodeDoc(rec);
    const std::string id_key = IdKey(doc.id);
    {
      // Document numbers only grow: append.
      MDB_val k = MdbVal(&probe.number, 4),
              val = MdbVal(doc_bytes.data(), doc_bytes.size());
      NEARDUP_RETURN_IF_ERROR(MdbStatus(
          mdb_put(txn.get(), docs, &k, &val, MDB_APPEND), "write document"));
      MDB_val ik = MdbVal(id_key.data(), id_key.size()),
              iv = MdbVal(&probe.number, 4);
      NEARDUP_RETURN_IF_ERROR(
          MdbStatus(mdb_put(txn.get(), ids, &ik, &iv, 0), "write id"));
    }
    {
      // Listed now, so the next documents of the batch find it; readers
      // skip it until the commit is in their snapshot (Judge), and a
      // failed write takes it out again (Write).
      // The keys Judge() looked up (KeysOf the same band keys and SimHash).
      std::unique_lock<std::shared_mutex> lock(postings_mu);
      for (uint64_t key : judgement.keys) {
        postings.Add(key, probe.number);
        unpublished.emplace_back(key, probe.number);
      }
      mem_sketches->Set(probe.number, probe.ref());
    }
    pending.stories[story.story] = story;
    ++counters.documents;

    NEARDUP_RETURN_IF_ERROR(MakeVerdict(txn.get(), probe, story, &v));
    v.added = true;
    if (with_matches) AddMatches(judgement.matches, open.max_matches, &v);
  }
  NEARDUP_RETURN_IF_ERROR(FlushPending(txn.get(), pending));
  ++counters.commits;
  NEARDUP_RETURN_IF_ERROR(WriteCounters(txn.get(), counters));
  NEARDUP_RETURN_IF_ERROR(txn.Commit());
  return verdicts;
}

absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Impl::Write(
    absl::Span<const Document> batch, bool with_matches) {
  unpublished.clear();
  absl::StatusOr<std::vector<IndexVerdict>> verdicts =
      WriteBatch(batch, with_matches);
  if (!verdicts.ok() && !unpublished.empty()) {
    // Nothing of the batch was committed: its document numbers will be
    // used again. Latest first, so each removal is at the end of its list.
    std::unique_lock<std::shared_mutex> lock(postings_mu);
    for (auto it = unpublished.rbegin(); it != unpublished.rend(); ++it) {
      postings.Remove(it->first, it->second);
    }
  }
  unpublished.clear();
  return verdicts;
}

absl::Status StreamIndex::Impl::FlushPending(MDB_txn* txn,
                                             const PendingWrites& pending) {
  std::vector<uint64_t> ids;
  for (const auto& entry : pending.stories) ids.push_back(entry.first);
  std::sort(ids.begin(), ids.end());
  for (uint64_t id : ids) {
    const std::string bytes = internal::EncodeStory(pending.stories.at(id));
    MDB_val k = MdbVal(&id, 8), v = MdbVal(bytes.data(), bytes.size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_put(txn, stories, &k, &v, 0), "write story"));
  }
  return absl::OkStatus();
}

}  // namespace neardup
