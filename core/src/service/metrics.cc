// Copyright 2026 The neardup Authors.

#include "service/metrics.h"

#include <cinttypes>
#include <cstdio>

#include "absl/strings/str_cat.h"

namespace neardup::internal {
namespace {

// Debian's Abseil has its own string_view.
absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

constexpr std::array<std::string_view, kNumEndpoints> kLabels = {
    "/v1/ingest", "/v1/query", "/v1/stories", "/v1/documents",
    "/healthz",   "/metrics",  "other"};

// Seconds with 6 decimals, trailing zeros dropped ("0.0025", "1").
std::string Seconds(uint64_t micros) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%" PRIu64 ".%06" PRIu64, micros / 1000000,
                micros % 1000000);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string_view EndpointLabel(Endpoint endpoint) {
  return kLabels[static_cast<size_t>(endpoint)];
}

size_t ServiceMetrics::StatusSlot(int status) {
  for (size_t i = 0; i < kStatuses.size(); ++i) {
    if (kStatuses[i] == status) return i;
  }
  return kStatuses.size();
}

void ServiceMetrics::Record(Endpoint endpoint, int status, uint64_t micros) {
  const size_t e = static_cast<size_t>(endpoint);
  requests_[e][StatusSlot(status)].fetch_add(1, std::memory_order_relaxed);
  size_t b = 0;
  while (b < kBucketsMicros.size() && micros > kBucketsMicros[b]) ++b;
  buckets_[e][b].fetch_add(1, std::memory_order_relaxed);
  micros_sum_[e].fetch_add(micros, std::memory_order_relaxed);
}

void ServiceMetrics::RecordCommit(uint64_t documents, uint64_t requests) {
  commits_.fetch_add(1, std::memory_order_relaxed);
  committed_documents_.fetch_add(documents, std::memory_order_relaxed);
  committed_requests_.fetch_add(requests, std::memory_order_relaxed);
}

uint64_t ServiceMetrics::Requests(Endpoint endpoint, int status) const {
  return requests_[static_cast<size_t>(endpoint)][StatusSlot(status)].load(
      std::memory_order_relaxed);
}

std::string ServiceMetrics::Render(uint64_t documents_indexed,
                                   uint64_t stories) const {
  std::string out;
  out.append(
      "# HELP neardup_http_requests_total HTTP requests by endpoint and "
      "status.\n"
      "# TYPE neardup_http_requests_total counter\n");
  for (size_t e = 0; e < kNumEndpoints; ++e) {
    for (size_t s = 0; s < kStatusSlots; ++s) {
      const uint64_t n = requests_[e][s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      absl::StrAppend(&out, "neardup_http_requests_total{endpoint=\"",
                      Sv(kLabels[e]), "\",status=\"",
                      s < kStatuses.size() ? absl::StrCat(kStatuses[s])
                                           : std::string("other"),
                      "\"} ", n, "\n");
    }
  }
  out.append(
      "# HELP neardup_http_request_duration_seconds Time from a request's "
      "arrival in the handler to its response, by endpoint.\n"
      "# TYPE neardup_http_request_duration_seconds histogram\n");
  for (size_t e = 0; e < kNumEndpoints; ++e) {
    uint64_t cumulative = 0;
    for (size_t b = 0; b < kBucketSlots; ++b) {
      cumulative += buckets_[e][b].load(std::memory_order_relaxed);
      absl::StrAppend(
          &out, "neardup_http_request_duration_seconds_bucket{endpoint=\"",
          Sv(kLabels[e]), "\",le=\"",
          b < kBucketsMicros.size() ? Seconds(kBucketsMicros[b])
                                    : std::string("+Inf"),
          "\"} ", cumulative, "\n");
    }
    absl::StrAppend(&out,
                    "neardup_http_request_duration_seconds_sum{endpoint=\"",
                    Sv(kLabels[e]), "\"} ",
                    Seconds(micros_sum_[e].load(std::memory_order_relaxed)),
                    "\n", "neardup_http_request_duration_seconds_count{",
                    "endpoint=\"", Sv(kLabels[e]), "\"} ", cumulative, "\n");
  }
  absl::StrAppend(
      &out,
      "# HELP neardup_ingest_commits_total Durable index commits made by "
      "ingest (concurrent ingests share one).\n"
      "# TYPE neardup_ingest_commits_total counter\n"
      "neardup_ingest_commits_total ",
      commits_.load(std::memory_order_relaxed), "\n",
      "# HELP neardup_ingest_documents_total Documents made durable by "
      "ingest.\n"
      "# TYPE neardup_ingest_documents_total counter\n"
      "neardup_ingest_documents_total ",
      committed_documents_.load(std::memory_order_relaxed), "\n",
      "# HELP neardup_ingest_requests_committed_total Ingest requests "
      "acknowledged after a commit.\n"
      "# TYPE neardup_ingest_requests_committed_total counter\n"
      "neardup_ingest_requests_committed_total ",
      committed_requests_.load(std::memory_order_relaxed), "\n");
  absl::StrAppend(&out,
                  "# HELP neardup_documents_indexed Documents in the index.\n"
                  "# TYPE neardup_documents_indexed gauge\n"
                  "neardup_documents_indexed ",
                  documents_indexed, "\n",
                  "# HELP neardup_stories Stories in the index.\n"
                  "# TYPE neardup_stories gauge\n"
                  "neardup_stories ",
                  stories, "\n");
  return out;
}

}  // namespace neardup::internal
