// Copyright 2026 The neardup Authors.
//
// The signing pipeline, and the golden vectors that pin signature format v2
// (docs/signature-format.md). A golden mismatch means the format changed:
// bump kSignatureFormatVersion, document it, and regenerate with
//   NEARDUP_UPDATE_GOLDEN=1 build/tests/sketch_test
// (run from the source root).

#include "neardup/sketch.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hwy/targets.h"

#include "neardup/minhash.h"
#include "neardup/shingle.h"
#include "neardup/simhash.h"

#include "english_text.h"
#include "sketch/distinct_counter.h"
#include "sketch_reference.h"

namespace neardup {
namespace {

constexpr char kGoldenPath[] = "tests/golden/signatures_v2.txt";

// The golden input text: two short news paragraphs.
constexpr char kGoldenText[] =
    "GENEVA (Reuters) - The World Health Organization said on Tuesday that "
    "the number of new cases fell for a third straight week, although "
    "officials warned that testing had declined in many countries.\n\n"
    "\"We are cautiously optimistic,\" the agency's director said at a "
    "briefing, adding that 1,200 new deaths were reported in the last 7 "
    "days - down 40% from the week before.";

// Golden hash inputs: x_i = i * 0x9E3779B97F4A7C15 (mod 2^64), i = 1..n.
std::vector<uint64_t> GoldenHashes(size_t n) {
  std::vector<uint64_t> out;
  for (uint64_t i = 1; i <= n; ++i) out.push_back(i * 0x9E3779B97F4A7C15ULL);
  return out;
}

std::string Hex(absl::Span<const uint32_t> values) {
  std::string out;
  char buf[9];
  for (uint32_t v : values) {
    std::snprintf(buf, sizeof(buf), "%08x", v);
    out += buf;
  }
  return out;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(v));
  return buf;
}

// name -> value of every golden vector, computed now.
std::map<std::string, std::string> ComputeGolden() {
  std::map<std::string, std::string> out;
  for (MinHashMode mode :
       {MinHashMode::kClassic, MinHashMode::kOnePermutation}) {
    const std::string m = mode == MinHashMode::kClassic ? "classic" : "oph";
    for (int k : {16, 128}) {
      for (size_t n : {1, 10, 1000}) {
        const MinHasher hasher =
            MinHasher::Create({.num_registers = k, .mode = mode, .seed = 1})
                .value();
        out["minhash." + m + ".k" + std::to_string(k) + ".n" +
            std::to_string(n)] = Hex(hasher.Sketch(GoldenHashes(n)).values);
      }
    }
  }
  const std::vector<uint64_t> features = GoldenHashes(37);
  std::vector<float> weights;
  for (int i = 0; i < 37; ++i) weights.push_back(0.25f * (i % 7) - 0.5f);
  out["simhash.uniform.n37"] = Hex64(SimHashUniform(features));
  out["simhash.weighted.n37"] = Hex64(SimHash(features, weights));
  // Words and shingles (section 1): token hashes of words of 1..20 bytes
  // (both sides of the 8- and 16-byte boundaries of the short-word hash),
  // and 5-shingles of the golden hash inputs.
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  std::string token_hashes;
  for (size_t len = 1; len <= 20; ++len) {
    token_hashes += Hex64(TokenHash(letters.substr(0, len)));
  }
  out["token.a_to_t"] = token_hashes;
  std::vector<Token> tokens;
  for (uint64_t h : GoldenHashes(9)) tokens.push_back(Token{0, 0, h, 0});
  std::string shingles;
  for (uint64_t h : ShingleHashes(tokens, 5)) shingles += Hex64(h);
  out["shingle.n5.t9"] = shingles;
  out["shingle.n5.t3"] =
      Hex64(ShingleHashes(absl::MakeConstSpan(tokens).subspan(0, 3), 5)[0]);
  const Sketcher sketcher = Sketcher::Create({}).value();
  const DocumentSketch s = sketcher.Sketch(kGoldenText);
  out["text.default.minhash"] = Hex(s.minhash.values);
  out["text.default.simhash"] = Hex64(s.simhash);
  out["text.default.counts"] =
      std::to_string(s.num_tokens) + "," + std::to_string(s.num_shingles);
  SketchOptions oph;
  oph.minhash.mode = MinHashMode::kOnePermutation;
  oph.simhash_weighting = SimHashWeighting::kUniform;
  const DocumentSketch t = Sketcher::Create(oph).value().Sketch(kGoldenText);
  out["text.oph_uniform.minhash"] = Hex(t.minhash.values);
  out["text.oph_uniform.simhash"] = Hex64(t.simhash);
  return out;
}

std::map<std::string, std::string> ReadGolden() {
  std::map<std::string, std::string> out;
  std::ifstream in(kGoldenPath);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    out[line.substr(0, space)] = line.substr(space + 1);
  }
  return out;
}

TEST(SketchGoldenTest, SignatureFormatV2IsStable) {
  ASSERT_EQ(kSignatureFormatVersion, 2);
  if (std::getenv("NEARDUP_UPDATE_GOLDEN") != nullptr) {
    std::ofstream out(kGoldenPath);
    out << "# neardup signature format v2: golden vectors "
           "(tests/sketch_test.cc).\n";
    for (const auto& [name, value] : ComputeGolden()) {
      out << name << " " << value << "\n";
    }
    GTEST_SKIP() << "rewrote " << kGoldenPath;
  }
  const std::map<std::string, std::string> golden = ReadGolden();
  ASSERT_FALSE(golden.empty()) << "cannot read " << kGoldenPath;
  // Same bytes on every target this CPU runs.
  for (int64_t target : hwy::SupportedAndGeneratedTargets()) {
    hwy::SetSupportedTargetsForTest(target);
    EXPECT_EQ(ComputeGolden(), golden) << hwy::TargetName(target);
  }
  hwy::SetSupportedTargetsForTest(0);
}

TEST(SketcherTest, RejectsBadOptions) {
  for (int n : {0, 17}) {
    SketchOptions bad_n;
    bad_n.shingle_size = n;
    EXPECT_FALSE(Sketcher::Create(bad_n).ok()) << n;
  }
  SketchOptions bad_k;
  bad_k.minhash.num_registers = 100;
  EXPECT_EQ(Sketcher::Create(bad_k).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SketcherTest, MatchesTheStagesComposedByHand) {
  const Sketcher sketcher = Sketcher::Create({}).value();
  const DocumentSketch s = sketcher.Sketch(kGoldenText);
  const TokenizedText tokens = Tokenize(kGoldenText);
  const ShingleSet set = Shingles(tokens.tokens, 5);
  EXPECT_EQ(s.num_tokens, tokens.tokens.size());
  EXPECT_EQ(s.num_shingles, set.size());
  EXPECT_EQ(s.minhash.values,
            testing::ReferenceMinHashClassic(set.hashes(), 128, 1));
  EXPECT_EQ(s.minhash.set_size, set.size());
  EXPECT_EQ(s.simhash, SimHashTokens(tokens.tokens, SimHashWeighting::kCounts));
}

TEST(SketcherTest, EmptyTextGivesEmptySketch) {
  const DocumentSketch s = Sketcher::Create({}).value().Sketch("  \n ");
  EXPECT_EQ(s.num_tokens, 0u);
  EXPECT_EQ(s.num_shingles, 0u);
  EXPECT_TRUE(s.minhash.empty());
  EXPECT_EQ(s.simhash, 0u);
}

TEST(SketcherTest, NearDuplicatesAreClose) {
  const Sketcher sketcher = Sketcher::Create({}).value();
  const std::string edited = std::string(kGoldenText) + " Officials agreed.";
  const DocumentSketch a = sketcher.Sketch(kGoldenText);
  const DocumentSketch b = sketcher.Sketch(edited);
  EXPECT_GT(EstimateJaccard(a.minhash, b.minhash), 0.7);
  EXPECT_LT(HammingDistance(a.simhash, b.simhash), 16);
}

TEST(SketcherTest, SignaturesDriftWithTheEditRate) {
  // English-like documents rewritten at increasing word edit rates: on
  // average the SimHash distance grows and the MinHash Jaccard estimate
  // falls, step by step (seeded; 40 documents per rate).
  const Sketcher sketcher = Sketcher::Create({}).value();
  const std::vector<double> rates = {0.0, 0.02, 0.05, 0.1, 0.2, 0.4};
  std::vector<double> distance(rates.size()), jaccard(rates.size());
  constexpr int kDocs = 40;
  for (int d = 0; d < kDocs; ++d) {
    const std::string text = testing::GenerateEnglishText(2000, 100 + d);
    const DocumentSketch original = sketcher.Sketch(text);
    for (size_t r = 0; r < rates.size(); ++r) {
      const DocumentSketch edited =
          sketcher.Sketch(testing::PerturbText(text, rates[r], 500 + d));
      distance[r] += HammingDistance(original.simhash, edited.simhash);
      jaccard[r] += EstimateJaccard(original.minhash, edited.minhash);
    }
  }
  EXPECT_EQ(distance[0], 0.0);
  EXPECT_EQ(jaccard[0], kDocs);
  for (size_t r = 1; r < rates.size(); ++r) {
    EXPECT_GT(distance[r], distance[r - 1]) << "rate " << rates[r];
    EXPECT_LT(jaccard[r], jaccard[r - 1]) << "rate " << rates[r];
  }
}

TEST(CountDistinctTest, MatchesASet) {
  std::mt19937_64 rng(4);
  for (size_t n : {0, 1, 2, 3, 100, 1000, 4097}) {
    std::vector<uint64_t> v;
    for (size_t i = 0; i < n; ++i) v.push_back(rng() % (n / 2 + 1));
    EXPECT_EQ(CountDistinct(v), ShingleSet::FromHashes(v).size()) << n;
  }
}

// n uniform hashes (the real input) with repeats and zeros; kind 1 and 2
// crowd them into the first or last slots of the table. With `earlier`
// (nonempty), about 1 in 8 repeats a value of it.
std::vector<uint64_t> HashesWithRepeats(std::mt19937_64& rng, size_t n,
                                        int kind,
                                        const std::vector<uint64_t>& earlier) {
  std::vector<uint64_t> v;
  for (size_t i = 0; i < n; ++i) {
    uint64_t x = rng();
    if (kind == 1) x >>= 40;
    if (kind == 2) x |= ~0ULL << 58;
    if (i > 0 && rng() % 4 == 0) x = v[rng() % v.size()];  // A repeat.
    if (!earlier.empty() && rng() % 8 == 0) {
      x = earlier[rng() % earlier.size()];
    }
    if (rng() % 64 == 0) x = 0;
    v.push_back(x);
  }
  return v;
}

TEST(CountDistinctTest, MatchesASetOnHashesWithRepeats) {
  std::mt19937_64 rng(5);
  for (size_t n : {2, 5, 8, 9, 63, 64, 65, 1000, 5000, 40000}) {
    for (int kind = 0; kind < 3; ++kind) {
      const std::vector<uint64_t> v = HashesWithRepeats(rng, n, kind, {});
      EXPECT_EQ(CountDistinct(v), ShingleSet::FromHashes(v).size())
          << n << " " << kind;
    }
  }
}

// One counter over many arrays, as Sketcher::Sketch uses it: its table is
// kept from call to call and cleared only when the indices pass 65535, so
// the arrays here pass that mark several times, shrink and grow the table,
// and repeat values of the array before (the stale slots must read free).
TEST(CountDistinctTest, CounterKeptAcrossCallsMatchesASet) {
  std::mt19937_64 rng(6);
  internal::DistinctCounter counter;
  std::vector<uint64_t> previous;
  size_t total = 0;
  for (int call = 0; call < 400; ++call) {
    const size_t n = call % 50 == 49 ? 20000 + rng() % 45000
                     : call % 7 == 0 ? rng() % 5000
                                     : rng() % 300;
    std::vector<uint64_t> v = HashesWithRepeats(rng, n, call % 3, previous);
    ASSERT_EQ(counter.Count(v), ShingleSet::FromHashes(v).size())
        << "call " << call << " n=" << n;
    total += n;
    previous = std::move(v);
  }
  EXPECT_GT(total, size_t{5} * 65535);  // The table was cleared several times.
}

}  // namespace
}  // namespace neardup
