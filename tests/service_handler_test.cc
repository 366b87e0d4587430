// Copyright 2026 The neardup Authors.
//
// Service::Handle() without sockets: every endpoint, every error class, the
// JSON shapes, group commit under concurrent ingests, and shutdown.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

#include "neardup/index.h"
#include "neardup/service.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using json = nlohmann::json;

// A wire story and rewrites of it, long enough to be judged (>= 8
// shingles).
constexpr char kWire[] =
    "The city council voted on Tuesday to approve a new budget that raises "
    "spending on public transport by twelve percent, the mayor said, adding "
    "that bus routes in the northern districts would run every ten minutes "
    "from next spring and that fares would stay the same for two years.";
constexpr char kOther[] =
    "Researchers at the university have found a species of frog in the "
    "mountain forests that glows under ultraviolet light, a trait they say "
    "may help the animals recognise each other at dusk when the canopy is "
    "dark and the streams are loud with the calls of other creatures.";

std::string Article(const std::string& id, const std::string& text) {
  json j;
  j["id"] = id;
  j["text"] = text;
  return j.dump();
}

class ServiceHandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("neardup_service_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    absl::StatusOr<std::unique_ptr<StreamIndex>> index =
        StreamIndex::Create(dir_.string(), IndexOptions());
    ASSERT_TRUE(index.ok()) << index.status();
    index_ = *std::move(index);
    service_ = std::make_unique<Service>(index_.get(), ServiceOptions());
  }
  void TearDown() override {
    service_.reset();
    index_.reset();
    fs::remove_all(dir_);
  }

  HttpResponse Call(const std::string& method, const std::string& path,
                    const std::string& body = "",
                    const std::string& content_type = "") {
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.content_type = content_type;
    return service_->Handle(request);
  }

  static json Parse(const HttpResponse& r) {
    return json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  }

  void ExpectError(const HttpResponse& r, int status,
                   const std::string& message_part) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    const json j = Parse(r);
    ASSERT_TRUE(j.is_object()) << r.body;
    ASSERT_TRUE(j.contains("error")) << r.body;
    EXPECT_EQ(j["error"]["status"], status);
    EXPECT_THAT(j["error"]["message"].get<std::string>(),
                HasSubstr(message_part));
  }

  fs::path dir_;
  std::unique_ptr<StreamIndex> index_;
  std::unique_ptr<Service> service_;
};

TEST_F(ServiceHandlerTest, IngestThenCopyJoinsTheStory) {
  HttpResponse r = Call("POST", "/v1/ingest", Article("wire-1", kWire));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  json first = Parse(r);
  EXPECT_EQ(first["id"], "wire-1");
  EXPECT_EQ(first["added"], true);
  EXPECT_EQ(first["role"], "origin");
  const uint64_t story = first["story"].get<uint64_t>();
  EXPECT_GE(story, 1u);

  r = Call("POST", "/v1/ingest", Article("copy-1", kWire));
  ASSERT_EQ(r.status, 200) << r.body;
  json copy = Parse(r);
  EXPECT_EQ(copy["story"], story);
  EXPECT_EQ(copy["role"], "copy");
  ASSERT_FALSE(copy["matches"].empty()) << r.body;
  EXPECT_EQ(copy["matches"][0]["id"], "wire-1");
  EXPECT_EQ(copy["matches"][0]["relation"], "copy");

  r = Call("POST", "/v1/ingest", Article("frog", kOther));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(Parse(r)["story"], story);
}

TEST_F(ServiceHandlerTest, OverTheMemoryBudgetIs507AndQueriesGoOn) {
  ASSERT_EQ(Call("POST", "/v1/ingest", Article("wire-1", kWire)).status, 200);
  // Reopened with a budget the postings already exceed.
  service_.reset();
  ASSERT_TRUE(index_->Close().ok());
  IndexOpenOptions open;
  open.memory_budget = 1;
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(dir_.string(), open);
  ASSERT_TRUE(index.ok()) << index.status();
  index_ = *std::move(index);
  service_ = std::make_unique<Service>(index_.get(), ServiceOptions());

  HttpResponse r = Call("POST", "/v1/ingest", Article("frog", kOther));
  EXPECT_EQ(r.status, 507) << r.body;
  json v = Parse(r);
  EXPECT_EQ(v["id"], "frog");
  EXPECT_EQ(v["skipped"], true);
  EXPECT_EQ(v["reason"], "over_limit");
  // Several articles: 200, each with its verdict.
  r = Call(
      "POST", "/v1/ingest",
      "[" + Article("copy-1", kWire) + "," + Article("frog", kOther) + "]");
  ASSERT_EQ(r.status, 200) << r.body;
  v = Parse(r);
  ASSERT_TRUE(v.is_array()) << r.body;
  EXPECT_EQ(v[0]["reason"], "over_limit");
  EXPECT_EQ(v[1]["reason"], "over_limit");
  // Queries still find what is indexed.
  r = Call("POST", "/v1/query", Article("probe", kWire));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Parse(r);
  ASSERT_FALSE(v["matches"].empty()) << r.body;
  EXPECT_EQ(v["matches"][0]["id"], "wire-1");
}

TEST_F(ServiceHandlerTest, QueryDoesNotAddAndMatchesTheLibraryRendering) {
  ASSERT_EQ(Call("POST", "/v1/ingest", Article("wire-1", kWire)).status, 200);
  const std::string body = Article("probe", kWire);
  HttpResponse r = Call("POST", "/v1/query", body);
  ASSERT_EQ(r.status, 200) << r.body;
  // Byte for byte what the library renders for the same query.
  Document doc;
  doc.id = "probe";
  doc.text = kWire;
  absl::StatusOr<IndexVerdict> direct = index_->Query(doc);
  ASSERT_TRUE(direct.ok()) << direct.status();
  EXPECT_EQ(r.body, VerdictToJson(*direct) + "\n");
  json j = Parse(r);
  EXPECT_EQ(j["matches"][0]["id"], "wire-1");
  EXPECT_NE(j["added"], true);
  // Not added: the id is unknown, and a second ingest of it works.
  EXPECT_EQ(Call("GET", "/v1/documents/probe").status, 404);
  absl::StatusOr<IndexStats> stats = index_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1u);
  // The id is optional for a query.
  json no_id;
  no_id["text"] = kOther;
  r = Call("POST", "/v1/query", no_id.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Parse(r)["role"], "new");
}

TEST_F(ServiceHandlerTest, ArrayBatchAnswersAnArrayWithSkips) {
  const std::string body = "[" + Article("a", kWire) + ", {\"id\": \"b\"}, " +
                           Article("c", kWire) + ", 5]";
  HttpResponse r = Call("POST", "/v1/ingest", body);
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Parse(r);
  ASSERT_TRUE(j.is_array()) << r.body;
  ASSERT_EQ(j.size(), 4u);
  EXPECT_EQ(j[0]["id"], "a");
  EXPECT_EQ(j[0]["added"], true);
  EXPECT_EQ(j[1]["id"], "b");
  EXPECT_EQ(j[1]["skipped"], true);
  EXPECT_EQ(j[1]["reason"], "missing_text");
  EXPECT_EQ(j[2]["id"], "c");
  EXPECT_EQ(j[2]["story"], j[0]["story"]);
  EXPECT_EQ(j[3]["skipped"], true);
  EXPECT_EQ(j[3]["reason"], "malformed_json");
}

// Every article answered counts once, judged or skipped by its reason
// (the `serve` summary).
TEST_F(ServiceHandlerTest, ArticleCountsAddUp) {
  const auto count = [&](SkipReason r) {
    return service_->ArticleCounts()[static_cast<size_t>(r)];
  };
  const std::string body = "[" + Article("a", kWire) + ", {\"id\": \"b\"}, " +
                           Article("c", kWire) + ", 5]";
  ASSERT_EQ(Call("POST", "/v1/ingest", body).status, 200);
  ASSERT_EQ(Call("POST", "/v1/ingest", Article("a", kOther)).status, 409);
  ASSERT_EQ(Call("POST", "/v1/ingest", "{\"id\": \"d\"}").status, 400);
  ASSERT_EQ(Call("POST", "/v1/query", Article("q", kOther)).status, 200);
  EXPECT_EQ(count(SkipReason::kNone), 3);  // a, c, q.
  EXPECT_EQ(count(SkipReason::kMissingText), 2);
  EXPECT_EQ(count(SkipReason::kMalformedJson), 1);
  EXPECT_EQ(count(SkipReason::kDuplicateId), 1);
  int64_t total = 0;
  for (const int64_t n : service_->ArticleCounts()) total += n;
  EXPECT_EQ(total, 7);
}

TEST_F(ServiceHandlerTest, JsonLinesBatchAnswersJsonLines) {
  const std::string body = Article("a", kWire) + "\n" + Article("b", kOther) +
                           "\n{broken\n" + Article("a", kOther) + "\n";
  HttpResponse r = Call("POST", "/v1/ingest", body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/x-ndjson");
  std::vector<json> lines;
  size_t begin = 0;
  while (begin < r.body.size()) {
    const size_t end = r.body.find('\n', begin);
    ASSERT_NE(end, std::string::npos) << "every record ends with a newline";
    lines.push_back(json::parse(r.body.substr(begin, end - begin)));
    begin = end + 1;
  }
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["id"], "a");
  EXPECT_EQ(lines[1]["id"], "b");
  EXPECT_EQ(lines[2]["reason"], "malformed_json");
  EXPECT_EQ(lines[3]["reason"], "duplicate_id");
  // One object sent as JSONL is answered as JSONL too.
  r = Call("POST", "/v1/query", Article("q", kWire),
           "application/x-ndjson; charset=utf-8");
  EXPECT_EQ(r.content_type, "application/x-ndjson");
  EXPECT_EQ(std::count(r.body.begin(), r.body.end(), '\n'), 1);
}

TEST_F(ServiceHandlerTest, DuplicateIdIsAConflict) {
  ASSERT_EQ(Call("POST", "/v1/ingest", Article("a", kWire)).status, 200);
  HttpResponse r = Call("POST", "/v1/ingest", Article("a", kOther));
  EXPECT_EQ(r.status, 409) << r.body;
  json j = Parse(r);
  EXPECT_EQ(j["skipped"], true);
  EXPECT_EQ(j["reason"], "duplicate_id");
}

TEST_F(ServiceHandlerTest, StoryWithMembersRolesAndOrigin) {
  ASSERT_EQ(Call("POST", "/v1/ingest", Article("wire-1", kWire)).status, 200);
  json copy = Parse(Call("POST", "/v1/ingest", Article("copy-1", kWire)));
  const uint64_t story = copy["story"].get<uint64_t>();
  HttpResponse r = Call("GET", "/v1/stories/" + std::to_string(story));
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Parse(r);
  EXPECT_EQ(j["story"], story);
  EXPECT_EQ(j["origin"]["kind"], "document");
  EXPECT_EQ(j["origin"]["id"], "wire-1");
  ASSERT_EQ(j["members"].size(), 2u);
  EXPECT_EQ(j["members"][0]["id"], "wire-1");
  EXPECT_EQ(j["members"][0]["role"], "origin");
  EXPECT_EQ(j["members"][1]["id"], "copy-1");
  EXPECT_EQ(j["members"][1]["role"], "copy");
  auto direct = index_->GetStory(story);
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(r.body, StoryToJson(*direct) + "\n");

  ExpectError(Call("GET", "/v1/stories/999999"), 404, "");
  ExpectError(Call("GET", "/v1/stories/abc"), 400, "positive integer");
  ExpectError(Call("GET", "/v1/stories/0"), 400, "positive integer");
  ExpectError(Call("GET", "/v1/stories/"), 400, "positive integer");
}

TEST_F(ServiceHandlerTest, LookupAndDeleteDocuments) {
  json a = Parse(Call("POST", "/v1/ingest", Article("a/b c", kWire)));
  HttpResponse r = Call("GET", "/v1/documents/a/b c");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Parse(r)["story"], a["story"]);
  r = Call("DELETE", "/v1/documents/a/b c");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Parse(r)["deleted"], true);
  ExpectError(Call("DELETE", "/v1/documents/a/b c"), 404, "");
  ExpectError(Call("GET", "/v1/documents/a/b c"), 404, "");
  absl::StatusOr<IndexStats> stats = index_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 0u);
  // Deleted, the id can be ingested again.
  EXPECT_EQ(Call("POST", "/v1/ingest", Article("a/b c", kOther)).status, 200);
}

TEST_F(ServiceHandlerTest, RequestErrors) {
  ExpectError(Call("GET", "/nope"), 404, "no such endpoint");
  ExpectError(Call("GET", "/v1/documents/"), 404, "no such endpoint");
  HttpResponse r = Call("GET", "/v1/ingest");
  ExpectError(r, 405, "POST");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Allow");
  EXPECT_EQ(r.headers[0].second, "POST");
  ExpectError(Call("PUT", "/v1/documents/x"), 405, "GET, DELETE");
  ExpectError(Call("POST", "/healthz"), 405, "GET");
  ExpectError(Call("DELETE", "/v1/stories/1"), 405, "GET");
  ExpectError(Call("POST", "/v1/ingest", "{\"id\": \"a\", \"text\": "), 400,
              "malformed JSON");
  ExpectError(Call("POST", "/v1/ingest", ""), 400, "empty body");
  ExpectError(Call("POST", "/v1/ingest", "[1, 2"), 400, "malformed JSON");
  ExpectError(Call("POST", "/v1/ingest", "\"text\""), 400, "string");
  ExpectError(Call("POST", "/v1/ingest", "{\"text\": \"no id at all\"}"), 400,
              "no \"id\"");
  ExpectError(Call("POST", "/v1/ingest", "{\"id\": \"a\"}"), 400,
              "no \"text\"");
  ExpectError(Call("POST", "/v1/query", "{\"id\": \"a\", \"text\": \"  \"}"),
              400, "no letters");
  ExpectError(Call("POST", "/v1/ingest", "{\"id\":\"a\",\"text\":\"\xFF\"}"),
              400, "UTF-8");
  // Nothing above was added.
  absl::StatusOr<IndexStats> stats = index_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 0u);
}

TEST_F(ServiceHandlerTest, TooLarge) {
  ServiceOptions options;
  options.max_body_bytes = 100;
  options.max_batch_articles = 2;
  Service small(index_.get(), options);
  HttpRequest request;
  request.method = "POST";
  request.path = "/v1/ingest";
  request.body = Article("big", kWire);
  HttpResponse r = small.Handle(request);
  EXPECT_EQ(r.status, 413);
  EXPECT_THAT(r.body, HasSubstr("at most 100"));
  // A body too large never reaches the index, whatever the route does.
  request.method = "DELETE";
  request.path = "/v1/documents/x";
  EXPECT_EQ(small.Handle(request).status, 413);
  request.method = "POST";
  request.path = "/v1/query";
  request.body = R"([{"text":"a b"},{"text":"c d"},{"text":"e f"}])";
  r = small.Handle(request);
  EXPECT_EQ(r.status, 413);
  EXPECT_THAT(r.body, HasSubstr("at most 2"));
}

TEST_F(ServiceHandlerTest, HealthAndMetrics) {
  HttpResponse r = Call("GET", "/healthz");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Parse(r)["status"], "ok");
  EXPECT_EQ(Parse(r)["documents"], 0);
  ASSERT_EQ(Call("POST", "/v1/ingest", Article("a", kWire)).status, 200);
  ASSERT_EQ(Call("POST", "/v1/query", Article("q", kWire)).status, 200);
  Call("GET", "/nope");
  EXPECT_EQ(Parse(Call("HEAD", "/healthz"))["documents"], 1);
  r = Call("GET", "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(r.content_type, StartsWith("text/plain"));
  EXPECT_THAT(r.body, HasSubstr("neardup_http_requests_total{endpoint=\"/v1/"
                                "ingest\",status=\"200\"} 1\n"));
  EXPECT_THAT(r.body, HasSubstr("neardup_http_requests_total{endpoint=\"/v1/"
                                "query\",status=\"200\"} 1\n"));
  EXPECT_THAT(r.body, HasSubstr("neardup_http_requests_total{endpoint="
                                "\"other\",status=\"404\"} 1\n"));
  EXPECT_THAT(r.body, HasSubstr("neardup_http_requests_total{endpoint="
                                "\"/healthz\",status=\"200\"} 2\n"));
  EXPECT_THAT(r.body, HasSubstr("neardup_http_request_duration_seconds_count{"
                                "endpoint=\"/v1/ingest\"} 1\n"));
  EXPECT_THAT(r.body, HasSubstr("neardup_documents_indexed 1\n"));
  EXPECT_THAT(r.body, HasSubstr("neardup_ingest_commits_total 1\n"));
}

TEST_F(ServiceHandlerTest, ShutdownRefusesWritesButAnswersReads) {
  ASSERT_EQ(Call("POST", "/v1/ingest", Article("a", kWire)).status, 200);
  service_->Shutdown();
  ExpectError(Call("POST", "/v1/ingest", Article("b", kWire)), 503,
              "shutting down");
  ExpectError(Call("DELETE", "/v1/documents/a"), 503, "shutting down");
  HttpResponse r = Call("GET", "/healthz");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(Parse(r)["status"], "shutting_down");
  EXPECT_EQ(Call("POST", "/v1/query", Article("q", kWire)).status, 200);
  service_->Shutdown();  // Idempotent.
}

TEST_F(ServiceHandlerTest, ConcurrentIngestsAreAllDurableAndGrouped) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string id =
            "t" + std::to_string(t) + "-" + std::to_string(i);
        // Distinct texts: each thread rewrites the wire story its own way.
        const std::string text = std::string(kWire) + " Reported by desk " +
                                 std::to_string(t) + " item " +
                                 std::to_string(i) + ".";
        HttpResponse r = Call("POST", "/v1/ingest", Article(id, text));
        json j = Parse(r);
        if (r.status != 200 || j["id"] != id || j["added"] != true) {
          failures.fetch_add(1);
        }
        if (i % 5 == 0 &&
            Call("POST", "/v1/query", Article("q", kOther)).status != 200) {
          failures.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  absl::StatusOr<IndexStats> stats = index_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, uint64_t{kThreads * kPerThread});
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      EXPECT_TRUE(
          index_->Lookup("t" + std::to_string(t) + "-" + std::to_string(i))
              .ok());
    }
  }
  // Every request was acknowledged after exactly one commit that held it.
  const std::string metrics = Call("GET", "/metrics").body;
  EXPECT_THAT(metrics, HasSubstr("neardup_ingest_requests_committed_total " +
                                 std::to_string(kThreads * kPerThread) + "\n"));
  EXPECT_THAT(metrics, HasSubstr("neardup_ingest_documents_total " +
                                 std::to_string(kThreads * kPerThread) + "\n"));
}

}  // namespace
}  // namespace neardup
