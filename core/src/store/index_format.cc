// Copyright 2026 The neardup Authors.

#include "store/index_format.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "xxhash.h"

namespace neardup::internal {
namespace {

constexpr uint64_t kIdHashSeed = 0x6e64696478696473ULL;  // "ndidxids"

}  // namespace

// Permuted SimHash tables (Manku, Jain & Das Sarma 2007), as simhash_index.h:
// the 64 bits cut into m = k + 2 blocks; two fingerprints within distance k
// agree exactly on the blocks of at least one choice of m - k blocks. One
// mask per choice; a table's key is a hash of the fingerprint's bits under
// its mask (a hash collision only adds a candidate, which verification
// rejects).
std::vector<uint64_t> SimHashMasks(int k) {
  std::vector<uint64_t> masks;
  if (k < 0) return masks;
  const int m = k + 2;
  std::vector<uint64_t> block(m);
  for (int i = 0; i < m; ++i) {
    const int begin = 64 * i / m, end = 64 * (i + 1) / m;
    const int width = end - begin, lo = 64 - end;
    block[i] = width == 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1) << lo;
  }
  // Every subset of m - k = 2 blocks... in general of m - k blocks.
  std::vector<int> chosen(m - k);
  for (int i = 0; i < m - k; ++i) chosen[i] = i;
  while (true) {
    uint64_t mask = 0;
    for (int c : chosen) mask |= block[c];
    masks.push_back(mask);
    int i = m - k - 1;
    while (i >= 0 && chosen[i] == k + i) --i;
    if (i < 0) break;
    ++chosen[i];
    for (int j = i + 1; j < m - k; ++j) chosen[j] = chosen[j - 1] + 1;
  }
  return masks;
}

std::string IdKey(std::string_view id) {
  if (id.size() <= kMaxIdKeyBytes) return std::string(id);
  const XXH128_hash_t h =
      XXH3_128bits_withSeed(id.data(), id.size(), kIdHashSeed);
  std::string key("\0\xff#", 3);
  key.append(reinterpret_cast<const char*>(&h.high64), 8);
  key.append(reinterpret_cast<const char*>(&h.low64), 8);
  return key;
}

std::string EncodeCounters(const Counters& c) {
  std::string s(sizeof(Counters), '\0');
  std::memcpy(s.data(), &c, sizeof(Counters));
  return Seal(std::move(s));
}

std::string OptionsJson(const IndexOptions& o) {
  const DedupOptions& d = o.dedup;
  nlohmann::json j;
  j["shingle_size"] = d.shingle_size;
  j["num_registers"] = d.num_registers;
  j["jaccard_threshold"] = d.jaccard_threshold;
  j["containment_threshold"] = d.containment_threshold;
  j["min_partial_share"] = d.min_partial_share;
  j["partial_lsh_threshold"] = d.partial_lsh_threshold;
  j["simhash_distance"] = d.simhash_distance;
  std::vector<std::string> relations;
  for (Relation r : d.duplicate_relations) {
    relations.emplace_back(RelationName(r));
  }
  j["duplicate_relations"] = relations;
  j["min_shingles"] = d.min_shingles;
  j["max_pairs_per_doc"] = d.max_pairs_per_doc;
  j["skip_boilerplate"] = d.tokenize.skip_boilerplate;
  j["lsh_non_duplicate_decay"] = d.lsh_tuning.non_duplicate_decay;
  j["lsh_duplicate_skew"] = d.lsh_tuning.duplicate_skew;
  j["lsh_false_positive_weight"] = d.lsh_tuning.false_positive_weight;
  j["lsh_false_negative_weight"] = d.lsh_tuning.false_negative_weight;
  j["max_bytes"] = o.max_bytes;
  j["attributions"] = o.attributions;
  j["topic_cosine"] = o.topic_cosine;
  return j.dump();
}

absl::StatusOr<IndexOptions> ParseOptionsJson(std::string_view text) {
  IndexOptions o;
  DedupOptions& d = o.dedup;
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    d.shingle_size = j.at("shingle_size").get<int>();
    d.num_registers = j.at("num_registers").get<int>();
    d.jaccard_threshold = j.at("jaccard_threshold").get<double>();
    d.containment_threshold = j.at("containment_threshold").get<double>();
    d.min_partial_share = j.at("min_partial_share").get<double>();
    d.partial_lsh_threshold = j.at("partial_lsh_threshold").get<double>();
    d.simhash_distance = j.at("simhash_distance").get<int>();
    d.duplicate_relations.clear();
    for (const auto& r : j.at("duplicate_relations")) {
      absl::StatusOr<Relation> rel = ParseRelation(r.get<std::string>());
      if (!rel.ok()) return absl::DataLossError("index options: bad relation");
      d.duplicate_relations.push_back(*rel);
    }
    d.min_shingles = j.at("min_shingles").get<int>();
    d.max_pairs_per_doc = j.at("max_pairs_per_doc").get<int>();
    d.tokenize.skip_boilerplate = j.at("skip_boilerplate").get<bool>();
    d.lsh_tuning.non_duplicate_decay =
        j.at("lsh_non_duplicate_decay").get<double>();
    d.lsh_tuning.duplicate_skew = j.at("lsh_duplicate_skew").get<double>();
    d.lsh_tuning.false_positive_weight =
        j.at("lsh_false_positive_weight").get<double>();
    d.lsh_tuning.false_negative_weight =
        j.at("lsh_false_negative_weight").get<double>();
    o.max_bytes = j.at("max_bytes").get<uint64_t>();
    o.attributions = j.at("attributions").get<bool>();
    o.topic_cosine = j.at("topic_cosine").get<double>();
  } catch (const nlohmann::json::exception& e) {
    return absl::DataLossError(
        absl::StrCat("index options record is unreadable: ", e.what()));
  }
  return o;
}

OriginPick PickOrigin(const StoryRecord& s) {
  OriginPick pick;
  for (const StoryCite& c : s.cites) {
    const bool member = std::any_of(
        s.members.begin(), s.members.end(),
        [&c](const StoryMemberRec& m) { return m.outlet_hash == c.key_hash; });
    if (!member) {
      pick.external = true;
      pick.outlet = c.name;
      return pick;
    }
  }
  const StoryMemberRec* best = nullptr;
  for (const StoryMemberRec& m : s.members) {
    if (best == nullptr || m.published < best->published ||
        (m.published == best->published && m.doc < best->doc)) {
      best = &m;
    }
  }
  if (best != nullptr) pick.doc = best->doc;
  return pick;
}

void AddCites(const std::vector<std::string>& cites, StoryRecord* s) {
  for (const std::string& name : cites) {
    const uint64_t h = OutletHash(name);
    if (h == 0) continue;
    auto it = std::find_if(s->cites.begin(), s->cites.end(),
                           [h](const StoryCite& c) { return c.key_hash == h; });
    if (it != s->cites.end()) {
      ++it->count;
    } else {
      s->cites.push_back({h, 1, name});
    }
  }
}

}  // namespace neardup::internal
