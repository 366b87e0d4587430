// Copyright 2026 The neardup Authors.
//
// Routing, validation and rendering of the service (service.h).

#include "neardup/service.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "nlohmann/json.hpp"

#include "neardup/index.h"

#include "service/articles.h"
#include "service/metrics.h"
#include "service/write_queue.h"

namespace neardup {
namespace {

using internal::ArticleBatch;
using internal::BodyShape;
using internal::Endpoint;
using nlohmann::ordered_json;

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kJsonLines = "application/x-ndjson";
constexpr std::string_view kStoriesPrefix = "/v1/stories/";
constexpr std::string_view kDocumentsPrefix = "/v1/documents/";

// Debian's Abseil has its own string_view.
std::string_view Message(const absl::Status& status) {
  return std::string_view(status.message().data(), status.message().size());
}

std::string Dump(const ordered_json& j) {
  // Ids from a URL may be any bytes: never let them stop a response.
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

HttpResponse Json(int status, const ordered_json& body) {
  HttpResponse r;
  r.status = status;
  r.content_type = std::string(kJson);
  r.body = Dump(body);
  r.body.push_back('\n');
  return r;
}

HttpResponse Error(int status, std::string_view message) {
  ordered_json error;
  error["status"] = status;
  error["message"] = std::string(message);
  ordered_json body;
  body["error"] = std::move(error);
  return Json(status, body);
}

// The HTTP status for an index error.
int StatusFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kInvalidArgument:
      return 400;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kFailedPrecondition:
      return 503;
    case absl::StatusCode::kResourceExhausted:
      return 507;
    default:
      return 500;
  }
}

HttpResponse IndexError(const absl::Status& status) {
  return Error(StatusFor(status), Message(status));
}

// Verdicts in the shape the articles came in: one object, an array, JSONL.
HttpResponse RenderVerdicts(BodyShape shape,
                            const std::vector<IndexVerdict>& verdicts) {
  HttpResponse r;
  r.content_type = std::string(shape == BodyShape::kLines ? kJsonLines : kJson);
  if (shape == BodyShape::kObject) {
    const IndexVerdict& v = verdicts.front();
    // One article that could not be judged: the verdict says why.
    if (v.skipped()) {
      r.status = v.skip.reason == SkipReason::kDuplicateId ? 409
                 : v.skip.reason == SkipReason::kOverLimit ? 507
                                                           : 422;
    }
    r.body = VerdictToJson(v);
    r.body.push_back('\n');
    return r;
  }
  if (shape == BodyShape::kArray) r.body.push_back('[');
  for (size_t i = 0; i < verdicts.size(); ++i) {
    if (shape == BodyShape::kArray && i > 0) r.body.push_back(',');
    r.body.append(VerdictToJson(verdicts[i]));
    if (shape == BodyShape::kLines) r.body.push_back('\n');
  }
  if (shape == BodyShape::kArray) r.body.append("]\n");
  return r;
}

bool IsJsonLinesType(std::string_view content_type) {
  return content_type.rfind("application/x-ndjson", 0) == 0 ||
         content_type.rfind("application/jsonl", 0) == 0 ||
         content_type.rfind("application/json-seq", 0) == 0;
}

void CountCommit(void* context, uint64_t documents, uint64_t requests) {
  static_cast<internal::ServiceMetrics*>(context)->RecordCommit(documents,
                                                                requests);
}

}  // namespace

struct Service::Impl {
  Impl(StreamIndex* index_in, const ServiceOptions& options_in)
      : index(index_in),
        options(options_in),
        writes(index_in, options_in.max_commit_documents, CountCommit,
               &metrics) {}

  HttpResponse Route(const HttpRequest& request, Endpoint* endpoint);
  HttpResponse Articles(const HttpRequest& request, bool ingest);
  HttpResponse GetStory(std::string_view id);
  HttpResponse DocumentById(std::string_view method, std::string_view id);
  HttpResponse Health();
  HttpResponse Metrics();

  StreamIndex* const index;
  const ServiceOptions options;
  internal::ServiceMetrics metrics;
  internal::WriteQueue writes;
  std::atomic<bool> stopping{false};
  // Articles answered, by SkipReason (kNone: judged).
  std::array<std::atomic<int64_t>, kNumSkipReasons> articles{};

  void CountArticle(SkipReason reason) {
    articles[static_cast<size_t>(reason)].fetch_add(1,
                                                    std::memory_order_relaxed);
  }
};

namespace {

// The metric label of `path`.
Endpoint EndpointOf(std::string_view path) {
  if (path == "/v1/ingest") return Endpoint::kIngest;
  if (path == "/v1/query") return Endpoint::kQuery;
  if (path.rfind(kStoriesPrefix, 0) == 0) return Endpoint::kStories;
  if (path.rfind(kDocumentsPrefix, 0) == 0 &&
      path.size() > kDocumentsPrefix.size()) {
    return Endpoint::kDocuments;
  }
  if (path == "/healthz") return Endpoint::kHealthz;
  if (path == "/metrics") return Endpoint::kMetrics;
  return Endpoint::kOther;
}

HttpResponse WrongMethod(std::string_view allow) {
  HttpResponse r = Error(405, "method not allowed; use " + std::string(allow));
  r.headers.emplace_back("Allow", std::string(allow));
  return r;
}

}  // namespace

HttpResponse Service::Impl::Route(const HttpRequest& request,
                                  Endpoint* endpoint) {
  const std::string_view path = request.path;
  const std::string_view method =
      request.method == "HEAD" ? std::string_view("GET") : request.method;
  *endpoint = EndpointOf(path);
  switch (*endpoint) {
    case Endpoint::kIngest:
    case Endpoint::kQuery:
      if (method != "POST") return WrongMethod("POST");
      return Articles(request, *endpoint == Endpoint::kIngest);
    case Endpoint::kStories:
      if (method != "GET") return WrongMethod("GET");
      return GetStory(path.substr(kStoriesPrefix.size()));
    case Endpoint::kDocuments:
      if (method != "GET" && method != "DELETE") {
        return WrongMethod("GET, DELETE");
      }
      return DocumentById(method, path.substr(kDocumentsPrefix.size()));
    case Endpoint::kHealthz:
      if (method != "GET") return WrongMethod("GET");
      return Health();
    case Endpoint::kMetrics:
      if (method != "GET") return WrongMethod("GET");
      return Metrics();
    case Endpoint::kOther:
      break;
  }
  return Error(404, "no such endpoint: " + std::string(path) +
                        " (see /v1/ingest, /v1/query, /v1/stories/{id}, "
                        "/v1/documents/{id}, /healthz, /metrics)");
}

HttpResponse Service::Impl::Articles(const HttpRequest& request, bool ingest) {
  if (ingest && stopping.load(std::memory_order_acquire)) {
    return Error(503, "the service is shutting down");
  }
  internal::ArticleOptions parse;
  parse.require_id = ingest;
  parse.force_lines = IsJsonLinesType(request.content_type);
  parse.max_articles = options.max_batch_articles;
  absl::StatusOr<ArticleBatch> batch = ParseArticles(request.body, parse);
  if (!batch.ok()) {
    return Error(batch.status().code() == absl::StatusCode::kResourceExhausted
                     ? 413
                     : 400,
                 Message(batch.status()));
  }
  std::vector<ReadItem>& items = batch->items;
  // One article that is not an article at all: the request is bad.
  if (batch->shape == BodyShape::kObject && items.front().skipped()) {
    CountArticle(items.front().skip.reason);
    return Error(400, items.front().skip.detail);
  }
  std::vector<IndexVerdict> verdicts(items.size());
  if (ingest) {
    std::vector<Document> docs;
    std::vector<size_t> slot;  // The item of each document.
    docs.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].skipped()) {
        verdicts[i] = SkippedVerdict(items[i]);
      } else {
        docs.push_back(std::move(items[i].document));
        slot.push_back(i);
      }
    }
    if (!docs.empty()) {
      absl::StatusOr<std::vector<IndexVerdict>> added = writes.Ingest(&docs);
      if (!added.ok()) return IndexError(added.status());
      if (added->size() != slot.size()) {
        return Error(500,
                     "the index returned a verdict count that differs "
                     "from the documents");
      }
      for (size_t j = 0; j < slot.size(); ++j) {
        verdicts[slot[j]] = std::move((*added)[j]);
      }
    }
  } else {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].skipped()) {
        verdicts[i] = SkippedVerdict(items[i]);
        continue;
      }
      absl::StatusOr<IndexVerdict> v = index->Query(items[i].document);
      if (!v.ok()) return IndexError(v.status());
      verdicts[i] = *std::move(v);
    }
  }
  for (const IndexVerdict& v : verdicts) CountArticle(v.skip.reason);
  return RenderVerdicts(batch->shape, verdicts);
}

HttpResponse Service::Impl::GetStory(std::string_view id) {
  uint64_t story_id = 0;
  if (!absl::SimpleAtoi(absl::string_view(id.data(), id.size()), &story_id) ||
      story_id == 0) {
    return Error(400, "a story id is a positive integer, not \"" +
                          std::string(id) + "\"");
  }
  auto story = index->GetStory(story_id);  // StatusOr of the story.
  if (!story.ok()) return IndexError(story.status());
  HttpResponse r;
  r.body = StoryToJson(*story);
  r.body.push_back('\n');
  return r;
}

HttpResponse Service::Impl::DocumentById(std::string_view method,
                                         std::string_view id) {
  ordered_json body;
  body["id"] = std::string(id);
  if (method == "GET") {
    absl::StatusOr<uint64_t> story = index->Lookup(id);
    if (!story.ok()) return IndexError(story.status());
    body["story"] = *story;
    return Json(200, body);
  }
  if (stopping.load(std::memory_order_acquire)) {
    return Error(503, "the service is shutting down");
  }
  const absl::Status deleted = writes.Delete(id);
  if (!deleted.ok()) return IndexError(deleted);
  body["deleted"] = true;
  return Json(200, body);
}

HttpResponse Service::Impl::Health() {
  ordered_json body;
  const bool ok = !stopping.load(std::memory_order_acquire);
  body["status"] = ok ? "ok" : "shutting_down";
  absl::StatusOr<IndexStats> stats = index->Stats();
  if (stats.ok()) {
    body["documents"] = stats->documents;
    body["stories"] = stats->stories;
  } else {
    body["status"] = "index_error";
    body["message"] = std::string(Message(stats.status()));
  }
  return Json(ok && stats.ok() ? 200 : 503, body);
}

HttpResponse Service::Impl::Metrics() {
  absl::StatusOr<IndexStats> stats = index->Stats();
  HttpResponse r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = metrics.Render(stats.ok() ? stats->documents : 0,
                          stats.ok() ? stats->stories : 0);
  return r;
}

Service::Service(StreamIndex* index, const ServiceOptions& options)
    : impl_(std::make_unique<Impl>(index, options)) {}

Service::~Service() { Shutdown(); }

HttpResponse Service::Handle(const HttpRequest& request) noexcept {
  const auto start = std::chrono::steady_clock::now();
  Endpoint endpoint = Endpoint::kOther;
  HttpResponse response;
  try {
    if (request.body.size() > impl_->options.max_body_bytes) {
      response =
          Error(413, "the body has " + std::to_string(request.body.size()) +
                         " bytes; at most " +
                         std::to_string(impl_->options.max_body_bytes));
      endpoint = EndpointOf(request.path);
    } else {
      response = impl_->Route(request, &endpoint);
    }
  } catch (...) {  // E.g. std::bad_alloc: the request fails, not the server.
    response = HttpResponse();
    response.status = 500;
    response.body =
        "{\"error\":{\"status\":500,\"message\":\"internal "
        "error\"}}\n";
  }
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  impl_->metrics.Record(endpoint, response.status,
                        static_cast<uint64_t>(micros));
  return response;
}

void Service::Shutdown() {
  impl_->stopping.store(true, std::memory_order_release);
  impl_->writes.Shutdown();
}

std::vector<int64_t> Service::ArticleCounts() const {
  std::vector<int64_t> counts(kNumSkipReasons);
  for (size_t r = 0; r < kNumSkipReasons; ++r) {
    counts[r] = impl_->articles[r].load(std::memory_order_relaxed);
  }
  return counts;
}

}  // namespace neardup
