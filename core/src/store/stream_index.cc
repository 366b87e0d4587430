// Copyright 2026 The neardup Authors.
//
// StreamIndex (index.h): the public calls, their locking, and the reads
// (Query, GetStory, Lookup, Stats) and Delete; the parts are described in
// stream_index_impl.h.

#include <lmdb.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

#include "neardup/index.h"

#include "internal/status_macros.h"
#include "search/pair_score.h"
#include "store/index_format.h"
#include "store/lmdb_check.h"
#include "store/lmdb_util.h"
#include "store/records.h"
#include "store/stream_index_impl.h"

namespace neardup {

namespace {

using internal::AddCites;
using internal::Counters;
using internal::DocRecord;
using internal::IdKey;
using internal::kFormatVersion;
using internal::kMagic;
using internal::MdbStatus;
using internal::MdbVal;
using internal::OriginPick;
using internal::PickOrigin;
using internal::StoryRecord;
using internal::Sv;
using internal::Txn;
using internal::View;
using namespace stream_index_internal;  // NOLINT(build/namespaces)

}  // namespace

StreamIndex::StreamIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StreamIndex::~StreamIndex() { (void)Close(); }

absl::StatusOr<std::unique_ptr<StreamIndex>> StreamIndex::Create(
    std::string_view dir, const IndexOptions& options,
    const IndexOpenOptions& open) {
  if (open.read_only) {
    return absl::InvalidArgumentError("cannot create a read-only index");
  }
  if (options.max_bytes < (uint64_t{1} << 20)) {
    return absl::InvalidArgumentError("max_bytes must be at least 1 MiB");
  }
  auto m = std::make_unique<Impl>();
  m->dir = std::string(dir);
  m->options = options;
  m->open = open;
  NEARDUP_RETURN_IF_ERROR(m->Setup());
  std::error_code ec;
  const std::filesystem::path path(m->dir);
  std::filesystem::create_directories(path, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot create ", m->dir, ": ", ec.message()));
  }
  if (std::filesystem::exists(path / "data.mdb", ec)) {
    return absl::AlreadyExistsError(
        absl::StrCat("an index already exists in ", m->dir));
  }
  NEARDUP_RETURN_IF_ERROR(m->OpenEnv(/*create=*/true));
  NEARDUP_RETURN_IF_ERROR(m->OpenDbs(/*create=*/true));
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m->env, false));
  std::string format(kMagic);
  format.append(reinterpret_cast<const char*>(&kFormatVersion), 4);
  const std::string sealed_format = internal::Seal(format);
  const std::string sealed_options =
      internal::Seal(internal::OptionsJson(options));
  for (const auto& [key, value] :
       {std::pair<std::string_view, const std::string*>{"format",
                                                        &sealed_format},
        {"options", &sealed_options}}) {
    MDB_val k = MdbVal(key.data(), key.size()),
            v = MdbVal(value->data(), value->size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_put(txn.get(), m->meta, &k, &v, 0), "write meta"));
  }
  NEARDUP_RETURN_IF_ERROR(m->WriteCounters(txn.get(), Counters()));
  NEARDUP_RETURN_IF_ERROR(txn.Commit());
  m->ReserveFor(0);
  return std::unique_ptr<StreamIndex>(new StreamIndex(std::move(m)));
}

absl::StatusOr<std::unique_ptr<StreamIndex>> StreamIndex::Open(
    std::string_view dir, const IndexOpenOptions& open) {
  auto m = std::make_unique<Impl>();
  m->dir = std::string(dir);
  m->open = open;
  std::error_code ec;
  const std::filesystem::path data = std::filesystem::path(m->dir) / "data.mdb";
  if (!std::filesystem::exists(data, ec)) {
    return absl::NotFoundError(absl::StrCat("no index in ", m->dir));
  }
  // An empty or tiny file would be initialised as a new environment.
  const uint64_t size = std::filesystem::file_size(data, ec);
  if (ec || size < 2 * 4096) {
    return absl::DataLossError(absl::StrCat(m->dir, "/data.mdb is truncated (",
                                            ec ? 0 : size, " bytes)"));
  }
  // LMDB follows page numbers and offsets without checking them: check
  // the file's structure before it maps it (DataLoss, not a crash).
  NEARDUP_RETURN_IF_ERROR(internal::CheckLmdbFile(data.string()));
  NEARDUP_RETURN_IF_ERROR(m->OpenEnv(/*create=*/false));
  NEARDUP_RETURN_IF_ERROR(m->OpenDbs(/*create=*/false));
  {
    Txn txn;
    NEARDUP_RETURN_IF_ERROR(txn.Begin(m->env, true));
    MDB_val k = MdbVal("format", 6), v;
    int rc = mdb_get(txn.get(), m->meta, &k, &v);
    if (rc == MDB_NOTFOUND) {
      return absl::DataLossError(
          absl::StrCat("not a neardup index (no format record) in ", m->dir));
    }
    NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read format"));
    NEARDUP_ASSIGN_OR_RETURN(std::string_view format,
                             internal::Unseal(View(v), "format"));
    if (format.size() != kMagic.size() + 4 ||
        format.substr(0, kMagic.size()) != kMagic) {
      return absl::DataLossError(
          absl::StrCat("not a neardup index (bad format record) in ", m->dir));
    }
    uint32_t version = 0;
    std::memcpy(&version, format.data() + kMagic.size(), 4);
    if (version != kFormatVersion) {
      return absl::FailedPreconditionError(
          absl::StrCat("index format version ", version, " in ", m->dir,
                       "; this build reads only version ", kFormatVersion,
                       " (create a new index and ingest the documents again)"));
    }
    k = MdbVal("options", 7);
    rc = mdb_get(txn.get(), m->meta, &k, &v);
    if (rc == MDB_NOTFOUND) {
      return absl::DataLossError("index options record is missing");
    }
    NEARDUP_RETURN_IF_ERROR(MdbStatus(rc, "read options"));
    NEARDUP_ASSIGN_OR_RETURN(std::string_view options_json,
                             internal::Unseal(View(v), "options"));
    NEARDUP_ASSIGN_OR_RETURN(m->options,
                             internal::ParseOptionsJson(options_json));
    Counters counters;
    NEARDUP_RETURN_IF_ERROR(m->ReadCounters(txn.get(), &counters));
  }
  absl::Status setup = m->Setup();
  if (!setup.ok()) {
    return absl::DataLossError(
        absl::StrCat("index options are invalid: ", setup.message()));
  }
  NEARDUP_RETURN_IF_ERROR(m->LoadPostings());
  return std::unique_ptr<StreamIndex>(new StreamIndex(std::move(m)));
}

#define NEARDUP_INDEX_CHECK_OPEN_(m)                               \
  do {                                                             \
    if ((m).closed) {                                              \
      return absl::FailedPreconditionError("the index is closed"); \
    }                                                              \
  } while (0)

absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Ingest(
    absl::Span<const Document> docs) {
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  if (impl_->open.read_only) {
    return absl::FailedPreconditionError("the index is open read-only");
  }
  return impl_->Write(docs, /*with_matches=*/true);
}

absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Add(
    absl::Span<const Document> docs) {
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  if (impl_->open.read_only) {
    return absl::FailedPreconditionError("the index is open read-only");
  }
  return impl_->Write(docs, /*with_matches=*/false);
}

absl::StatusOr<IndexVerdict> StreamIndex::Query(const Document& doc) const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  const Impl& m = *impl_;
  IndexVerdict v;
  v.id = doc.id;
  const DocSketch sketch = m.sketcher->Sketch(doc);
  if (sketch.minhash.empty()) {
    v.skip = {SkipReason::kEmpty, "the text has no words"};
    return v;
  }
  Probe probe = m.MakeProbe(doc, sketch);
  probe.topic = m.TopicOf(doc);
  if (m.options.attributions) {
    probe.cites = CitedOutlets(doc.text, std::string::npos);
  }
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, true));
  // An indexed document queried again is judged as text, never against
  // itself.
  if (!doc.id.empty()) {
    NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> self,
                             m.GetId(txn.get(), doc.id));
    if (self.has_value()) probe.number = *self;
  }
  Judgement judgement;
  NEARDUP_RETURN_IF_ERROR(m.Judge(txn.get(), probe, nullptr, &judgement));
  if (judgement.story.has_value()) {
    StoryRecord story = *std::move(judgement.story);
    // As if it were added: a member, with its date and credits. A document
    // already in this story is not counted twice.
    const uint32_t self = probe.number;
    probe.number = kProbeDoc;
    story.members.erase(
        std::remove_if(story.members.begin(), story.members.end(),
                       [self](const internal::StoryMemberRec& r) {
                         return r.doc == self;
                       }),
        story.members.end());
    if (!story.members.empty() && story.centre == self) {
      story.centre = story.members.front().doc;
    }
    story.members.push_back(
        {kProbeDoc, sketch.published, internal::OutletHash(doc.outlet)});
    AddCites(probe.cites, &story);
    NEARDUP_RETURN_IF_ERROR(m.MakeVerdict(txn.get(), probe, story, &v));
  } else {
    v.role = IndexRole::kNew;
  }
  AddMatches(judgement.matches, m.open.max_matches, &v);
  return v;
}

absl::Status StreamIndex::Delete(std::string_view id) {
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  Impl& m = *impl_;
  if (m.open.read_only) {
    return absl::FailedPreconditionError("the index is open read-only");
  }
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, false));
  NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> doc, m.GetId(txn.get(), id));
  if (!doc.has_value()) {
    return absl::NotFoundError(absl::StrCat(
        "no document '", Sv(internal::CutUtf8(id, 200)), "' in the index"));
  }
  NEARDUP_ASSIGN_OR_RETURN(DocRecord rec, m.MustGetDoc(txn.get(), *doc));
  Counters counters;
  NEARDUP_RETURN_IF_ERROR(m.ReadCounters(txn.get(), &counters));
  {
    const std::string key = IdKey(id);
    MDB_val ik = MdbVal(key.data(), key.size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_del(txn.get(), m.ids, &ik, nullptr), "delete id"));
    MDB_val dk = MdbVal(&rec.doc, 4);
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_del(txn.get(), m.docs, &dk, nullptr), "delete document"));
  }
  NEARDUP_ASSIGN_OR_RETURN(std::optional<StoryRecord> story,
                           m.GetStoryRec(txn.get(), rec.story));
  if (!story.has_value()) {
    return absl::DataLossError(absl::StrCat("index record document #", rec.doc,
                                            " refers to a missing story"));
  }
  const size_t before = story->members.size();
  story->members.erase(
      std::remove_if(story->members.begin(), story->members.end(),
                     [&rec](const internal::StoryMemberRec& r) {
                       return r.doc == rec.doc;
                     }),
      story->members.end());
  for (const std::string& name : rec.cites) {
    const uint64_t h = internal::OutletHash(name);
    auto it = std::find_if(
        story->cites.begin(), story->cites.end(),
        [h](const internal::StoryCite& c) { return c.key_hash == h; });
    if (it != story->cites.end() && --it->count == 0) story->cites.erase(it);
  }
  MDB_val sk = MdbVal(&story->story, 8);
  if (story->members.empty()) {
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_del(txn.get(), m.stories, &sk, nullptr), "delete story"));
    --counters.stories;
  } else {
    if (before >= 2 && story->members.size() == 1) --counters.multi_stories;
    if (story->centre == rec.doc) story->centre = story->members.front().doc;
    const std::string bytes = internal::EncodeStory(*story);
    MDB_val sv = MdbVal(bytes.data(), bytes.size());
    NEARDUP_RETURN_IF_ERROR(
        MdbStatus(mdb_put(txn.get(), m.stories, &sk, &sv, 0), "write story"));
  }
  --counters.documents;
  ++counters.deleted;
  ++counters.commits;
  NEARDUP_RETURN_IF_ERROR(m.WriteCounters(txn.get(), counters));
  NEARDUP_RETURN_IF_ERROR(txn.Commit());
  std::unique_lock<std::shared_mutex> lock(m.postings_mu);
  for (uint64_t key : m.KeysOf(rec.band_keys, rec.partial_band_keys,
                               rec.simhash, rec.topic, true)) {
    m.postings.Remove(key, rec.doc);
  }
  return absl::OkStatus();
}

absl::StatusOr<IndexStory> StreamIndex::GetStory(uint64_t story_id) const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  const Impl& m = *impl_;
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, true));
  NEARDUP_ASSIGN_OR_RETURN(std::optional<StoryRecord> rec,
                           m.GetStoryRec(txn.get(), story_id));
  if (!rec.has_value()) {
    return absl::NotFoundError(absl::StrCat("no story ", story_id));
  }
  const OriginPick pick = PickOrigin(*rec);
  IndexStory story;
  story.id = rec->story;
  NEARDUP_ASSIGN_OR_RETURN(
      DocRecord reference,
      m.MustGetDoc(txn.get(), pick.external ? rec->centre : pick.doc));
  if (pick.external) {
    story.origin.kind = OriginKind::kExternal;
    story.origin.outlet = pick.outlet;
  } else {
    story.origin.kind = OriginKind::kDocument;
    story.origin.id = reference.id;
    story.origin.outlet = reference.outlet;
    story.origin.published = Published(reference.published);
  }
  for (const internal::StoryCite& c : rec->cites) {
    story.cited_outlets.push_back(c.name);
  }
  for (const internal::StoryMemberRec& mem : rec->members) {
    NEARDUP_ASSIGN_OR_RETURN(DocRecord d, m.MustGetDoc(txn.get(), mem.doc));
    IndexStoryMember out;
    if (mem.doc == rec->centre) story.centre = d.id;
    if (mem.doc == reference.doc) {
      out.role = pick.external ? IndexRole::kDerivative : IndexRole::kOrigin;
      out.jaccard = 1;
      out.containment = 1;
      out.hamming = 0;
    } else {
      const PairScore s =
          m.Score(RefOf(d), d.topic, RefOf(reference), reference.topic);
      out.role = pick.external          ? IndexRole::kDerivative
                 : m.Counts(s.relation) ? RoleOf(s.relation)
                                        : IndexRole::kRelated;
      out.jaccard = s.jaccard;
      out.containment = s.a_in_b;
      out.hamming = s.hamming;
      out.cosine = s.cosine;
    }
    out.id = std::move(d.id);
    out.outlet = std::move(d.outlet);
    out.published = Published(d.published);
    out.arrival = mem.doc;
    story.members.push_back(std::move(out));
  }
  return story;
}

absl::StatusOr<uint64_t> StreamIndex::Lookup(std::string_view id) const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(impl_->env, true));
  NEARDUP_ASSIGN_OR_RETURN(std::optional<uint32_t> doc,
                           impl_->GetId(txn.get(), id));
  if (!doc.has_value()) {
    return absl::NotFoundError(absl::StrCat(
        "no document '", Sv(internal::CutUtf8(id, 200)), "' in the index"));
  }
  NEARDUP_ASSIGN_OR_RETURN(DocRecord rec, impl_->MustGetDoc(txn.get(), *doc));
  return rec.story;
}

absl::StatusOr<IndexStats> StreamIndex::Stats() const {
  std::shared_lock<std::shared_mutex> life(impl_->life_mu);
  NEARDUP_INDEX_CHECK_OPEN_(*impl_);
  const Impl& m = *impl_;
  Txn txn;
  NEARDUP_RETURN_IF_ERROR(txn.Begin(m.env, true));
  Counters c;
  NEARDUP_RETURN_IF_ERROR(m.ReadCounters(txn.get(), &c));
  IndexStats s;
  s.format_version = kFormatVersion;
  s.documents = c.documents;
  s.deleted = c.deleted;
  s.stories = c.stories;
  s.multi_stories = c.multi_stories;
  s.commits = c.commits;
  s.options = m.options;
  MDB_envinfo info;
  MDB_stat stat;
  NEARDUP_RETURN_IF_ERROR(MdbStatus(mdb_env_info(m.env, &info), "info"));
  NEARDUP_RETURN_IF_ERROR(MdbStatus(mdb_env_stat(m.env, &stat), "stat"));
  s.used_bytes = (uint64_t{info.me_last_pgno} + 1) * stat.ms_psize;
  std::error_code ec;
  const uint64_t size =
      std::filesystem::file_size(std::filesystem::path(m.dir) / "data.mdb", ec);
  s.file_bytes = ec ? 0 : size;
  {
    std::shared_lock<std::shared_mutex> lock(m.postings_mu);
    s.memory_bytes = m.postings.MemoryBytes() + m.mem_sketches->MemoryBytes();
  }
  s.memory_budget = m.open.memory_budget;
  return s;
}

const IndexOptions& StreamIndex::options() const { return impl_->options; }

absl::Status StreamIndex::Close() {
  if (impl_ == nullptr) return absl::OkStatus();
  std::lock_guard<std::mutex> write(impl_->write_mu);
  std::unique_lock<std::shared_mutex> life(impl_->life_mu);
  if (impl_->closed) return absl::OkStatus();
  impl_->closed = true;
  if (impl_->env != nullptr) {
    int rc = MDB_SUCCESS;
    if (!impl_->open.read_only && !impl_->open.sync) {
      rc = mdb_env_sync(impl_->env, 1);
    }
    mdb_env_close(impl_->env);
    impl_->env = nullptr;
    return MdbStatus(rc, "sync on close");
  }
  return absl::OkStatus();
}

}  // namespace neardup
