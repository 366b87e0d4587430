// Copyright 2026 The neardup Authors.

#include "neardup/dedup.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "xxhash.h"

#include "neardup/cosine_index.h"
#include "neardup/minhash.h"
#include "neardup/shingle.h"
#include "neardup/simhash.h"
#include "neardup/simhash_index.h"
#include "neardup/sketch.h"

#include "internal/parallel.h"
#include "search/dedup_cluster.h"
#include "search/pair_score.h"
#include "text/token_hashes.h"

namespace neardup {
namespace {

// Seed of the text hash that detects exact copies.
constexpr uint64_t kTextHashSeed = 0x6e65617264757063ULL;  // "neardupc"

// The distinct hashes of the content words (no kTokenStopword) of `text`,
// ascending. Tokenises into a buffer kept per thread.
std::vector<uint64_t> ContentTerms(std::string_view text,
                                   const TokenizeOptions& options) {
  thread_local internal::TokenHashBuffer buffer;
  internal::TokenizeHashes(text, options, &buffer);
  const absl::Span<const uint64_t> content = buffer.content();
  std::vector<uint64_t> terms(content.begin(), content.end());
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

size_t CosineBytes(const std::vector<TermVector>& vectors) {
  size_t bytes = vectors.capacity() * sizeof(TermVector);
  for (const TermVector& v : vectors) {
    bytes += v.terms.capacity() * 8 + v.weights.capacity() * 4;
  }
  return bytes;
}

}  // namespace

std::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kNone:
      return "none";
    case Relation::kCopy:
      return "copy";
    case Relation::kNearDuplicate:
      return "near_duplicate";
    case Relation::kPartial:
      return "partial";
    case Relation::kRewrite:
      return "rewrite";
  }
  return "none";
}

absl::StatusOr<Relation> ParseRelation(std::string_view name) {
  for (Relation r : {Relation::kNone, Relation::kCopy, Relation::kNearDuplicate,
                     Relation::kPartial, Relation::kRewrite}) {
    if (RelationName(r) == name) return r;
  }
  return absl::InvalidArgumentError(
      "unknown relation (expected copy, near_duplicate, partial or rewrite)");
}

struct Deduplicator::Impl {
  DedupOptions options;
  MinHasher hasher;
  // The hashes-only signing path (no Token records), for shingle sizes it
  // supports (1..16); Sketch() tokenises into Tokens otherwise.
  std::optional<Sketcher> sketcher;
  LshCandidateIndex lsh;
  std::optional<LshCandidateIndex> partial_lsh;  // When enabled.
  std::optional<SimHashIndex> simhash;           // When the SimHash path is on.
  bool counts[5] = {};  // By Relation: counts as duplicate.

  // Per document, structure of arrays.
  std::vector<uint16_t> bbit;  // num_registers per document.
  std::vector<uint64_t> text_hash;
  std::vector<uint64_t> fingerprint;  // When the SimHash index is off.
  std::vector<uint32_t> shingles;
  std::vector<uint32_t> words;
  std::vector<int64_t> published;
  // The cosine path: document frequencies, then one vector per document.
  absl::flat_hash_map<uint64_t, uint32_t> df;
  std::vector<TermVector> cosine_vectors;

  bool cosine_ready() const {
    return options.cosine_threshold > 0 && cosine_vectors.size() == size();
  }

  Impl(const DedupOptions& o, MinHasher h, LshCandidateIndex l)
      : options(o), hasher(std::move(h)), lsh(std::move(l)) {}

  uint32_t size() const { return static_cast<uint32_t>(shingles.size()); }

  PairScore Score(uint32_t a, uint32_t b) const;
};

// Scores one pair from the sketches (search/pair_score.h).
PairScore Deduplicator::Impl::Score(uint32_t a, uint32_t b) const {
  const int k = options.num_registers;
  auto ref = [&](uint32_t d) {
    internal::SketchRef r;
    r.bbit = bbit.data() + size_t{d} * k;
    r.text_hash = text_hash[d];
    r.simhash = simhash.has_value() ? simhash->fingerprint(d) : fingerprint[d];
    r.shingles = shingles[d];
    r.words = words[d];
    return r;
  };
  const float cosine =
      cosine_ready()
          ? static_cast<float>(Cosine(cosine_vectors[a], cosine_vectors[b]))
          : -1.f;
  return internal::ScoreSketches(ref(a), ref(b), options, cosine);
}

Deduplicator::Deduplicator(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
Deduplicator::Deduplicator(Deduplicator&&) noexcept = default;
Deduplicator& Deduplicator::operator=(Deduplicator&&) noexcept = default;
Deduplicator::~Deduplicator() = default;

absl::StatusOr<Deduplicator> Deduplicator::Create(const DedupOptions& options) {
  if (options.shingle_size < 1) {
    return absl::InvalidArgumentError("shingle size must be >= 1");
  }
  if (!(options.jaccard_threshold > 0 && options.jaccard_threshold < 1)) {
    return absl::InvalidArgumentError("Jaccard threshold must be in (0, 1)");
  }
  if (!(options.containment_threshold > 0 &&
        options.containment_threshold <= 1)) {
    return absl::InvalidArgumentError(
        "containment threshold must be in (0, 1]");
  }
  absl::StatusOr<MinHasher> hasher =
      MinHasher::Create({.num_registers = options.num_registers});
  if (!hasher.ok()) return hasher.status();
  absl::StatusOr<LshParams> params = ChooseLshParams(
      options.num_registers, options.jaccard_threshold, options.lsh_tuning);
  if (!params.ok()) return params.status();
  absl::StatusOr<LshCandidateIndex> lsh =
      LshCandidateIndex::Create(*params, options.num_registers);
  if (!lsh.ok()) return lsh.status();
  auto impl =
      std::make_unique<Impl>(options, *std::move(hasher), *std::move(lsh));
  if (options.partial_lsh_threshold > 0) {
    absl::StatusOr<LshParams> pp =
        ChooseLshParams(options.num_registers, options.partial_lsh_threshold,
                        options.lsh_tuning);
    if (!pp.ok()) return pp.status();
    absl::StatusOr<LshCandidateIndex> partial =
        LshCandidateIndex::Create(*pp, options.num_registers);
    if (!partial.ok()) return partial.status();
    impl->partial_lsh.emplace(*std::move(partial));
  }
  if (options.simhash_distance >= 0) {
    absl::StatusOr<SimHashIndex> index =
        SimHashIndex::Create({.max_distance = options.simhash_distance});
    if (!index.ok()) return index.status();
    impl->simhash.emplace(*std::move(index));
  }
  {
    SketchOptions so;
    so.shingle_size = options.shingle_size;
    so.minhash.num_registers = options.num_registers;
    so.simhash_weighting = SimHashWeighting::kCounts;
    so.tokenize = options.tokenize;
    absl::StatusOr<Sketcher> sketcher = Sketcher::Create(so);
    if (sketcher.ok()) impl->sketcher.emplace(*std::move(sketcher));
  }
  for (Relation r : options.duplicate_relations) {
    impl->counts[static_cast<int>(r)] = true;
  }
  impl->counts[0] = false;
  return Deduplicator(std::move(impl));
}

DocSketch Deduplicator::Sketch(const Document& doc) const {
  const Impl& m = *impl_;
  DocSketch s;
  s.text_hash =
      XXH3_64bits_withSeed(doc.text.data(), doc.text.size(), kTextHashSeed);
  if (doc.published.has_value()) s.published = *doc.published;
  if (m.sketcher.has_value()) {
    // Sketcher::Sketch() computes the same shingles, distinct count,
    // signature and SimHash (counts) as the Token path below, from word
    // hashes alone (tests/dedup_test.cc holds the two to the same bytes).
    DocumentSketch d = m.sketcher->Sketch(doc.text);
    s.num_words = d.num_tokens;
    if (d.num_tokens == 0) return s;
    s.num_shingles = d.num_shingles;
    s.minhash = std::move(d.minhash.values);
    s.simhash = d.simhash;
  } else {
    const TokenizedText text = Tokenize(doc.text, m.options.tokenize);
    s.num_words = static_cast<uint32_t>(text.tokens.size());
    if (text.tokens.empty()) return s;
    // MinHash ignores repeats, so the shingles need no sorting; only their
    // distinct count is wanted (for containment).
    const std::vector<uint64_t> shingles =
        ShingleHashes(text.tokens, m.options.shingle_size);
    s.num_shingles = static_cast<uint32_t>(CountDistinct(shingles));
    s.minhash.resize(m.options.num_registers);
    m.hasher.SketchInto(shingles, absl::MakeSpan(s.minhash));
    s.simhash = SimHashTokens(text.tokens, SimHashWeighting::kCounts);
  }
  s.band_keys.resize(m.lsh.params().bands);
  m.lsh.BandKeys(s.minhash, absl::MakeSpan(s.band_keys));
  if (m.partial_lsh.has_value()) {
    s.partial_band_keys.resize(m.partial_lsh->params().bands);
    m.partial_lsh->BandKeys(s.minhash, absl::MakeSpan(s.partial_band_keys));
  }
  if (m.options.cosine_threshold > 0) {
    s.content_terms = ContentTerms(doc.text, m.options.tokenize);
  }
  return s;
}

std::vector<DocSketch> Deduplicator::SketchBatch(
    absl::Span<const Document> docs, int threads) const {
  std::vector<DocSketch> out(docs.size());
  internal::ParallelFor(docs.size(), threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) out[i] = Sketch(docs[i]);
  });
  return out;
}

void Deduplicator::Add(const DocSketch& s) {
  Impl& m = *impl_;
  const int k = m.options.num_registers;
  const bool has_text = s.minhash.size() == static_cast<size_t>(k);
  const size_t at = m.bbit.size();
  m.bbit.resize(at + k);
  if (has_text) {
    for (int i = 0; i < k; ++i)
      m.bbit[at + i] = static_cast<uint16_t>(s.minhash[i]);
  }
  if (has_text &&
      s.band_keys.size() == static_cast<size_t>(m.lsh.params().bands)) {
    m.lsh.AddKeys(s.band_keys);
  } else {
    m.lsh.Add(s.minhash, /*empty=*/!has_text);
  }
  if (m.partial_lsh.has_value()) {
    if (has_text && s.partial_band_keys.size() ==
                        static_cast<size_t>(m.partial_lsh->params().bands)) {
      m.partial_lsh->AddKeys(s.partial_band_keys);
    } else {
      m.partial_lsh->Add(s.minhash, /*empty=*/!has_text);
    }
  }
  if (m.simhash.has_value()) {
    if (has_text) {
      m.simhash->Add(s.simhash);
    } else {
      m.simhash->AddNone();
    }
  }
  m.text_hash.push_back(s.text_hash);
  if (!m.simhash.has_value()) m.fingerprint.push_back(s.simhash);
  m.shingles.push_back(s.num_shingles);
  m.words.push_back(s.num_words);
  for (uint64_t t : s.content_terms) ++m.df[t];
  m.published.push_back(s.published);
}

DedupResult Deduplicator::Finish(int threads) {
  const Impl& m = *impl_;
  const uint32_t n = m.size();
  DedupResult result;
  result.stats.documents = n;
  result.stats.index_bytes = MemoryBytes();

  std::vector<CandidatePair> candidates =
      m.lsh.CandidatePairs(m.options.max_pairs_per_doc);
  result.stats.lsh_candidates = candidates.size();
  auto merge = [&candidates](const std::vector<CandidatePair>& more) {
    std::vector<CandidatePair> merged;
    merged.reserve(candidates.size() + more.size());
    std::set_union(candidates.begin(), candidates.end(), more.begin(),
                   more.end(), std::back_inserter(merged));
    candidates = std::move(merged);
  };
  if (m.partial_lsh.has_value()) {
    const std::vector<CandidatePair> partial =
        m.partial_lsh->CandidatePairs(m.options.max_pairs_per_doc);
    result.stats.partial_lsh_candidates = partial.size();
    merge(partial);
  }
  if (m.cosine_ready()) {
    const std::vector<CosinePair> similar =
        CosineAllPairs(m.cosine_vectors, m.options.cosine_threshold, threads);
    result.stats.cosine_candidates = similar.size();
    std::vector<CandidatePair> pairs(similar.size());
    for (size_t i = 0; i < similar.size(); ++i) {
      pairs[i] = {similar[i].a, similar[i].b};
    }
    merge(pairs);
  }
  if (m.simhash.has_value()) {
    std::vector<CandidatePair> near =
        m.simhash->NearPairs(m.options.max_pairs_per_doc);
    result.stats.simhash_candidates = near.size();
    merge(near);
  }

  // Verification, in parallel; each pair's score lands in its own slot.
  std::vector<PairScore> scores(candidates.size());
  internal::ParallelFor(
      candidates.size(), threads, [&](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
          scores[i] = m.Score(candidates[i].a, candidates[i].b);
        }
      });
  std::vector<ScoredEdge> edges;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (m.counts[static_cast<int>(scores[i].relation)]) {
      edges.push_back({candidates[i].a, candidates[i].b, scores[i]});
    }
  }
  result.stats.verified_edges = edges.size();
  candidates = {};
  scores = {};

  ClusterInput input;
  input.num_docs = n;
  input.shingles = m.shingles;
  input.published = m.published;
  input.counts_as_duplicate = [&m](Relation r) {
    return m.counts[static_cast<int>(r)];
  };
  input.score = [&m](uint32_t a, uint32_t b) { return m.Score(a, b); };
  result.docs = ClusterWithoutChaining(input, std::move(edges), &result.stats);
  return result;
}

const LshParams& Deduplicator::lsh_params() const {
  return impl_->lsh.params();
}

void Deduplicator::Reserve(size_t docs) {
  Impl& m = *impl_;
  m.bbit.reserve(docs * m.options.num_registers);
  m.lsh.Reserve(docs);
  if (m.partial_lsh.has_value()) m.partial_lsh->Reserve(docs);
  if (m.simhash.has_value()) {
    m.simhash->Reserve(docs);
  } else {
    m.fingerprint.reserve(docs);
  }
  m.text_hash.reserve(docs);
  m.shingles.reserve(docs);
  m.words.reserve(docs);
  m.published.reserve(docs);
}

bool Deduplicator::wants_cosine_pass() const {
  return impl_->options.cosine_threshold > 0;
}

std::vector<TermVector> Deduplicator::CosineVectorBatch(
    absl::Span<const Document> docs, int threads) const {
  const Impl& m = *impl_;
  const double n = m.size();
  std::vector<TermVector> out(docs.size());
  internal::ParallelFor(docs.size(), threads, [&](size_t begin, size_t end) {
    internal::TokenHashBuffer tokens;
    std::vector<uint64_t> words;
    std::vector<std::pair<float, uint64_t>> weighted;  // (weight, term)
    for (size_t i = begin; i < end; ++i) {
      internal::TokenizeHashes(docs[i].text, m.options.tokenize, &tokens);
      words.assign(tokens.content().begin(), tokens.content().end());
      std::sort(words.begin(), words.end());
      weighted.clear();
      for (size_t j = 0; j < words.size();) {
        size_t e = j;
        while (e < words.size() && words[e] == words[j]) ++e;
        // Sublinear TF times smoothed IDF, as TfIdfModel.
        const auto it = m.df.find(words[j]);
        const double df = it == m.df.end() ? 0 : it->second;
        // A word in no other document can match nothing: it would only
        // crowd out the shared words.
        if (df <= 1) {
          j = e;
          continue;
        }
        const double w =
            (1 + std::log(static_cast<double>(e - j))) * SmoothedIdf(n, df);
        weighted.emplace_back(static_cast<float>(w), words[j]);
        j = e;
      }
      // The heaviest terms (ties: smaller hash), renormalised.
      const size_t keep = std::min(weighted.size(),
                                   static_cast<size_t>(m.options.cosine_terms));
      std::partial_sort(weighted.begin(), weighted.begin() + keep,
                        weighted.end(), [](const auto& x, const auto& y) {
                          return x.first != y.first ? x.first > y.first
                                                    : x.second < y.second;
                        });
      weighted.resize(keep);
      std::sort(
          weighted.begin(), weighted.end(),
          [](const auto& x, const auto& y) { return x.second < y.second; });
      double norm = 0;
      for (const auto& [w, t] : weighted) norm += double{w} * w;
      norm = std::sqrt(norm);
      TermVector& v = out[i];
      for (const auto& [w, t] : weighted) {
        v.terms.push_back(t);
        v.weights.push_back(static_cast<float>(w / norm));
      }
    }
  });
  return out;
}

void Deduplicator::AddCosineVectors(std::vector<TermVector> vectors) {
  for (TermVector& v : vectors) impl_->cosine_vectors.push_back(std::move(v));
}

LshParams Deduplicator::partial_lsh_params() const {
  return impl_->partial_lsh.has_value() ? impl_->partial_lsh->params()
                                        : LshParams{};
}

uint32_t Deduplicator::size() const { return impl_->size(); }

size_t Deduplicator::MemoryBytes() const {
  const Impl& m = *impl_;
  return m.bbit.capacity() * sizeof(uint16_t) + m.lsh.MemoryBytes() +
         (m.partial_lsh.has_value() ? m.partial_lsh->MemoryBytes() : 0) +
         m.text_hash.capacity() * 8 + m.fingerprint.capacity() * 8 +
         (m.simhash.has_value() ? m.simhash->size() * 8 : 0) +
         m.shingles.capacity() * 4 + m.words.capacity() * 4 +
         m.published.capacity() * 8 + CosineBytes(m.cosine_vectors);
}

}  // namespace neardup
