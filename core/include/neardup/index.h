// Copyright 2026 The neardup Authors.
//
// StreamIndex: a persistent, incremental near-duplicate index for a stream of
// articles. Each document added is judged against everything indexed before
// it (copy, near_duplicate, partial, rewrite: the same sketches and the same
// verification as `neardup dedup`, dedup.h), joins the story of its best
// verified match or opens a new story, and the story's origin and the
// members' roles are kept up to date as articles arrive.
//
//   absl::StatusOr<std::unique_ptr<neardup::StreamIndex>> index =
//       neardup::StreamIndex::Create("news.idx", neardup::IndexOptions());
//   // ... or neardup::StreamIndex::Open("news.idx") later.
//   absl::StatusOr<std::vector<neardup::IndexVerdict>> verdicts =
//       (*index)->Ingest(batch);  // durable when it returns
//   for (const neardup::IndexVerdict& v : *verdicts) {
//     std::string line = neardup::VerdictToJson(v);  // one JSONL record
//   }
//   absl::StatusOr<neardup::Story> story = (*index)->GetStory(v.story);
//
// Storage: an LMDB environment in the directory (data.mdb, lock.mdb). Every
// write batch is one LMDB transaction, committed (and fsync'ed unless
// IndexOpenOptions::sync is false) before Ingest() returns, so a crash at any
// time leaves the index as of the last acknowledged batch. Records are
// versioned and checksummed (XXH3); a damaged or truncated file gives DataLoss
// naming what is damaged, never a crash. Candidate postings (LSH bands, SimHash
// tables) are held in memory, not stored: Open() rebuilds them by reading
// every document record (DataLoss if one is damaged), so it takes time and
// RAM in proportion to the documents (docs/index.md); queries see a batch's
// documents only once its commit returned.
//
// Stories: a new document joins the story whose centre (its first member
// still present) it has the best verified relation with; a document is never
// attached through a chain of weak links. A story's origin is its earliest
// published member (ties and unknown dates: arrival order), unless members
// credit an outlet (attribution.h) that is not the outlet of any member: then
// the origin is external, that outlet. Roles are each member's relation to
// the origin.
//
// Thread-safety: many readers, one writer. Query(), GetStory(), Stats() and
// Lookup() are const and may run concurrently with each other and with a
// write; each reads one consistent snapshot (an LMDB read transaction) and
// does not see a batch that is not yet committed. Ingest(), Add(), Delete()
// and Close() are writes: they are serialised by an internal mutex, so
// calling them from several threads is safe but they run one at a time.
// One StreamIndex per directory per process; other processes must not open
// the same directory for writing at the same time.

#ifndef NEARDUP_INDEX_H_
#define NEARDUP_INDEX_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

#include "neardup/dedup.h"
#include "neardup/document.h"
#include "neardup/io.h"
#include "neardup/story.h"  // OriginKind

namespace neardup {

// Options fixed when the index is created; stored in it (Open() reads them).
struct IndexOptions {
  // Sketching, thresholds and relations, as for `neardup dedup`. The cosine
  // path (cosine_threshold > 0) needs whole-corpus IDF and is refused
  // (InvalidArgument).
  DedupOptions dedup;
  // Largest size the index file may grow to (LMDB map size: address space,
  // not memory or disk). ResourceExhausted once full. 32 GiB holds about 45
  // million documents (more than the in-memory postings of one machine
  // would); larger reservations fail where address space is limited
  // (`ulimit -v`, ThreadSanitizer).
  uint64_t max_bytes = uint64_t{32} << 30;
  // Credit-based origins (ExtractAttributions on every added document).
  bool attributions = true;
  // Rewrites by topic terms (store/topic_terms.h): a document whose shingles
  // and SimHash match nothing is a `rewrite` of one whose topic cosine (the
  // 32 heaviest content words by TF-IDF against the English background)
  // is at least this, whatever their lengths. 0 disables it. 0.35 joins
  // the seed articles' rewrites (0.57-0.70) and none of the fixture
  // articles about the same companies; on SemEval-2022 Task 8 English
  // pairs it joins 62.7% of the same-story pairs and 0.7% of the different
  // ones (docs/index.md, "Rewrites by topic terms").
  double topic_cosine = 0.35;
};

// Options of one opening of the index; not stored.
struct IndexOpenOptions {
  // Threads that sketch a batch (results do not depend on it).
  int threads = 1;
  // fsync every commit. false: a commit survives a process crash but not
  // an operating-system crash or power loss (LMDB MDB_NOSYNC).
  bool sync = true;
  // Matches reported per verdict at most (best first).
  int max_matches = 10;
  // Open read-only (no writes; several processes may read).
  bool read_only = false;
  // Bytes the in-memory candidate postings may take (0: no budget; see
  // IndexStats::memory_bytes). Ingest()/Add() do not add a document whose
  // postings could take them over it: its verdict is skipped with
  // SkipReason::kOverLimit and the batch goes on. Queries, reads and
  // deletes are not limited. Open() loads every document whatever the
  // budget (nothing indexed is dropped), so an index already over it takes
  // no more documents until some are deleted or the budget is raised.
  uint64_t memory_budget = 0;
  // Documents about to be added (a size hint; 0: none). Open() and Create()
  // size the in-memory postings up front for the documents already indexed
  // plus these (~5/6 of a document's ~60 candidate keys each: copies and
  // near-duplicates share keys), so that ingest does not grow the hash table
  // by doubling (each doubling rehashes every key into a new, zeroed table).
  // Results never depend on it; an estimate too high costs the memory of
  // the larger table, one too low leaves the doublings past it. Ignored when
  // read_only, and when memory_budget > 0: a budget refuses documents by
  // the table's growth as documents arrive, which a reservation ahead would
  // bring forward. EstimateJsonlDocuments() estimates it for input files.
  uint64_t expected_additions = 0;
};

// A document's role in its story (a superset of story.h's Role, which
// judges a finished corpus).
enum class IndexRole : uint8_t {
  kNone = 0,    // No story: a skipped document.
  kNew = 1,     // Query only: would open a new story (nothing matched).
  kOrigin = 2,  // The story's origin.
  kCopy = 3,    // Its relation to the origin (see Relation).
  kNearDuplicate = 4,
  kPartial = 5,
  kRewrite = 6,
  kRelated = 7,     // Verified against the story's centre, but not directly
                    // against the origin.
  kDerivative = 8,  // The origin is external: a member reporting it.
};

// "none", "new", "origin", "copy", "near_duplicate", "partial", "rewrite",
// "related", "derivative".
std::string_view IndexRoleName(IndexRole role);

struct IndexOrigin {
  // kUnknown: no story (a skipped document, or a query that matched
  // nothing); kDocument: a member; kExternal: an outlet credited by members,
  // not itself in the story.
  OriginKind kind = OriginKind::kUnknown;
  std::string id;      // The member's id (kDocument); empty otherwise.
  std::string outlet;  // The member's outlet (may be empty), or the credited
                       // outlet as first written (kExternal).
  std::optional<int64_t> published;  // kDocument: the member's date.
};

// A verified relation to an indexed document.
struct IndexMatch {
  std::string id;
  uint64_t story = 0;
  Relation relation = Relation::kNone;  // Never kNone in a verdict.
  float jaccard = 0;      // Estimated Jaccard of the shingle sets.
  float containment = 0;  // Estimated share of the judged document's
                          // shingles found in the matched one.
  int hamming = 64;       // SimHash distance of the content words.
  // Topic cosine (IndexOptions::topic_cosine); -1 when the path is off.
  float cosine = -1;
};

// The verdict for one document: what Ingest(), Add() and Query() return.
struct IndexVerdict {
  std::string id;
  // Stable story number (>= 1), the same for every member; never reused.
  // 0: no story (skipped, or a query that matched nothing).
  uint64_t story = 0;
  IndexRole role = IndexRole::kNone;
  IndexOrigin origin;
  // Verified matches, best first (relation: copy, near_duplicate, partial,
  // rewrite; then Jaccard), at most IndexOpenOptions::max_matches.
  std::vector<IndexMatch> matches;
  // Set when the document was not added or judged: reason and message
  // (e.g. kDuplicateId for an id already indexed, kEmpty for no words).
  Skip skip;
  bool added = false;  // Ingest/Add: now in the index.

  bool skipped() const { return skip.reason != SkipReason::kNone; }
};

// A verdict for an input the reader skipped (io.h): id, reason, message.
IndexVerdict SkippedVerdict(const ReadItem& item);

struct IndexStoryMember {
  std::string id;
  std::string outlet;
  std::optional<int64_t> published;
  IndexRole role = IndexRole::kNone;
  // Scores against the origin (kDocument origin; the centre otherwise).
  float jaccard = 0;
  float containment = 0;
  int hamming = 64;
  float cosine = -1;     // Topic cosine; -1: the origin, or the path is off.
  uint64_t arrival = 0;  // Arrival number in the index (0, 1, ...).
};

struct IndexStory {
  uint64_t id = 0;
  IndexOrigin origin;
  std::string centre;  // The member new documents are verified against.
  // Present members by arrival.
  std::vector<IndexStoryMember> members;
  // Outlets credited by members, as first written, in first-seen order.
  std::vector<std::string> cited_outlets;
};

struct IndexStats {
  uint32_t format_version = 0;
  uint64_t documents = 0;      // Present now.
  uint64_t deleted = 0;        // Deleted since creation.
  uint64_t stories = 0;        // With at least one member.
  uint64_t multi_stories = 0;  // With at least two members.
  uint64_t commits = 0;        // Write transactions since creation.
  uint64_t file_bytes = 0;     // Size of data.mdb.
  uint64_t used_bytes = 0;     // Pages in use (<= file_bytes).
  // Heap bytes of the in-memory candidate postings and compact sketches
  // (approximate; ~88 bytes a document of the latter), and the budget they
  // are held to (IndexOpenOptions; 0: none).
  uint64_t memory_bytes = 0;
  uint64_t memory_budget = 0;
  IndexOptions options;
};

class StreamIndex {
 public:
  // Creates a new index in `dir` (created if missing; it must hold no index
  // yet: AlreadyExists otherwise). InvalidArgument for bad options.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<StreamIndex>> Create(
      std::string_view dir, const IndexOptions& options,
      const IndexOpenOptions& open = IndexOpenOptions());
  // Opens an existing index. NotFound: no index in `dir`. DataLoss: the
  // file is truncated, damaged, or not a neardup index (the message says
  // which). FailedPrecondition: a format version this build cannot read
  // (version 1, which stored the postings, included).
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<StreamIndex>> Open(
      std::string_view dir, const IndexOpenOptions& open = IndexOpenOptions());

  ~StreamIndex();  // Closes (see Close()).
  StreamIndex(const StreamIndex&) = delete;
  StreamIndex& operator=(const StreamIndex&) = delete;

  // Adds `docs` in order, each judged against the index and the documents
  // before it in the batch, in one durable transaction: when this returns
  // OK every added document is committed. One verdict per document, in
  // order; a document that cannot be added (duplicate id, no words) gets a
  // skip verdict and the batch goes on. Errors (nothing of the batch is
  // added): ResourceExhausted (index full), DataLoss (a damaged record was
  // read), Internal (an I/O error), FailedPrecondition (read-only, closed).
  [[nodiscard]] absl::StatusOr<std::vector<IndexVerdict>> Ingest(
      absl::Span<const Document> docs);
  // As Ingest(), but the verdicts carry no matches (cheaper).
  [[nodiscard]] absl::StatusOr<std::vector<IndexVerdict>> Add(
      absl::Span<const Document> docs);

  // Judges `doc` against the index without adding it: the story it would
  // join (0 if none: role kNew), the role it would have and its matches. An
  // id already indexed is judged as text all the same (it never matches
  // itself). DataLoss for a damaged record.
  [[nodiscard]] absl::StatusOr<IndexVerdict> Query(const Document& doc) const;

  // Removes the document `id` from the index and its story (durable when
  // it returns). The story's centre and origin move to the remaining
  // members; a story left empty is gone. NotFound: no such id.
  [[nodiscard]] absl::Status Delete(std::string_view id);

  // The story `story_id` with its members, roles and origin, as of now.
  // NotFound: no such story (or every member deleted).
  [[nodiscard]] absl::StatusOr<IndexStory> GetStory(uint64_t story_id) const;
  // The story number of document `id`; NotFound if not indexed.
  [[nodiscard]] absl::StatusOr<uint64_t> Lookup(std::string_view id) const;

  [[nodiscard]] absl::StatusOr<IndexStats> Stats() const;

  const IndexOptions& options() const;

  // Waits for a write in progress, then closes the environment. Later calls
  // fail with FailedPrecondition (reads too). Idempotent.
  [[nodiscard]] absl::Status Close();

 private:
  struct Impl;
  explicit StreamIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// JSON renderings, one home for the CLI and the service (docs/index.md).
// Compact, one line, no trailing newline; keys in a fixed order.
// {"id","story","role","origin":{"kind","id","outlet","published"},
//  "matches":[{"id","story","relation","jaccard","containment","hamming"}],
//  "added"} or, skipped, {"id","skipped":true,"reason","detail"} (as
//  `neardup dedup`).
std::string VerdictToJson(const IndexVerdict& verdict);
// VerdictToJson(verdict) appended to *out, for a batch of verdicts in one
// buffer (once *out has room, it allocates only to escape strings that are
// not plain printable ASCII).
void AppendVerdictJson(const IndexVerdict& verdict, std::string* out);
// {"story","origin":{...},"centre","members":[{"id","outlet","published",
//  "role","jaccard","containment","hamming"}],"cited_outlets":[...]}
std::string StoryToJson(const IndexStory& story);
std::string StatsToJson(const IndexStats& stats);

// Roughly how many JSONL lines (documents) `paths` hold, for
// IndexOpenOptions::expected_additions: a regular file's size divided by
// the mean line length of its first MiB (exact for a file that small).
// Standard input ("-"), directories and what cannot be read count 0.
// Reads at most 1 MiB of each file; never fails.
uint64_t EstimateJsonlDocuments(const std::vector<std::string>& paths);

}  // namespace neardup

#endif  // NEARDUP_INDEX_H_
