// Copyright 2026 The neardup Authors.
//
// The Prometheus rendering of the service counters.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "service/metrics.h"

namespace neardup::internal {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ServiceMetricsTest, CountsByEndpointAndStatus) {
  ServiceMetrics metrics;
  metrics.Record(Endpoint::kQuery, 200, 300);
  metrics.Record(Endpoint::kQuery, 200, 700);
  metrics.Record(Endpoint::kQuery, 400, 50);
  metrics.Record(Endpoint::kOther, 404, 10);
  metrics.Record(Endpoint::kIngest, 418, 10);  // Counted as "other".
  EXPECT_EQ(metrics.Requests(Endpoint::kQuery, 200), 2u);
  EXPECT_EQ(metrics.Requests(Endpoint::kQuery, 400), 1u);
  EXPECT_EQ(metrics.Requests(Endpoint::kIngest, 200), 0u);
  const std::string text = metrics.Render(12, 5);
  EXPECT_THAT(text, HasSubstr("neardup_http_requests_total{endpoint=\"/v1/"
                              "query\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("neardup_http_requests_total{endpoint=\"/v1/"
                              "query\",status=\"400\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("neardup_http_requests_total{endpoint="
                              "\"other\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("neardup_http_requests_total{endpoint=\"/v1/"
                              "ingest\",status=\"other\"} 1\n"));
  // Zero counters are left out.
  EXPECT_THAT(text, Not(HasSubstr("endpoint=\"/v1/stories\",status=")));
  EXPECT_THAT(text, HasSubstr("neardup_documents_indexed 12\n"));
  EXPECT_THAT(text, HasSubstr("neardup_stories 5\n"));
}

TEST(ServiceMetricsTest, HistogramIsCumulative) {
  ServiceMetrics metrics;
  metrics.Record(Endpoint::kQuery, 200, 90);       // <= 100 us
  metrics.Record(Endpoint::kQuery, 200, 100);      // <= 100 us (inclusive)
  metrics.Record(Endpoint::kQuery, 200, 800);      // <= 1 ms
  metrics.Record(Endpoint::kQuery, 200, 5000000);  // +Inf only
  const std::string text = metrics.Render(0, 0);
  const std::string prefix =
      "neardup_http_request_duration_seconds_bucket{endpoint=\"/v1/query\",";
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"0.0001\"} 2\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"0.0005\"} 2\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"0.001\"} 3\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"1\"} 3\n"));
  EXPECT_THAT(text, HasSubstr(prefix + "le=\"+Inf\"} 4\n"));
  EXPECT_THAT(text, HasSubstr("neardup_http_request_duration_seconds_count{"
                              "endpoint=\"/v1/query\"} 4\n"));
  EXPECT_THAT(text, HasSubstr("neardup_http_request_duration_seconds_sum{"
                              "endpoint=\"/v1/query\"} 5.00099\n"));
}

TEST(ServiceMetricsTest, Commits) {
  ServiceMetrics metrics;
  metrics.RecordCommit(10, 3);
  metrics.RecordCommit(5, 1);
  const std::string text = metrics.Render(0, 0);
  EXPECT_THAT(text, HasSubstr("neardup_ingest_commits_total 2\n"));
  EXPECT_THAT(text, HasSubstr("neardup_ingest_documents_total 15\n"));
  EXPECT_THAT(text, HasSubstr("neardup_ingest_requests_committed_total 4\n"));
}

}  // namespace
}  // namespace neardup::internal
