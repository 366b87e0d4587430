// Copyright 2026 The neardup Authors.
//
// Every sketch kernel, on every Highway target this binary compiled and this
// CPU supports, bit for bit against the plain C++ references in
// core/testing/sketch_reference.h, over awkward lengths (0..67, 255..257).

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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
#include "neardup/version.h"

#include "sketch/sketch_kernels.h"
#include "sketch_reference.h"
#include "sketch_reference_text.h"
#include "text/byte_classes.h"
#include "text/shingle_kernels.h"
#include "text/stopwords.h"
#include "text/word_hash_kernels.h"

namespace neardup {
namespace {

std::vector<size_t> AwkwardLengths() {
  std::vector<size_t> lengths;
  for (size_t n = 0; n <= 67; ++n) lengths.push_back(n);
  for (size_t n = 255; n <= 257; ++n) lengths.push_back(n);
  return lengths;
}

std::vector<uint64_t> RandomHashes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> out(n);
  for (uint64_t& x : out) x = rng();
  return out;
}

std::vector<float> RandomWeights(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<float> out(n);
  // Integers / 64 and odd fractions, so float sums round non-trivially.
  for (float& w : out) w = static_cast<float>(rng() % 10007) / 97.0f;
  return out;
}

// Runs the test body once per target, with the target forced.
class SketchDispatchTest : public ::testing::TestWithParam<int64_t> {
 protected:
  void SetUp() override { hwy::SetSupportedTargetsForTest(GetParam()); }
  void TearDown() override { hwy::SetSupportedTargetsForTest(0); }
};

TEST_P(SketchDispatchTest, ForcedTargetIsTheOneDispatched) {
  EXPECT_EQ(SimdTarget(), hwy::TargetName(GetParam()));
}

TEST_P(SketchDispatchTest, ClassicMatchesReference) {
  for (int k : {8, 24, 128, 136}) {
    const MinHasher hasher =
        MinHasher::Create(
            {.num_registers = k, .mode = MinHashMode::kClassic, .seed = 42})
            .value();
    for (size_t n : AwkwardLengths()) {
      const std::vector<uint64_t> hashes = RandomHashes(n, 1000 + n);
      EXPECT_EQ(hasher.Sketch(hashes).values,
                testing::ReferenceMinHashClassic(hashes, k, 42))
          << "k=" << k << " n=" << n;
    }
  }
}

TEST_P(SketchDispatchTest, ClassicMatchesReferenceOnLongInput) {
  // Longer than one 256-shingle chunk, k = 1024.
  const std::vector<uint64_t> hashes = RandomHashes(1100, 5);
  const MinHasher hasher =
      MinHasher::Create({.num_registers = 1024, .seed = 3}).value();
  EXPECT_EQ(hasher.Sketch(hashes).values,
            testing::ReferenceMinHashClassic(hashes, 1024, 3));
}

TEST_P(SketchDispatchTest, OnePermutationMatchesReference) {
  for (int k : {8, 64, 128, 1000}) {
    const MinHasher hasher =
        MinHasher::Create({.num_registers = k,
                           .mode = MinHashMode::kOnePermutation,
                           .seed = 7})
            .value();
    for (size_t n : AwkwardLengths()) {
      const std::vector<uint64_t> hashes = RandomHashes(n, 2000 + n);
      EXPECT_EQ(hasher.Sketch(hashes).values,
                testing::ReferenceOnePermutation(hashes, k, 7))
          << "k=" << k << " n=" << n;
    }
  }
}

TEST_P(SketchDispatchTest, DensifyProbeHitsMatchesReference) {
  // Every SIMD target computes it for k <= 128 (AVX3_DL by vpermi2b, the
  // others by pshufb); the scalar target declines (the caller then tests the
  // probes itself, covered by OnePermutationMatchesReference).
  std::mt19937_64 rng(11);
  for (size_t k : {8, 16, 24, 56, 64, 72, 120, 128, 136}) {
    // Percent of bins filled: many empty bins (all bins' probes tested) and
    // few (only the empty bins').
    for (int fill : {0, 1, 30, 70, 85, 95, 99, 100}) {
      std::vector<uint32_t> registers(k);
      for (uint32_t& r : registers) {
        r = static_cast<int>(rng() % 100) < fill
                ? static_cast<uint32_t>(rng() % 0xFFFFFFFFu)
                : 0xFFFFFFFFu;
      }
      std::vector<uint8_t> probes(8 * k);
      for (uint8_t& p : probes) p = static_cast<uint8_t>(rng() % k);
      // The probes' last row hits the last bin and the first.
      probes[8 * k - 1] = static_cast<uint8_t>(k - 1);
      probes[8 * k - 2] = 0;
      std::vector<uint64_t> full(16, 0x5555);
      std::vector<uint8_t> hits(k, 0xAA);
      const bool done = internal::DensifyProbeHits(
          registers.data(), k, probes.data(), full.data(), hits.data());
      EXPECT_EQ(done, GetParam() != HWY_SCALAR && k <= 128) << "k=" << k;
      if (!done) continue;
      std::vector<uint64_t> want_full;
      std::vector<uint8_t> want_hits;
      testing::ReferenceDensifyProbeHits(registers, probes, &want_full,
                                         &want_hits);
      full.resize(want_full.size());
      EXPECT_EQ(full, want_full) << "k=" << k << " fill=" << fill;
      // Only the empty bins' hit bytes are defined.
      for (size_t i = 0; i < k; ++i) {
        if ((want_full[i / 64] >> (i % 64)) & 1) continue;
        EXPECT_EQ(hits[i], want_hits[i])
            << "k=" << k << " fill=" << fill << " bin=" << i;
      }
    }
  }
}

TEST_P(SketchDispatchTest, SimHashMatchesReference) {
  for (size_t n : AwkwardLengths()) {
    const std::vector<uint64_t> features = RandomHashes(n, 3000 + n);
    const std::vector<float> weights = RandomWeights(n, 4000 + n);
    EXPECT_EQ(SimHash(features, weights),
              testing::ReferenceSimHash(features, weights))
        << "n=" << n;
    EXPECT_EQ(SimHashUniform(features), testing::ReferenceSimHash(features, {}))
        << "n=" << n;
  }
}

// The unweighted sums themselves (counted in integers on SIMD targets), in
// one call and in two (the second starting from the first's sums), against
// the reference's n sequential float adds.
TEST_P(SketchDispatchTest, SimHashUnweightedSumsMatchReference) {
  std::vector<size_t> lengths = AwkwardLengths();
  lengths.push_back(600);
  for (size_t n : lengths) {
    const std::vector<uint64_t> features = RandomHashes(n, 6000 + n);
    const std::array<float, 64> want =
        testing::ReferenceSimHashSums(features, {});
    float once[64] = {};
    internal::SimHashAccumulate(features.data(), nullptr, n, once);
    float twice[64] = {};
    internal::SimHashAccumulate(features.data(), nullptr, n / 2, twice);
    internal::SimHashAccumulate(features.data() + n / 2, nullptr, n - n / 2,
                                twice);
    for (size_t j = 0; j < 64; ++j) {
      EXPECT_EQ(once[j], want[j]) << "n=" << n << " j=" << j;
      EXPECT_EQ(twice[j], want[j]) << "n=" << n << " j=" << j;
    }
  }
}

// Uniform hashes with repeats and zeros, and hashes crowded into the first
// or last buckets (full buckets overflowing into the next ones), against
// sort + unique.
TEST_P(SketchDispatchTest, CountDistinctMatchesReference) {
  std::mt19937_64 rng(12);
  std::vector<size_t> lengths = AwkwardLengths();
  lengths.push_back(5000);
  for (size_t n : lengths) {
    for (int kind = 0; kind < 3; ++kind) {
      std::vector<uint64_t> v;
      for (size_t i = 0; i < n; ++i) {
        uint64_t x = rng();
        if (kind == 1) x >>= 40;
        if (kind == 2) x |= ~0ULL << 58;
        if (i > 0 && rng() % 4 == 0) x = v[rng() % v.size()];
        if (rng() % 64 == 0) x = 0;
        v.push_back(x);
      }
      std::vector<uint64_t> sorted = v;
      std::sort(sorted.begin(), sorted.end());
      const size_t want = static_cast<size_t>(
          std::unique(sorted.begin(), sorted.end()) - sorted.begin());
      EXPECT_EQ(CountDistinct(v), want) << "n=" << n << " kind=" << kind;
    }
  }
}

// Every window size the options allow, over awkward token counts.
TEST_P(SketchDispatchTest, ShingleHashesMatchReference) {
  for (size_t window = 1; window <= 16; ++window) {
    for (size_t n : AwkwardLengths()) {
      if (n < window) continue;
      const std::vector<uint64_t> tokens = RandomHashes(n, 5000 + n + window);
      std::vector<uint64_t> got(n - window + 1);
      internal::ShingleHashesOf(tokens.data(), n, window, got.data());
      for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i], testing::ReferenceShingleHash(
                              absl::MakeConstSpan(tokens.data() + i, window)))
            << "window=" << window << " n=" << n << " i=" << i;
      }
    }
  }
}

// Every byte value at every position, then text-like bytes, over lengths
// 0..64 and every alignment of the source within a 64-byte line, then spans
// of several blocks (whole and short last blocks) at every alignment.
TEST_P(SketchDispatchTest, ClassifyBytesMatchesReference) {
  std::mt19937_64 rng(11);
  constexpr size_t kMaxBytes = 64 * 5 + 1;
  alignas(64) unsigned char buffer[64 + kMaxBytes + 64];
  auto check = [&](size_t offset, size_t n) {
    const size_t blocks = (n + 63) / 64;
    // One block past the result, to catch a write past it.
    internal::ByteClassMasks m[7], via_pointer[7];
    std::memset(m, 0xA5, sizeof(m));
    std::memset(via_pointer, 0xA5, sizeof(via_pointer));
    internal::ClassifyBytes(buffer + offset, n, m);
    internal::ClassifyBytesKernel()(buffer + offset, n, via_pointer);
    ASSERT_EQ(std::memcmp(m, via_pointer, sizeof(m)), 0)
        << "offset=" << offset << " n=" << n;
    EXPECT_EQ(m[blocks].letter, 0xA5A5A5A5A5A5A5A5ULL) << "n=" << n;
    EXPECT_EQ(m[blocks].newline, 0xA5A5A5A5A5A5A5A5ULL) << "n=" << n;
    for (size_t b = 0; b < blocks; ++b) {
      const std::array<uint64_t, 6> want =
          testing::ReferenceClassifyBytes(std::string_view(
              reinterpret_cast<const char*>(buffer + offset + 64 * b),
              std::min<size_t>(64, n - 64 * b)));
      const std::string where = "offset=" + std::to_string(offset) +
                                " n=" + std::to_string(n) +
                                " block=" + std::to_string(b);
      EXPECT_EQ(m[b].letter, want[0]) << where;
      EXPECT_EQ(m[b].digit, want[1]) << where;
      EXPECT_EQ(m[b].non_ascii, want[2]) << where;
      EXPECT_EQ(m[b].apostrophe, want[3]) << where;
      EXPECT_EQ(m[b].point, want[4]) << where;
      EXPECT_EQ(m[b].newline, want[5]) << where;
    }
  };
  for (size_t i = 0; i < sizeof(buffer); ++i) {
    buffer[i] = static_cast<unsigned char>(i * 0x4D + 3);  // All 256 values.
  }
  for (size_t offset = 0; offset < 128; ++offset) check(offset, 64);
  for (size_t offset = 0; offset < 64; ++offset) check(offset, 256);
  constexpr char kAlphabet[] = "aZz09'.,- \n\x80\xff\x7f/@[`{:\n\x0a";
  for (int round = 0; round < 20; ++round) {
    for (unsigned char& c : buffer) {
      c = static_cast<unsigned char>(
          kAlphabet[rng() % (sizeof(kAlphabet) - 1)]);
    }
    for (size_t offset = 0; offset < 64; offset += 7) {
      for (size_t n = 0; n <= 64; ++n) check(offset, n);
    }
    for (size_t offset = 0; offset < 64; offset += 13) {
      for (size_t n = 65; n <= kMaxBytes; n += 3) check(offset, n);
    }
  }
}

// Words of 1..15 letters and digits in mixed case (stopwords among them,
// in any case, and words one letter off a stopword), with random bytes past
// each word in its 16, in batches of every size 0..67 and 255..257 (the
// vector step, its tail, the tokenizer's batch), through the dispatching
// call and the kernel pointer.
TEST_P(SketchDispatchTest, HashAsciiWordsMatchesReference) {
  std::mt19937_64 rng(12);
  const absl::Span<const std::string_view> stopwords = internal::Stopwords();
  const internal::StopwordProbe probe = internal::StopwordTable::Get().probe();
  ASSERT_TRUE(internal::StopwordTable::Get().perfect());
  constexpr char kAlnum[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  auto random_word = [&] {
    std::string w;
    const int kind = static_cast<int>(rng() % 4);
    if (kind <= 1) {
      w = std::string(stopwords[rng() % stopwords.size()]);
      // The list holds apostrophes; the kernel's words have none.
      w.erase(std::remove(w.begin(), w.end(), '\''), w.end());
      if (w.empty() || w.size() > 15) w = "the";
      for (char& c : w) {
        if (rng() % 3 == 0 && c >= 'a' && c <= 'z') c = c - 'a' + 'A';
      }
      if (kind == 1) w[rng() % w.size()] = kAlnum[rng() % 62];
    } else {
      const size_t n = 1 + rng() % 15;
      for (size_t j = 0; j < n; ++j) w.push_back(kAlnum[rng() % 62]);
    }
    return w;
  };
  size_t stopwords_seen = 0;
  for (size_t count : AwkwardLengths()) {
    for (int round = 0; round < 4; ++round) {
      const size_t room = (count + 7) / 8 * 8;
      std::vector<uint64_t> lo(room), hi(room);
      std::vector<uint32_t> lens(room);
      for (size_t k = 0; k < room; ++k) {
        const std::string w = random_word();
        unsigned char bytes[16];
        for (unsigned char& b : bytes) b = static_cast<unsigned char>(rng());
        std::copy(w.begin(), w.end(), bytes);
        lo[k] = 0;
        hi[k] = 0;
        for (int j = 0; j < 8; ++j) {
          lo[k] |= uint64_t{bytes[j]} << (8 * j);
          hi[k] |= uint64_t{bytes[8 + j]} << (8 * j);
        }
        lens[k] = static_cast<uint32_t>(w.size());
      }
      const testing::ReferenceWordHashes want =
          testing::ReferenceHashAsciiWords(lo.data(), hi.data(), lens.data(),
                                           count, stopwords);
      std::vector<uint64_t> all(room, 0), content(room, 0);
      const size_t n =
          internal::HashAsciiWords(lo.data(), hi.data(), lens.data(), count,
                                   probe, all.data(), content.data());
      ASSERT_EQ(n, want.content.size()) << "count=" << count;
      stopwords_seen += count - n;
      all.resize(count);
      content.resize(n);
      EXPECT_EQ(all, want.all) << "count=" << count;
      EXPECT_EQ(content, want.content) << "count=" << count;
      std::vector<uint64_t> all2(room, 0), content2(room, 0);
      const size_t n2 = internal::HashAsciiWordsKernel()(
          lo.data(), hi.data(), lens.data(), count, probe, all2.data(),
          content2.data());
      EXPECT_EQ(n2, n);
      all2.resize(count);
      content2.resize(n2);
      EXPECT_EQ(all2, want.all);
      EXPECT_EQ(content2, want.content);
    }
  }
  EXPECT_GT(stopwords_seen, 1000u);  // The probe was exercised.
}

TEST_P(SketchDispatchTest, ScanAsciiWordsMatchesReference) {
  std::mt19937_64 rng(13);
  const internal::ScanAsciiWordsFn kernel = internal::ScanAsciiWordsKernel();
  if (GetParam() == HWY_AVX3_DL) {
    EXPECT_NE(kernel, nullptr);
  }
  size_t words_seen = 0;
  for (int round = 0; round < 3000; ++round) {
    // 80 bytes, the first 64 in runs of letters (1) and separators (0) of
    // random lengths; the run pattern varies from dense (every other byte)
    // to long words.
    uint8_t block[80];
    for (uint8_t& b : block) b = static_cast<uint8_t>(rng());
    const int max_run = 1 + round % 20;
    uint64_t alnum = 0;
    bool in_word = rng() % 2 != 0;
    for (int bit = 0; bit < 64;) {
      const int run = 1 + static_cast<int>(rng() % max_run);
      for (int j = 0; j < run && bit < 64; ++j, ++bit) {
        if (in_word) alnum |= uint64_t{1} << bit;
      }
      in_word = !in_word;
    }
    if (round == 0) alnum = 0x5555555555555555ULL;  // 32 words.
    if (round == 1) alnum = ~uint64_t{0};           // One word of 64.
    if (round == 2) alnum = 0;
    uint64_t starts = alnum & ~(alnum << 1);
    uint64_t lasts = alnum & ~(alnum >> 1);
    // The first `keep` words only, as the tokenizer passes them.
    const int total = std::popcount(starts);
    const int keep = total == 0 ? 0 : static_cast<int>(rng() % (total + 1));
    for (int k = total; k > keep; --k) {
      starts &= ~(uint64_t{1} << (63 - std::countl_zero(starts)));
      lasts &= ~(uint64_t{1} << (63 - std::countl_zero(lasts)));
    }
    if (round < 3) {
      starts = alnum & ~(alnum << 1);
      lasts = alnum & ~(alnum >> 1);
    }
    const std::vector<testing::ReferenceScannedWord> want =
        testing::ReferenceScanAsciiWords(block, starts, lasts);
    words_seen += want.size();
    auto check = [&](internal::ScanAsciiWordsFn scan) {
      std::vector<uint64_t> lo(32, 7), hi(32, 7);
      std::vector<uint32_t> lens(32, 7);
      const size_t n =
          scan(block, starts, lasts, lo.data(), hi.data(), lens.data());
      ASSERT_EQ(n, want.size()) << "round=" << round;
      std::vector<testing::ReferenceScannedWord> got;
      for (size_t k = 0; k < n; ++k) got.push_back({lo[k], hi[k], lens[k]});
      EXPECT_EQ(got, want) << "round=" << round;
    };
    check(&internal::ScanAsciiWords);
    if (kernel != nullptr) check(kernel);
  }
  EXPECT_GT(words_seen, 10000u);
}

std::string TargetParamName(const ::testing::TestParamInfo<int64_t>& info) {
  return hwy::TargetName(info.param);
}

INSTANTIATE_TEST_SUITE_P(
    AllTargets, SketchDispatchTest,
    ::testing::ValuesIn(hwy::SupportedAndGeneratedTargets()), TargetParamName);

TEST(SimdTargetTest, SetSimdTargetForcesAndRestores) {
  const std::string best(SimdTarget());
  const std::vector<std::string> names = AvailableSimdTargets();
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.back(), "scalar");
  ASSERT_TRUE(SetSimdTarget("SCALAR").ok());
  EXPECT_EQ(SimdTarget(), "SCALAR");
  EXPECT_FALSE(SetSimdTarget("no-such-target").ok());
  EXPECT_EQ(SimdTarget(), "SCALAR");  // Unchanged by the failed call.
  ASSERT_TRUE(SetSimdTarget("auto").ok());
  EXPECT_EQ(SimdTarget(), best);
}

}  // namespace
}  // namespace neardup
