// Copyright 2026 The neardup Authors.
//
// Service counters in the Prometheus text exposition format: requests by
// endpoint and status, a latency histogram per endpoint, and ingest
// batching (documents and durable commits).

#ifndef NEARDUP_SERVICE_METRICS_H_
#define NEARDUP_SERVICE_METRICS_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace neardup::internal {

// The routes the service knows, in the order /metrics lists them.
enum class Endpoint : uint8_t {
  kIngest = 0,
  kQuery,
  kStories,
  kDocuments,
  kHealthz,
  kMetrics,
  kOther,  // Anything unrouted (404).
};
inline constexpr size_t kNumEndpoints = 7;

// The label of `endpoint`, e.g. "/v1/ingest"; "other" for kOther.
std::string_view EndpointLabel(Endpoint endpoint);

// Thread-safe: every method may run concurrently (relaxed atomics; a scrape
// may see one request's counter before its histogram entry).
class ServiceMetrics {
 public:
  // Latency buckets' upper bounds, in microseconds (+Inf is implied).
  static constexpr std::array<uint32_t, 12> kBucketsMicros = {
      100,   250,   500,   1000,   2500,   5000,
      10000, 25000, 50000, 100000, 250000, 1000000};
  // Statuses counted by their own label; others count as "other".
  static constexpr std::array<int, 10> kStatuses = {200, 400, 404, 405, 409,
                                                    413, 422, 500, 503, 507};

  void Record(Endpoint endpoint, int status, uint64_t micros);
  // One durable ingest commit of `documents` documents, from `requests`
  // requests merged into it.
  void RecordCommit(uint64_t documents, uint64_t requests);

  // The Prometheus text for the counters, then the gauges given.
  std::string Render(uint64_t documents_indexed, uint64_t stories) const;

  // Requests seen for `endpoint` with `status` (tests).
  uint64_t Requests(Endpoint endpoint, int status) const;

 private:
  static constexpr size_t kStatusSlots = kStatuses.size() + 1;
  static constexpr size_t kBucketSlots = kBucketsMicros.size() + 1;
  static size_t StatusSlot(int status);

  std::array<std::array<std::atomic<uint64_t>, kStatusSlots>, kNumEndpoints>
      requests_{};
  std::array<std::array<std::atomic<uint64_t>, kBucketSlots>, kNumEndpoints>
      buckets_{};
  std::array<std::atomic<uint64_t>, kNumEndpoints> micros_sum_{};
  std::atomic<uint64_t> commits_{0};
  std::atomic<uint64_t> committed_documents_{0};
  std::atomic<uint64_t> committed_requests_{0};
};

}  // namespace neardup::internal

#endif  // NEARDUP_SERVICE_METRICS_H_
