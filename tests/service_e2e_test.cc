// Copyright 2026 The neardup Authors.
//
// `neardup serve` end to end: the real binary on --port 0, driven over
// loopback by a minimal HTTP/1.1 client (one connection per request);
// SIGTERM in the middle of a stream of ingests loses nothing acknowledged.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

#include "neardup/index.h"

extern char **environ;

// The binary under test: set by tests/CMakeLists.txt, or found in the build.
#ifndef NEARDUP_EXE
#define NEARDUP_EXE NEARDUP_BINARY_DIR "/cli/neardup"
#endif

namespace neardup {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using json = nlohmann::json;

constexpr char kWire[] =
    "The city council voted on Tuesday to approve a new budget that raises "
    "spending on public transport by twelve percent, the mayor said, adding "
    "that bus routes in the northern districts would run every ten minutes "
    "from next spring and that fares would stay the same for two years.";

std::string Article(const std::string &id, const std::string &text) {
  json j;
  j["id"] = id;
  j["text"] = text;
  return j.dump();
}

struct Reply {
  int status = 0;
  std::string headers;  // Raw header lines.
  std::string body;
  std::string Header(const std::string &name) const {
    const std::regex re("\\r\\n" + name + ": *([^\\r]*)", std::regex::icase);
    std::smatch m;
    return std::regex_search(headers, m, re) ? m[1].str() : "";
  }
};

// One request on a new connection to 127.0.0.1:port ("Connection: close",
// so the reply ends at EOF). nullopt when the connection fails.
std::optional<Reply> Fetch(
    int port, const std::string &method, const std::string &target,
    const std::string &body = "",
    const std::string &content_type = "application/json") {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return std::nullopt;
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout = {10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return std::nullopt;
  }
  std::string request = method + " " + target +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!body.empty() || method == "POST") {
    request += "Content-Type: " + content_type +
               "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n =
        send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // The server may answer (413) before reading all.
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  char buf[16384];
  for (;;) {
    const ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  const size_t head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) {
    return std::nullopt;
  }
  Reply reply;
  reply.status = std::stoi(raw.substr(9, 3));
  reply.headers = raw.substr(0, head_end + 2);
  reply.body = raw.substr(head_end + 4);
  return reply;
}

// A running `neardup serve`, its stderr on a pipe.
class Server {
 public:
  // Starts the server and waits (up to 10 s) for its startup line.
  bool Start(const std::vector<std::string> &args) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> all = {NEARDUP_EXE, "serve"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char *> argv;
    for (std::string &a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, NEARDUP_EXE, &actions, nullptr,
                               argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    err_fd_ = fds[0];
    if (rc != 0) return false;
    const std::regex listening("listening on http://[^:]+:([0-9]+)");
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      std::smatch m;
      if (std::regex_search(err_, m, listening)) {
        port_ = std::stoi(m[1].str());
        return true;
      }
      if (!ReadSome(100)) return false;
    }
    return false;
  }

  // Sends `sig` and waits for the exit; returns the exit code (-1 when
  // killed by a signal or still running after 10 s).
  int Stop(int sig) {
    kill(pid_, sig);
    return Wait();
  }

  int Wait() {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      ReadSome(10);
      int status = 0;
      const pid_t done = waitpid(pid_, &status, WNOHANG);
      if (done == pid_) {
        while (ReadSome(0)) {
        }
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }

  ~Server() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_fd_ >= 0) close(err_fd_);
  }

  int port() const { return port_; }
  const std::string &err() const { return err_; }

 private:
  // Reads what stderr has within `timeout_ms`; false at its end.
  bool ReadSome(int timeout_ms) {
    pollfd p = {err_fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return true;
    char buf[4096];
    const ssize_t n = read(err_fd_, buf, sizeof(buf));
    if (n <= 0) return false;
    err_.append(buf, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int err_fd_ = -1;
  int port_ = 0;
  std::string err_;
};

class ServiceE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(NEARDUP_EXE))
        << NEARDUP_EXE << " is missing: build the neardup target first";
    dir_ = fs::temp_directory_path() /
           ("neardup_serve_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(ServiceE2eTest, EndpointsOverHttp) {
  Server server;
  ASSERT_TRUE(server.Start({"--index", dir_.string(), "--create", "--port", "0",
                            "--threads", "4", "--max-body-mb", "1"}))
      << server.err();
  const int port = server.port();
  std::optional<Reply> r = Fetch(port, "GET", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["status"], "ok");

  r = Fetch(port, "POST", "/v1/ingest", Article("wire", kWire),
            "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json first = json::parse(r->body);
  EXPECT_EQ(first["role"], "origin");

  r = Fetch(port, "POST", "/v1/query", Article("probe", kWire),
            "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["matches"][0]["id"], "wire");

  r = Fetch(port, "GET",
            "/v1/stories/" + std::to_string(first["story"].get<uint64_t>()));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["origin"]["id"], "wire");

  // Ids are percent-decoded from the path.
  r = Fetch(port, "POST", "/v1/ingest", Article("a b/c", kWire),
            "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  r = Fetch(port, "DELETE", "/v1/documents/a%20b%2Fc");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;

  r = Fetch(port, "GET", "/nope");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  r = Fetch(port, "GET", "/v1/ingest");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->Header("Allow"), "POST");
  r = Fetch(port, "POST", "/v1/ingest", "{\"id\": ", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = Fetch(port, "POST", "/v1/ingest", std::string(2 << 20, ' '),
            "application/json");
  if (r) {  // Or the server closed the connection.
    EXPECT_EQ(r->status, 413);
  }

  r = Fetch(port, "GET", "/metrics");
  ASSERT_TRUE(r);
  EXPECT_THAT(r->body, HasSubstr("neardup_documents_indexed 1\n"));
  EXPECT_THAT(r->body,
              HasSubstr("neardup_http_requests_total{endpoint=\"/v1/ingest\","
                        "status=\"200\"} 2\n"));

  // A second server cannot take the port.
  Server second;
  EXPECT_FALSE(
      second.Start({"--index", dir_.string(), "--port", std::to_string(port)}));
  EXPECT_EQ(second.Wait(), 2) << second.err();
  EXPECT_THAT(second.err(), HasSubstr("cannot listen"));

  EXPECT_EQ(server.Stop(SIGINT), 0) << server.err();
  EXPECT_THAT(server.err(), HasSubstr("stopped on SIGINT"));
  EXPECT_THAT(server.err(), HasSubstr("neardup serve: summary: read "));
}

TEST_F(ServiceE2eTest, SigtermDuringIngestsLosesNothingAcknowledged) {
  Server server;
  ASSERT_TRUE(server.Start(
      {"--index", dir_.string(), "--create", "--port", "0", "--threads", "8"}))
      << server.err();
  constexpr int kClients = 6;
  std::mutex mu;
  std::vector<std::string> acknowledged;
  std::atomic<int> sent{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      const int port = server.port();
      for (int i = 0; !stop.load(); ++i) {
        const std::string id =
            "c" + std::to_string(c) + "-" + std::to_string(i);
        // A small batch per request: two articles.
        const std::string body =
            "[" + Article(id + "a", std::string(kWire) + " Desk " + id) + "," +
            Article(id + "b", "Other words entirely for " + id +
                                  " about a local football match") +
            "]";
        sent.fetch_add(1);
        std::optional<Reply> r = Fetch(port, "POST", "/v1/ingest", body);
        if (!r) return;  // The server is gone (or going).
        if (r->status != 200) continue;
        const json verdicts = json::parse(r->body);
        std::lock_guard<std::mutex> lock(mu);
        for (const json &v : verdicts) {
          if (v.value("added", false)) {
            acknowledged.push_back(v["id"].get<std::string>());
          }
        }
      }
    });
  }
  // Let some ingests through, then stop the server under load.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (acknowledged.size() >= 200) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const int code = server.Stop(SIGTERM);
  stop.store(true);
  for (std::thread &t : clients) t.join();
  EXPECT_EQ(code, 0) << server.err();
  EXPECT_THAT(server.err(), HasSubstr("stopped on SIGTERM"));
  ASSERT_GE(acknowledged.size(), 20u) << "too few ingests to test anything";
  RecordProperty("acknowledged", static_cast<int>(acknowledged.size()));
  RecordProperty("requests_sent", sent.load());

  absl::StatusOr<std::unique_ptr<StreamIndex>> index =
      StreamIndex::Open(dir_.string());
  ASSERT_TRUE(index.ok()) << index.status();
  for (const std::string &id : acknowledged) {
    EXPECT_TRUE((*index)->Lookup(id).ok()) << "lost acknowledged " << id;
  }
  absl::StatusOr<IndexStats> stats = (*index)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_GE(stats->documents, acknowledged.size());
}

TEST_F(ServiceE2eTest, IngestAnswersAsTheIndexCommandPrints) {
  // Copies and an unrelated article and its copy, as JSONL. (A duplicate id
  // within one input is told apart with its file and line by the CLI's
  // reader, so its skip detail differs by design.)
  std::string jsonl;
  const std::string other =
      "Researchers at the university have found a species of frog in the "
      "mountain forests that glows under ultraviolet light, a trait they "
      "say may help the animals recognise each other at dusk.";
  for (const auto &[id, text] :
       std::vector<std::pair<std::string, std::string>>{{"wire", kWire},
                                                        {"copy-1", kWire},
                                                        {"frog", other},
                                                        {"copy-2", kWire},
                                                        {"frog-2", other}}) {
    jsonl += Article(id, text) + "\n";
  }
  fs::create_directories(dir_);
  const fs::path input = dir_ / "feed.jsonl";
  { std::ofstream(input, std::ios::binary) << jsonl; }
  const fs::path cli_index = dir_ / "cli.idx";
  const fs::path cli_out = dir_ / "cli.out";
  const std::string exe = NEARDUP_EXE;
  ASSERT_EQ(std::system((exe + " index create --index " + cli_index.string() +
                         " >/dev/null 2>&1")
                            .c_str()),
            0);
  std::system((exe + " index ingest -q --index " + cli_index.string() + " " +
               input.string() + " >" + cli_out.string() + " 2>/dev/null")
                  .c_str());
  std::ifstream in(cli_out, std::ios::binary);
  const std::string printed((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>());
  ASSERT_EQ(std::count(printed.begin(), printed.end(), '\n'), 5) << printed;

  Server server;
  ASSERT_TRUE(server.Start(
      {"--index", (dir_ / "http.idx").string(), "--create", "--port", "0"}))
      << server.err();
  std::optional<Reply> r =
      Fetch(server.port(), "POST", "/v1/ingest", jsonl, "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, printed);
  EXPECT_EQ(server.Stop(SIGTERM), 0) << server.err();
}

TEST_F(ServiceE2eTest, MissingIndexIsAUsageError) {
  Server server;
  EXPECT_FALSE(
      server.Start({"--index", (dir_ / "absent").string(), "--port", "0"}));
  EXPECT_EQ(server.Wait(), 2);
  EXPECT_THAT(server.err(), HasSubstr("absent"));
}

}  // namespace
}  // namespace neardup
