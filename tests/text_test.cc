// Copyright 2026 The neardup Authors.

#include "neardup/text.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "english_text.h"
#include "sketch_reference_text.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace neardup {
namespace {

using ::testing::ElementsAre;

std::string_view Original(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

std::vector<std::string> Words(std::string_view text,
                               const TokenizeOptions& options = {}) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(text, options).tokens) {
    words.emplace_back(Original(text, t));
  }
  return words;
}

std::vector<uint64_t> Hashes(std::string_view text) {
  std::vector<uint64_t> hashes;
  for (const Token& t : Tokenize(text).tokens) hashes.push_back(t.hash);
  return hashes;
}

uint64_t H(std::string_view normalized) { return TokenHash(normalized); }

TEST(TokenHashTest, MatchesReferenceDefinition) {
  EXPECT_EQ(TokenHash("abc"), TokenHash("abc"));
  EXPECT_NE(TokenHash("abc"), TokenHash("abd"));
  EXPECT_NE(TokenHash(""), TokenHash("a"));
  // Every length around the 8- and 16-byte boundaries, any byte values
  // (including NUL and non-ASCII), against the plain reference.
  uint64_t x = 3;
  for (int round = 0; round < 4000; ++round) {
    std::string word(round % 41, '\0');
    for (char& c : word) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      c = static_cast<char>(x >> 56);
    }
    ASSERT_EQ(TokenHash(word), testing::ReferenceTokenHash(word)) << round;
  }
}

TEST(TokenHashTest, NoCollisionsAmongShortWords) {
  // Every word of 1..3 bytes over a 38-character alphabet, and 1..16-byte
  // prefixes of long words: 56,000 hashes, where a 64-bit hash collides
  // with probability ~1e-10.
  const std::string_view alphabet = "abcdefghijklmnopqrstuvwxyz0123456789'.";
  std::vector<uint64_t> hashes;
  std::string w;
  for (char a : alphabet) {
    hashes.push_back(TokenHash(std::string(1, a)));
    for (char b : alphabet) {
      hashes.push_back(TokenHash(std::string{a, b}));
      for (char c : alphabet) hashes.push_back(TokenHash(std::string{a, b, c}));
    }
  }
  for (char a : alphabet) {
    const std::string word = std::string(1, a) + "bcdefghijklmnopqrstu";
    for (size_t len = 4; len <= word.size(); ++len) {
      hashes.push_back(TokenHash(word.substr(0, len)));
    }
  }
  const size_t n = hashes.size();
  std::sort(hashes.begin(), hashes.end());
  EXPECT_EQ(std::unique(hashes.begin(), hashes.end()) - hashes.begin(),
            static_cast<ptrdiff_t>(n));
}

TEST(TokenizeTest, EmptyAndSeparatorsOnly) {
  EXPECT_TRUE(Tokenize("").tokens.empty());
  EXPECT_TRUE(Tokenize("  ,.;\n\n -- !?").tokens.empty());
}

TEST(TokenizeTest, SimpleWordsAndOffsets) {
  const std::string text = "The cat sat, on the mat.";
  const TokenizedText t = Tokenize(text);
  ASSERT_EQ(t.tokens.size(), 6u);
  EXPECT_THAT(Words(text),
              ElementsAre("The", "cat", "sat", "on", "the", "mat"));
  EXPECT_EQ(t.tokens[0].begin, 0u);
  EXPECT_EQ(t.tokens[0].end, 3u);
  EXPECT_EQ(t.tokens[5].begin, 20u);
  EXPECT_EQ(t.tokens[0].hash, H("the"));
  EXPECT_EQ(t.tokens[0].hash, t.tokens[4].hash);
  EXPECT_EQ(t.tokens[1].hash, H("cat"));
}

TEST(TokenizeTest, ApostrophesBetweenLettersStayInside) {
  const std::string text = "don't O'Brien 'quoted' rock'n'roll students' x'";
  EXPECT_THAT(Words(text), ElementsAre("don't", "O'Brien", "quoted",
                                       "rock'n'roll", "students", "x"));
  EXPECT_EQ(Tokenize(text).tokens[0].hash, H("don't"));
  // A curly apostrophe normalises to the ASCII one.
  const std::string curly = "don\u2019t O\u2019Brien";
  EXPECT_THAT(Words(curly), ElementsAre("don\u2019t", "O\u2019Brien"));
  EXPECT_EQ(Hashes(curly), Hashes("don't o'brien"));
}

TEST(TokenizeTest, PossessiveIsDroppedFromTheHashOnly) {
  for (std::string text : {"Microsoft's", "Microsoft\u2019s", "MICROSOFT'S"}) {
    const TokenizedText t = Tokenize(text);
    ASSERT_EQ(t.tokens.size(), 1u) << text;
    EXPECT_EQ(Original(text, t.tokens[0]), text);
    EXPECT_EQ(t.tokens[0].hash, H("microsoft")) << text;
  }
  // Not a possessive: the apostrophe is not followed by a lone "s".
  EXPECT_EQ(Hashes("Microsoft'sx"), Hashes("microsoft'sx"));
  EXPECT_NE(Hashes("Microsoft'sx")[0], H("microsoft"));
}

TEST(TokenizeTest, NumbersKeepInternalPointsAndCommas) {
  const std::string text = "It rose 3.5% to 1,000,000 in 2026. Then 7, 8.";
  EXPECT_THAT(Words(text), ElementsAre("It", "rose", "3.5", "to", "1,000,000",
                                       "in", "2026", "Then", "7", "8"));
  const TokenizedText t = Tokenize(text);
  EXPECT_TRUE(t.tokens[2].flags & kTokenNumber);
  EXPECT_TRUE(t.tokens[4].flags & kTokenNumber);
  EXPECT_FALSE(t.tokens[1].flags & kTokenNumber);
  EXPECT_TRUE(t.tokens[7].flags & kTokenSentenceStart);  // After "2026."
  EXPECT_EQ(t.tokens[2].hash, H("3.5"));
  // Mixed letters and digits are one word and a number.
  EXPECT_THAT(Words("COVID-19 covid19 a.b"),
              ElementsAre("COVID", "19", "covid19", "a", "b"));
}

TEST(TokenizeTest, HyphensSplitWords) {
  EXPECT_THAT(Words("long-term state-of-the-art"),
              ElementsAre("long", "term", "state", "of", "the", "art"));
}

TEST(TokenizeTest, NfkcAndCaseFolding) {
  EXPECT_EQ(Hashes("\uFF21\uFF22\uFF23"), Hashes("abc"));  // Full-width ＡＢＣ.
  EXPECT_EQ(Hashes("\uFB01le"), Hashes("file"));           // ﬁ ligature.
  EXPECT_EQ(Hashes("Stra\u00DFe"), Hashes("strasse"));     // ß folds to ss.
  EXPECT_EQ(Hashes("CAF\u00C9"), Hashes("caf\u00E9"));
  // Decomposed é (e + combining acute) composes to the same word.
  EXPECT_EQ(Hashes("cafe\u0301"), Hashes("caf\u00E9"));
  EXPECT_THAT(Words("cafe\u0301 au"), ElementsAre("cafe\u0301", "au"));
  EXPECT_EQ(Hashes("\uFF11\uFF12\uFF13"), Hashes("123"));  // Full-width digits.
  EXPECT_NE(Hashes("caf\u00E9"), Hashes("cafe"));
  EXPECT_EQ(Normalize("\uFF21\uFB01 Stra\u00DFe"), "afi strasse");
}

TEST(TokenizeTest, SoftHyphenInsideWordIsIgnored) {
  const std::string text = "inter\u00ADnational";
  EXPECT_THAT(Words(text), ElementsAre(text));
  EXPECT_EQ(Hashes(text), Hashes("international"));
}

TEST(TokenizeTest, CjkCharactersAreTokens) {
  const std::string text =
      "\u6771\u4EAC\u3067\u4F1A\u8B70 Tokyo";  // 東京で会議
  const std::vector<std::string> words = Words(text);
  EXPECT_THAT(words, ElementsAre("\u6771", "\u4EAC", "\u3067", "\u4F1A",
                                 "\u8B70", "Tokyo"));
  EXPECT_EQ(Tokenize(text).tokens[0].hash, H("\u6771"));
  // Sentence end after the ideographic full stop.
  const TokenizedText t = Tokenize("\u6771\u3002\u4EAC");
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_TRUE(t.tokens[1].flags & kTokenSentenceStart);
}

TEST(TokenizeTest, OtherScriptsAreWords) {
  EXPECT_THAT(
      Words("\u041C\u043E\u0441\u043A\u0432\u0430 \u03B1\u03B2"),
      ElementsAre("\u041C\u043E\u0441\u043A\u0432\u0430", "\u03B1\u03B2"));
  EXPECT_EQ(Hashes("\u041C\u041E\u0421\u041A\u0412\u0410"),
            Hashes("\u043C\u043E\u0441\u043A\u0432\u0430"));
}

TEST(TokenizeTest, EmojiAndSymbolsSeparate) {
  EXPECT_THAT(Words("good\U0001F600news \u2014 ok\u2122"),
              ElementsAre("good", "news", "ok"));
}

TEST(TokenizeTest, InvalidUtf8IsASeparator) {
  const std::string text = std::string("ab\xFF") + "cd\xC3" + " e\xE2\x82" +
                           "f \xED\xA0\x80g \xC0\xAFh \xF4\x90\x80\x80i";
  const TokenizedText t = Tokenize(text);
  EXPECT_THAT(Words(text), ElementsAre("ab", "cd", "e", "f", "g", "h", "i"));
  for (const Token& tok : t.tokens) {
    EXPECT_LE(tok.end, text.size());
    EXPECT_LT(tok.begin, tok.end);
  }
  // Truncated sequence at the very end.
  EXPECT_THAT(Words("word\xE2\x80"), ElementsAre("word"));
  EXPECT_THAT(Words("\xE2"), ElementsAre());
}

TEST(TokenizeTest, RandomBytesDoNotCrashAndOffsetsAreSane) {
  uint64_t x = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string text(1 + round * 3, '\0');
    for (char& c : text) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      c = static_cast<char>(x >> 56);
    }
    const TokenizedText t = Tokenize(text);
    uint32_t last_end = 0;
    for (const Token& tok : t.tokens) {
      ASSERT_GE(tok.begin, last_end);
      ASSERT_LT(tok.begin, tok.end);
      ASSERT_LE(tok.end, text.size());
      last_end = tok.end;
    }
  }
}

TEST(TokenizeTest, FlagsCapitalizedSentenceStartStopword) {
  const std::string text = "The Senate voted. it passed!\nNew law in Paris";
  const TokenizedText t = Tokenize(text);
  ASSERT_EQ(t.tokens.size(), 9u);
  auto flags = [&](int i) { return t.tokens[i].flags; };
  EXPECT_EQ(flags(0), kTokenCapitalized | kTokenStopword | kTokenSentenceStart);
  EXPECT_EQ(flags(1), kTokenCapitalized);                        // Senate
  EXPECT_EQ(flags(2), 0);                                        // voted
  EXPECT_EQ(flags(3), kTokenStopword | kTokenSentenceStart);     // it
  EXPECT_EQ(flags(4), 0);                                        // passed
  EXPECT_EQ(flags(5), kTokenCapitalized | kTokenSentenceStart);  // New (line)
  EXPECT_EQ(flags(7), kTokenStopword);                           // in
  EXPECT_EQ(flags(8), kTokenCapitalized);                        // Paris
  // Non-ASCII capital.
  const TokenizedText u = Tokenize("x \u00C9cole \u00E9cole");
  EXPECT_TRUE(u.tokens[1].flags & kTokenCapitalized);
  EXPECT_FALSE(u.tokens[2].flags & kTokenCapitalized);
}

TEST(TokenizeTest, AbbreviationsAndInitialsDoNotEndSentences) {
  const std::string text =
      "Mr. Smith met Gen. Lee in the U.S. capital on Jan. 5. Talks ended.";
  const TokenizedText t = Tokenize(text);
  std::vector<std::string> starts;
  for (const Token& tok : t.tokens) {
    if (tok.flags & kTokenSentenceStart)
      starts.emplace_back(Original(text, tok));
  }
  EXPECT_THAT(starts, ElementsAre("Mr", "Talks"));
  // A period after an ordinary word still ends the sentence.
  const TokenizedText u = Tokenize("It rained. Smith left.");
  EXPECT_TRUE(u.tokens[2].flags & kTokenSentenceStart);
}

TEST(TokenizeTest, EveryListedStopwordIsFlagged) {
  for (std::string_view word : internal::Stopwords()) {
    const TokenizedText t = Tokenize(word);
    ASSERT_EQ(t.tokens.size(), 1u) << word;
    EXPECT_TRUE(t.tokens[0].flags & kTokenStopword) << word;
    EXPECT_TRUE(internal::IsStopword(H(word))) << word;
  }
  EXPECT_GE(internal::Stopwords().size(), 150u);
  for (std::string_view content : {"said", "government", "2026", "paris"}) {
    EXPECT_FALSE(internal::IsStopword(H(content))) << content;
  }
  // Case and curly apostrophes do not matter.
  EXPECT_TRUE(Tokenize("DOESN\u2019T").tokens[0].flags & kTokenStopword);
}

// The collision-free stopword table gives exactly the answer of a search of
// the list, for every stopword, for hashes that share a stopword's slot bits
// or bucket, and for random hashes.
TEST(StopwordTableTest, AgreesWithTheList) {
  const internal::StopwordTable& table = internal::StopwordTable::Get();
  EXPECT_TRUE(table.perfect());
  std::vector<uint64_t> list;
  for (std::string_view word : internal::Stopwords()) list.push_back(H(word));
  std::sort(list.begin(), list.end());
  auto listed = [&](uint64_t h) {
    return std::binary_search(list.begin(), list.end(), h);
  };
  for (uint64_t h : list) EXPECT_TRUE(table.Contains(h)) << h;
  EXPECT_FALSE(table.Contains(0));
  size_t mismatches = 0, hits = 0;
  uint64_t x = 0x243f6a8885a308d3ULL;  // SplitMix64 stream, seeded.
  for (int i = 0; i < 200000; ++i) {
    x += 0x9e3779b97f4a7c15ULL;
    uint64_t h = x;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    // Every other probe is a stopword with a few bits flipped: same bucket
    // or same slot bits, different hash.
    if (i % 2 == 1) h = list[h % list.size()] ^ (uint64_t{1} << (h >> 58));
    hits += listed(h);
    mismatches += table.Contains(h) != listed(h);
  }
  EXPECT_EQ(mismatches, 0u);
  EXPECT_LT(hits, 10u);  // The probes are (nearly all) not stopwords.
  // Random words through the tokenizer: flagged iff listed.
  const std::string text = testing::GenerateEnglishText(1 << 16, 11);
  size_t stopwords = 0;
  for (const Token& t : Tokenize(text).tokens) {
    const bool flagged = (t.flags & kTokenStopword) != 0;
    EXPECT_EQ(flagged, listed(t.hash)) << t.hash;
    stopwords += flagged;
  }
  EXPECT_GT(stopwords, 1000u);
}

TEST(TokenizeTest, LongWordsTakeTheSlowPathConsistently) {
  const std::string word(300, 'Q');
  const TokenizedText t = Tokenize(word + " x");
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(t.tokens[0].end, 300u);
  EXPECT_EQ(t.tokens[0].hash, H(std::string(300, 'q')));
  const std::string accented = std::string(200, 'a') + "\u00E9";
  EXPECT_EQ(Tokenize(accented).tokens[0].hash, H(accented));
}

std::string Utf8(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// HashWord() takes a table-driven path for ASCII + two-byte code points; it
// must agree with utf8proc (NormalizeWord) on every such code point and on
// random mixtures, including marks and ß-like multi-code-point folds.
TEST(NormalizeTest, FastPathAgreesWithUtf8proc) {
  auto check = [](const std::string& word) {
    std::string normalized;
    internal::NormalizeWord(word, &normalized);
    ASSERT_EQ(internal::HashWord(word), H(normalized)) << word;
  };
  for (uint32_t cp = 0x80; cp < 0x800; ++cp) {
    check(Utf8(cp));
    check("a" + Utf8(cp) + "B");
    check(Utf8(cp) + Utf8(cp));
  }
  for (uint32_t cp = 0x3000; cp < 0xA000; ++cp) check(Utf8(cp));
  check("\u30AB\u3099");  // カ + combining voiced mark composes to ガ.
  uint64_t x = 7;
  for (int round = 0; round < 20000; ++round) {
    std::string word;
    const int n = 1 + round % 6;
    for (int i = 0; i < n; ++i) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      const uint32_t r = static_cast<uint32_t>(x >> 33);
      uint32_t cp = 0x41 + r % (0x800 - 0x41);
      if (r % 13 == 0) cp = 0x2019;
      if (r % 17 == 0) cp = 0x300 + r % 0x70;     // Combining marks.
      if (r % 19 == 0) cp = 0x3040 + r % 0xC0;    // Kana and their marks.
      if (r % 23 == 0) cp = 0x4E00 + r % 0x5200;  // Han.
      word += Utf8(cp);
    }
    check(word);
  }
}

TEST(TokenizeTest, OffsetsRoundTripOnGeneratedText) {
  testing::EnglishTextOptions options;
  options.unicode = true;
  const std::string text = testing::GenerateEnglishText(20000, 9, options);
  const TokenizedText t = Tokenize(text);
  ASSERT_GT(t.tokens.size(), 2000u);
  for (const Token& tok : t.tokens) {
    const std::string_view word = Original(text, tok);
    // Normalize(), then curly apostrophes to ASCII, then no possessive.
    const std::string folded = Normalize(word);
    std::string normalized;
    for (size_t p = 0; p < folded.size(); ++p) {
      if (folded.compare(p, 3, "\u2019") == 0) {
        normalized.push_back('\'');
        p += 2;
      } else {
        normalized.push_back(folded[p]);
      }
    }
    if (normalized.size() > 2 &&
        normalized.compare(normalized.size() - 2, 2, "'s") == 0) {
      normalized.resize(normalized.size() - 2);
    }
    ASSERT_EQ(tok.hash, H(normalized)) << word;
  }
}

// A plain reference for ASCII text: the documented word rules, one byte at
// a time.
std::vector<Token> ReferenceAsciiTokens(std::string_view text) {
  auto alnum = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c));
  };
  auto alpha = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c));
  };
  auto digit = [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  };
  std::vector<Token> tokens;
  bool sentence_start = true;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (!alnum(c)) {
      // A '.' right after an initial or a title abbreviation does not end
      // the sentence.
      const bool abbreviation =
          c == '.' && !tokens.empty() && tokens.back().end == i &&
          ((tokens.back().end - tokens.back().begin == 1 &&
            alpha(text[tokens.back().begin])) ||
           tokens.back().hash == H("mr") || tokens.back().hash == H("st"));
      if ((c == '.' && !abbreviation) || c == '!' || c == '?' || c == '\n') {
        sentence_start = true;
      }
      ++i;
      continue;
    }
    size_t j = i;
    for (;;) {
      while (j < text.size() && alnum(text[j])) ++j;
      if (j + 1 < text.size() && text[j] == '\'' && alpha(text[j - 1]) &&
          alpha(text[j + 1])) {
        ++j;
        continue;
      }
      if (j + 1 < text.size() && (text[j] == '.' || text[j] == ',') &&
          digit(text[j - 1]) && digit(text[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    std::string norm(text.substr(i, j - i));
    for (char& ch : norm) ch = static_cast<char>(std::tolower(ch));
    if (norm.size() >= 3 && norm.compare(norm.size() - 2, 2, "'s") == 0) {
      norm.resize(norm.size() - 2);
    }
    uint8_t flags = sentence_start ? kTokenSentenceStart : 0;
    for (size_t k = i; k < j; ++k) {
      if (digit(text[k])) flags |= kTokenNumber;
    }
    if (std::isupper(static_cast<unsigned char>(text[i]))) {
      flags |= kTokenCapitalized;
    }
    const uint64_t hash = testing::ReferenceTokenHash(norm);
    if (internal::IsStopword(hash)) flags |= kTokenStopword;
    tokens.push_back(
        Token{static_cast<uint32_t>(i), static_cast<uint32_t>(j), hash, flags});
    sentence_start = false;
    i = j;
  }
  return tokens;
}

TEST(TokenizeTest, MatchesReferenceOnRandomAscii) {
  // Words of every length around the 8-byte blocks of the fast path, and
  // the punctuation that may or may not continue a word.
  // Range ends and their neighbours ('@' 'A' 'Z' '[' '`' 'a' 'z' '{' '/' '0'
  // '9' ':') test the byte classification.
  const std::string_view alphabet = "aaaeesTZAz0795  .,'!?\n-@[`{/:\x7f";
  uint64_t x = 42;
  TokenizeOptions keep;
  keep.skip_boilerplate = false;
  for (int round = 0; round < 2000; ++round) {
    std::string text(round % 300, ' ');
    for (char& c : text) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      c = alphabet[(x >> 33) % alphabet.size()];
    }
    const std::vector<Token> got = Tokenize(text, keep).tokens;
    const std::vector<Token> want = ReferenceAsciiTokens(text);
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].begin, want[i].begin) << text;
      ASSERT_EQ(got[i].end, want[i].end) << text;
      ASSERT_EQ(got[i].hash, want[i].hash) << Original(text, got[i]);
      ASSERT_EQ(got[i].flags, want[i].flags) << Original(text, got[i]);
    }
  }
}

TEST(BoilerplateTest, RecognisesTemplateLines) {
  for (std::string_view line : {
           "Share Article",
           "Share this article",
           "SHARE THIS ARTICLE:",
           "Related Articles",
           "Read more",
           "Read more \u00BB",
           "Read more: Markets fall as rates rise",
           "Advertisement",
           "Sign up for our newsletter",
           "Sign up for our daily briefing",
           "Subscribe to our newsletter",
           "Follow us on Twitter",
           "Click here to subscribe",
           "All rights reserved.",
           "\u00A9 2025 Example News Ltd. All rights reserved",
           "\u00A9 2025 Reuters",
           "Copyright 2025 The Associated Press",
           "Copyright \u00A9 Example Media",
           "We use cookies to improve your experience. By continuing to "
           "browse, you agree to our use of cookies.",
           "Accept all cookies",
           "Listen to this article",
           "Listen to this article \u00B7 4 min",
           "5 min read",
           "12 minute read",
           "Facebook Twitter LinkedIn Email",
           "Facebook | Twitter | WhatsApp",
           "Image: Getty Images",
           "Photo: John Smith/Reuters",
           "Image caption, Protesters gathered outside",
           "\u2022 Related",
           "  Advertisement  ",
           "Story continues below advertisement",
           "LATEST STORIES",
           "Sign up!",
           "Anzeige",
           "Jetzt teilen:",
           "Example Media Group Limited, registered in England. ALL RIGHTS "
           "RESERVED.",
           // Longer than the cleaned prefix, the phrase at the very end.
           "Example Media Group Limited, registered in England and Wales. "
           "All rights reserved",
           "Facebook | Twitter | LinkedIn | WhatsApp | Email | Reddit | "
           "Pinterest | Print",
       }) {
    EXPECT_TRUE(IsBoilerplateLine(line)) << line;
  }
}

TEST(BoilerplateTest, KeepsArticleText) {
  for (std::string_view line : {
           "",
           "The minister said the plan would be read more widely next year.",
           "Readers who want to read more about the plan can visit the "
           "ministry's website, officials said on Tuesday.",
           "Read more books, doctors told parents on Monday.",
           "Copyright law was changed in 2019 after a long campaign.",
           "Share prices fell sharply on Monday.",
           "Facebook said it would appeal the ruling.",
           "Advertisement spending rose 4% in the quarter.",
           "The photo: a crowd outside the court.",
           "Subscribers to the service will pay more from January, the "
           "company said in a statement on its website, citing costs that "
           "have risen sharply over the past year across its markets.",
           "He said cookies were sold at the fair.",
           "5 people were hurt.",
           "Facebook Twitter LinkedIn and other platforms were told to remove "
           "the videos within a day.",
           "The company said the rights reserved for its partners would "
           "expire next year, when the contract ends.",
       }) {
    EXPECT_FALSE(IsBoilerplateLine(line)) << line;
  }
}

TEST(BoilerplateTest, TokenizeSkipsBoilerplateLinesAndRecordsSpans) {
  const std::string text =
      "Markets fell on Monday.\n"
      "  Share this article  \n"
      "Investors sold shares.\r\n"
      "Advertisement\n"
      "Prices rose.";
  const TokenizedText t = Tokenize(text);
  EXPECT_THAT(Words(text),
              ElementsAre("Markets", "fell", "on", "Monday", "Investors",
                          "sold", "shares", "Prices", "rose"));
  ASSERT_EQ(t.boilerplate.size(), 2u);
  EXPECT_EQ(text.substr(t.boilerplate[0].begin,
                        t.boilerplate[0].end - t.boilerplate[0].begin),
            "Share this article");
  EXPECT_EQ(text.substr(t.boilerplate[1].begin,
                        t.boilerplate[1].end - t.boilerplate[1].begin),
            "Advertisement");
  // Without skipping, the lines are ordinary text.
  TokenizeOptions keep;
  keep.skip_boilerplate = false;
  const TokenizedText all = Tokenize(text, keep);
  EXPECT_TRUE(all.boilerplate.empty());
  EXPECT_EQ(all.tokens.size(), 13u);
}

}  // namespace
}  // namespace neardup
