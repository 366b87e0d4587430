// Copyright 2026 The neardup Authors.
//
// The hostile-input corpus (issue 7), through the library: every document
// gets a verdict or a skip reason with its file and line, and reading goes
// on. The fixtures are in tests/fixtures/hostile/; big inputs are generated
// into a temporary directory. docs/reliability.md lists each input, its
// behaviour and the test here (or in hostile_cli_test.cc) that pins it.

#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "neardup/align.h"
#include "neardup/all_pairs.h"
#include "neardup/attribution.h"
#include "neardup/dedup.h"
#include "neardup/io.h"
#include "neardup/sketch.h"
#include "neardup/story.h"
#include "neardup/text.h"

#include "test_paths.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;
using ::neardup::testing::SourcePath;
using ::neardup::testing::WriteHugeLineJsonl;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string Fixture(const std::string& name) {
  return SourcePath("tests/fixtures/hostile/" + name);
}

std::vector<std::string> Ids(const std::vector<ReadItem>& items) {
  std::vector<std::string> ids;
  for (const ReadItem& item : items) ids.push_back(item.document.id);
  return ids;
}

std::vector<std::string> Reasons(const std::vector<ReadItem>& items) {
  std::vector<std::string> reasons;
  for (const ReadItem& item : items) {
    reasons.emplace_back(SkipReasonName(item.skip.reason));
  }
  return reasons;
}

// The invariants every item of every input keeps: an id, a location in the
// named file, no text when skipped, a detail saying why, and valid UTF-8 with
// a word in every accepted document.
void ExpectWellFormed(const std::vector<ReadItem>& items,
                      std::string_view file) {
  for (const ReadItem& item : items) {
    SCOPED_TRACE(ToString(item.where));
    EXPECT_FALSE(item.document.id.empty());
    EXPECT_EQ(item.where.file, file);
    if (item.skipped()) {
      EXPECT_TRUE(item.document.text.empty());
      EXPECT_FALSE(item.skip.detail.empty());
    } else {
      EXPECT_TRUE(IsValidUtf8(item.document.text));
      EXPECT_THAT(Tokenize(item.document.text).tokens, Not(IsEmpty()));
    }
  }
}

// Sanitizer runtimes count in the resident set: ASan's quarantine keeps
// freed buffers, TSan's shadow grows with every byte touched. Memory bounds
// are checked by the plain build.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitizer = true;
#else
constexpr bool kSanitizer = false;
#endif
#else
constexpr bool kSanitizer = false;
#endif

// Peak resident memory of this process so far, in bytes.
int64_t PeakRssBytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<int64_t>(usage.ru_maxrss) * 1024;
}

class HostileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           absl::StrCat("neardup_hostile_", info->name(), "_", ::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  fs::path dir_;
};

// Invalid UTF-8, an overlong form and a CESU-8 lone surrogate are not_utf8
// with the byte offset; a lone surrogate written as a JSON escape is
// malformed JSON; a valid escaped surrogate pair is a document.
TEST(HostileInputTest, InvalidOverlongAndSurrogateUtf8) {
  const std::string file = Fixture("encodings.jsonl");
  const std::vector<ReadItem> items = ReadAll({file});
  ExpectWellFormed(items, file);
  ASSERT_THAT(Reasons(items),
              ElementsAre("none", "not_utf8", "not_utf8", "not_utf8",
                          "malformed_json", "none"));
  EXPECT_THAT(items[1].skip.detail, HasSubstr("invalid UTF-8 at byte 28 "));
  EXPECT_THAT(items[2].skip.detail, HasSubstr("invalid UTF-8 at byte 31 "));
  EXPECT_THAT(items[3].skip.detail, HasSubstr("invalid UTF-8 at byte 26 "));
  EXPECT_THAT(items[4].skip.detail, HasSubstr("string"));
  EXPECT_EQ(items[1].where.line, 2);
  EXPECT_EQ(items[4].where.line, 5);
  EXPECT_EQ(items[5].document.text, "a valid pair \xF0\x9F\x98\x80 escaped");
}

// A raw NUL byte makes its line a binary skip and the reader goes on; an
// escaped NUL is text (a word separator).
TEST(HostileInputTest, NulBytesSkipTheLineNotTheFile) {
  const std::string file = Fixture("nul.jsonl");
  const std::vector<ReadItem> items = ReadAll({file});
  ExpectWellFormed(items, file);
  ASSERT_THAT(Ids(items), ElementsAre("first", absl::StrCat(file, ":2"),
                                      "escaped_nul", "last"));
  ASSERT_THAT(Reasons(items), ElementsAre("none", "binary", "none", "none"));
  EXPECT_THAT(items[1].skip.detail, HasSubstr("NUL byte at byte 28 "));
  EXPECT_EQ(items[2].document.text,
            std::string("escaped \0 NUL in the text", 25));
  EXPECT_EQ(Tokenize(items[2].document.text).tokens.size(), 5u);
}

// A file that is binary from its first line (UTF-16, gzip) is one skip.
TEST_F(HostileTest, BinaryFromTheFirstLineIsOneSkip) {
  const std::string utf16 =
      Write("utf16.jsonl",
            std::string("\xFF\xFE{\0\"\0i\0d\0\"\0:\0\"\0x\0\n\0", 20));
  const std::string gzip =
      Write("gzip.jsonl", std::string("\x1F\x8B\x08\0\0\0\0\0\0\x03", 10));
  const std::vector<ReadItem> items = ReadAll({utf16, gzip});
  ASSERT_THAT(Reasons(items), ElementsAre("binary", "binary"));
  EXPECT_THAT(Ids(items), ElementsAre(utf16, gzip));
}

// BOMs (at the start of a file, of any JSONL line) are dropped; CRLF line
// ends are line ends in JSONL and kept as text in a text file.
TEST(HostileInputTest, CrlfAndBoms) {
  const std::string jsonl = Fixture("bom_crlf.jsonl");
  const std::string txt = Fixture("bom_crlf.txt");
  const std::vector<ReadItem> items = ReadAll({jsonl, txt});
  ASSERT_THAT(Ids(items), ElementsAre("bom", "bom2", "crlf", "bom_crlf"));
  EXPECT_THAT(Reasons(items), ElementsAre("none", "none", "none", "none"));
  EXPECT_EQ(items[0].document.text, "A byte-order mark opens the file.");
  EXPECT_EQ(items[2].where.line, 4);
  EXPECT_EQ(items[2].document.text, "line one\r\nline two");
  EXPECT_EQ(items[3].document.text,
            "A text file with a byte-order mark\r\nand Windows line ends.\r\n");
}

// Duplicate keys: the first value wins. Missing or non-string text is
// missing_text; a repeated id (an integer id equals its decimal string) is
// duplicate_id naming the first place.
TEST(HostileInputTest, DuplicateKeysMissingTextAndDuplicateIds) {
  const std::string file = Fixture("fields.jsonl");
  const std::vector<ReadItem> items = ReadAll({file});
  ExpectWellFormed(items, file);
  ASSERT_THAT(Ids(items),
              ElementsAre("dup_key", "no_text", "number_text", "null_text",
                          "array_text", "object_text", "a", "a", "7", "7"));
  ASSERT_THAT(Reasons(items),
              ElementsAre("none", "missing_text", "missing_text",
                          "missing_text", "missing_text", "missing_text",
                          "none", "duplicate_id", "none", "duplicate_id"));
  EXPECT_EQ(items[0].document.text, "the first value");
  EXPECT_THAT(items[2].skip.detail, HasSubstr("number"));
  EXPECT_THAT(items[3].skip.detail, HasSubstr("null"));
  EXPECT_THAT(items[4].skip.detail, HasSubstr("array"));
  EXPECT_THAT(items[7].skip.detail,
              HasSubstr(absl::StrCat("first seen at ", file, ":7")));
  EXPECT_THAT(items[9].skip.detail,
              HasSubstr(absl::StrCat("first seen at ", file, ":9")));
}

// Nesting beyond simdjson's depth limit (1024) is malformed JSON; a line
// just under it is read. Neither recurses on the C++ stack.
TEST(HostileInputTest, DeeplyNestedJson) {
  auto nested = [](int depth) {
    return absl::StrCat(
        "{\"text\":\"nested words\",\"x\":", std::string(depth, '['),
        std::string(depth, ']'), "}\n");
  };
  std::istringstream in(nested(100000) + nested(1000) +
                        absl::StrCat("{\"text\":\"after\",\"x\":",
                                     std::string(50000, '{'), "\n"));
  ReadOptions options;
  options.standard_input = &in;
  const std::vector<ReadItem> items = ReadAll({"-"}, options);
  ExpectWellFormed(items, "-");
  ASSERT_THAT(Reasons(items),
              ElementsAre("malformed_json", "none", "malformed_json"));
  EXPECT_THAT(items[0].skip.detail, HasSubstr("deep"));
  EXPECT_EQ(items[1].document.text, "nested words");
}

// Right-to-left and CJK text are words; emoji alone are not (empty);
// combining marks stay inside their word, and a decomposed word hashes as
// its precomposed form (NFKC).
TEST(HostileInputTest, RtlCjkEmojiAndCombiningMarks) {
  const std::string file = Fixture("scripts.jsonl");
  const std::vector<ReadItem> items = ReadAll({file});
  ExpectWellFormed(items, file);
  ASSERT_THAT(Ids(items), ElementsAre("rtl_he", "rtl_ar", "cjk", "emoji_only",
                                      "emoji", "combining"));
  ASSERT_THAT(Reasons(items),
              ElementsAre("none", "none", "none", "empty", "none", "none"));
  EXPECT_EQ(Tokenize(items[0].document.text).tokens.size(), 2u);
  EXPECT_EQ(Tokenize(items[1].document.text).tokens.size(), 2u);
  EXPECT_EQ(Tokenize(items[2].document.text).tokens.size(), 8u);
  EXPECT_EQ(Tokenize(items[4].document.text).tokens.size(), 4u);
  const std::vector<Token> marks = Tokenize(items[5].document.text).tokens;
  ASSERT_EQ(marks.size(), 4u);
  EXPECT_EQ(marks[0].hash, Tokenize("caf\xC3\xA9").tokens.at(0).hash);
  EXPECT_EQ(marks[3].end, items[5].document.text.size());  // Zalgo's marks.
  // The whole pipeline takes them: sketches, attributions and a story pass.
  std::vector<Document> docs;
  for (const ReadItem& item : items) {
    if (!item.skipped()) docs.push_back(item.document);
  }
  const absl::StatusOr<Sketcher> sketcher = Sketcher::Create({});
  ASSERT_TRUE(sketcher.ok());
  for (const Document& doc : docs) {
    EXPECT_GT(sketcher->Sketch(doc.text).num_tokens, 0u) << doc.id;
    EXPECT_THAT(ExtractAttributions(doc.text), IsEmpty()) << doc.id;
  }
  const absl::StatusOr<StoryReport> stories = AnalyzeStories(docs, {});
  ASSERT_TRUE(stories.ok()) << stories.status();
}

// Empty and blank files are one no_documents (JSONL) or empty (text) skip.
TEST(HostileInputTest, EmptyFiles) {
  const std::vector<ReadItem> items =
      ReadAll({Fixture("empty.jsonl"), Fixture("blank.jsonl"),
               Fixture("empty.txt"), Fixture("encodings.jsonl")});
  ASSERT_GE(items.size(), 4u);
  EXPECT_EQ(Reasons(items)[0], "no_documents");
  EXPECT_EQ(Reasons(items)[1], "no_documents");
  EXPECT_EQ(Reasons(items)[2], "empty");
  EXPECT_EQ(items[0].document.id, Fixture("empty.jsonl"));
  EXPECT_EQ(items[3].document.id, "good");  // The batch went on.
}

// One word repeated 200,000 times: a document like any other; its sketch,
// its alignment with itself and a dedup pass all finish (the seed-hit cap
// keeps alignment from going quadratic). It has one distinct shingle, under
// DedupOptions::min_shingles, so only an exact copy is its duplicate: the
// same text with one more word is kept.
TEST(HostileInputTest, OneRepeatedWord) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "buffalo ";
  std::istringstream in(
      absl::StrCat(R"({"id":"b1","text":")", text, R"("})", "\n",
                   R"({"id":"b2","text":")", text, R"(buffalo"})", "\n",
                   R"({"id":"b3","text":")", text, R"("})", "\n"));
  ReadOptions options;
  options.standard_input = &in;
  const std::vector<ReadItem> items = ReadAll({"-"}, options);
  ASSERT_THAT(Reasons(items), ElementsAre("none", "none", "none"));
  const TokenizedText tokens = Tokenize(items[0].document.text);
  ASSERT_EQ(tokens.tokens.size(), 200000u);
  const std::vector<Passage> passages =
      AlignPassages(tokens.tokens, tokens.tokens);
  EXPECT_LE(passages.size(), 1u);
  absl::StatusOr<Deduplicator> dedup = Deduplicator::Create({});
  ASSERT_TRUE(dedup.ok());
  Deduplicator d = std::move(*dedup);
  std::vector<Document> docs;
  for (const ReadItem& item : items) docs.push_back(item.document);
  for (const DocSketch& s : d.SketchBatch(docs, 2)) d.Add(s);
  const DedupResult result = d.Finish(2);
  ASSERT_EQ(result.docs.size(), 3u);
  EXPECT_TRUE(result.docs[0].keep());
  EXPECT_TRUE(result.docs[1].keep());
  EXPECT_EQ(result.docs[2].relation, Relation::kCopy);
  EXPECT_EQ(result.docs[2].representative, 0u);
}

// A 200 MB line is too_large by the size limit: skipped with its length,
// never held in memory, and the next line is read.
TEST_F(HostileTest, TwoHundredMegabyteLine) {
  const std::string path = (dir_ / "huge.jsonl").string();
  WriteHugeLineJsonl(path);
  // With a 1 MiB limit first: the reader's buffer stops at the limit.
  int64_t before = PeakRssBytes();
  ReadOptions small;
  small.max_doc_bytes = int64_t{1} << 20;
  ASSERT_THAT(Reasons(ReadAll({path}, small)),
              ElementsAre("too_large", "none"));
  EXPECT_LT(PeakRssBytes() - before, int64_t{16} << 20);
  before = PeakRssBytes();
  const std::vector<ReadItem> items = ReadAll({path});
  const int64_t growth = PeakRssBytes() - before;
  ASSERT_THAT(Reasons(items), ElementsAre("too_large", "none"));
  EXPECT_EQ(items[0].where.line, 1);
  EXPECT_THAT(
      items[0].skip.detail,
      HasSubstr(absl::StrCat("line of ", (200 << 20) + 23,
                             " bytes, over the limit of ", int64_t{64} << 20)));
  EXPECT_EQ(items[1].document.id, "small");
  // The default limit (64 MiB) bounds the buffer (it doubles up to the
  // limit, so about twice that at the peak), not the 200 MB line.
  if (!kSanitizer) {
    EXPECT_LT(growth, int64_t{160} << 20);
  }

  // As a plain text file it is skipped by its size, before reading.
  const std::string txt = (dir_ / "huge.txt").string();
  fs::rename(path, txt);
  const std::vector<ReadItem> as_text = ReadAll({txt});
  ASSERT_THAT(Reasons(as_text), ElementsAre("too_large"));
}

}  // namespace
}  // namespace neardup
