// Copyright 2026 The neardup Authors.
//
// Fuzzes the HTTP service's request handling (Service::Handle, without
// sockets) over one index in a temporary directory, kept for the whole run
// and removed at its end.
// Input: byte 0 picks the method, the bytes up to the first '\n' are the
// path, the rest is the body. Checks that every answer is a known status
// (never 500: no index error is expected), a JSON body where the content
// type says JSON, and that errors carry {"error": {"status", "message"}}
// (409 and 422 carry the article's verdict instead).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "nlohmann/json.hpp"

#include "neardup/index.h"
#include "neardup/service.h"

#include "test_paths.h"

namespace {

struct Fixture {
  std::unique_ptr<neardup::StreamIndex> index;
  std::unique_ptr<neardup::Service> service;
};

Fixture* Get() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;
    const std::string dir = neardup::testing::FreshTempPath("service_fuzzer");
    neardup::IndexOpenOptions open;
    open.sync = false;
    absl::StatusOr<std::unique_ptr<neardup::StreamIndex>> index =
        neardup::StreamIndex::Create(dir + "/idx", neardup::IndexOptions(),
                                     open);
    if (!index.ok()) std::abort();
    f->index = std::move(*index);
    neardup::ServiceOptions options;
    options.max_body_bytes = 1 << 16;
    options.max_batch_articles = 64;
    f->service = std::make_unique<neardup::Service>(f->index.get(), options);
    return f;
  }();
  return fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const char* const kMethods[] = {"GET", "POST", "DELETE", "PUT"};
  const std::string_view rest(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  const size_t newline = rest.find('\n');
  neardup::HttpRequest request;
  request.method = kMethods[data[0] & 3];
  request.path = std::string(rest.substr(0, newline));
  if (newline != std::string_view::npos) {
    request.body = std::string(rest.substr(newline + 1));
  }
  if (data[0] & 4) request.content_type = "application/x-ndjson";
  const neardup::HttpResponse response = Get()->service->Handle(request);
  switch (response.status) {
    case 200:
    case 400:
    case 404:
    case 405:
    case 409:  // One article that is a duplicate id: its verdict.
    case 413:
    case 422:  // One article that cannot be judged: its verdict says why.
    case 503:
      break;
    default:
      __builtin_trap();  // 500 is an index error: none is expected here.
  }
  if (response.content_type == "application/json") {
    const nlohmann::json body = nlohmann::json::parse(
        response.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) __builtin_trap();
    const bool error = response.status != 200 && response.status != 409 &&
                       response.status != 422;
    if (error &&
        !(body.contains("error") && body["error"].contains("message"))) {
      __builtin_trap();
    }
  }
  return 0;
}
