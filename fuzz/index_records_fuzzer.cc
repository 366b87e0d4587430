// Copyright 2026 The neardup Authors.
//
// Fuzzes the streaming index's record decoding (core/src/store/records.h),
// what Open() and every query read back from the LMDB file. Records carry an
// XXH3 checksum, so random bytes stop at Unseal(); the fuzzer therefore
// decodes the input both as it is and sealed (a valid checksum over
// arbitrary payload bytes), as a document and as a story record. A record
// that decodes must encode to a record that decodes to the same encoding
// (reserved bytes the decoder ignores may differ from the input).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/records.h"

namespace {

void CheckDoc(std::string_view record) {
  const absl::StatusOr<neardup::internal::DocRecord> doc =
      neardup::internal::DecodeDoc(record, 7);
  if (!doc.ok()) {
    if (doc.status().code() != absl::StatusCode::kDataLoss) __builtin_trap();
    return;
  }
  const std::string again = neardup::internal::EncodeDoc(*doc);
  const absl::StatusOr<neardup::internal::DocRecord> redecoded =
      neardup::internal::DecodeDoc(again, 7);
  if (!redecoded.ok()) __builtin_trap();
  if (neardup::internal::EncodeDoc(*redecoded) != again) __builtin_trap();
  if (again.size() != record.size()) __builtin_trap();
}

void CheckStory(std::string_view record) {
  const absl::StatusOr<neardup::internal::StoryRecord> story =
      neardup::internal::DecodeStory(record, 7);
  if (!story.ok()) {
    if (story.status().code() != absl::StatusCode::kDataLoss) {
      __builtin_trap();
    }
    return;
  }
  const std::string again = neardup::internal::EncodeStory(*story);
  const absl::StatusOr<neardup::internal::StoryRecord> redecoded =
      neardup::internal::DecodeStory(again, 7);
  if (!redecoded.ok()) __builtin_trap();
  if (neardup::internal::EncodeStory(*redecoded) != again) __builtin_trap();
  if (again.size() != record.size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string raw(reinterpret_cast<const char*>(data), size);
  const std::string sealed = neardup::internal::Seal(raw);
  CheckDoc(raw);
  CheckDoc(sealed);
  CheckStory(raw);
  CheckStory(sealed);
  return 0;
}
