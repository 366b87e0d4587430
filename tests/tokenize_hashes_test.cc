// Copyright 2026 The neardup Authors.
//
// The hashes-only tokenizer (internal::TokenizeHashes, 64-byte bit-mask
// blocks) against Tokenize() on English-like text and on random mixes of the
// awkward cases (apostrophes, decimal points, non-ASCII letters and marks,
// CJK, invalid bytes, long words, boilerplate lines, every alignment against
// the 64-byte blocks and the end of the text); and Sketcher::Sketch(), which
// takes that path, against SketchTokens(Tokenize()) byte for byte.

#include <cstdint>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hwy/targets.h"

#include "neardup/minhash.h"
#include "neardup/simhash.h"
#include "neardup/sketch.h"
#include "neardup/text.h"

#include "english_text.h"
#include "text/token_hashes.h"

namespace neardup {
namespace {

using ::testing::ElementsAreArray;

struct Expected {
  std::vector<uint64_t> all;
  std::vector<uint64_t> content;
};

Expected FromTokenize(std::string_view text, const TokenizeOptions& options) {
  Expected e;
  for (const Token& t : Tokenize(text, options).tokens) {
    e.all.push_back(t.hash);
    if ((t.flags & kTokenStopword) == 0) e.content.push_back(t.hash);
  }
  return e;
}

void ExpectSameAsTokenize(std::string_view text, const TokenizeOptions& options,
                          internal::TokenHashBuffer* buffer) {
  const Expected want = FromTokenize(text, options);
  internal::TokenizeHashes(text, options, buffer);
  ASSERT_THAT(buffer->all(), ElementsAreArray(want.all)) << text;
  ASSERT_THAT(buffer->content(), ElementsAreArray(want.content)) << text;
}

// Pieces the random texts are made of: each stresses one rule of Tokenize().
const std::vector<std::string>& Pieces() {
  static const auto* pieces =
      new std::vector<std::string>{" ",
                                   " ",
                                   " ",
                                   "  ",
                                   "\n",
                                   "\n\n",
                                   "\t",
                                   ".",
                                   ",",
                                   "'",
                                   "-",
                                   ", ",
                                   ". ",
                                   "!",
                                   "?",
                                   "\"",
                                   "(",
                                   ")",
                                   "the",
                                   "The",
                                   "of",
                                   "and",
                                   "a",
                                   "I",
                                   "it's",
                                   "don't",
                                   "O'Brien",
                                   "O\u2019Brien",
                                   "Microsoft\u2019s",
                                   "Reuters'",
                                   "rock'n'roll",
                                   "'quoted'",
                                   "3.5",
                                   "1,000",
                                   "2026",
                                   "40",
                                   "3.",
                                   ".5",
                                   "1.2.3",
                                   "a1b2",
                                   "Mr.",
                                   "U.S.",
                                   "J.",
                                   "caf\u00e9",
                                   "\u00e9t\u00e9",
                                   "na\u0308ive",
                                   "\u00c9cole",
                                   "\u65e5\u672c\u8a9e",
                                   "\u3072\u3089",
                                   "\u201cquote\u201d",
                                   "\u2014",
                                   "\u00a0",
                                   "\xff",
                                   "\xc3",
                                   "\xe2\x80",
                                   "soft\u00adhyphen",
                                   "zero\u200dwidth",
                                   "\U0001F600",
                                   "\u3002",
                                   "abcdefghijklmno",
                                   "abcdefghijklmnop",
                                   "abcdefghijklmnopq",
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                   std::string(63, 'x'),
                                   std::string(64, 'y'),
                                   std::string(65, 'z'),
                                   std::string(200, 'w'),
                                   "Share this article",
                                   "\nRelated Articles\n",
                                   "\nAdvertisement\n",
                                   "Hello",
                                   "WORLD",
                                   "ok"};
  return *pieces;
}

std::string RandomText(std::mt19937_64& rng, size_t pieces) {
  std::uniform_int_distribution<size_t> pick(0, Pieces().size() - 1);
  std::string text;
  for (size_t i = 0; i < pieces; ++i) text += Pieces()[pick(rng)];
  return text;
}

TEST(TokenizeHashesTest, EmptyAndTiny) {
  internal::TokenHashBuffer buffer;
  for (const char* text : {"", " ", "a", "A.", "\n", "x\ny", "\xff"}) {
    ExpectSameAsTokenize(text, {}, &buffer);
  }
  internal::TokenizeHashes("", {}, &buffer);
  EXPECT_TRUE(buffer.all().empty());
  EXPECT_TRUE(buffer.content().empty());
}

TEST(TokenizeHashesTest, EnglishTextOfManySizes) {
  internal::TokenHashBuffer buffer;
  for (size_t bytes : {100, 1000, 4096, 40000}) {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
      ExpectSameAsTokenize(testing::GenerateEnglishText(bytes, seed), {},
                           &buffer);
    }
  }
  EXPECT_GT(buffer.content().size(), 0u);
  EXPECT_LT(buffer.content().size(), buffer.all().size());  // Stopwords.
}

TEST(TokenizeHashesTest, RandomAwkwardTexts) {
  std::mt19937_64 rng(20261124);
  internal::TokenHashBuffer buffer;  // Reused: big and small texts mixed.
  for (int iter = 0; iter < 3000; ++iter) {
    const std::string text = RandomText(rng, iter % 97);
    for (bool skip : {true, false}) {
      TokenizeOptions options;
      options.skip_boilerplate = skip;
      ExpectSameAsTokenize(text, options, &buffer);
    }
  }
}

// Under every SIMD target: on AVX-512 the plain ASCII words go through the
// batch word hasher (text/word_hash_kernels.h), elsewhere one at a time; the
// words and stopword flags are Tokenize()'s either way.
TEST(TokenizeHashesTest, EveryTargetGivesTheSameWords) {
  std::mt19937_64 rng(31);
  std::vector<std::string> texts;
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    texts.push_back(testing::GenerateEnglishText(5000, seed));
  }
  for (int iter = 0; iter < 200; ++iter) texts.push_back(RandomText(rng, 40));
  for (int64_t target : hwy::SupportedAndGeneratedTargets()) {
    hwy::SetSupportedTargetsForTest(target);
    internal::TokenHashBuffer buffer;
    for (const std::string& text : texts) {
      ExpectSameAsTokenize(text, {}, &buffer);
    }
  }
  hwy::SetSupportedTargetsForTest(0);
}

// Every prefix of a text: words ending at the end of the text, at 64-byte
// block edges and in the last (scalar) bytes.
TEST(TokenizeHashesTest, EveryPrefix) {
  std::mt19937_64 rng(7);
  const std::string text =
      RandomText(rng, 60) + testing::GenerateEnglishText(300, 3);
  internal::TokenHashBuffer buffer;
  for (size_t n = 0; n <= text.size(); ++n) {
    ExpectSameAsTokenize(text.substr(0, n), {}, &buffer);
    // The same bytes inside a longer string: the block loads may then read
    // past the prefix, which must not change the words.
    ExpectSameAsTokenize(text.substr(0, n) + "\n" + text, {}, &buffer);
    // In a heap block of exactly n bytes: under ASan (scripts/dev asan) a
    // read past the text fails here.
    std::unique_ptr<char[]> exact(new char[n + (n == 0)]);
    std::memcpy(exact.get(), text.data(), n);
    ExpectSameAsTokenize(std::string_view(exact.get(), n), {}, &buffer);
  }
}

// Each awkward word at every offset across two 64-byte blocks, followed by
// separators or by more text, so that its parts fall on either side of a
// block edge.
TEST(TokenizeHashesTest, AwkwardWordsAtEveryOffset) {
  internal::TokenHashBuffer buffer;
  for (const char* word :
       {"Paris's", "don't", "3.5", "1,000", "O\u2019Brien", "caf\u00e9", "x'",
        "7.", "a'b'c", "12.34.56", "abcdefghijklmno", "abcdefghijklmnop",
        "abcdefghijklmnopq", "abcdefghijklmnopqrst", "l'\u00e9t\u00e9",
        "9.\u00bd", "x,\u00e9", "rock'n\u2019roll", "a \u201cquote\u201d"}) {
    for (const char* after : {" end of the line", ".", "\nnext line", ""}) {
      for (size_t offset = 0; offset < 140; ++offset) {
        std::string text(offset, ' ');
        for (size_t k = 0; k + 4 <= offset; k += 4) text.replace(k, 3, "abc");
        text += word;
        text += after;
        text += std::string(70, ' ');
        ExpectSameAsTokenize(text, {}, &buffer);
        ExpectSameAsTokenize(text.substr(0, offset + 9), {}, &buffer);
      }
    }
  }
}

// The hashes-only path classifies 8 KB of text at a time, finds the line
// ends in those masks (memchr past them) and tokenises the lines between
// boilerplate lines as one run: line ends, boilerplate lines and awkward
// words on either side of the window's edges, lines longer than the window,
// and a text that is one line.
TEST(TokenizeHashesTest, LinesAcrossTheClassifiedWindow) {
  std::mt19937_64 rng(41);
  internal::TokenHashBuffer buffer;
  std::string words = testing::GenerateEnglishText(30000, 5);
  for (char& c : words) {
    if (c == '\n') c = ' ';
  }
  ExpectSameAsTokenize(words, {}, &buffer);  // One line of 30 KB.
  for (size_t edge : {8192, 8192 * 2, 8192 * 3}) {
    for (size_t at = edge - 70; at < edge + 70; at += 3) {
      // A boilerplate line or random pieces (a boilerplate line among them,
      // at times) across the edge.
      std::string text = words.substr(0, at);
      text += "\n";
      text += at % 2 == 0 ? std::string("Advertisement") : RandomText(rng, 8);
      text += "\n";
      text += words.substr(at, 20000);
      for (bool skip : {true, false}) {
        TokenizeOptions options;
        options.skip_boilerplate = skip;
        ExpectSameAsTokenize(text, options, &buffer);
      }
    }
  }
  // Short lines throughout, and a long line (past a window) between them.
  std::string lines;
  while (lines.size() < 40000) {
    lines += RandomText(rng, 1 + rng() % 12);
    lines += "\n";
    if (rng() % 50 == 0) lines += words.substr(0, 9000 + rng() % 9000);
  }
  ExpectSameAsTokenize(lines, {}, &buffer);
}

// One-letter words: 32 to a 64-byte block, three times the words the buffer
// reserves for, so it grows in the middle of blocks, at every length.
TEST(TokenizeHashesTest, DenseWordsGrowTheBuffer) {
  internal::TokenHashBuffer buffer;
  std::string text;
  for (size_t n = 0; n < 3000; ++n) {
    text += static_cast<char>('a' + n % 26);
    text += n % 97 == 0 ? '\n' : ' ';
    if (n % 61 == 0) ExpectSameAsTokenize(text, {}, &buffer);
  }
  ExpectSameAsTokenize(text, {}, &buffer);
  internal::TokenHashBuffer fresh;
  ExpectSameAsTokenize(text, {}, &fresh);
}

TEST(TokenizeHashesTest, ReleaseThenReuse) {
  internal::TokenHashBuffer buffer;
  ExpectSameAsTokenize(testing::GenerateEnglishText(20000, 1), {}, &buffer);
  EXPECT_GT(buffer.capacity(), 1000u);
  buffer.Release();
  EXPECT_EQ(buffer.capacity(), 0u);
  EXPECT_TRUE(buffer.all().empty());
  ExpectSameAsTokenize(testing::GenerateEnglishText(500, 2), {}, &buffer);
}

void ExpectSameSketch(const Sketcher& sketcher, const std::string& text) {
  const DocumentSketch fast = sketcher.Sketch(text);
  const DocumentSketch slow =
      sketcher.SketchTokens(Tokenize(text, sketcher.options().tokenize).tokens);
  ASSERT_EQ(fast.minhash.values, slow.minhash.values) << text;
  ASSERT_EQ(fast.minhash.set_size, slow.minhash.set_size) << text;
  ASSERT_EQ(fast.simhash, slow.simhash) << text;
  ASSERT_EQ(fast.num_tokens, slow.num_tokens) << text;
  ASSERT_EQ(fast.num_shingles, slow.num_shingles) << text;
}

TEST(SketchFastPathTest, SameBytesAsSketchTokens) {
  std::mt19937_64 rng(42);
  std::vector<std::string> texts = {"", "   ", "one", "one two three"};
  for (size_t bytes : {200, 3000, 30000}) {
    texts.push_back(testing::GenerateEnglishText(bytes, bytes));
  }
  for (int i = 0; i < 150; ++i) texts.push_back(RandomText(rng, i));
  for (MinHashMode mode :
       {MinHashMode::kClassic, MinHashMode::kOnePermutation}) {
    for (SimHashWeighting weighting :
         {SimHashWeighting::kCounts, SimHashWeighting::kUniform}) {
      for (int shingle_size : {1, 3, 5, 16}) {
        SketchOptions options;
        options.shingle_size = shingle_size;
        options.minhash.mode = mode;
        options.minhash.num_registers = 64;
        options.simhash_weighting = weighting;
        options.tokenize.skip_boilerplate = shingle_size != 3;
        const Sketcher sketcher = Sketcher::Create(options).value();
        for (const std::string& text : texts) {
          ExpectSameSketch(sketcher, text);
        }
      }
    }
  }
}

}  // namespace
}  // namespace neardup
