// Copyright 2026 The neardup Authors.
//
// The slow part of the hostile-input corpus (ctest label `slow`): a million
// tiny documents and a directory of 100,000 files through `neardup dedup`,
// and a 200 MB line with bounded memory. Inputs are generated into a
// temporary directory.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "hostile_run.h"
#include "test_paths.h"

namespace neardup {
namespace {

using ::neardup::testing::NeardupRunTest;
using ::neardup::testing::ParseSummary;
using ::neardup::testing::RunResult;
using ::neardup::testing::Summary;
using ::neardup::testing::WriteHugeLineJsonl;
using ::testing::HasSubstr;

int64_t Lines(const std::string& text) {
  int64_t n = 0;
  for (const char c : text) n += c == '\n';
  return n;
}

// Runs `command` through /bin/sh and returns the peak resident memory of it
// and the processes it waited for, in bytes (wait4's rusage: exactly this
// child, not the test's earlier ones); -1 when it cannot run.
int64_t PeakRssOfCommand(const std::string& command) {
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) != pid) return -1;
  return static_cast<int64_t>(usage.ru_maxrss) * 1024;
}

class HostileSlowTest : public NeardupRunTest {};

// One million tiny documents (every 100,000th line broken): one record each,
// in order, and the summary adds up.
TEST_F(HostileSlowTest, OneMillionTinyDocuments) {
  const std::string path = (dir_ / "tiny.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 1000000; ++i) {
      if (i % 100000 == 99999) {
        out << "{\"id\":\"t" << i << "\",\"text\":\n";
      } else {
        out << "{\"id\":\"t" << i << "\",\"text\":\"item " << i % 5000 << " w"
            << i << "\"}\n";
      }
    }
  }
  const std::string output = (dir_ / "out.jsonl").string();
  const RunResult r = Run("dedup -j 2 -o " + output + " " + path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  Summary s = ParseSummary(r.err, "dedup");
  ASSERT_TRUE(s.found) << r.err;
  EXPECT_EQ(s.read, 1000000);
  EXPECT_EQ(s.processed, 999990);
  EXPECT_EQ(s.by_reason["malformed_json"], 10);
  EXPECT_THAT(r.err, HasSubstr(absl::StrCat(path, ":100000: skipped")));
  const std::string out = neardup::testing::ReadWholeFile(output);
  EXPECT_EQ(Lines(out), 1000000);
  ASSERT_GT(out.size(), 2u);
  const size_t last = out.rfind('\n', out.size() - 2);
  // The last line was a broken one: its id is its place.
  EXPECT_EQ(out.substr(last + 1, path.size() + 16),
            absl::StrCat("{\"id\":\"", path, ":1000000\""));
}

// A directory of 100,000 files: each one document, in byte order of paths.
TEST_F(HostileSlowTest, DirectoryOf100000Files) {
  const std::filesystem::path corpus = dir_ / "corpus";
  std::filesystem::create_directories(corpus);
  for (int i = 0; i < 100000; ++i) {
    std::ofstream(corpus / absl::StrCat("f", i, ".txt"))
        << "file " << i << " says something about topic " << i % 97 << "\n";
  }
  Write("corpus/empty.txt", "");
  const RunResult r = Run("dedup -j 2 " + corpus.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  Summary s = ParseSummary(r.err, "dedup");
  ASSERT_TRUE(s.found) << r.err;
  EXPECT_EQ(s.read, 100001);
  EXPECT_EQ(s.processed, 100000);
  EXPECT_EQ(s.by_reason["empty"], 1);
  EXPECT_EQ(Lines(r.out), 100001);
  EXPECT_EQ(r.out.substr(0, 9), "{\"id\":\"em");  // "empty" < "f0".
}

// A 200 MB single line: skipped (too_large) by the size limit with file:line,
// the next line read, and the process never holds the line.
TEST_F(HostileSlowTest, TwoHundredMegabyteLineBoundedMemory) {
  const std::string path = (dir_ / "huge.jsonl").string();
  WriteHugeLineJsonl(path);
  const RunResult r = Run("dedup -j 2 " + path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // With a 1 MiB limit the 200 MB line costs about 1 MiB of buffer: the
  // whole process stays far below the line's size.
  const int64_t peak = PeakRssOfCommand(absl::StrCat(
      NEARDUP_EXE, " dedup -q --max-doc-bytes 1m ", path, " >/dev/null"));
  ASSERT_GT(peak, 0);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  // Sanitizer runtimes (shadow memory, quarantine) dominate the peak; the
  // bound is checked by the plain build.
  EXPECT_LT(peak, int64_t{1} << 30);
#else
  EXPECT_LT(peak, int64_t{100} << 20);
#endif
  EXPECT_THAT(r.err, HasSubstr(absl::StrCat(path, ":1: skipped ", path,
                                            ":1 (too_large)")));
  Summary s = ParseSummary(r.err, "dedup");
  EXPECT_EQ(s.processed, 1);
  EXPECT_EQ(s.by_reason["too_large"], 1);
}

}  // namespace
}  // namespace neardup
