// Copyright 2026 The neardup Authors.

#include "english_text.h"

#include <string>

#include "gtest/gtest.h"

namespace neardup::testing {
namespace {

TEST(EnglishTextTest, DeterministicPerSeed) {
  EXPECT_EQ(GenerateEnglishText(2000, 1), GenerateEnglishText(2000, 1));
  EXPECT_NE(GenerateEnglishText(2000, 1), GenerateEnglishText(2000, 2));
}

TEST(EnglishTextTest, SizeIsApproximate) {
  for (size_t size : {0, 100, 1000, 32768}) {
    const std::string text = GenerateEnglishText(size, 3);
    EXPECT_GE(text.size(), size);
    EXPECT_LE(text.size(), size + 400);
  }
}

TEST(EnglishTextTest, AsciiUnlessUnicodeAsked) {
  const std::string ascii = GenerateEnglishText(20000, 4);
  for (unsigned char c : ascii) ASSERT_LT(c, 0x80);
  EnglishTextOptions options;
  options.unicode = true;
  const std::string unicode = GenerateEnglishText(20000, 4, options);
  bool any_non_ascii = false;
  for (unsigned char c : unicode) any_non_ascii |= c >= 0x80;
  EXPECT_TRUE(any_non_ascii);
}

TEST(EnglishTextTest, LooksLikeProse) {
  const std::string text = GenerateEnglishText(20000, 5);
  EXPECT_NE(text.find(" the "), std::string::npos);
  EXPECT_NE(text.find(". "), std::string::npos);
  EXPECT_NE(text.find("\n\n"), std::string::npos);
  EXPECT_NE(text.find(','), std::string::npos);
  EXPECT_TRUE(text[0] >= 'A' && text[0] <= 'Z');
  const char last = text.back();
  EXPECT_TRUE(last == '.' || last == '?' || last == '!' || last == '"');
}

TEST(EnglishTextTest, CorpusUsesConsecutiveSeeds) {
  const auto docs = GenerateEnglishCorpus(3, 500, 10);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[2], GenerateEnglishText(500, 12));
}

TEST(EnglishTextTest, PerturbRateZeroIsIdentity) {
  const std::string text = GenerateEnglishText(3000, 6);
  EXPECT_EQ(PerturbText(text, 0.0, 1), text);
}

TEST(EnglishTextTest, PerturbChangesSomeWords) {
  const std::string text = GenerateEnglishText(3000, 7);
  const std::string changed = PerturbText(text, 0.1, 1);
  EXPECT_NE(changed, text);
  EXPECT_EQ(changed, PerturbText(text, 0.1, 1));
  // Most of the text survives a 10% edit rate.
  EXPECT_GT(changed.size(), text.size() * 8 / 10);
  EXPECT_LT(changed.size(), text.size() * 12 / 10);
}

}  // namespace
}  // namespace neardup::testing
