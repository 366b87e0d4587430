// Copyright 2026 The neardup Authors.
//
// `neardup serve --index DIR --port N`: the HTTP/JSON service (service.h)
// behind cpp-httplib. SIGTERM or SIGINT stops it gracefully: it stops
// accepting, finishes the requests in flight, closes the index, exits 0.

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <ctime>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "neardup/index.h"
#include "neardup/service.h"

#include "commands.h"
#include "exit_codes.h"
#include "httplib.h"
#include "reporting.h"

namespace neardup::cli {
namespace {

struct ServeFlags {
  std::string index;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 16;
  bool create = false;
  size_t max_body_mb = 32;
  int keep_alive_seconds = 2;
  size_t max_commit_docs = 4096;
  int64_t memory_budget = 0;  // Bytes; 0: none.
  bool quiet = false;
};

// Copies an httplib request into the transport-independent one.
HttpRequest ToServiceRequest(const httplib::Request& req) {
  HttpRequest out;
  out.method = req.method;
  out.path = req.path;
  for (const auto& [key, value] : req.params)
    out.params.emplace_back(key, value);
  out.content_type = req.get_header_value("Content-Type");
  out.body = req.body;
  return out;
}

// Waits for SIGTERM or SIGINT (blocked in every thread, so only this one
// receives them) and then stops `server`; returns early once *done.
void WaitForSignal(httplib::Server* server, const std::atomic<bool>* done,
                   std::atomic<int>* received) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  const timespec tick = {0, 100 * 1000 * 1000};
  while (!done->load()) {
    const int sig = sigtimedwait(&set, nullptr, &tick);
    if (sig == SIGTERM || sig == SIGINT) {
      received->store(sig);
      server->stop();
      return;
    }
  }
}

int RunServe(const ServeFlags& flags) {
  // Block the stop signals before any thread starts, so every thread
  // inherits the mask and the waiter alone takes them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  IndexOpenOptions open;
  open.threads = ThreadCount(0);
  open.memory_budget = static_cast<uint64_t>(flags.memory_budget);
  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(flags.index, open);
  if (!index.ok() && flags.create &&
      index.status().code() == absl::StatusCode::kNotFound) {
    index = StreamIndex::Create(flags.index, IndexOptions(), open);
  }
  if (!index.ok()) {
    std::cerr << "neardup serve: " << flags.index << ": "
              << index.status().message() << "\n";
    return index.status().code() == absl::StatusCode::kDataLoss ||
                   index.status().code() == absl::StatusCode::kInternal
               ? kExitInternal
               : kExitUsage;
  }
  ServiceOptions options;
  options.max_body_bytes = flags.max_body_mb << 20;
  options.max_commit_documents = flags.max_commit_docs;
  Service service(index->get(), options);

  httplib::Server server;
  const int threads = flags.threads;
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  server.set_payload_max_length(options.max_body_bytes);
  server.set_keep_alive_timeout(flags.keep_alive_seconds);
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, which would
  // let a second server bind a port in use (and share the traffic).
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  const auto handler = [&service](const httplib::Request& req,
                                  httplib::Response& res) {
    HttpResponse response = service.Handle(ToServiceRequest(req));
    res.status = response.status;
    for (auto& [name, value] : response.headers) res.set_header(name, value);
    res.set_content(std::move(response.body), response.content_type);
  };
  // Every path and method goes to Service::Handle, which routes (404, 405).
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Patch(".*", handler);
  server.Delete(".*", handler);
  server.Options(".*", handler);

  const int port =
      flags.port == 0
          ? server.bind_to_any_port(flags.host)
          : (server.bind_to_port(flags.host, flags.port) ? flags.port : -1);
  if (port < 0) {
    std::cerr << "neardup serve: cannot listen on " << flags.host << ":"
              << flags.port << "\n";
    return kExitUsage;
  }
  std::cerr << "neardup serve: listening on http://" << flags.host << ":"
            << port << " (index " << flags.index << ", " << threads
            << " threads)" << std::endl;

  std::atomic<bool> done{false};
  std::atomic<int> received{0};
  std::thread waiter(WaitForSignal, &server, &done, &received);
  const bool listened = server.listen_after_bind();
  // listen returns once stopped and every accepted connection is answered.
  done.store(true);
  waiter.join();
  service.Shutdown();
  const absl::Status closed = (*index)->Close();
  if (!closed.ok()) {
    std::cerr << "neardup serve: closing " << flags.index << ": "
              << closed.message() << "\n";
    return kExitInternal;
  }
  if (!flags.quiet) {
    // Every article answered (ingest and query), as every reading command
    // states its documents.
    Accounting accounting;
    const std::vector<int64_t> articles = service.ArticleCounts();
    for (size_t r = 0; r < articles.size(); ++r) {
      accounting.Add(static_cast<SkipReason>(r), articles[r]);
    }
    accounting.PrintSummary("serve");
    std::cerr << "neardup serve: stopped"
              << (received.load() != 0
                      ? (received.load() == SIGTERM ? " on SIGTERM"
                                                    : " on SIGINT")
                      : "")
              << "; index closed" << std::endl;
  }
  if (!listened && received.load() == 0) return kExitInternal;
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve an index over HTTP/JSON: POST /v1/ingest, POST /v1/query, GET "
      "/v1/stories/{id}, DELETE /v1/documents/{id}, GET /healthz, GET "
      "/metrics (docs/service.md). SIGTERM or SIGINT stops it gracefully.");
  cmd->add_option("--index", flags->index, "The index directory.")->required();
  cmd->add_option("--host", flags->host, "Address to listen on.")
      ->capture_default_str();
  cmd->add_option("-p,--port", flags->port,
                  "Port to listen on; 0 picks a free one (printed on "
                  "stderr).")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("-j,--threads", flags->threads,
                  "HTTP worker threads (each serves one connection at a "
                  "time).")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_flag("--create", flags->create,
                "Create the index when it does not exist.");
  cmd->add_option("--max-body-mb", flags->max_body_mb,
                  "Largest request body, in MiB (413 beyond).")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--keep-alive", flags->keep_alive_seconds,
                  "Seconds an idle keep-alive connection is kept open.")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--max-commit-docs", flags->max_commit_docs,
                  "Concurrent ingests are committed together, up to this "
                  "many documents per durable commit (1: one request per "
                  "commit).")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  cmd->add_option("--memory-budget", flags->memory_budget,
                  "Bytes the index's in-memory candidate postings may take "
                  "(0: no budget). An article that could take them over is "
                  "not added: 507 with its verdict (over_limit); queries go "
                  "on. Suffixes k, m, g (powers of 1024).")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", flags->quiet, "Only errors on stderr.");
  cmd->footer(
      "Exit codes:\n"
      "  0  stopped on SIGTERM or SIGINT; everything acknowledged is durable\n"
      "  2  bad command line, missing index, or the address is unavailable\n"
      "  4  internal error (a corrupt index, a failed close)\n");
  cmd->callback([flags, exit_code] { *exit_code = RunServe(*flags); });
}

NEARDUP_REGISTER_COMMAND(60, AddServeCommand);

}  // namespace neardup::cli
