// Copyright 2026 The neardup Authors.
//
// Attribution cues are matched over Tokenize() tokens (word hashes, the
// capitalisation flag and byte offsets), so no second tokenizer is needed;
// the original bytes between tokens tell where a name stops (punctuation).

#include "neardup/attribution.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "neardup/text.h"

namespace neardup {
namespace {

constexpr int kMaxNameTokens = 6;
constexpr int kMaxFiller = 4;

// Major news outlets, by OutletKey(); a weak cue needs one of these or an
// outlet-shaped name.
constexpr std::array<std::string_view, 58> kKnownOutlets = {
    "information",
    "reuters",
    "bloomberg",
    "associated press",
    "ap",
    "afp",
    "agence france-presse",
    "wall street journal",
    "wsj",
    "new york times",
    "financial times",
    "ft",
    "washington post",
    "guardian",
    "bbc",
    "cnbc",
    "cnn",
    "axios",
    "verge",
    "techcrunch",
    "wired",
    "semafor",
    "politico",
    "economist",
    "nikkei",
    "nikkei asia",
    "business insider",
    "insider",
    "forbes",
    "fortune",
    "los angeles times",
    "times",
    "telegraph",
    "independent",
    "register",
    "ars technica",
    "engadget",
    "bloomberg news",
    "dow jones",
    "marketwatch",
    "barron's",
    "xinhua",
    "south china morning post",
    "korea herald",
    "yonhap",
    "handelsblatt",
    "der spiegel",
    "le monde",
    "les echos",
    "nbc news",
    "abc news",
    "cbs news",
    "fox news",
    "npr",
    "vox",
    "platformer",
    "digitimes",
    "puck"};

// A name whose last word is one of these is shaped like an outlet.
constexpr std::array<std::string_view, 22> kOutletHeads = {
    "news",     "times",     "journal",  "post",    "daily",    "herald",
    "press",    "tribune",   "wire",     "gazette", "guardian", "telegraph",
    "insider",  "chronicle", "reporter", "review",  "magazine", "weekly",
    "observer", "examiner",  "bulletin", "standard"};

// Lower-case words that may stand between a cue and the name.
constexpr std::array<std::string_view, 21> kFiller = {
    "a",      "an",     "the",      "new",       "recent",  "earlier",
    "latest", "report", "reports",  "story",     "article", "sources",
    "source", "people", "familiar", "published", "from",    "by",
    "in",     "at",     "reporting"};
// Filler that makes a cue strong ("according to a report from X").
constexpr std::array<std::string_view, 7> kReportWords = {
    "report", "reports", "story", "article", "sources", "source", "reporting"};

// Capitalised words that never start or make up a name on their own.
constexpr std::array<std::string_view, 20> kNotNames = {
    "it",    "he",    "she", "they", "we",    "i",   "this",
    "that",  "its",   "his", "her",  "their", "our", "these",
    "those", "there", "a",   "an",   "but",   "and"};

struct Lexicon {
  absl::flat_hash_set<uint64_t> filler, report_words, not_names;
  uint64_t according, to, first, reported, as, by, citing, told, reports, the,
      of, has, had, previously, earlier, was, were, report, from, in;

  Lexicon() {
    for (std::string_view w : kFiller) filler.insert(TokenHash(w));
    for (std::string_view w : kReportWords) report_words.insert(TokenHash(w));
    for (std::string_view w : kNotNames) not_names.insert(TokenHash(w));
    according = TokenHash("according");
    to = TokenHash("to");
    first = TokenHash("first");
    reported = TokenHash("reported");
    as = TokenHash("as");
    by = TokenHash("by");
    citing = TokenHash("citing");
    told = TokenHash("told");
    reports = TokenHash("reports");
    the = TokenHash("the");
    of = TokenHash("of");
    has = TokenHash("has");
    had = TokenHash("had");
    previously = TokenHash("previously");
    earlier = TokenHash("earlier");
    was = TokenHash("was");
    were = TokenHash("were");
    report = TokenHash("report");
    from = TokenHash("from");
    in = TokenHash("in");
  }
};

const Lexicon& Lex() {
  static const Lexicon* const lexicon = new Lexicon();
  return *lexicon;
}

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens), lex_(Lex()) {}

  std::vector<Attribution> Run();

 private:
  bool Is(size_t i, uint64_t hash) const {
    return i < tokens_.size() && tokens_[i].hash == hash;
  }
  bool Capitalized(size_t i) const {
    return i < tokens_.size() && (tokens_[i].flags & kTokenCapitalized) != 0;
  }
  // True when only spaces stand between token i and token i + 1.
  bool Joined(size_t i) const {
    if (i + 1 >= tokens_.size()) return false;
    for (uint32_t p = tokens_[i].end; p < tokens_[i + 1].begin; ++p) {
      if (text_[p] != ' ' && text_[p] != '\t') return false;
    }
    return true;
  }
  std::string_view Bytes(size_t first, size_t last) const {  // [first, last]
    return text_.substr(tokens_[first].begin,
                        tokens_[last].end - tokens_[first].begin);
  }
  // The longest name starting at token i: capitalised words joined by
  // spaces, "of" between two of them. Returns one past its last token, or i.
  size_t NameForward(size_t i) const;
  // The name ending at token `last` (inclusive), scanning backwards.
  size_t NameBackward(size_t last) const;
  bool LooksLikeOutlet(size_t first, size_t last) const;
  bool ValidName(size_t first, size_t last) const;
  void Emit(size_t cue_first, size_t cue_last, size_t name_first,
            size_t name_last, std::string cue, bool strong,
            std::vector<Attribution>* out) const;
  // After a forward cue ending at token `after - 1`: skips filler, finds the
  // name, emits. Returns true when something was emitted.
  bool Forward(size_t cue_first, size_t after, std::string cue, bool strong,
               bool allow_filler, std::vector<Attribution>* out);

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const Lexicon& lex_;
  size_t consumed_ = 0;  // Tokens before this index are used up.
};

size_t Matcher::NameForward(size_t i) const {
  if (!Capitalized(i) ||
      (lex_.not_names.contains(tokens_[i].hash) && !Is(i, lex_.the))) {
    return i;
  }
  size_t end = i + 1;
  while (end < tokens_.size() && end - i < kMaxNameTokens && Joined(end - 1)) {
    if (Capitalized(end)) {
      ++end;
    } else if (Is(end, lex_.of) && Joined(end) && Capitalized(end + 1)) {
      end += 2;
    } else {
      break;
    }
  }
  return end;
}

size_t Matcher::NameBackward(size_t last) const {
  if (!Capitalized(last)) return last + 1;
  size_t first = last;
  while (first > consumed_ && last - first + 1 < kMaxNameTokens &&
         Joined(first - 1)) {
    if (Capitalized(first - 1)) {
      --first;
    } else if (first >= 2 && Is(first - 1, lex_.of) && Joined(first - 2) &&
               Capitalized(first - 2)) {
      first -= 2;
    } else {
      break;
    }
  }
  return first;
}

bool Matcher::ValidName(size_t first, size_t last) const {
  for (size_t i = first; i <= last; ++i) {
    if (!lex_.not_names.contains(tokens_[i].hash) && !Is(i, lex_.the) &&
        !Is(i, lex_.of)) {
      return true;
    }
  }
  return false;
}

bool Matcher::LooksLikeOutlet(size_t first, size_t last) const {
  const std::string key = OutletKey(Bytes(first, last));
  for (std::string_view known : kKnownOutlets) {
    if (key == known) return true;
  }
  const size_t space = key.rfind(' ');
  const std::string_view head =
      std::string_view(key).substr(space == std::string::npos ? 0 : space + 1);
  for (std::string_view h : kOutletHeads) {
    if (head == h) return true;
  }
  return false;
}

void Matcher::Emit(size_t cue_first, size_t cue_last, size_t name_first,
                   size_t name_last, std::string cue, bool strong,
                   std::vector<Attribution>* out) const {
  Attribution a;
  a.outlet = std::string(Bytes(name_first, name_last));
  a.outlet_key = OutletKey(a.outlet);
  a.cue = std::move(cue);
  const size_t first = std::min(cue_first, name_first);
  const size_t last = std::max(cue_last, name_last);
  a.evidence = {tokens_[first].begin, tokens_[last].end};
  a.name = {tokens_[name_first].begin, tokens_[name_last].end};
  a.strong = strong;
  out->push_back(std::move(a));
}

bool Matcher::Forward(size_t cue_first, size_t after, std::string cue,
                      bool strong, bool allow_filler,
                      std::vector<Attribution>* out) {
  size_t i = after;
  bool report_filler = false;
  if (allow_filler) {
    int n = 0;
    while (i < tokens_.size() && n < kMaxFiller && !Capitalized(i) &&
           lex_.filler.contains(tokens_[i].hash)) {
      report_filler |= lex_.report_words.contains(tokens_[i].hash);
      ++i;
      ++n;
    }
  }
  const size_t end = NameForward(i);
  if (end == i || !ValidName(i, end - 1)) return false;
  strong |= report_filler;
  size_t last = end - 1;
  if (!strong) {
    // Weak cue: the longest prefix of the name that looks like an outlet.
    while (last >= i && !LooksLikeOutlet(i, last)) {
      if (last == i) return false;
      --last;
    }
  }
  Emit(cue_first, after - 1, i, last, std::move(cue), strong, out);
  consumed_ = last + 1;
  return true;
}

std::vector<Attribution> Matcher::Run() {
  std::vector<Attribution> out;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (i < consumed_) continue;
    if (Is(i, lex_.according) && Is(i + 1, lex_.to)) {
      Forward(i, i + 2, "according to", false, true, &out);
    } else if (Is(i, lex_.first) && Is(i + 1, lex_.reported) &&
               Is(i + 2, lex_.by)) {
      Forward(i, i + 3, "first reported by", true, false, &out);
    } else if (Is(i, lex_.as) && Is(i + 1, lex_.reported) &&
               Is(i + 2, lex_.by)) {
      Forward(i, i + 3, "as reported by", true, false, &out);
    } else if (Is(i, lex_.reported) && Is(i + 1, lex_.by)) {
      Forward(i, i + 2, "reported by", true, false, &out);
    } else if (Is(i, lex_.report) &&
               (Is(i + 1, lex_.by) || Is(i + 1, lex_.from) ||
                Is(i + 1, lex_.in))) {
      Forward(i, i + 2, "report " + std::string(Bytes(i + 1, i + 1)), true,
              false, &out);
    } else if (Is(i, lex_.citing)) {
      Forward(i, i + 1, "citing", false, true, &out);
    } else if (Is(i, lex_.told)) {
      Forward(i, i + 1, "told", false, false, &out);
    } else if ((Is(i, lex_.reported) || Is(i, lex_.reports)) && i > 0) {
      // "X reported", "X first reported", "X has reported", ...
      size_t name_last = i - 1;
      std::string cue = absl::AsciiStrToLower(std::string(Bytes(i, i)));
      if (name_last > 0 &&
          (Is(name_last, lex_.first) || Is(name_last, lex_.has) ||
           Is(name_last, lex_.had) || Is(name_last, lex_.previously) ||
           Is(name_last, lex_.earlier))) {
        cue = absl::AsciiStrToLower(std::string(Bytes(name_last, name_last))) +
              " " + cue;
        --name_last;
      }
      if (name_last < consumed_ || !Joined(name_last)) continue;
      if (!Capitalized(name_last)) continue;
      size_t first = NameBackward(name_last);
      // The shortest suffix that starts a valid outlet name wins over a
      // sentence opener ("On Tuesday Bloomberg reported").
      bool found = false;
      for (size_t f = first; f <= name_last; ++f) {
        if (ValidName(f, name_last) && LooksLikeOutlet(f, name_last)) {
          // Keep a leading "The" that belongs to the name.
          if (f > first && Is(f - 1, lex_.the)) --f;
          Emit(i, i, f, name_last, cue, false, &out);
          found = true;
          break;
        }
      }
      if (found) consumed_ = i + 1;
    }
  }
  return out;
}

}  // namespace

std::string OutletKey(std::string_view outlet) {
  std::string key = absl::AsciiStrToLower(std::string(outlet));
  // Curly apostrophes to straight ones, so "Barron’s" == "Barron's".
  std::string out;
  out.reserve(key.size());
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(key[i]);
    }
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::vector<Attribution> ExtractAttributions(std::string_view text) {
  TokenizeOptions options;
  options.skip_boilerplate = false;
  const TokenizedText tokenized = Tokenize(text, options);
  Matcher matcher(text, tokenized.tokens);
  return matcher.Run();
}

}  // namespace neardup
