// Copyright 2026 The neardup Authors.

#include "sketch_reference_text.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "xxhash.h"

#include "neardup/shingle.h"
#include "neardup/text.h"

namespace neardup::testing {
namespace {

uint64_t SplitMix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Avalanche(uint64_t h) {
  h ^= h >> 37;
  h *= 0x165667919E3779F9ULL;
  return h ^ (h >> 32);
}

// lo64(a * b) ^ hi64(a * b), by schoolbook multiplication of 16-bit digits.
uint64_t MulFold(uint64_t a, uint64_t b) {
  uint32_t digits[8] = {};  // The product in 16-bit digits, little-endian.
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; j < 4; ++j) {
      const uint64_t t =
          ((a >> (16 * i)) & 0xFFFF) * ((b >> (16 * j)) & 0xFFFF) +
          digits[i + j] + carry;
      digits[i + j] = static_cast<uint32_t>(t & 0xFFFF);
      carry = t >> 16;
    }
    digits[i + 4] = static_cast<uint32_t>(carry);
  }
  uint64_t lo = 0, hi = 0;
  for (int d = 0; d < 4; ++d) {
    lo |= static_cast<uint64_t>(digits[d]) << (16 * d);
    hi |= static_cast<uint64_t>(digits[d + 4]) << (16 * d);
  }
  return lo ^ hi;
}

// Bytes [from, to) of `word` as a little-endian number, zero-padded.
uint64_t LittleEndian(std::string_view word, size_t from, size_t to) {
  uint64_t x = 0;
  for (size_t i = from; i < to && i < word.size(); ++i) {
    x |= static_cast<uint64_t>(static_cast<uint8_t>(word[i]))
         << (8 * (i - from));
  }
  return x;
}

}  // namespace

uint64_t ReferenceTokenHash(std::string_view word) {
  if (word.size() > 16) {
    return XXH3_64bits_withSeed(word.data(), word.size(), kTokenHashSeed);
  }
  const uint64_t key0 = SplitMix64(kTokenHashSeed) & ~uint64_t{0xFF};
  const uint64_t key1 = SplitMix64(kTokenHashSeed + 1) & ~uint64_t{0xFF};
  const uint64_t lo = LittleEndian(word, 0, 8);
  const uint64_t hi = LittleEndian(word, 8, 16);
  return Avalanche(MulFold(lo ^ key0, hi ^ key1) ^
                   (word.size() * 0x9fb21c651e98df25ULL));
}

uint64_t ReferenceShingleHash(absl::Span<const uint64_t> window) {
  constexpr uint64_t kBase = 0x9e3779b97f4a7c13ULL;
  uint64_t h = 0;
  for (size_t j = 0; j < window.size(); ++j) {
    uint64_t power = 1;  // P^(w-1-j)
    for (size_t e = j + 1; e < window.size(); ++e) power *= kBase;
    h += window[j] * power;
  }
  return Avalanche(h ^ SplitMix64(kShingleHashSeed + window.size()));
}

std::array<uint64_t, 6> ReferenceClassifyBytes(std::string_view bytes) {
  std::array<uint64_t, 6> masks = {};
  for (size_t k = 0; k < bytes.size() && k < 64; ++k) {
    const unsigned char c = static_cast<unsigned char>(bytes[k]);
    const uint64_t bit = uint64_t{1} << k;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) masks[0] |= bit;
    if (c >= '0' && c <= '9') masks[1] |= bit;
    if (c >= 0x80) masks[2] |= bit;
    if (c == '\'') masks[3] |= bit;
    if (c == '.' || c == ',') masks[4] |= bit;
    if (c == '\n') masks[5] |= bit;
  }
  return masks;
}

ReferenceWordHashes ReferenceHashAsciiWords(
    const uint64_t* lo, const uint64_t* hi, const uint32_t* lens, size_t count,
    absl::Span<const std::string_view> stopwords) {
  ReferenceWordHashes out;
  for (size_t k = 0; k < count; ++k) {
    std::string word;
    for (uint32_t j = 0; j < lens[k]; ++j) {
      const uint64_t half = j < 8 ? lo[k] : hi[k];
      char c = static_cast<char>((half >> (8 * (j % 8))) & 0xFF);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word.push_back(c);
    }
    const uint64_t h = ReferenceTokenHash(word);
    out.all.push_back(h);
    if (std::find(stopwords.begin(), stopwords.end(), word) ==
        stopwords.end()) {
      out.content.push_back(h);
    }
  }
  return out;
}

std::vector<ReferenceScannedWord> ReferenceScanAsciiWords(const uint8_t* block,
                                                          uint64_t starts,
                                                          uint64_t lasts) {
  std::vector<uint32_t> first, last;
  for (uint32_t bit = 0; bit < 64; ++bit) {
    if ((starts >> bit) & 1) first.push_back(bit);
    if ((lasts >> bit) & 1) last.push_back(bit);
  }
  std::vector<ReferenceScannedWord> words;
  for (size_t k = 0; k < first.size() && k < last.size(); ++k) {
    ReferenceScannedWord w{0, 0, last[k] - first[k] + 1};
    for (uint32_t j = 0; j < 8; ++j) {
      w.lo |= uint64_t{block[first[k] + j]} << (8 * j);
      w.hi |= uint64_t{block[first[k] + 8 + j]} << (8 * j);
    }
    words.push_back(w);
  }
  return words;
}

}  // namespace neardup::testing
