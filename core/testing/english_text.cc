// Copyright 2026 The neardup Authors.

#include "english_text.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "internal/random.h"

namespace neardup::testing {
namespace {

using ::neardup::internal::Rng;

// English function words, roughly by corpus frequency.
constexpr const char* kFunctionWords[] = {
    "the",   "of",      "and",     "to",      "a",       "in",      "that",
    "is",    "for",     "it",      "was",     "on",      "with",    "he",
    "as",    "by",      "at",      "his",     "be",      "from",    "this",
    "are",   "have",    "had",     "not",     "but",     "they",    "has",
    "an",    "which",   "were",    "or",      "its",     "their",   "been",
    "will",  "would",   "who",     "she",     "we",      "her",     "there",
    "more",  "also",    "after",   "than",    "can",     "when",    "into",
    "about", "over",    "all",     "them",    "other",   "could",   "some",
    "what",  "out",     "up",      "if",      "so",      "only",    "most",
    "such",  "these",   "while",   "before",  "under",   "between", "during",
    "since", "because", "through", "those",   "our",     "you",     "any",
    "may",   "did",     "does",    "should",  "where",   "against", "both",
    "each",  "very",    "then",    "however", "without", "being",   "many",
    "much",
};

// Frequent news content words take the top content ranks; the tail is made
// of synthetic words built from syllables.
constexpr const char* kNewsWords[] = {
    "said",      "year",          "new",       "people",  "government",
    "police",    "president",     "company",   "time",    "minister",
    "state",     "first",         "two",       "last",    "told",
    "week",      "report",        "country",   "city",    "officials",
    "according", "public",        "million",   "market",  "world",
    "national",  "law",           "health",    "group",   "former",
    "party",     "percent",       "statement", "court",   "security",
    "news",      "school",        "team",      "billion", "election",
    "local",     "decision",      "economy",   "workers", "months",
    "announced", "investigation", "support",   "plan",    "members",
    "spokesman", "agency",        "deal",      "prices",  "leaders",
    "office",    "children",      "families",  "attack",  "war",
    "policy",    "energy",        "climate",   "data",    "industry",
    "shares",    "bank",          "house",     "river",   "water",
    "hospital",  "vote",          "campaign",  "region",  "border",
    "force",     "trade",         "record",    "season",  "match",
};

constexpr const char* kNames[] = {
    "London",   "Washington", "Paris",     "Reuters", "Smith",   "Johnson",
    "Brown",    "Garcia",     "Microsoft", "Google",  "Europe",  "China",
    "Congress", "Senate",     "Berlin",    "Tokyo",   "Sarah",   "David",
    "Maria",    "James",      "Thompson",  "Kenya",   "Ontario", "Madrid",
};

constexpr const char* kUnicodeNames[] = {
    "Zürich", "José", "Müller", "São Paulo", "Ærø", "Łódź", "Français",
};

constexpr const char* kOnsets[] = {
    "b",  "c",  "d",  "f",  "g",  "h",  "j",  "k",   "l",  "m",  "n",
    "p",  "r",  "s",  "t",  "v",  "w",  "br", "ch",  "cl", "cr", "dr",
    "fl", "gr", "pl", "pr", "sh", "sl", "st", "str", "th", "tr", "",
};
constexpr const char* kVowels[] = {"a",  "e",  "i",  "o",  "u",  "ai",
                                   "ea", "ee", "io", "ou", "oo", "y"};
constexpr const char* kCodas[] = {"",  "",   "",   "n",  "r",  "s",  "t",
                                  "l", "nd", "nt", "ck", "ng", "st", "m"};

template <typename T, size_t N>
constexpr uint32_t Size(const T (&)[N]) {
  return static_cast<uint32_t>(N);
}

// Content word of Zipf rank `rank`: real news words first, then synthetic
// words whose length grows slowly with rank, as in natural text.
std::string ContentWord(uint32_t rank) {
  if (rank < Size(kNewsWords)) return kNewsWords[rank];
  Rng rng(0x5eed0000ULL + rank);
  const uint32_t syllables =
      1 + (rank > 150) + (rank > 2000 && rng.Chance(0.5)) + rng.Chance(0.25);
  std::string word;
  for (uint32_t i = 0; i < syllables; ++i) {
    word += kOnsets[rng.Below(Size(kOnsets))];
    word += kVowels[rng.Below(Size(kVowels))];
    if (i + 1 == syllables || rng.Chance(0.3)) {
      word += kCodas[rng.Below(Size(kCodas))];
    }
  }
  return word;
}

// Cumulative Zipf-Mandelbrot weights 1 / (rank + shift)^exponent of ranks
// 1..n. The shift flattens the head, as the top ranks of real text belong to
// function words, drawn apart.
std::vector<double> ZipfCdf(int n, double exponent, double shift) {
  std::vector<double> cdf(std::max(n, 1));
  double sum = 0;
  for (size_t i = 0; i < cdf.size(); ++i) {
    sum += 1.0 / std::pow(static_cast<double>(i + 1) + shift, exponent);
    cdf[i] = sum;
  }
  for (double& c : cdf) c /= sum;
  return cdf;
}

class Generator {
 public:
  explicit Generator(const EnglishTextOptions& options)
      : options_(options),
        content_cdf_(ZipfCdf(options.vocabulary, options.zipf_exponent, 10.0)),
        function_cdf_(ZipfCdf(Size(kFunctionWords), 1.0, 1.0)) {
    content_.reserve(content_cdf_.size());
    for (uint32_t r = 0; r < content_cdf_.size(); ++r) {
      content_.push_back(ContentWord(r));
    }
  }

  std::string Generate(size_t approx_bytes, uint64_t seed) const {
    Rng rng(seed);
    std::string out;
    out.reserve(approx_bytes + 256);
    size_t sentences_in_paragraph = 0;
    while (out.size() < approx_bytes) {
      if (!out.empty()) {
        if (sentences_in_paragraph >= 3 && rng.Chance(0.3)) {
          out += "\n\n";
          sentences_in_paragraph = 0;
        } else {
          out += ' ';
        }
      }
      AppendSentence(rng, out);
      ++sentences_in_paragraph;
    }
    return out;
  }

 private:
  static uint32_t Sample(Rng& rng, const std::vector<double>& cdf) {
    const double u = rng.Uniform();
    const auto it = std::upper_bound(cdf.begin(), cdf.end(), u);
    return static_cast<uint32_t>(
        std::min<size_t>(it - cdf.begin(), cdf.size() - 1));
  }

  void AppendNumber(Rng& rng, std::string& out) const {
    switch (rng.Below(6)) {
      case 0:
        out += std::to_string(1990 + rng.Below(40));  // A year.
        break;
      case 1:
        out += std::to_string(rng.Below(100)) + "." +
               std::to_string(rng.Below(10));  // 3.5
        break;
      case 2:
        out += std::to_string(1 + rng.Below(99)) + "," +
               std::to_string(100 + rng.Below(900));  // 12,400
        break;
      case 3:
        out += std::to_string(rng.Below(100)) + "%";
        break;
      default:
        out += std::to_string(1 + rng.Below(500));
        break;
    }
  }

  void AppendWord(Rng& rng, std::string& out, bool sentence_start) const {
    const size_t begin = out.size();
    const double kind = rng.Uniform();
    if (kind < 0.42) {
      out += kFunctionWords[Sample(rng, function_cdf_)];
    } else if (kind < 0.47) {
      if (options_.unicode && rng.Chance(0.3)) {
        out += kUnicodeNames[rng.Below(Size(kUnicodeNames))];
      } else {
        out += kNames[rng.Below(Size(kNames))];
      }
      if (rng.Chance(0.15)) {
        out += options_.unicode && rng.Chance(0.5) ? "\u2019s" : "'s";
      }
    } else if (kind < 0.49) {
      AppendNumber(rng, out);
    } else {
      out += content_[Sample(rng, content_cdf_)];
      if (rng.Chance(0.02)) {  // A hyphenated compound.
        out += '-';
        out += content_[Sample(rng, content_cdf_)];
      }
    }
    if (sentence_start && out[begin] >= 'a' && out[begin] <= 'z') {
      out[begin] = static_cast<char>(out[begin] - 'a' + 'A');
    }
  }

  void AppendSentence(Rng& rng, std::string& out) const {
    const bool quoted = rng.Chance(0.08);
    if (quoted) out += options_.unicode ? "\u201c" : "\"";
    const uint32_t words = 6 + rng.Below(14) + rng.Below(14);
    for (uint32_t i = 0; i < words; ++i) {
      if (i > 0) {
        if (i + 2 < words && rng.Chance(0.07)) out += ',';
        if (options_.unicode && i + 2 < words && rng.Chance(0.01)) {
          out += " \u2013";
        }
        out += ' ';
      }
      AppendWord(rng, out, i == 0);
    }
    const double end = rng.Uniform();
    out += end < 0.92 ? "." : (end < 0.97 ? "?" : "!");
    if (quoted) out += options_.unicode ? "\u201d" : "\"";
  }

  EnglishTextOptions options_;
  std::vector<double> content_cdf_;
  std::vector<double> function_cdf_;
  std::vector<std::string> content_;
};

}  // namespace

std::string GenerateEnglishText(size_t approx_bytes, uint64_t seed) {
  return GenerateEnglishText(approx_bytes, seed, EnglishTextOptions());
}

std::string GenerateEnglishText(size_t approx_bytes, uint64_t seed,
                                const EnglishTextOptions& options) {
  return Generator(options).Generate(approx_bytes, seed);
}

std::vector<std::string> GenerateEnglishCorpus(size_t num_docs,
                                               size_t approx_bytes,
                                               uint64_t seed) {
  const Generator generator{EnglishTextOptions()};
  std::vector<std::string> docs;
  docs.reserve(num_docs);
  for (size_t i = 0; i < num_docs; ++i) {
    docs.push_back(generator.Generate(approx_bytes, seed + i));
  }
  return docs;
}

std::string PerturbText(std::string_view text, double edit_rate,
                        uint64_t seed) {
  if (edit_rate <= 0) return std::string(text);
  Rng rng(seed);
  // Replacement words come from the document itself, so the vocabulary and
  // the word lengths stay alike.
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    const size_t begin = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    if (i > begin) words.push_back(text.substr(begin, i - begin));
  }
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    const size_t begin = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    const std::string_view word = text.substr(begin, i - begin);
    const size_t sep_begin = i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    std::string_view sep = text.substr(sep_begin, i - sep_begin);
    if (word.empty()) {
      out += sep;
      continue;
    }
    if (!rng.Chance(edit_rate)) {
      out += word;
      out += sep;
      continue;
    }
    const std::string_view other =
        words[rng.Below(static_cast<uint32_t>(words.size()))];
    switch (rng.Below(3)) {
      case 0:  // Delete: keep a line break, drop a lone space.
        if (sep != " ") out += sep;
        break;
      case 1:  // Replace.
        out += other;
        out += sep;
        break;
      default:  // Insert after.
        out += word;
        out += ' ';
        out += other;
        out += sep;
        break;
    }
  }
  return out;
}

}  // namespace neardup::testing
