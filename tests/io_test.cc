// Copyright 2026 The neardup Authors.

#include "neardup/io.h"

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/text.h"

#include "io/line_reader.h"
#include "io/text_checks.h"
#include "test_paths.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;
using ::neardup::testing::SourcePath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> Ids(const std::vector<ReadItem>& items) {
  std::vector<std::string> ids;
  for (const ReadItem& item : items) ids.push_back(item.document.id);
  return ids;
}

std::vector<SkipReason> Reasons(const std::vector<ReadItem>& items) {
  std::vector<SkipReason> reasons;
  for (const ReadItem& item : items) reasons.push_back(item.skip.reason);
  return reasons;
}

// Reads `jsonl` as standard input ("-").
std::vector<ReadItem> ReadStdin(const std::string& jsonl,
                                ReadOptions options = {}) {
  std::istringstream in(jsonl);
  options.standard_input = &in;
  return ReadAll({"-"}, options);
}

// A fresh directory for files the test writes (binary, non-UTF-8, ...).
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("neardup_io_") + info->name() + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& relative, std::string_view bytes) {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  fs::path dir_;
};

TEST(SkipReasonNameTest, NamesAreStableAndDistinct) {
  EXPECT_EQ(SkipReasonName(SkipReason::kNone), "none");
  EXPECT_EQ(SkipReasonName(SkipReason::kNotUtf8), "not_utf8");
  EXPECT_EQ(SkipReasonName(SkipReason::kDuplicateId), "duplicate_id");
  std::set<std::string_view> names;
  for (int r = 0; r <= static_cast<int>(SkipReason::kTooLarge); ++r) {
    names.insert(SkipReasonName(static_cast<SkipReason>(r)));
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(SkipReason::kTooLarge) + 1);
  EXPECT_EQ(names.count("unknown"), 0u);
}

// The fixture folder: manifest metadata, nested ids, README, hidden and
// non-document files left out, byte order of paths, a missing listed file.
TEST(DirectoryTest, ReadsCorpusInPathOrderWithManifest) {
  const std::string root = SourcePath("tests/fixtures/io/corpus");
  const std::vector<ReadItem> items = ReadAll({root});
  ASSERT_THAT(Ids(items),
              ElementsAre("alpha", "b", "d1", "d2", "page", "sub/c", "ghost"));
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    EXPECT_FALSE(items[i].skipped()) << items[i].skip.detail;
  }

  const Document& alpha = items[0].document;
  EXPECT_EQ(alpha.title, "Alpha headline");
  EXPECT_EQ(alpha.outlet, "Reuters");
  EXPECT_EQ(alpha.url, "https://example.com/a");
  EXPECT_EQ(alpha.published, 1762164900);  // 2025-11-03T10:15:00Z
  EXPECT_EQ(alpha.text,
            "Alpha: the city council approved the budget on Monday.\n");
  EXPECT_EQ(items[0].where.file, root + "/a.txt");
  EXPECT_EQ(items[0].where.line, 0);

  EXPECT_EQ(items[1].document.title, "");  // Not in the manifest.
  EXPECT_FALSE(items[1].document.published.has_value());

  EXPECT_EQ(items[2].where.file, root + "/docs.jsonl");
  EXPECT_EQ(items[2].where.line, 1);
  EXPECT_EQ(items[3].where.line, 3);  // Line 2 is blank.
  EXPECT_EQ(items[3].document.outlet, "Agency");

  // listed.html is read because the manifest lists it; "source" is an alias
  // of outlet; an unparsable date is left out without skipping.
  EXPECT_EQ(items[4].document.outlet, "BBC");
  EXPECT_FALSE(items[4].document.published.has_value());
  EXPECT_THAT(items[4].document.text, HasSubstr("museum reopened"));

  // No id in the manifest: the path below the root without its extension.
  EXPECT_EQ(items[5].document.title, "Nested");
  EXPECT_EQ(items[5].document.outlet, "AP");           // "publisher" alias.
  EXPECT_EQ(items[5].document.published, 1762128000);  // 2025-11-03

  EXPECT_EQ(items[6].skip.reason, SkipReason::kNotFound);
  EXPECT_EQ(items[6].where.file, root + "/manifest.jsonl");
  EXPECT_EQ(items[6].where.line, 4);
  EXPECT_THAT(items[6].skip.detail, HasSubstr("missing.txt"));
}

// The seed corpus: five articles, titled by its manifest; its README is not
// a document.
TEST(DirectoryTest, ReadsSeeds) {
  const std::vector<ReadItem> items = ReadAll({SourcePath("datasets/seeds")});
  ASSERT_EQ(items.size(), 5u);
  for (const ReadItem& item : items) {
    EXPECT_FALSE(item.skipped()) << item.skip.detail;
    EXPECT_FALSE(item.document.title.empty()) << item.document.id;
  }
  EXPECT_EQ(items[0].document.id, "000_600f2b9713211ef9");
  EXPECT_EQ(items[0].document.title,
            "Anthropic Eyes Microsoft AI Chips to Expand Capacity");
}

TEST(DirectoryTest, FileGivenAloneUsesManifestBesideIt) {
  const std::vector<ReadItem> items =
      ReadAll({SourcePath("tests/fixtures/io/corpus/a.txt"),
               SourcePath("tests/fixtures/io/corpus/README.md")});
  ASSERT_THAT(Ids(items), ElementsAre("alpha", "README"));
  EXPECT_EQ(items[0].document.title, "Alpha headline");
  EXPECT_FALSE(items[1].skipped());  // Named explicitly: read.
}

TEST(DirectoryTest, NoDocumentsInDirectory) {
  const std::string root = SourcePath("tests/fixtures/io/no_docs");
  const std::vector<ReadItem> items = ReadAll({root});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].skip.reason, SkipReason::kNoDocuments);
  EXPECT_EQ(items[0].document.id, root);
  EXPECT_EQ(items[0].where.file, root);
  EXPECT_FALSE(items[0].skip.detail.empty());
}

TEST(InputTest, MissingPathIsNotFoundAndTheBatchGoesOn) {
  const std::string missing = SourcePath("tests/fixtures/io/no_such_file.txt");
  const std::vector<ReadItem> items =
      ReadAll({missing, SourcePath("tests/fixtures/io/corpus/b.md")});
  ASSERT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNotFound, SkipReason::kNone));
  EXPECT_EQ(items[0].document.id, missing);
  EXPECT_EQ(items[0].where.file, missing);
  EXPECT_EQ(items[1].document.id, "b");
}

TEST(InputTest, InputOrderIsPreserved) {
  const std::string dir = SourcePath("tests/fixtures/io/corpus");
  const std::vector<ReadItem> items =
      ReadAll({dir + "/sub/c.txt", dir + "/docs.jsonl", dir + "/b.md"});
  EXPECT_THAT(Ids(items), ElementsAre("c", "d1", "d2", "b"));
}

// One JSONL file with a line for every per-line verdict.
TEST(JsonlTest, EveryLineGetsAVerdict) {
  const std::string path = SourcePath("tests/fixtures/io/mixed.jsonl");
  const std::vector<ReadItem> items = ReadAll({path});
  ASSERT_THAT(
      Reasons(items),
      ElementsAre(SkipReason::kNone, SkipReason::kMalformedJson,
                  SkipReason::kMalformedJson, SkipReason::kMalformedJson,
                  SkipReason::kMissingText, SkipReason::kMissingText,
                  SkipReason::kEmpty, SkipReason::kEmpty, SkipReason::kNone,
                  SkipReason::kNone, SkipReason::kDuplicateId,
                  SkipReason::kMalformedJson, SkipReason::kNone));
  EXPECT_THAT(
      Ids(items),
      ElementsAre("m1", path + ":2", path + ":3", path + ":4", "m5", "m6", "m7",
                  "m8", path + ":9", "7", "m1", path + ":13", "m14"));
  // Line numbers count the blank line 12.
  EXPECT_EQ(items[11].where.line, 13);
  EXPECT_EQ(items[12].where.line, 14);
  // Messages: simdjson's for bad JSON, the type for a non-object.
  EXPECT_THAT(items[1].skip.detail, HasSubstr("malformed JSON: "));
  EXPECT_GT(items[1].skip.detail.size(),
            std::string("malformed JSON: ").size());
  EXPECT_THAT(items[2].skip.detail, HasSubstr("array"));
  EXPECT_THAT(items[3].skip.detail, HasSubstr("number"));
  EXPECT_THAT(items[4].skip.detail, HasSubstr("no \"text\""));
  EXPECT_THAT(items[5].skip.detail, HasSubstr("number"));
  EXPECT_THAT(items[10].skip.detail, HasSubstr(path + ":1"));
  EXPECT_THAT(items[11].skip.detail, HasSubstr("boolean"));
  // Skipped items carry no text; kept ones carry it verbatim.
  for (const ReadItem& item : items) {
    EXPECT_EQ(item.document.text.empty(), item.skipped()) << item.document.id;
  }
  EXPECT_EQ(items[12].document.text, "Ελλάδα: Greek letters count as words.");
  EXPECT_EQ(items[12].document.published, 1762164900);
}

TEST(JsonlTest, StdinIdsAndPublishedForms) {
  const std::vector<ReadItem> items = ReadStdin(
      "{\"text\":\"No id here.\"}\n"
      "{\"id\":\"z\",\"text\":\"Offset.\","
      "\"published\":\"2025-11-03T12:15:00+02:00\"}\n"
      "{\"id\":\"ms\",\"text\":\"Millis.\",\"published\":1762164900000}\n"
      "{\"id\":\"bad\",\"text\":\"Bad date.\",\"published\":\"soon\"}\n"
      "{\"id\":-3,\"text\":\"Negative id.\",\"published\":\"1762164900\"}");
  ASSERT_THAT(Ids(items), ElementsAre("-:1", "z", "ms", "bad", "-3"));
  for (const ReadItem& item : items) {
    EXPECT_FALSE(item.skipped()) << item.skip.detail;
    EXPECT_EQ(item.where.file, "-");
  }
  EXPECT_EQ(items[1].document.published, 1762164900);
  EXPECT_EQ(items[2].document.published, 1762164900);
  EXPECT_FALSE(items[3].document.published.has_value());
  EXPECT_EQ(items[4].document.published, 1762164900);
}

TEST(JsonlTest, BomCrlfAndMissingFinalNewline) {
  const std::vector<ReadItem> items = ReadStdin(
      "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"One.\"}\r\n"
      "\r\n"
      "{\"id\":\"b\",\"text\":\"Two.\"}");
  ASSERT_THAT(Ids(items), ElementsAre("a", "b"));
  EXPECT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNone, SkipReason::kNone));
  EXPECT_EQ(items[0].document.text, "One.");
  EXPECT_EQ(items[1].where.line, 3);
}

TEST(JsonlTest, InvalidUtf8LineIsNotUtf8WithOffset) {
  const std::vector<ReadItem> items = ReadStdin(
      "{\"id\":\"a\",\"text\":\"ab\xC3\x28\"}\n"
      "{\"id\":\"b\",\"text\":\"Fine.\"}\n");
  ASSERT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNotUtf8, SkipReason::kNone));
  EXPECT_EQ(items[0].document.id, "-:1");
  EXPECT_THAT(items[0].skip.detail, HasSubstr("byte 20"));
}

TEST(JsonlTest, LineOverTheLimitIsTooLargeAndNotParsed) {
  ReadOptions options;
  options.max_doc_bytes = 40;
  // Line 1 is malformed but too long: kTooLarge shows it was not parsed.
  const std::string long_line = "{\"text\": \"" + std::string(60, 'x');
  const std::vector<ReadItem> items =
      ReadStdin(long_line + "\n{\"id\":\"ok\",\"text\":\"Short.\"}\n", options);
  ASSERT_THAT(Reasons(items),
              ElementsAre(SkipReason::kTooLarge, SkipReason::kNone));
  EXPECT_EQ(items[0].document.id, "-:1");
  EXPECT_THAT(items[0].skip.detail, HasSubstr("70 bytes"));
  EXPECT_EQ(items[1].document.id, "ok");
  EXPECT_EQ(items[1].where.line, 2);
}

TEST(JsonlTest, EmptyInputHasNoDocuments) {
  const std::vector<ReadItem> items = ReadStdin("\n  \n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].skip.reason, SkipReason::kNoDocuments);
  EXPECT_EQ(items[0].document.id, "-");
}

// Many lines across the 1 MiB buffer refills, read in order and intact.
TEST(JsonlTest, StreamsManyLinesAcrossBufferRefills) {
  std::string jsonl;
  for (int i = 0; i < 30000; ++i) {
    absl::StrAppend(&jsonl, "{\"id\":\"n", i, "\",\"text\":\"Word ",
                    std::string(static_cast<size_t>(i % 97), 'w'), "\"}\n");
  }
  ASSERT_GT(jsonl.size(), size_t{2} << 20);
  const std::vector<ReadItem> items = ReadStdin(jsonl);
  ASSERT_EQ(items.size(), 30000u);
  for (int i = 0; i < 30000; ++i) {
    const ReadItem& item = items[static_cast<size_t>(i)];
    ASSERT_FALSE(item.skipped()) << i << ": " << item.skip.detail;
    ASSERT_EQ(item.document.id, absl::StrCat("n", i));
    ASSERT_EQ(item.document.text.size(), 5u + static_cast<size_t>(i % 97));
    ASSERT_EQ(item.where.line, i + 1);
  }
}

TEST_F(TempDirTest, DuplicateIdAcrossFilesNamesTheFirst) {
  const std::string a = Write("x/story.txt", "A story about the harbour.\n");
  const std::string b = Write("more.jsonl",
                              "{\"id\":\"story\",\"text\":\"Again.\"}\n"
                              "{\"id\":\"story\",\"text\":\"Thrice.\"}\n");
  const std::vector<ReadItem> items = ReadAll({a, b});
  ASSERT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNone, SkipReason::kDuplicateId,
                          SkipReason::kDuplicateId));
  EXPECT_THAT(items[1].skip.detail, HasSubstr(a));
  EXPECT_THAT(items[2].skip.detail, HasSubstr(a));
  EXPECT_EQ(items[2].where.line, 2);
  EXPECT_TRUE(items[1].document.text.empty());
}

TEST_F(TempDirTest, NotUtf8TextFileSaysWhere) {
  const std::string path =
      Write("latin1.txt", "Caf\xE9 au lait, tr\xE8s bien.");
  const std::vector<ReadItem> items = ReadAll({path});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].skip.reason, SkipReason::kNotUtf8);
  EXPECT_EQ(items[0].document.id, "latin1");
  EXPECT_THAT(items[0].skip.detail, HasSubstr("offset 3"));
  EXPECT_TRUE(items[0].document.text.empty());
}

TEST_F(TempDirTest, BinaryFiles) {
  std::string png = "\x89PNG\r\n\x1A\n";
  png.append(std::string("\0\0\0\rIHDR", 8));
  const std::string nul = Write("image.txt", png);
  std::string controls;
  for (int i = 0; i < 200; ++i) controls += (i % 4 == 0) ? '\x1B' : 'a';
  const std::string esc = Write("controls.txt", controls);
  const std::string jsonl = Write("blob.jsonl", std::string("\0\1\2\3", 4));
  const std::vector<ReadItem> items = ReadAll({nul, esc, jsonl});
  ASSERT_THAT(Reasons(items),
              ElementsAre(SkipReason::kBinary, SkipReason::kBinary,
                          SkipReason::kBinary));
  EXPECT_THAT(items[0].skip.detail, HasSubstr("NUL"));
  EXPECT_THAT(items[1].skip.detail, HasSubstr("control"));
  EXPECT_EQ(items[2].document.id, jsonl);
}

TEST_F(TempDirTest, FewControlBytesAreNotBinary) {
  std::string text = "Page one.\fPage two has a tab\tand an escape \x1B here.";
  const std::vector<ReadItem> items = ReadAll({Write("ok.txt", text)});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].skipped()) << items[0].skip.detail;
  EXPECT_EQ(items[0].document.text, text);
}

TEST_F(TempDirTest, EmptyTextFiles) {
  const std::vector<ReadItem> items =
      ReadAll({Write("zero.txt", ""), Write("blank.txt", " \n\t\r\n"),
               Write("dashes.md", "— … --- !!!\n"),
               Write("bom_only.txt", "\xEF\xBB\xBF")});
  EXPECT_THAT(Reasons(items),
              ElementsAre(SkipReason::kEmpty, SkipReason::kEmpty,
                          SkipReason::kEmpty, SkipReason::kEmpty));
}

TEST_F(TempDirTest, BomIsStrippedAndCrlfKept) {
  const std::vector<ReadItem> items =
      ReadAll({Write("bom.txt", "\xEF\xBB\xBFLine one.\r\nLine two.\r\n")});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].skipped());
  EXPECT_EQ(items[0].document.text, "Line one.\r\nLine two.\r\n");
}

TEST_F(TempDirTest, TextFileOverTheLimitIsTooLarge) {
  ReadOptions options;
  options.max_doc_bytes = 100;
  const std::vector<ReadItem> items =
      ReadAll({Write("big.txt", std::string(101, 'a')),
               Write("fits.txt", std::string(100, 'a'))},
              options);
  ASSERT_THAT(Reasons(items),
              ElementsAre(SkipReason::kTooLarge, SkipReason::kNone));
  EXPECT_THAT(items[0].skip.detail, HasSubstr("101 bytes"));
}

TEST_F(TempDirTest, OtherExtensionsGivenExplicitly) {
  const std::vector<ReadItem> items =
      ReadAll({Write("page.html", "<p>Plain words.</p>"),
               Write("feed.ndjson", "{\"id\":\"n\",\"text\":\"Words.\"}\n")});
  ASSERT_THAT(Ids(items), ElementsAre("page", "n"));
  EXPECT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNone, SkipReason::kNone));
}

// One reader over several JSONL files reuses its buffers: each file starts
// afresh (line numbers, binary sniffing, a missing final newline).
TEST_F(TempDirTest, SeveralJsonlFilesInARow) {
  const std::string a = Write("a.jsonl", "{\"id\":\"a1\",\"text\":\"One.\"}");
  const std::string bin = Write("bin.jsonl", std::string("\0\0\0", 3));
  const std::string b = Write("b.jsonl",
                              "\n{\"id\":\"b2\",\"text\":\"Two.\"}\n"
                              "{\"id\":\"b3\",\"text\":\"Three.\"}\n");
  const std::vector<ReadItem> items = ReadAll({a, bin, b});
  ASSERT_THAT(Ids(items), ElementsAre("a1", bin, "b2", "b3"));
  EXPECT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNone, SkipReason::kBinary,
                          SkipReason::kNone, SkipReason::kNone));
  EXPECT_EQ(items[2].where.line, 2);
  EXPECT_EQ(items[2].where.file, b);
  EXPECT_EQ(items[3].document.text, "Three.");
}

// Entries come in byte order of their paths, whatever the creation order.
TEST_F(TempDirTest, DirectoryOrderIsByteOrder) {
  for (const char* name : {"b.txt", "a/z.txt", "a.txt", "B.txt", "a-b.txt",
                           "\xC3\xA9t\xC3\xA9.txt", "a/b/c.md", "0.md"}) {
    Write(name, std::string("Text of ") + name + ".\n");
  }
  std::vector<ReadItem> items = ReadAll({dir_.string()});
  EXPECT_THAT(Ids(items), ElementsAre("0", "B", "a-b", "a", "a/b/c", "a/z", "b",
                                      "\xC3\xA9t\xC3\xA9"));
  // The same again: deterministic.
  EXPECT_EQ(Ids(ReadAll({dir_.string()})), Ids(items));
}

TEST_F(TempDirTest, EmptyDirectoryHasNoDocuments) {
  const std::vector<ReadItem> items = ReadAll({dir_.string()});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].skip.reason, SkipReason::kNoDocuments);
  EXPECT_EQ(items[0].document.id, dir_.string());
}

TEST_F(TempDirTest, BrokenManifestLinesAreReported) {
  Write("manifest.jsonl",
        "{\"id\":\"one\",\"file\":\"1.txt\"}\nnot json\n{\"id\":\"x\"}\n");
  Write("1.txt", "The first text.\n");
  const std::vector<ReadItem> items = ReadAll({dir_.string()});
  ASSERT_THAT(Ids(items),
              ElementsAre("one", (dir_ / "manifest.jsonl").string() + ":2",
                          (dir_ / "manifest.jsonl").string() + ":3"));
  EXPECT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNone, SkipReason::kMalformedJson,
                          SkipReason::kMalformedJson));
}

TEST_F(TempDirTest, NestedManifestsDescribeTheirOwnFolders) {
  Write("manifest.jsonl", "{\"id\":\"top\",\"file\":\"./t.txt\"}\n");
  Write("t.txt", "Top level text.\n");
  Write("inner/manifest.jsonl",
        "{\"id\":\"deep\",\"file\":\"d.txt\",\"title\":\"Deep\"}\n");
  Write("inner/d.txt", "Deeper text.\n");
  const std::vector<ReadItem> items = ReadAll({dir_.string()});
  ASSERT_THAT(Ids(items), ElementsAre("deep", "top"));
  EXPECT_EQ(items[0].document.title, "Deep");
  EXPECT_THAT(Reasons(items),
              ElementsAre(SkipReason::kNone, SkipReason::kNone));
}

// A stream of unknown size is cut off at the limit, not read to its end.
TEST(TooLargeTest, EndlessDeviceStopsAtTheLimit) {
  if (!fs::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  ReadOptions options;
  options.max_doc_bytes = 1000;
  const std::vector<ReadItem> items = ReadAll({"/dev/zero"}, options);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].skip.reason, SkipReason::kTooLarge);
  EXPECT_THAT(items[0].skip.detail, HasSubstr("1000 bytes"));
}

TEST(UnreadableTest, ReadErrorIsUnreadable) {
  // Reading /proc/self/mem at offset 0 fails with EIO on Linux.
  if (!fs::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc";
  const std::vector<ReadItem> items = ReadAll({"/proc/self/mem"});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].skip.reason, SkipReason::kUnreadable);
  EXPECT_THAT(items[0].skip.detail, HasSubstr("read error"));
}

TEST_F(TempDirTest, PermissionDeniedIsUnreadable) {
  const std::string path = Write("secret.txt", "Hidden words.\n");
  fs::permissions(path, fs::perms::none);
  if (std::ifstream(path).good()) GTEST_SKIP() << "running as root";
  const std::vector<ReadItem> items = ReadAll({path});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].skip.reason, SkipReason::kUnreadable);
}

TEST(LineReaderTest, SmallBufferLongLinesAndCrlf) {
  std::string input = "short\r\n" + std::string(150, 'x') + "\n\nmid" +
                      std::string(70, 'y') + "\n" + std::string(500, 'z') +
                      "\ntail";
  std::istringstream in(input);
  internal::IstreamSource source(&in);
  internal::LineReader lines(&source, /*max_line_bytes=*/100,
                             /*chunk_bytes=*/64);
  internal::LineReader::Line line;
  using Result = internal::LineReader::Result;
  ASSERT_EQ(lines.Next(&line), Result::kLine);
  EXPECT_EQ(line.text, "short");
  EXPECT_EQ(line.number, 1);
  ASSERT_EQ(lines.Next(&line), Result::kTooLong);
  EXPECT_EQ(line.bytes, 150);
  EXPECT_EQ(line.number, 2);
  ASSERT_EQ(lines.Next(&line), Result::kLine);
  EXPECT_EQ(line.text, "");
  ASSERT_EQ(lines.Next(&line), Result::kLine);  // Grows past one chunk.
  EXPECT_EQ(line.text, "mid" + std::string(70, 'y'));
  ASSERT_EQ(lines.Next(&line), Result::kTooLong);
  EXPECT_EQ(line.bytes, 500);
  ASSERT_EQ(lines.Next(&line), Result::kLine);
  EXPECT_EQ(line.text, "tail");
  EXPECT_EQ(line.number, 6);
  EXPECT_EQ(lines.Next(&line), Result::kEnd);
  EXPECT_EQ(lines.Next(&line), Result::kEnd);
}

TEST(LineReaderTest, ResetStartsOverOnANewSource) {
  std::istringstream first("a\n" + std::string(90, 'b'));
  std::istringstream second("c\nd\n");
  internal::IstreamSource source1(&first), source2(&second);
  internal::LineReader lines(&source1, 100, 64);
  internal::LineReader::Line line;
  ASSERT_EQ(lines.Next(&line), internal::LineReader::Result::kLine);
  lines.Reset(&source2);
  ASSERT_EQ(lines.Next(&line), internal::LineReader::Result::kLine);
  EXPECT_EQ(line.text, "c");
  EXPECT_EQ(line.number, 1);
  ASSERT_EQ(lines.Next(&line), internal::LineReader::Result::kLine);
  EXPECT_EQ(line.text, "d");
  EXPECT_EQ(lines.Next(&line), internal::LineReader::Result::kEnd);
}

TEST(LineReaderTest, PeekDoesNotConsume) {
  std::istringstream in("first\nsecond\n");
  internal::IstreamSource source(&in);
  internal::LineReader lines(&source, 100, 64);
  EXPECT_EQ(lines.Peek(3), "fir");
  EXPECT_EQ(lines.Peek(100), "first\nsecond\n");
  internal::LineReader::Line line;
  ASSERT_EQ(lines.Next(&line), internal::LineReader::Result::kLine);
  EXPECT_EQ(line.text, "first");
}

TEST(TextChecksTest, ParsePublished) {
  using internal::ParsePublished;
  EXPECT_EQ(ParsePublished("2025-11-03T10:15:00Z"), 1762164900);
  EXPECT_EQ(ParsePublished("2025-11-03T10:15:00.250Z"), 1762164900);
  EXPECT_EQ(ParsePublished("2025-11-03T05:15:00-05:00"), 1762164900);
  EXPECT_EQ(ParsePublished("2025-11-03T10:15:00"), 1762164900);
  EXPECT_EQ(ParsePublished("2025-11-03 10:15:00"), 1762164900);
  EXPECT_EQ(ParsePublished("2025-11-03T10:15Z"), 1762164900);
  EXPECT_EQ(ParsePublished("2025-11-03"), 1762128000);
  EXPECT_EQ(ParsePublished(" 2025-11-03 "), 1762128000);
  EXPECT_EQ(ParsePublished("Mon, 03 Nov 2025 10:15:00 +0000"), 1762164900);
  EXPECT_EQ(ParsePublished("1762164900"), 1762164900);
  EXPECT_EQ(ParsePublished("1762164900000"), 1762164900);
  EXPECT_EQ(ParsePublished(""), std::nullopt);
  EXPECT_EQ(ParsePublished("yesterday"), std::nullopt);
  EXPECT_EQ(ParsePublished("2025-13-45"), std::nullopt);
  EXPECT_EQ(ParsePublished("2025-11-03T10:15:00Zjunk"), std::nullopt);
}

TEST(TextChecksTest, HasWordCharacter) {
  using internal::HasWordCharacter;
  EXPECT_TRUE(HasWordCharacter("a"));
  EXPECT_TRUE(HasWordCharacter("... 7 ..."));
  EXPECT_TRUE(HasWordCharacter("« Été »"));
  EXPECT_TRUE(HasWordCharacter("東京"));
  EXPECT_TRUE(HasWordCharacter("٣"));  // Arabic-Indic digit three.
  EXPECT_FALSE(HasWordCharacter(""));
  EXPECT_FALSE(HasWordCharacter(" \t\r\n"));
  EXPECT_FALSE(HasWordCharacter("— … «» !?"));
}

// The scalar locator agrees with the SIMD validator on random byte strings
// drawn to hit multi-byte edge cases.
TEST(TextChecksTest, FirstInvalidUtf8AgreesWithIsValidUtf8) {
  const unsigned char alphabet[] = {'a',  ' ',  0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                    0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<size_t> pick(0, sizeof(alphabet) - 1);
  std::uniform_int_distribution<size_t> length(0, 12);
  int valid = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::string s;
    const size_t n = length(rng);
    for (size_t i = 0; i < n; ++i) s += static_cast<char>(alphabet[pick(rng)]);
    const size_t first = internal::FirstInvalidUtf8(s);
    ASSERT_EQ(first == s.size(), IsValidUtf8(s)) << trial;
    if (first < s.size()) {
      // The prefix before it is valid.
      ASSERT_TRUE(IsValidUtf8(std::string_view(s).substr(0, first))) << trial;
    } else {
      ++valid;
    }
  }
  EXPECT_GT(valid, 100);  // Both outcomes were exercised.
}

}  // namespace
}  // namespace neardup
