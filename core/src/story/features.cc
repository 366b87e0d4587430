// Copyright 2026 The neardup Authors.

#include "story/features.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "xxhash.h"

#include "neardup/align.h"
#include "neardup/text.h"
#include "neardup/tfidf.h"

#include "internal/pairs.h"
#include "story/background.h"
#include "story/retold.h"

namespace neardup::internal {
namespace {

constexpr size_t kMaxSharedNames = 8;
// Capitalised words of this background tier or rarer count as names.
constexpr int kRareNameTier = 7;

// A rare name or a number: a capitalised word absent from the background's
// word tiers ("Maia", "Nvidia"), or only in its rarest tier and capitalised
// inside a sentence ("Anthropic"); or a word with a digit.
bool IsName(const Token& t) {
  if (!IsContent(t)) return false;
  if (t.flags & kTokenNumber) return true;
  if (!(t.flags & kTokenCapitalized)) return false;
  const int tier = BackgroundTier(t.hash);
  return tier == 0 ||
         (tier >= kRareNameTier && !(t.flags & kTokenSentenceStart));
}

// An order-dependent combination of two word (or n-gram) hashes: they are
// XXH3 values, so a multiply and a rotate keep the result well spread.
uint64_t NgramHash(uint64_t first, uint64_t second) {
  const uint64_t x = first * 0x9E3779B97F4A7C15ULL;
  return (x << 31 | x >> 33) ^ second;
}

template <typename T>
void SortUnique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Size of the intersection of two sorted, distinct vectors. Branch-free
// steps: which side advances is data, not a branch to mispredict (every
// pair of a scan merges a few thousand hashes).
size_t Common(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    const uint64_t u = x[i], v = y[j];
    n += u == v;
    i += u <= v;
    j += v <= u;
  }
  return n;
}

// Seed of DocFeatures::text_key.
constexpr uint64_t kTextKeySeed = 0x73746f72796b6579ULL;  // "storykey"

// The passages of (fa, fb), aligned in an orientation fixed by the texts
// (AlignsFirst: seeds are counted in its second text and extended in the
// first's order), then expressed as a = fa, b = fb in a's order.
// `seed_positions`: AnalyzePair()'s.
std::vector<Passage> AlignOriented(const DocFeatures& fa, const DocFeatures& fb,
                                   const AlignOptions& options,
                                   absl::Span<const uint32_t> seed_positions) {
  // The seed indexes hold the n AlignPassages would use when both texts
  // have that many words; shorter texts are indexed for the pair.
  const size_t n = static_cast<size_t>(std::max(options.seed_words, 1));
  const bool indexed = fa.seeds.n == static_cast<int>(n) &&
                       fb.seeds.n == static_cast<int>(n) &&
                       fa.tokens.size() >= n && fb.tokens.size() >= n;
  auto align = [&](const DocFeatures& x, const DocFeatures& y) {
    return indexed ? AlignIndexedAt(x.tokens, x.seeds, y.tokens, y.seeds,
                                    seed_positions, options)
                   : AlignPassages(x.tokens, y.tokens, options);
  };
  // Equal keys mean equal texts (but for a 2^-64 chance), which align the
  // same either way.
  if (AlignsFirst(fa, fb)) return align(fa, fb);
  std::vector<Passage> passages = align(fb, fa);
  for (Passage& p : passages) {
    std::swap(p.a, p.b);
    std::swap(p.a_first, p.b_first);
    std::swap(p.a_last, p.b_last);
  }
  std::sort(
      passages.begin(), passages.end(),
      [](const Passage& x, const Passage& y) { return x.a_first < y.a_first; });
  return passages;
}

// Lead weighting of the topic vector: the first 12 words (a headline, or
// the start of the first sentence) count three times. Compared with 8-20
// words and 2-4 times on the SemEval training-file half; it raises the
// Spearman on both halves (docs/evaluation.md).
constexpr size_t kLeadWords = 12;
constexpr int kLeadWeight = 3;

// The TF-IDF vector (sublinear tf, as TfIdfModel::Vectorize, with the lead
// weighting) of the document's content words outside `covered` tokens.
TermVector RestVector(const DocFeatures& f, const std::vector<bool>& covered) {
  std::vector<uint64_t> terms;
  for (size_t k = 0; k < f.tokens.size(); ++k) {
    const Token& t = f.tokens[k];
    if (covered[k] || !IsContent(t)) continue;
    const int copies = k < kLeadWords ? kLeadWeight : 1;
    for (int r = 0; r < copies; ++r) terms.push_back(t.hash);
  }
  return WordVector(f, std::move(terms));
}

// Cosine of the two documents' words outside their shared passages.
double RestCosine(const DocFeatures& fa, const DocFeatures& fb,
                  const std::vector<Passage>& passages) {
  std::vector<bool> in_a(fa.tokens.size(), false);
  std::vector<bool> in_b(fb.tokens.size(), false);
  for (const Passage& p : passages) {
    for (uint32_t t = p.a_first; t < p.a_last && t < in_a.size(); ++t) {
      in_a[t] = true;
    }
    for (uint32_t t = p.b_first; t < p.b_last && t < in_b.size(); ++t) {
      in_b[t] = true;
    }
  }
  return std::clamp(Cosine(RestVector(fa, in_a), RestVector(fb, in_b)), 0.0,
                    1.0);
}

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Seed of DocFeatures::dateline.
constexpr uint64_t kDatelineSeed = 0x646174656c696e65ULL;  // "dateline"
// Two datelines naming different places: different events, most likely
// (two AP briefs from two towns of one state share words, not a story). The
// topic evidence of such a pair, when it shares no passage, counts half.
// Found by reading the different-story SemEval pairs that were joined; the
// factor was set once, not tuned (docs/evaluation.md).
constexpr double kDatelinesDiffer = 0.5;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of the dash ("-", "\u2013", "\u2014") at text[i], 0 if none.
size_t DashAt(std::string_view text, size_t i) {
  if (i < text.size() && text[i] == '-') return 1;
  if (i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' &&
      (text[i + 2] == '\x93' || text[i + 2] == '\x94')) {
    return 3;
  }
  return 0;
}

// The place of a dateline starting at text[i] (see DatelinePlace), or an
// empty view.
std::string_view DatelineAt(std::string_view text, size_t i) {
  const size_t n = text.size();
  auto place_char = [](char c) {
    return IsUpper(c) || c == '\'' || c == '.' || c == '-';
  };
  // Place: one to four words of upper-case letters (and ' . -), >= 2 long.
  size_t end = i;
  int words = 0;
  for (size_t k = i; words < 4;) {
    if (k >= n || !IsUpper(text[k])) break;
    size_t e = k + 1;
    while (e < n && place_char(text[e])) ++e;
    if (e - k < 2) break;
    end = e;
    ++words;
    if (e + 1 < n && text[e] == ' ' && IsUpper(text[e + 1])) {
      k = e + 1;
    } else {
      break;
    }
  }
  if (words == 0) return {};
  const std::string_view place = text.substr(i, end - i);
  size_t k = end;
  bool region = false, agency = false;
  // ", Region" or ", Two Words" (a capitalised word and letters or dots).
  if (k < n && text[k] == ',') {
    size_t r = k + 1;
    if (r < n && IsSpace(text[r]) && text[r] != '\n') ++r;
    for (int w = 0; w < 2 && r < n && IsUpper(text[r]); ++w) {
      size_t e = r + 1;
      while (e < n &&
             (IsUpper(text[e]) || IsLower(text[e]) || text[e] == '.')) {
        ++e;
      }
      region = true;
      k = e;
      if (e + 1 < n && text[e] == ' ' && IsUpper(text[e + 1])) {
        r = e + 1;
      } else {
        break;
      }
    }
    if (!region) return {};
  }
  // " (Agency)": 2 to 30 characters, no parenthesis or line break.
  size_t a = k;
  if (a < n && IsSpace(text[a]) && text[a] != '\n') ++a;
  if (a < n && text[a] == '(') {
    size_t e = a + 1;
    while (e < n && e - a - 1 <= 30 && text[e] != ')' && text[e] != '(' &&
           text[e] != '\n') {
      ++e;
    }
    const size_t length = e - a - 1;
    if (e < n && text[e] == ')' && length >= 2 && length <= 30) {
      agency = true;
      k = e + 1;
    }
  }
  if (!region && !agency) return {};
  if (k < n && IsSpace(text[k]) && text[k] != '\n') ++k;
  const size_t dash = DashAt(text, k);
  if (dash == 0 || k + dash >= n || !IsSpace(text[k + dash])) return {};
  return place;
}

// The story score's calibration (see StoryScore).
constexpr double kStoryCosine = 0.2;
constexpr double kStorySlope = 15.0;
constexpr double kNameBonus = 0.02;
// The rest cosine's share of the topic, and the rest cosine at which shared
// passages count (see StoryScore; chosen on the SemEval training-file half,
// docs/evaluation.md).
constexpr double kRestShare = 0.75;
constexpr double kRestAgrees = 0.25;
// A pair whose shared passages cover at least this share of each text is a
// near-duplicate (ClassifyRelation), and one story whatever the rest says
// (StoryScore).
constexpr double kNearDuplicateCover = 0.6;
// A text at least this much inside the other (an excerpt, a brief cut from
// a longer report) has no rest of its own to agree or disagree: its shared
// passages count whatever the rest says (StoryScore).
constexpr double kExcerptCover = 0.9;

// SentenceScore's weights: bias, unigrams, words, bigrams, trigrams, numbers
// differ (0/1), length ratio, words_lo, words_hi, coverage lo, coverage hi.
// Printed by scripts/fit_sentence.py.
constexpr double kSentenceWeights[] = {-5.8907, 8.1692,  -5.6346, 2.0990,
                                       -3.9681, -0.4720, 1.6433,  3.0024,
                                       3.3880,  7.4574,  -6.2148};

}  // namespace

uint64_t DatelinePlace(std::string_view text) {
  const size_t limit = std::min(text.size(), kDatelineBytes);
  for (size_t i = 0; i < limit; ++i) {
    if (!IsUpper(text[i]) || (i > 0 && !IsSpace(text[i - 1]))) continue;
    const std::string_view place = DatelineAt(text, i);
    if (!place.empty()) {
      return XXH3_64bits_withSeed(place.data(), place.size(), kDatelineSeed) |
             1;  // Never 0 (0 = no dateline).
    }
  }
  return 0;
}

std::vector<DocFeatures> ComputeFeatures(absl::Span<const Document> docs,
                                         const StoryOptions& options) {
  std::vector<DocFeatures> features(docs.size());
  TfIdfModel model;
  for (size_t i = 0; i < docs.size(); ++i) {
    features[i].text_key = XXH3_64bits_withSeed(
        docs[i].text.data(), docs[i].text.size(), kTextKeySeed);
    features[i].tokens = Tokenize(docs[i].text, options.tokenize).tokens;
    features[i].seeds = IndexSeeds(features[i].tokens,
                                   std::max(options.align.seed_words, 1), true);
    features[i].dateline = DatelinePlace(docs[i].text);
    model.AddDocument(features[i].tokens);
  }
  if (options.background_weight > 0) {
    model.SetBackground(BackgroundPrior(), options.background_weight);
  }
  absl::flat_hash_map<uint64_t, double> idf_cache;
  auto idf = [&](uint64_t term) {
    auto [it, inserted] = idf_cache.try_emplace(term, 0.0);
    if (inserted) it->second = model.Idf(term);
    return it->second;
  };
  for (size_t i = 0; i < docs.size(); ++i) {
    DocFeatures& f = features[i];
    // The headline and first words name the story (news puts the gist
    // first): they count kLeadWeight times in the topic vector.
    std::vector<Token> weighted(f.tokens);
    const size_t lead = std::min(kLeadWords, f.tokens.size());
    for (int r = 1; r < kLeadWeight; ++r) {
      weighted.insert(weighted.end(), f.tokens.begin(),
                      f.tokens.begin() + static_cast<ptrdiff_t>(lead));
    }
    f.vector = model.Vectorize(weighted);
    // Names: first occurrence of each.
    absl::flat_hash_map<uint64_t, size_t> seen;
    for (const Token& t : f.tokens) {
      if (!IsName(t) || seen.contains(t.hash)) continue;
      seen.emplace(t.hash, f.names.size());
      f.names.push_back(
          {t.hash, idf(t.hash),
           std::string(docs[i].text.substr(t.begin, t.end - t.begin))});
    }
    // Content words with their rarity (the rest cosine's IDF); for texts
    // short enough to be measured as sentences (AnalyzePair), word sets:
    // every word, bigrams and trigrams of consecutive words (stopwords kept:
    // "sold to" vs "bought from"), numbers.
    const bool sentence = f.tokens.size() <= kSentenceTokens;
    for (size_t k = 0; k < f.tokens.size(); ++k) {
      const Token& t = f.tokens[k];
      if (IsContent(t)) f.words.push_back({t.hash, 0.0});
      if (!sentence) continue;
      f.unigrams.push_back(t.hash);
      if (t.flags & kTokenNumber) f.numbers.push_back(t.hash);
      if (k >= 1) {
        const uint64_t bigram = NgramHash(f.tokens[k - 1].hash, t.hash);
        f.bigrams.push_back(bigram);
        if (k >= 2) {
          f.trigrams.push_back(NgramHash(
              NgramHash(f.tokens[k - 2].hash, f.tokens[k - 1].hash), t.hash));
        }
      }
    }
    SortUnique(f.unigrams);
    SortUnique(f.words);
    for (auto& [term, weight] : f.words) {
      weight = idf(term);
      f.words_weight += weight;
    }
    SortUnique(f.bigrams);
    SortUnique(f.trigrams);
    SortUnique(f.numbers);
    std::sort(
        f.names.begin(), f.names.end(),
        [](const NameTerm& x, const NameTerm& y) { return x.hash < y.hash; });
    for (const NameTerm& nt : f.names) f.names_weight += nt.weight;
  }
  return features;
}

WordOverlap MeasureOverlap(const DocFeatures& fa, const DocFeatures& fb) {
  WordOverlap o;
  auto dice = [](const std::vector<uint64_t>& x,
                 const std::vector<uint64_t>& y) {
    const size_t total = x.size() + y.size();
    return total > 0 ? 2.0 * Common(x, y) / total : 0.0;
  };
  o.unigrams = dice(fa.unigrams, fb.unigrams);
  o.bigrams = dice(fa.bigrams, fb.bigrams);
  o.trigrams = dice(fa.trigrams, fb.trigrams);
  double common = 0;  // IDF weight of the content words both have.
  for (size_t i = 0, j = 0; i < fa.words.size() && j < fb.words.size();) {
    const uint64_t u = fa.words[i].first, v = fb.words[j].first;
    common += u == v ? fa.words[i].second : 0.0;  // Adding +0 changes nothing.
    i += u <= v;
    j += v <= u;
  }
  const double total = fa.words_weight + fb.words_weight;
  o.words = total > 0 ? 2 * common / total : 0;
  const double in_a = fa.words_weight > 0 ? common / fa.words_weight : 0;
  const double in_b = fb.words_weight > 0 ? common / fb.words_weight : 0;
  o.words_lo = std::min(in_a, in_b);
  o.words_hi = std::max(in_a, in_b);
  const size_t shared_numbers = Common(fa.numbers, fb.numbers);
  const size_t numbers = fa.numbers.size() + fb.numbers.size() - shared_numbers;
  o.numbers_differ =
      numbers > 0 ? static_cast<double>(numbers - shared_numbers) / numbers : 0;
  const size_t na = fa.tokens.size(), nb = fb.tokens.size();
  o.length_ratio = std::max(na, nb) > 0
                       ? static_cast<double>(std::min(na, nb)) /
                             static_cast<double>(std::max(na, nb))
                       : 0;
  return o;
}

double SentenceScore(const WordOverlap& o, double a_in_b, double b_in_a) {
  // Logistic regression fitted on the MSRP train split (4,076 sentence
  // pairs) by scripts/fit_sentence.py; the test split is not used for the
  // fit. Shared words, bigrams and trigrams, rare words on both sides and
  // shared passages speak for the same content; a number only one side
  // gives speaks against it. (Negative weights on correlated features
  // correct their neighbours; read the sum, not one term.)
  const double z =
      kSentenceWeights[0] + kSentenceWeights[1] * o.unigrams +
      kSentenceWeights[2] * o.words + kSentenceWeights[3] * o.bigrams +
      kSentenceWeights[4] * o.trigrams +
      kSentenceWeights[5] * (o.numbers_differ > 0 ? 1.0 : 0.0) +
      kSentenceWeights[6] * o.length_ratio + kSentenceWeights[7] * o.words_lo +
      kSentenceWeights[8] * o.words_hi +
      kSentenceWeights[9] * std::min(a_in_b, b_in_a) +
      kSentenceWeights[10] * std::max(a_in_b, b_in_a);
  return Sigmoid(z);
}

double StoryScore(double cosine, double rest_cosine, double names,
                  double a_in_b, double b_in_a, bool datelines_differ) {
  // Shared passages are direct evidence of one story: a pair sharing a
  // quarter of either text scores 0.5, half of it 1. Without them, the
  // story rests on content-word TF-IDF cosine (background-blended IDF): on
  // news pairs rated by people (SemEval-2022 Task 8) it ranks same-story
  // pairs better than any mix with name overlap or shared text that we
  // tried, so names only break near ties. The logistic puts 0.5 at cosine
  // kStoryCosine and spreads 0.1 to 0.3 over most of [0, 1].
  //
  // What the texts share besides their shared passages (rest_cosine)
  // counts half in the topic, and a shared passage is evidence only when
  // the rest agrees at least kRestAgrees: a site's boilerplate ("Support
  // local journalism. Subscribe ...") is shared text in unrelated articles.
  // When the passages cover most of both texts, the rest is only what a
  // republisher changes (headline, dateline, byline) and says nothing: a
  // near-duplicate is one story. So is an excerpt: a text nearly all inside
  // the other has almost no rest to compare.
  const bool text_counts = rest_cosine >= kRestAgrees ||
                           std::min(a_in_b, b_in_a) >= kNearDuplicateCover ||
                           std::max(a_in_b, b_in_a) >= kExcerptCover;
  const double text =
      text_counts ? std::min(1.0, 2.0 * std::max(a_in_b, b_in_a)) : 0.0;
  //
  // Datelines naming two different places (of texts that share no
  // passage) speak for two events: the topic counts kDatelinesDiffer times,
  // which keeps such a pair below 0.5.
  const double topic =
      Sigmoid(kStorySlope *
              ((1 - kRestShare) * cosine + kRestShare * rest_cosine +
               kNameBonus * names - kStoryCosine)) *
      (datelines_differ ? kDatelinesDiffer : 1.0);
  return std::max(text, topic);
}

PairRelation ClassifyRelation(const PairAnalysis& pair, bool sentences,
                              const StoryOptions& options) {
  const double lo = std::min(pair.a_in_b, pair.b_in_a);
  const double hi = std::max(pair.a_in_b, pair.b_in_a);
  // Exactness on the side where the passages span more words (the same
  // whichever document is `a`).
  size_t span_a = 0, span_b = 0, matched = 0;
  for (const Passage& p : pair.passages) {
    span_a += p.a_last - p.a_first;
    span_b += p.b_last - p.b_first;
    matched += p.matched;
  }
  const size_t span = std::max(span_a, span_b);
  const double exact = span == 0 ? 0 : static_cast<double>(matched) / span;
  if (lo >= 0.9 && exact >= 0.98) return PairRelation::kCopy;
  // Two sentences sharing most of their words can still state different
  // facts ("bought in 1995 for $693 million" vs "sold in 1998 for $1.8
  // billion"): below the threshold, their sentence score overrides shared
  // wording.
  const bool same = pair.story >= options.story_threshold;
  if (sentences && !same) {
    return pair.story >= 0.5 * options.story_threshold
               ? PairRelation::kRelated
               : PairRelation::kUnrelated;
  }
  if (lo >= kNearDuplicateCover) return PairRelation::kNearDuplicate;
  if (hi >= 0.3) return PairRelation::kPartial;
  if (same) return PairRelation::kRewrite;
  if (pair.names >= 0.2 || pair.story >= 0.5 * options.story_threshold) {
    return PairRelation::kRelated;
  }
  return PairRelation::kUnrelated;
}

std::vector<double> TopicCosines(const std::vector<DocFeatures>& features) {
  const size_t n = features.size();
  struct Entry {
    uint64_t term;
    uint32_t doc;
    float weight;
  };
  size_t total = 0;
  for (const DocFeatures& f : features) total += f.vector.terms.size();
  std::vector<Entry> entries;
  entries.reserve(total);
  for (size_t d = 0; d < n; ++d) {
    const TermVector& v = features[d].vector;
    for (size_t i = 0; i < v.terms.size(); ++i) {
      entries.push_back({v.terms[i], static_cast<uint32_t>(d), v.weights[i]});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
    return x.term != y.term ? x.term < y.term : x.doc < y.doc;
  });
  std::vector<double> dot(NumPairs(n), 0.0);
  ForEachPairInRuns(
      entries, [](const Entry& e) { return e.term; },
      [&](size_t x, size_t y) {
        dot[PairIndex(entries[x].doc, entries[y].doc, n)] +=
            static_cast<double>(entries[x].weight) * entries[y].weight;
      });
  return dot;
}

PairAnalysis AnalyzePair(uint32_t a, uint32_t b, const DocFeatures& fa,
                         const DocFeatures& fb, double topic_cosine,
                         const StoryOptions& options,
                         absl::Span<const uint32_t> seed_positions) {
  PairAnalysis p;
  p.a = a;
  p.b = b;
  p.passages = AlignOriented(fa, fb, options.align, seed_positions);
  p.a_in_b = CoverageOfA(p.passages, fa.tokens.size());
  p.b_in_a = CoverageOfB(p.passages, fb.tokens.size());
  p.cosine = std::clamp(topic_cosine, 0.0, 1.0);
  p.rest_cosine =
      p.passages.empty() ? p.cosine : RestCosine(fa, fb, p.passages);
  // Weighted Dice coefficient of the name sets.
  std::vector<const NameTerm*> shared;
  double shared_weight = 0;
  for (size_t i = 0, j = 0; i < fa.names.size() && j < fb.names.size();) {
    if (fa.names[i].hash < fb.names[j].hash) {
      ++i;
    } else if (fb.names[j].hash < fa.names[i].hash) {
      ++j;
    } else {
      shared.push_back(&fa.names[i]);
      shared_weight += fa.names[i].weight;
      ++i;
      ++j;
    }
  }
  const double denom = fa.names_weight + fb.names_weight;
  p.names = denom > 0 ? std::min(1.0, 2 * shared_weight / denom) : 0;
  std::stable_sort(shared.begin(), shared.end(),
                   [](const NameTerm* x, const NameTerm* y) {
                     if (x->weight != y->weight) return x->weight > y->weight;
                     return x->text < y->text;
                   });
  for (size_t k = 0; k < shared.size() && k < kMaxSharedNames; ++k) {
    p.shared_names.push_back(shared[k]->text);
  }
  p.datelines_differ =
      fa.dateline != 0 && fb.dateline != 0 && fa.dateline != fb.dateline;
  const bool sentences =
      std::max(fa.tokens.size(), fb.tokens.size()) <= kSentenceTokens;
  if (sentences) {
    // Only sentence pairs use it; for long texts it was a quarter of a
    // scan's time per pair.
    p.overlap = MeasureOverlap(fa, fb);
    p.sentence = SentenceScore(p.overlap, p.a_in_b, p.b_in_a);
    p.story = p.sentence;
  } else {
    // Datelines are weighed only when the texts share no passage: a wire
    // story republished under another dateline is still the story.
    p.story = StoryScore(p.cosine, p.rest_cosine, p.names, p.a_in_b, p.b_in_a,
                         p.datelines_differ && p.passages.empty());
  }
  p.relation = ClassifyRelation(p, sentences, options);
  // What shared passages cannot show for a rewrite: the sentences it
  // retells in its own words.
  if (p.relation == PairRelation::kRewrite) MeasureRetold(fa, fb, &p);
  return p;
}

TermVector WordVector(const DocFeatures& f, std::vector<uint64_t> terms) {
  std::sort(terms.begin(), terms.end());
  return WeightTerms(terms, [&f](uint64_t term) { return WordIdf(f, term); });
}

}  // namespace neardup::internal
