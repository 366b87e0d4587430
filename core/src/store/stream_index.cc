// Copyright 2026 The neardup Authors.
//
// StreamIndex (index.h). Placeholder while the LMDB store lands: every
// operation reports Unimplemented.

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#include "neardup/index.h"

namespace neardup {

struct StreamIndex::Impl {
  IndexOptions options;
};

namespace {
absl::Status NotYet() {
  return absl::UnimplementedError("the streaming index is not built yet");
}
}  // namespace

StreamIndex::StreamIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StreamIndex::~StreamIndex() = default;

absl::StatusOr<std::unique_ptr<StreamIndex>> StreamIndex::Create(
    std::string_view, const IndexOptions&, const OpenOptions&) {
  return NotYet();
}
absl::StatusOr<std::unique_ptr<StreamIndex>> StreamIndex::Open(
    std::string_view, const OpenOptions&) {
  return NotYet();
}
absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Ingest(
    absl::Span<const Document>) {
  return NotYet();
}
absl::StatusOr<std::vector<IndexVerdict>> StreamIndex::Add(
    absl::Span<const Document>) {
  return NotYet();
}
absl::StatusOr<IndexVerdict> StreamIndex::Query(const Document&) const {
  return NotYet();
}
absl::Status StreamIndex::Delete(std::string_view) { return NotYet(); }
absl::StatusOr<Story> StreamIndex::GetStory(uint64_t) const { return NotYet(); }
absl::StatusOr<uint64_t> StreamIndex::Lookup(std::string_view) const {
  return NotYet();
}
absl::StatusOr<IndexStats> StreamIndex::Stats() const { return NotYet(); }
const IndexOptions& StreamIndex::options() const { return impl_->options; }
absl::Status StreamIndex::Close() { return absl::OkStatus(); }

}  // namespace neardup
