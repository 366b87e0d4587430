// Copyright 2026 The neardup Authors.
//
// The records of the streaming index (index.h), as stored in LMDB: each is
// versioned and ends with an XXH3-64 checksum of the bytes before it, so a
// damaged record is a DataLoss error naming it, never a wrong answer.
//
// Document record (version 2), key: the document number (u32):
//   u8 version | u8 flags | u16 k | u32 doc | u64 story | u64 text_hash |
//   u64 simhash | u32 shingles | u32 words | i64 published | u16 bands |
//   u16 partial_bands | u32 band_keys[bands] | u32 partial[partial_bands] |
//   u16 bbit[k] | str id | str outlet | u8 cites | str cite[cites] |
//   u8 topics | u32 topic_term[topics] | u16 topic_weight[topics] | u64 sum
// (version 1 had no topic terms).
// where str = u16 length + bytes. Little-endian, packed.
//
// Story record (format 1), key: the story number (u64):
//   u8 version | u8 0 | u16 0 | u32 centre | u64 story | u32 members |
//   u32 cites | members x {u32 doc | i64 published | u64 outlet_hash} |
//   cites x {u64 key_hash | u32 count | str name} | u64 sum

#ifndef NEARDUP_STORE_RECORDS_H_
#define NEARDUP_STORE_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

#include "store/topic_terms.h"

namespace neardup::internal {

inline constexpr uint8_t kDocRecordVersion = 2;
inline constexpr uint8_t kStoryRecordVersion = 1;

// XXH3-64 of `bytes` with the records' seed.
uint64_t RecordChecksum(std::string_view bytes);
// `payload` followed by its checksum.
std::string Seal(std::string payload);
// The payload of a sealed record; DataLoss naming `what` when it is too
// short or its checksum does not match.
[[nodiscard]] absl::StatusOr<std::string_view> Unseal(std::string_view record,
                                                      std::string_view what);

struct DocRecord {
  uint32_t doc = 0;
  uint64_t story = 0;
  uint64_t text_hash = 0;
  uint64_t simhash = 0;
  uint32_t shingles = 0;
  uint32_t words = 0;
  int64_t published = INT64_MAX;  // Unknown: INT64_MAX.
  bool has_text = false;
  std::vector<uint32_t> band_keys;
  std::vector<uint32_t> partial_band_keys;
  std::vector<uint16_t> bbit;  // k values.
  std::string id;
  std::string outlet;
  std::vector<std::string> cites;  // Outlets this document credits.
  TopicTerms topic;                // At most kTopicTerms.
};

std::string EncodeDoc(const DocRecord& doc);
// DataLoss naming the document number on a bad checksum, version or layout.
[[nodiscard]] absl::StatusOr<DocRecord> DecodeDoc(std::string_view record,
                                                  uint32_t doc);

struct StoryMemberRec {
  uint32_t doc = 0;
  int64_t published = INT64_MAX;
  uint64_t outlet_hash = 0;  // OutletHash() of the member's outlet.
};

struct StoryCite {
  uint64_t key_hash = 0;  // OutletHash() of the credited name.
  uint32_t count = 0;     // Members crediting it.
  std::string name;       // As first written.
};

struct StoryRecord {
  uint64_t story = 0;
  uint32_t centre = 0;
  std::vector<StoryMemberRec> members;  // By arrival.
  std::vector<StoryCite> cites;         // First-seen order.
};

std::string EncodeStory(const StoryRecord& story);
[[nodiscard]] absl::StatusOr<StoryRecord> DecodeStory(std::string_view record,
                                                      uint64_t story);

// XXH3-64 of OutletKey(outlet); 0 for an empty outlet.
uint64_t OutletHash(std::string_view outlet);

// `s` cut to at most `max_bytes`, at a UTF-8 character boundary.
std::string_view CutUtf8(std::string_view s, size_t max_bytes);

}  // namespace neardup::internal

#endif  // NEARDUP_STORE_RECORDS_H_
