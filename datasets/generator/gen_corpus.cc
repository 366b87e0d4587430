// Copyright 2026 The neardup Authors.
//
// gen_corpus: writes N news-like documents as JSONL, with planted clusters of
// near-duplicates of known kinds, and a gold-label file.
//
//   gen_corpus -n 1000000 -o corpus.jsonl --gold gold.jsonl --seed 1
//
// Text is English-like: a Zipf-distributed vocabulary of synthetic words
// (with real function words at the top ranks), numbers, sentences and
// paragraphs. A share of the documents (--dup-fraction) are members of
// planted clusters: an original and up to --max-cluster - 1 derivatives, each
// of one kind:
//
//   copy               the same text
//   light_edit         0.3-1.5% of the words substituted, inserted or deleted
//   boilerplate        page-template lines added (or stripped, if present)
//   truncation         only the first 40-80% of the sentences
//   word_substitution  10-20% of the content words replaced
//   reorder            the sentences shuffled within each paragraph
//
// A derivative is written a little after its original (within --window
// documents) and is published later. Gold lines are
//   {"id": ..., "cluster": <id of the original>, "kind": <kind>}
// with kind "original" or "unique" for the others. Output is a function of
// the options and the seed only.

#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"

#include "internal/random.h"

namespace {

using ::neardup::internal::Rng;

constexpr const char* kFunctionWords[] = {
    "the",   "of",   "and",   "to",    "a",     "in",   "that",  "is",
    "for",   "on",   "was",   "with",  "he",    "it",   "as",    "at",
    "by",    "said", "from",  "his",   "an",    "be",   "has",   "have",
    "are",   "but",  "not",   "they",  "this",  "were", "had",   "which",
    "or",    "its",  "their", "after", "been",  "also", "who",   "will",
    "would", "more", "than",  "one",   "about", "new",  "there", "when"};

constexpr const char* kSyllables[] = {
    "ba", "be",   "bi",   "bo",   "ca",   "ce",  "co",  "da",  "de", "di", "do",
    "fa", "fe",   "fi",   "ga",   "ge",   "go",  "ha",  "he",  "hi", "ja", "ka",
    "ke", "la",   "le",   "li",   "lo",   "lu",  "ma",  "me",  "mi", "mo", "na",
    "ne", "ni",   "no",   "pa",   "pe",   "pi",  "po",  "ra",  "re", "ri", "ro",
    "sa", "se",   "si",   "so",   "ta",   "te",  "ti",  "to",  "va", "ve", "vi",
    "za", "ster", "tion", "ment", "port", "con", "pre", "tra", "ble"};

constexpr const char* kTemplateLines[] = {
    "Share this article",
    "Sign up for our newsletter to get the latest news in your inbox",
    "Related Articles",
    "Advertisement",
    "Follow us on social media",
    "Copyright 2026 Example News Network. All rights reserved.",
    "Click here to read more stories like this",
};

// Token ids: words are [0, vocabulary); a comma after the word sets kComma.
constexpr uint32_t kComma = 1u << 31;

struct Lexicon {
  std::vector<std::string> words;  // Function words, then synthetic words.
  std::vector<uint32_t> zipf;      // 2^20 samples of the Zipf(1) rank law.
  uint32_t first_number = 0;       // Words from here on are numbers.
};

Lexicon MakeLexicon(int vocabulary) {
  Lexicon lex;
  for (const char* w : kFunctionWords) lex.words.emplace_back(w);
  constexpr int kNumSyllables = sizeof(kSyllables) / sizeof(kSyllables[0]);
  // Synthetic words spell their rank in base kNumSyllables, so they are all
  // distinct and frequent words are short.
  for (int i = 0; static_cast<int>(lex.words.size()) < vocabulary; ++i) {
    std::string w;
    int v = i + kNumSyllables;  // At least two syllables.
    while (v > 0) {
      w += kSyllables[v % kNumSyllables];
      v /= kNumSyllables;
    }
    lex.words.push_back(std::move(w));
  }
  // Zipf over the words; numbers are drawn separately.
  std::vector<double> cdf(lex.words.size());
  double total = 0;
  for (size_t r = 0; r < cdf.size(); ++r) {
    total += 1.0 / std::pow(static_cast<double>(r + 1), 1.05);
    cdf[r] = total;
  }
  lex.zipf.resize(1 << 20);
  size_t r = 0;
  for (size_t i = 0; i < lex.zipf.size(); ++i) {
    const double u = (i + 0.5) / lex.zipf.size() * total;
    while (r + 1 < cdf.size() && cdf[r] < u) ++r;
    lex.zipf[i] = static_cast<uint32_t>(r);
  }
  lex.first_number = static_cast<uint32_t>(lex.words.size());
  for (int n = 0; n < 2000; ++n) {
    switch (n % 4) {
      case 0:
        lex.words.push_back(std::to_string(1990 + n % 40));
        break;
      case 1:
        lex.words.push_back(std::to_string(n / 4) + "%");
        break;
      case 2:
        lex.words.push_back(std::to_string(n / 40) + "." +
                            std::to_string(n % 10));
        break;
      default:
        lex.words.push_back(std::to_string(n * 37 % 1000));
        break;
    }
  }
  return lex;
}

struct Sentence {
  std::vector<uint32_t> tokens;
  bool paragraph_end = false;
};

struct Article {
  std::vector<std::string_view> header;  // Boilerplate lines before the text.
  std::vector<Sentence> sentences;
  std::vector<std::string_view> footer;  // Boilerplate lines after it.
};

uint32_t RandomWord(const Lexicon& lex, Rng& rng) {
  if (rng.Chance(0.02)) {
    return lex.first_number +
           rng.Below(static_cast<uint32_t>(lex.words.size()) -
                     lex.first_number);
  }
  return lex.zipf[rng.Next() >> 44];
}

Article MakeArticle(const Lexicon& lex, Rng& rng, int target_bytes) {
  Article a;
  int bytes = 0;
  int in_paragraph = 0;
  const int paragraph_len = rng.Between(2, 5);
  while (bytes < target_bytes) {
    Sentence s;
    const int n = rng.Between(8, 28);
    for (int i = 0; i < n; ++i) {
      uint32_t w = RandomWord(lex, rng);
      bytes += static_cast<int>(lex.words[w].size()) + 1;
      if (i > 2 && i + 2 < n && rng.Chance(0.06)) w |= kComma;
      s.tokens.push_back(w);
    }
    if (++in_paragraph == paragraph_len) {
      s.paragraph_end = true;
      in_paragraph = 0;
    }
    a.sentences.push_back(std::move(s));
  }
  a.sentences.back().paragraph_end = true;
  constexpr uint32_t kNumBoilerplate = std::size(kTemplateLines);
  if (rng.Chance(0.1))
    a.footer.push_back(kTemplateLines[rng.Below(kNumBoilerplate)]);
  return a;
}

// Appends the article as a JSON string body (without quotes): paragraphs are
// separated by a blank line, written as the escape \n\n.
void Render(const Lexicon& lex, const Article& a, std::string* out) {
  for (std::string_view line : a.header) {
    out->append(line);
    out->append("\\n\\n");
  }
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const Sentence& s = a.sentences[i];
    for (size_t j = 0; j < s.tokens.size(); ++j) {
      const std::string& w = lex.words[s.tokens[j] & ~kComma];
      if (j == 0 && w[0] >= 'a' && w[0] <= 'z') {
        out->push_back(static_cast<char>(w[0] - 'a' + 'A'));
        out->append(w, 1);
      } else {
        out->append(w);
      }
      if (s.tokens[j] & kComma) out->push_back(',');
      out->push_back(j + 1 == s.tokens.size() ? '.' : ' ');
    }
    if (i + 1 < a.sentences.size()) {
      out->append(s.paragraph_end ? "\\n\\n" : " ");
    }
  }
  for (std::string_view line : a.footer) {
    out->append("\\n\\n");
    out->append(line);
  }
}

enum Kind {
  kCopy,
  kLightEdit,
  kAddBoilerplate,
  kTruncation,
  kSubstitution,
  kReorder,
  kNumKinds
};
constexpr const char* kKindNames[] = {
    "copy",       "light_edit",        "boilerplate",
    "truncation", "word_substitution", "reorder"};

Article Derive(const Lexicon& lex, const Article& original, Kind kind,
               Rng& rng) {
  Article a = original;
  switch (kind) {
    case kCopy:
      break;
    case kLightEdit: {
      const double rate = 0.003 + 0.012 * rng.Uniform();
      for (Sentence& s : a.sentences) {
        for (size_t j = 0; j < s.tokens.size(); ++j) {
          if (!rng.Chance(rate)) continue;
          switch (rng.Below(3)) {
            case 0:
              s.tokens[j] = RandomWord(lex, rng);
              break;
            case 1:
              s.tokens.insert(s.tokens.begin() + j, RandomWord(lex, rng));
              ++j;
              break;
            default:
              if (s.tokens.size() > 3) s.tokens.erase(s.tokens.begin() + j);
              break;
          }
        }
      }
      break;
    }
    case kAddBoilerplate:
      if (!a.footer.empty() && rng.Chance(0.5)) {
        a.footer.clear();
      } else {
        constexpr uint32_t kNum = std::size(kTemplateLines);
        for (int i = rng.Between(1, 2); i > 0; --i) {
          a.header.push_back(kTemplateLines[rng.Below(kNum)]);
        }
        for (int i = rng.Between(1, 3); i > 0; --i) {
          a.footer.push_back(kTemplateLines[rng.Below(kNum)]);
        }
      }
      break;
    case kTruncation: {
      const double keep = 0.4 + 0.4 * rng.Uniform();
      size_t n = static_cast<size_t>(a.sentences.size() * keep);
      if (n < 1) n = 1;
      a.sentences.resize(n);
      a.sentences.back().paragraph_end = true;
      break;
    }
    case kSubstitution: {
      const double rate = 0.1 + 0.1 * rng.Uniform();
      for (Sentence& s : a.sentences) {
        for (uint32_t& t : s.tokens) {
          // Content words only: function words keep their place.
          if ((t & ~kComma) >= std::size(kFunctionWords) && rng.Chance(rate)) {
            t = (t & kComma) | RandomWord(lex, rng);
          }
        }
      }
      break;
    }
    case kReorder: {
      size_t begin = 0;
      for (size_t i = 0; i < a.sentences.size(); ++i) {
        if (!a.sentences[i].paragraph_end) continue;
        // Fisher-Yates within the paragraph [begin, i]; breaks stay put.
        for (size_t j = i; j > begin; --j) {
          const size_t k =
              begin + rng.Below(static_cast<uint32_t>(j - begin + 1));
          std::swap(a.sentences[j].tokens, a.sentences[k].tokens);
        }
        begin = i + 1;
      }
      break;
    }
    default:
      break;
  }
  return a;
}

struct Pending {
  int64_t due = 0;       // Output position at (or after) which to write it.
  int64_t sequence = 0;  // Tie-break: creation order.
  std::string cluster;   // The original's id.
  Kind kind = kCopy;
  int64_t published = 0;
  std::string text;  // Rendered, JSON-escaped.
  bool operator>(const Pending& o) const {
    return due != o.due ? due > o.due : sequence > o.sequence;
  }
};

struct Options {
  int64_t num_docs = 10000;
  std::string output = "-";
  std::string gold;
  uint64_t seed = 1;
  double dup_fraction = 0.3;
  int max_cluster = 20;
  int mean_bytes = 4000;
  int vocabulary = 30000;
  int window = 2000;
  std::vector<double> kind_weights = {2, 3, 1.5, 1, 1, 1};
};

class Writer {
 public:
  explicit Writer(FILE* f) : f_(f) { buf_.reserve(kFlush + (64 << 10)); }
  ~Writer() { Flush(); }
  std::string& buffer() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= kFlush) Flush();
  }
  void Flush() {
    if (f_ != nullptr && !buf_.empty()) {
      if (std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
        ok_ = false;
    }
    buf_.clear();
  }
  bool ok() const { return ok_; }

 private:
  static constexpr size_t kFlush = 4 << 20;
  FILE* f_;
  std::string buf_;
  bool ok_ = true;
};

int Run(const Options& opt) {
  FILE* out = opt.output == "-" ? stdout : std::fopen(opt.output.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "gen_corpus: cannot write %s\n", opt.output.c_str());
    return 2;
  }
  FILE* gold = nullptr;
  if (!opt.gold.empty()) {
    gold = std::fopen(opt.gold.c_str(), "wb");
    if (gold == nullptr) {
      std::fprintf(stderr, "gen_corpus: cannot write %s\n", opt.gold.c_str());
      return 2;
    }
  }
  const Lexicon lex = MakeLexicon(opt.vocabulary);
  Rng rng(opt.seed);
  double weight_total = 0;
  for (double w : opt.kind_weights) weight_total += w;

  Writer corpus(out), labels(gold);
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
  int64_t written = 0, planned = 0, sequence = 0;
  const int64_t base_time = 1767225600;  // 2026-01-01T00:00:00Z.
  int largest = 1;
  char id[32];

  auto emit = [&](std::string_view text, int64_t published,
                  std::string_view cluster, std::string_view kind) {
    std::snprintf(id, sizeof(id), "d%08" PRId64, written);
    std::string& b = corpus.buffer();
    b.append("{\"id\":\"").append(id).append("\",\"published\":");
    b.append(std::to_string(published)).append(",\"text\":\"");
    b.append(text).append("\"}\n");
    corpus.MaybeFlush();
    if (gold != nullptr) {
      std::string& g = labels.buffer();
      g.append("{\"id\":\"").append(id).append("\",\"cluster\":\"");
      g.append(cluster.empty() ? std::string_view(id) : cluster);
      g.append("\",\"kind\":\"").append(kind).append("\"}\n");
      labels.MaybeFlush();
    }
    ++written;
  };

  std::string text;
  while (written < opt.num_docs) {
    if (!pending.empty() &&
        (pending.top().due <= written || planned >= opt.num_docs)) {
      const Pending& p = pending.top();
      emit(p.text, p.published, p.cluster, kKindNames[p.kind]);
      pending.pop();
      continue;
    }
    // A new original (or unique document).
    const int target = std::max(
        400, static_cast<int>(opt.mean_bytes * (0.6 + 0.8 * rng.Uniform())));
    const Article original = MakeArticle(lex, rng, target);
    text.clear();
    Render(lex, original, &text);
    const int64_t published = base_time + written * 30;
    int derivatives = 0;
    // The cluster share of all documents is dup_fraction; clusters average
    // about 3 documents.
    if (rng.Chance(opt.dup_fraction / 2.2)) {
      derivatives = 1;
      while (derivatives + 1 < opt.max_cluster && rng.Chance(0.55))
        ++derivatives;
      derivatives = static_cast<int>(
          std::min<int64_t>(derivatives, opt.num_docs - planned - 1));
    }
    ++planned;
    std::snprintf(id, sizeof(id), "d%08" PRId64, written);
    const std::string cluster = id;
    emit(text, published, "", derivatives > 0 ? "original" : "unique");
    largest = std::max(largest, derivatives + 1);
    for (int d = 0; d < derivatives; ++d) {
      double u = rng.Uniform() * weight_total;
      int kind = 0;
      while (kind + 1 < kNumKinds && u >= opt.kind_weights[kind]) {
        u -= opt.kind_weights[kind];
        ++kind;
      }
      Pending p;
      p.due = written + rng.Between(0, opt.window);
      p.sequence = sequence++;
      p.cluster = cluster;
      p.kind = static_cast<Kind>(kind);
      p.published = published + rng.Between(60, 86400);
      Render(lex, Derive(lex, original, p.kind, rng), &p.text);
      pending.push(std::move(p));
      ++planned;
    }
  }
  corpus.Flush();
  labels.Flush();
  bool ok = corpus.ok() && labels.ok();
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (gold != nullptr) ok = std::fclose(gold) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "gen_corpus: write failed\n");
    return 1;
  }
  std::fprintf(stderr,
               "gen_corpus: %" PRId64 " documents, largest cluster %d\n",
               written, largest);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{
      "Writes a synthetic news corpus (JSONL) with planted "
      "near-duplicate clusters and gold labels.",
      "gen_corpus"};
  app.add_option("-n,--num-docs", opt.num_docs, "Documents to write.")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40))
      ->capture_default_str();
  app.add_option("-o,--output", opt.output, "Corpus JSONL (- for stdout).")
      ->capture_default_str();
  app.add_option("--gold", opt.gold, "Gold labels JSONL.");
  app.add_option("--seed", opt.seed, "Random seed.")->capture_default_str();
  app.add_option("--dup-fraction", opt.dup_fraction,
                 "About this share of documents belongs to planted clusters.")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--max-cluster", opt.max_cluster, "Largest planted cluster.")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  app.add_option("--mean-bytes", opt.mean_bytes, "Mean document size.")
      ->check(CLI::Range(100, 10000000))
      ->capture_default_str();
  app.add_option("--window", opt.window,
                 "Derivatives follow their original within this many "
                 "documents.")
      ->check(CLI::Range(0, 10000000))
      ->capture_default_str();
  app.add_option("--kind-weights", opt.kind_weights,
                 "Relative weights of copy, light_edit, boilerplate, "
                 "truncation, word_substitution, reorder.")
      ->expected(kNumKinds);
  CLI11_PARSE(app, argc, argv);
  return Run(opt);
}
