// Copyright 2026 The neardup Authors.

#include "story/background.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"

#include "neardup/text.h"

namespace neardup::internal {
namespace {

#include "story/background_data.inc"

// Assumed share of news articles using a word of each tier (index = tier:
// rare, then SCOWL levels 10, 20, 35, 40, 50, 55, 60, 70). Rough Zipf
// figures for the levels' frequency ranks; the corpus refines them.
constexpr std::array<double, kNumTiers> kTierShare = {
    0.0001, 0.05, 0.015, 0.004, 0.002, 0.001, 0.0007, 0.0005, 0.0003};

using Table = absl::flat_hash_map<uint64_t, uint8_t>;

void Decode(std::string_view coded, uint8_t tier, Table* table) {
  std::string word;
  size_t i = 0;
  while (i < coded.size()) {
    const size_t keep = static_cast<size_t>(coded[i] - 'A');
    word.resize(std::min(keep, word.size()));
    ++i;
    while (i < coded.size() && coded[i] >= 'a' && coded[i] <= 'z') {
      word.push_back(coded[i++]);
    }
    table->emplace(TokenHash(word), tier);
  }
}

const Table& GetTable() {
  static const Table* const table = [] {
    auto* t = new Table();
    t->reserve(120000);
    Decode(kBackgroundTier1, 1, t);
    Decode(kBackgroundTier2, 2, t);
    Decode(kBackgroundTier3, 3, t);
    Decode(kBackgroundTier4, 4, t);
    Decode(kBackgroundTier5, 5, t);
    Decode(kBackgroundTier6, 6, t);
    Decode(kBackgroundTier7, 7, t);
    Decode(kBackgroundTier8, 8, t);
    return t;
  }();
  return *table;
}

}  // namespace

int BackgroundTier(uint64_t token_hash) {
  const Table& table = GetTable();
  const auto it = table.find(token_hash);
  return it == table.end() ? 0 : it->second;
}

double TierDocumentFraction(int tier) {
  return kTierShare[tier >= 0 && tier < kNumTiers ? tier : 0];
}

namespace {

class TierPrior : public DocumentFrequencyPrior {
 public:
  double DocumentFraction(uint64_t term) const override {
    return TierDocumentFraction(BackgroundTier(term));
  }
};

}  // namespace

std::shared_ptr<const DocumentFrequencyPrior> BackgroundPrior() {
  static const std::shared_ptr<const DocumentFrequencyPrior>* const prior =
      new std::shared_ptr<const DocumentFrequencyPrior>(
          std::make_shared<TierPrior>());
  return *prior;
}

int BackgroundSize() { return static_cast<int>(GetTable().size()); }

}  // namespace neardup::internal
