// Copyright 2026 The neardup Authors.
//
// The HTTP/JSON service over a StreamIndex, independent of any transport:
// a request in, a response out. `neardup serve` puts it behind cpp-httplib;
// tests and fuzzers call Handle() directly, without sockets.
//
//   absl::StatusOr<neardup::StreamIndex> index =
//       neardup::StreamIndex::Open("news.idx");
//   neardup::Service service(&*index, neardup::ServiceOptions());
//   neardup::HttpRequest request;
//   request.method = "POST";
//   request.path = "/v1/query";
//   request.body = R"({"id": "a1", "text": "..."})";
//   neardup::HttpResponse response = service.Handle(request);
//   // response.status == 200, response.body: the verdict as JSON.
//
// Endpoints (docs/service.md):
//   POST   /v1/ingest         add and judge: an article {id, text, title?,
//                             outlet?, published?, url?}, an array of them, or
//                             JSONL; answered once the documents are durable.
//   POST   /v1/query          judge without adding (id optional).
//   GET    /v1/stories/{id}   a story: members, roles, origin.
//   DELETE /v1/documents/{id} remove a document.
//   GET    /healthz           {"status": "ok", ...}; 503 once shutting down.
//   GET    /metrics           Prometheus text.
// Errors are JSON {"error": {"status": N, "message": "..."}}: 400 bad JSON or
// article, 404 unknown path, story or document, 405 wrong method (with an
// Allow header), 413 body or batch too large, 503 shutting down, 500 an
// index error.
//
// Concurrency: Handle() is thread-safe. Queries run concurrently; writes
// (ingest, delete) are serialised, and concurrent ingests are merged into
// one durable index transaction (group commit, as leveldb's write path): the
// first ingest in line commits its documents together with those queued
// behind it, then answers all of them.

#ifndef NEARDUP_SERVICE_H_
#define NEARDUP_SERVICE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "neardup/io.h"

namespace neardup {

class StreamIndex;

struct HttpRequest {
  std::string method;  // "GET", "POST", "DELETE", ...
  std::string path;    // Percent-decoded, without the query string.
  // Query parameters, decoded, in order.
  std::vector<std::pair<std::string, std::string>> params;
  std::string content_type;  // The Content-Type header; may be empty.
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra headers (e.g. "Allow" with a 405).
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ServiceOptions {
  // Bodies larger than this get 413 (the transport should refuse them
  // before reading, too).
  size_t max_body_bytes = size_t{32} << 20;
  // Articles per request at most (413 beyond).
  size_t max_batch_articles = 10000;
  // Documents one group commit takes at most from the queue of waiting
  // ingests (a single larger request is committed alone).
  size_t max_commit_documents = 4096;
};

// Thread-safe. Does not own the index, which must outlive the service.
class Service {
 public:
  Service(StreamIndex* index, const ServiceOptions& options);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Routes and answers one request. Never throws; an unexpected failure is
  // a 500 response.
  HttpResponse Handle(const HttpRequest& request) noexcept;

  // Refuses new ingests and deletes (503) from now on and waits for those
  // in flight to finish (their commits are durable when this returns).
  // Queries, health (503) and metrics are still answered. Idempotent.
  void Shutdown();

  // Articles answered since the service started (every article of an ingest
  // or query body; a body that is not articles at all is a 400 and counts
  // none), indexed by SkipReason: [kNone] judged, the others skipped for
  // that reason. For the `serve` summary; every article counts once.
  std::vector<int64_t> ArticleCounts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace neardup

#endif  // NEARDUP_SERVICE_H_
