// Copyright 2026 The neardup Authors.
//
// Test helpers shared by the tests that run the `neardup` executable on
// hostile input (hostile_cli_test, hostile_slow_test, accounting_test): a
// fresh temporary directory per test, a runner, and the parsed accounting
// summary line ("neardup CMD: summary: read R, processed P, skipped S (...)").

#ifndef NEARDUP_TESTS_HOSTILE_RUN_H_
#define NEARDUP_TESTS_HOSTILE_RUN_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace neardup::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The accounting summary a command printed on stderr.
struct Summary {
  bool found = false;
  int64_t read = -1;
  int64_t processed = -1;
  int64_t skipped = -1;
  std::map<std::string, int64_t> by_reason;
};

inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Parses the last "neardup <command>: summary: ..." line of `err`.
inline Summary ParseSummary(const std::string& err, std::string_view command) {
  Summary s;
  const std::regex line(
      "neardup " + std::string(command) +
      R"(: summary: read (\d+), processed (\d+), skipped (\d+)(?: \(([^)]*)\))?)");
  const std::regex reason(R"(([a-z0-9_]+) (\d+))");
  for (auto it = std::sregex_iterator(err.begin(), err.end(), line);
       it != std::sregex_iterator(); ++it) {
    s = Summary();
    s.found = true;
    s.read = std::stoll((*it)[1]);
    s.processed = std::stoll((*it)[2]);
    s.skipped = std::stoll((*it)[3]);
    const std::string reasons = (*it)[4];
    for (auto r = std::sregex_iterator(reasons.begin(), reasons.end(), reason);
         r != std::sregex_iterator(); ++r) {
      s.by_reason[(*r)[1]] = std::stoll((*r)[2]);
    }
  }
  return s;
}

class NeardupRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("neardup_run_" + std::string(info->name()) + "_" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `neardup ARGS` with stdin from /dev/null; stdout and stderr go to
  // files in the temporary directory.
  RunResult Run(const std::string& args) {
    const std::filesystem::path out = dir_ / "stdout.txt";
    const std::filesystem::path err = dir_ / "stderr.txt";
    const std::string cmd = std::string(NEARDUP_EXE) + " " + args +
                            " </dev/null >" + out.string() + " 2>" +
                            err.string();
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadWholeFile(out);
    r.err = ReadWholeFile(err);
    return r;
  }

  std::string Write(const std::string& name, std::string_view bytes) {
    const std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream file(path, std::ios::binary);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  std::filesystem::path dir_;
};

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_HOSTILE_RUN_H_
