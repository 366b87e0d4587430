// Copyright 2026 The neardup Authors.
//
// The streaming index's on-disk conventions (stream_index.cc): the format
// record, the keys of the postings and ids tables, the counters and options
// records, and the rule that picks a story's origin from its record.

#ifndef NEARDUP_STORE_INDEX_FORMAT_H_
#define NEARDUP_STORE_INDEX_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

#include "neardup/index.h"

#include "store/records.h"

namespace neardup::internal {

// 2: the candidate postings are no longer stored (rebuilt in memory on
// open from the document records). 3: document records carry topic terms
// (topic_terms.h), the options IndexOptions::topic_cosine.
inline constexpr uint32_t kFormatVersion = 3;
inline constexpr std::string_view kMagic = "neardup-index";
// Ids longer than this are keyed by their XXH3-128 hash (LMDB keys are at
// most 511 bytes).
inline constexpr size_t kMaxIdKeyBytes = 400;

// Posting key families (top byte of the key).
enum Family : uint64_t {
  kLshBand = 0,
  kPartialBand = 1,
  kSimHashTable = 2,
  kTopicPair = 3,
};

// A postings key: family in the top byte, band or table in the next, then
// 48 bits of key.
inline uint64_t PostingKey(uint64_t family, uint64_t index, uint64_t value) {
  return family << 56 | index << 48 | (value & ((uint64_t{1} << 48) - 1));
}

// The SimHash table masks for distance k (k + 2 blocks; one mask per choice
// of 2 blocks). Empty for k < 0.
std::vector<uint64_t> SimHashMasks(int k);
// The ids table key of `id`.
std::string IdKey(std::string_view id);

// The "counters" record (a plain struct, sealed).
struct Counters {
  uint64_t next_doc = 0;
  uint64_t next_story = 1;
  uint64_t documents = 0;
  uint64_t deleted = 0;
  uint64_t stories = 0;
  uint64_t multi_stories = 0;
  uint64_t commits = 0;
};

std::string EncodeCounters(const Counters& c);

// The "options" record: JSON; DataLoss when it does not parse.
std::string OptionsJson(const IndexOptions& o);
[[nodiscard]] absl::StatusOr<IndexOptions> ParseOptionsJson(
    std::string_view text);

// The origin of a story: an external outlet when a member credits one that
// is no member's outlet (the first such, in first-seen order), else the
// earliest published member (ties: arrival).
struct OriginPick {
  bool external = false;
  std::string outlet;  // External.
  uint32_t doc = 0;    // Member.
};

OriginPick PickOrigin(const StoryRecord& s);
// Counts `cites` (outlet names, distinct) in the story's credits.
void AddCites(const std::vector<std::string>& cites, StoryRecord* s);

}  // namespace neardup::internal

#endif  // NEARDUP_STORE_INDEX_FORMAT_H_
