// Copyright 2026 The neardup Authors.
//
// Page-template lines: the words a news site wraps around every article
// (share bars, newsletter boxes, cookie notices, copyright footers, photo
// credits). Two copies of one wire story on two sites differ mostly in these
// lines, and two unrelated stories on one site share them, so they are kept
// out of tokens.
//
// Every rule is in this file. A line is matched after trimming, lower-casing
// ASCII, mapping curly apostrophes to ASCII, collapsing whitespace, and
// dropping leading bullets and trailing ":" "." "!" "»" "›" "→" "…" "|". Rules
// match short lines only: each rule has its own length limit, so a real
// sentence that merely contains "read more" or "cookies" is kept.

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/text.h"

namespace neardup {
namespace {

// Longer lines are never boilerplate (the cookie-notice limit).
constexpr size_t kMaxLineBytes = 240;
// Lines are cleaned only this far unless a rule needs the whole line: every
// prefix phrase is shorter, and every exact rule is for shorter lines.
constexpr size_t kPrefixBytes = 64;

enum class Match : uint8_t {
  kExact,     // The whole (cleaned) line.
  kPrefix,    // The line starts with the phrase.
  kContains,  // The phrase is anywhere in the line.
};

struct Rule {
  std::string_view phrase;
  Match match;
  uint8_t max_bytes;  // Only lines up to this long (trimmed, in bytes).
};

// The rules, by theme. Exact phrases may be followed by the trailing marks
// listed above; prefixes end where the rest of the line starts.
constexpr Rule kRules[] = {
    // Share bars and navigation.
    {"share", Match::kExact, 40},
    {"share this", Match::kExact, 40},
    {"share article", Match::kExact, 40},
    {"share this article", Match::kExact, 40},
    {"share this story", Match::kExact, 40},
    {"share on ", Match::kPrefix, 40},
    {"share via ", Match::kPrefix, 40},
    {"copy link", Match::kExact, 40},
    {"link copied", Match::kExact, 40},
    {"print", Match::kExact, 40},
    {"print this page", Match::kExact, 40},
    {"comments", Match::kExact, 40},
    {"show comments", Match::kExact, 40},
    {"leave a comment", Match::kExact, 40},
    {"view comments", Match::kExact, 40},
    {"skip to content", Match::kExact, 40},
    {"skip to main content", Match::kExact, 40},
    {"back to top", Match::kExact, 40},
    {"menu", Match::kExact, 40},
    {"close", Match::kExact, 40},
    {"search", Match::kExact, 40},
    // Links to other articles.
    {"read more", Match::kExact, 40},
    {"read more:", Match::kPrefix, 160},
    {"read next", Match::kExact, 40},
    {"read next:", Match::kPrefix, 160},
    {"read also:", Match::kPrefix, 160},
    {"also read:", Match::kPrefix, 160},
    {"see also:", Match::kPrefix, 160},
    {"related:", Match::kPrefix, 160},
    {"related", Match::kExact, 40},
    {"related articles", Match::kExact, 40},
    {"related stories", Match::kExact, 40},
    {"related content", Match::kExact, 40},
    {"related topics", Match::kExact, 40},
    {"more on this story", Match::kExact, 40},
    {"more stories", Match::kExact, 40},
    {"more from ", Match::kPrefix, 60},
    {"most read", Match::kExact, 40},
    {"most popular", Match::kExact, 40},
    {"trending", Match::kExact, 40},
    {"trending now", Match::kExact, 40},
    {"top stories", Match::kExact, 40},
    {"latest stories", Match::kExact, 40},
    {"latest news", Match::kExact, 40},
    {"send this page to someone via email", Match::kExact, 60},
    {"email this article", Match::kExact, 40},
    {"recommended", Match::kExact, 40},
    {"recommended for you", Match::kExact, 40},
    {"you may also like", Match::kExact, 40},
    {"you might also like", Match::kExact, 40},
    {"continue reading", Match::kExact, 40},
    {"continue reading below", Match::kExact, 40},
    {"story continues below", Match::kPrefix, 60},
    {"article continues below", Match::kPrefix, 60},
    {"watch:", Match::kPrefix, 120},
    {"listen to this article", Match::kPrefix, 60},
    {"listen to this story", Match::kPrefix, 60},
    // Advertising.
    {"advertisement", Match::kExact, 40},
    {"advertisement - scroll to continue", Match::kExact, 60},
    {"advert", Match::kExact, 40},
    {"ad", Match::kExact, 40},
    {"sponsored", Match::kExact, 40},
    {"sponsored content", Match::kExact, 40},
    {"paid content", Match::kExact, 40},
    // The same labels on European sites that syndicate English wire copy.
    {"anzeige", Match::kExact, 40},
    {"werbung", Match::kExact, 40},
    {"reklama", Match::kExact, 40},
    {"publicidad", Match::kExact, 40},
    {"publicit\xC3\xA9", Match::kExact, 40},   // publicité
    {"pubblicit\xC3\xA0", Match::kExact, 40},  // pubblicità
    {"jetzt teilen", Match::kExact, 40},
    {"artikel teilen", Match::kExact, 40},
    {"compartir", Match::kExact, 40},
    {"partager", Match::kExact, 40},
    {"condividi", Match::kExact, 40},
    {"udost\xC4\x99pnij", Match::kExact, 40},  // udostępnij
    // Newsletters, subscriptions, social accounts, apps.
    {"sign up for our ", Match::kPrefix, 120},
    {"sign up to our ", Match::kPrefix, 120},
    {"sign up for the ", Match::kPrefix, 120},
    {"subscribe to ", Match::kPrefix, 100},
    {"subscribe now", Match::kPrefix, 60},
    {"subscribe", Match::kExact, 40},
    {"sign up", Match::kExact, 40},
    {"get our newsletter", Match::kPrefix, 100},
    {"get the latest ", Match::kPrefix, 100},
    {"follow us on ", Match::kPrefix, 100},
    {"follow us", Match::kExact, 40},
    {"click here", Match::kPrefix, 100},
    {"download the app", Match::kPrefix, 60},
    {"get the app", Match::kPrefix, 60},
    // Copyright footers.
    {"all rights reserved", Match::kContains, 160},
    {"\xC2\xA9", Match::kPrefix, 160},  // ©
    {"(c) ", Match::kPrefix, 100},
    {"copyright \xC2\xA9", Match::kPrefix, 160},
    {"copyright (c)", Match::kPrefix, 160},
    // Cookie notices.
    {"we use cookies", Match::kPrefix, 240},
    {"this site uses cookies", Match::kPrefix, 240},
    {"this website uses cookies", Match::kPrefix, 240},
    {"by continuing to use this site", Match::kPrefix, 240},
    {"by using this site", Match::kPrefix, 240},
    {"accept cookies", Match::kExact, 40},
    {"accept all cookies", Match::kExact, 40},
    {"accept all", Match::kExact, 40},
    {"cookie policy", Match::kExact, 40},
    {"cookie settings", Match::kExact, 40},
    {"manage cookies", Match::kExact, 40},
    {"privacy policy", Match::kExact, 40},
    {"terms of use", Match::kExact, 40},
    // Photo and video captions and credits.
    {"image:", Match::kPrefix, 160},
    {"image caption", Match::kPrefix, 160},
    {"image source", Match::kPrefix, 100},
    {"image credit", Match::kPrefix, 100},
    {"photo:", Match::kPrefix, 160},
    {"photo credit", Match::kPrefix, 100},
    {"photograph:", Match::kPrefix, 160},
    {"picture:", Match::kPrefix, 160},
    {"credit:", Match::kPrefix, 100},
    {"video:", Match::kPrefix, 120},
    {"(photo by ", Match::kPrefix, 100},
    {"getty images", Match::kExact, 40},
    {"file photo", Match::kExact, 40},
};

// Names of share buttons. A line made only of these ("Facebook Twitter
// LinkedIn Email") is a share bar.
constexpr std::string_view kShareButtons[] = {
    "facebook",  "twitter",  "x",       "linkedin",  "email",    "e-mail",
    "mail",      "whatsapp", "reddit",  "pinterest", "telegram", "print",
    "instagram", "youtube",  "tiktok",  "threads",   "bluesky",  "messenger",
    "flipboard", "share",    "copy",    "link",      "sms",      "tumblr",
    "mastodon",  "comments", "comment",
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
std::string_view StripLeadingSpace(std::string_view v) {
  while (!v.empty() && IsSpace(v.front())) v.remove_prefix(1);
  return v;
}
std::string_view StripTrailingSpace(std::string_view v) {
  while (!v.empty() && IsSpace(v.back())) v.remove_suffix(1);
  return v;
}
std::string_view StripSpace(std::string_view v) {
  return StripTrailingSpace(StripLeadingSpace(v));
}

bool IsTrailingMark(std::string_view s, size_t* len) {
  static constexpr std::string_view kMarks[] = {":",
                                                ".",
                                                "!",
                                                "|",
                                                ">",
                                                "\xC2\xBB" /* » */,
                                                "\xE2\x80\xBA" /* › */,
                                                "\xE2\x86\x92" /* → */,
                                                "\xE2\x80\xA6" /* … */};
  for (std::string_view m : kMarks) {
    if (s.ends_with(m)) {
      *len = m.size();
      return true;
    }
  }
  return false;
}

bool IsLeadingMark(std::string_view s, size_t* len) {
  static constexpr std::string_view kMarks[] = {
      "-",           "*", "|", ">", "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */,
      "\xE2\x96\xBA" /* ► */};
  for (std::string_view m : kMarks) {
    if (s.starts_with(m)) {
      *len = m.size();
      return true;
    }
  }
  return false;
}

// Lower-cases ASCII, maps U+2019 to "'", collapses whitespace runs, and
// drops leading bullets. Writes into `buf` (at least line.size() bytes) and
// returns the cleaned line, a view of it.
std::string_view Clean(std::string_view line, char* buf) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (IsSpace(c)) {
        if (n > 0 && buf[n - 1] != ' ') buf[n++] = ' ';
      } else {
        buf[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
    } else if (line.substr(i, 3) == "\xE2\x80\x99") {
      buf[n++] = '\'';
      i += 2;
    } else if (line.substr(i, 2) == "\xC2\xA0") {  // No-break space.
      if (n > 0 && buf[n - 1] != ' ') buf[n++] = ' ';
      ++i;
    } else {
      buf[n++] = c;
    }
  }
  std::string_view v(buf, n);
  size_t mark;
  while (IsLeadingMark(v, &mark)) v = StripLeadingSpace(v.substr(mark));
  return StripSpace(v);
}

// kRules indices by the first byte of the phrase (prefix and exact rules),
// so a line is compared with a handful of rules, not all of them.
struct RuleIndex {
  std::array<std::vector<uint8_t>, 256> by_first_byte;
  std::vector<uint8_t> contains;
};

const RuleIndex& Index() {
  static const RuleIndex* const index = [] {
    static_assert(std::size(kRules) < 256);
    auto* index = new RuleIndex;
    for (size_t i = 0; i < std::size(kRules); ++i) {
      const Rule& rule = kRules[i];
      if (rule.match == Match::kContains) {
        index->contains.push_back(static_cast<uint8_t>(i));
      } else {
        index->by_first_byte[static_cast<uint8_t>(rule.phrase[0])].push_back(
            static_cast<uint8_t>(i));
      }
    }
    return index;
  }();
  return *index;
}

std::string_view StripTrailingMarks(std::string_view v) {
  size_t n;
  while (IsTrailingMark(v, &n)) {
    v = StripTrailingSpace(v.substr(0, v.size() - n));
  }
  return v;
}

// "4 min read", "5 mins read", "10 minute read", "reading time: 3 minutes".
bool IsReadingTime(std::string_view v) {
  if (v.starts_with("reading time")) return v.size() <= 40;
  size_t i = 0;
  while (i < v.size() && IsDigit(v[i])) ++i;
  if (i == 0) return false;
  v = StripLeadingSpace(v.substr(i));
  for (std::string_view unit :
       {"minutes read", "minute read", "mins read", "min read", "min. read"}) {
    if (v == unit) return true;
  }
  return false;
}

// "Copyright 2025 Reuters": the word, a year, and a short rest.
bool IsCopyrightYear(std::string_view v) {
  if (!v.starts_with("copyright ")) return false;
  v.remove_prefix(10);
  return v.size() >= 4 && IsDigit(v[0]) && IsDigit(v[3]);
}

// With `partial`, v is the start of a longer line: its last word may be cut,
// and the answer is whether the line may still be a share bar.
bool IsShareBar(std::string_view v, bool partial = false) {
  if (v.size() > 120) return false;
  int words = 0;
  size_t i = 0;
  while (i < v.size()) {
    // Buttons are separated by spaces, '|', ',' or '/'.
    const size_t end = v.find_first_of(" |,/", i);
    const std::string_view word =
        v.substr(i, end == std::string_view::npos ? v.size() - i : end - i);
    i = end == std::string_view::npos ? v.size() : end + 1;
    if (word.empty() || word == "\xE2\x80\xA2" || word == "\xC2\xB7") {
      continue;  // • ·
    }
    if (partial && i == v.size()) break;  // Possibly cut.
    bool known = false;
    for (std::string_view b : kShareButtons) known |= word == b;
    if (!known) return false;
    ++words;
  }
  return words > 0;
}

// The kContains rules, on the whole cleaned line.
bool ContainsRule(std::string_view cleaned, size_t line_size) {
  for (uint8_t r : Index().contains) {
    const Rule& rule = kRules[r];
    if (line_size <= rule.max_bytes &&
        cleaned.find(rule.phrase) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// line.find(needle) != npos, found through its byte needle[at], which
// should be rare in text: std::string_view::find() stops at every match of
// the needle's first byte ('e', every eighth byte of English), and on a long
// paragraph those calls cost more than tokenising it.
bool ContainsAround(std::string_view line, std::string_view needle, size_t at) {
  if (line.size() < needle.size()) return false;
  const char* const begin = line.data();
  // The rare byte's possible positions: [at, size - (needle.size() - at)].
  const char* p = begin + at;
  const char* const last = begin + line.size() - (needle.size() - at);
  while (p <= last) {
    const void* hit =
        std::memchr(p, needle[at], static_cast<size_t>(last - p) + 1);
    if (hit == nullptr) return false;
    p = static_cast<const char*>(hit);
    if (std::memcmp(p - at, needle.data(), needle.size()) == 0) return true;
    ++p;
  }
  return false;
}

}  // namespace

bool IsBoilerplateLine(std::string_view line) {
  line = StripSpace(line);
  if (line.empty() || line.size() > kMaxLineBytes) return false;
  // Clean a prefix first: most lines are sentences that no rule can match,
  // and the prefix is enough to tell.
  const bool complete = line.size() <= kPrefixBytes;
  char buf[kMaxLineBytes];
  const std::string_view v =
      Clean(complete ? line : line.substr(0, kPrefixBytes), buf);
  if (v.empty()) return false;
  const std::string_view bare = StripTrailingMarks(v);
  for (uint8_t r : Index().by_first_byte[static_cast<uint8_t>(v[0])]) {
    const Rule& rule = kRules[r];
    if (line.size() > rule.max_bytes) continue;
    if (rule.match == Match::kExact ? complete && bare == rule.phrase
                                    : v.starts_with(rule.phrase)) {
      return true;
    }
  }
  if (IsCopyrightYear(v) && line.size() <= 120) return true;
  if (complete) {
    return IsReadingTime(bare) || IsShareBar(bare) ||
           ContainsRule(v, line.size());
  }
  // Longer lines: clean the whole line only when a whole-line rule may hold.
  const bool may_contain =
      ContainsAround(line, "eserved", 4) || ContainsAround(line, "ESERVED", 4);
  const bool may_share = line.size() <= 120 && IsShareBar(v, /*partial=*/true);
  if (!may_contain && !may_share) return false;
  const std::string_view full = Clean(line, buf);
  return ContainsRule(full, line.size()) ||
         (may_share && IsShareBar(StripTrailingMarks(full)));
}

}  // namespace neardup
