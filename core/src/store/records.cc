// Copyright 2026 The neardup Authors.

#include "store/records.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "xxhash.h"

#include "neardup/attribution.h"

#include "store/lmdb_util.h"

namespace neardup::internal {
namespace {

constexpr uint64_t kRecordSeed = 0x6e64696478726563ULL;  // "ndidxrec"
constexpr uint64_t kOutletSeed = 0x6e646f75746c6574ULL;  // "ndoutlet"

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void PutStr(std::string_view s) {
    s = CutUtf8(s, 65535);
    Put<uint16_t>(static_cast<uint16_t>(s.size()));
    out_.append(s);
  }
  void PutBytes(const void* p, size_t n) {
    out_.append(static_cast<const char*>(p), n);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* v) {
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetStr(std::string* s) {
    uint16_t n = 0;
    if (!Get(&n) || in_.size() - pos_ < n) return false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool GetArray(size_t n, std::vector<T>* v) {
    if ((in_.size() - pos_) / sizeof(T) < n) return false;
    v->resize(n);
    if (n > 0) std::memcpy(v->data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

uint64_t RecordChecksum(std::string_view bytes) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), kRecordSeed);
}

std::string Seal(std::string payload) {
  const uint64_t sum = RecordChecksum(payload);
  char b[8];
  std::memcpy(b, &sum, 8);
  payload.append(b, 8);
  return payload;
}

absl::StatusOr<std::string_view> Unseal(std::string_view record,
                                        std::string_view what) {
  if (record.size() < 9) {
    return absl::DataLossError(absl::StrCat("index record ", Sv(what),
                                            " is truncated (", record.size(),
                                            " bytes)"));
  }
  const std::string_view payload = record.substr(0, record.size() - 8);
  uint64_t sum = 0;
  std::memcpy(&sum, record.data() + payload.size(), 8);
  if (sum != RecordChecksum(payload)) {
    return absl::DataLossError(absl::StrCat("index record ", Sv(what),
                                            " is damaged (checksum mismatch)"));
  }
  return payload;
}

std::string_view CutUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  // Back up over continuation bytes (10xxxxxx) to a character start.
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

uint64_t OutletHash(std::string_view outlet) {
  if (outlet.empty()) return 0;
  const std::string key = OutletKey(outlet);
  if (key.empty()) return 0;
  const uint64_t h = XXH3_64bits_withSeed(key.data(), key.size(), kOutletSeed);
  return h == 0 ? 1 : h;
}

std::string EncodeDoc(const DocRecord& d) {
  Writer w;
  w.Put<uint8_t>(kDocRecordVersion);
  w.Put<uint8_t>(d.has_text ? 1 : 0);
  w.Put<uint16_t>(static_cast<uint16_t>(d.bbit.size()));
  w.Put<uint32_t>(d.doc);
  w.Put<uint64_t>(d.story);
  w.Put<uint64_t>(d.text_hash);
  w.Put<uint64_t>(d.simhash);
  w.Put<uint32_t>(d.shingles);
  w.Put<uint32_t>(d.words);
  w.Put<int64_t>(d.published);
  w.Put<uint16_t>(static_cast<uint16_t>(d.band_keys.size()));
  w.Put<uint16_t>(static_cast<uint16_t>(d.partial_band_keys.size()));
  w.PutBytes(d.band_keys.data(), d.band_keys.size() * 4);
  w.PutBytes(d.partial_band_keys.data(), d.partial_band_keys.size() * 4);
  w.PutBytes(d.bbit.data(), d.bbit.size() * 2);
  w.PutStr(d.id);
  w.PutStr(d.outlet);
  const size_t cites = std::min<size_t>(d.cites.size(), 255);
  w.Put<uint8_t>(static_cast<uint8_t>(cites));
  for (size_t i = 0; i < cites; ++i) w.PutStr(d.cites[i]);
  const size_t topics = std::min(d.topic.terms.size(), kTopicTerms);
  w.Put<uint8_t>(static_cast<uint8_t>(topics));
  w.PutBytes(d.topic.terms.data(), topics * 4);
  w.PutBytes(d.topic.weights.data(), topics * 2);
  return Seal(w.Take());
}

absl::StatusOr<DocRecord> DecodeDoc(std::string_view record, uint32_t doc) {
  const std::string what = absl::StrCat("document #", doc);
  absl::StatusOr<std::string_view> payload = Unseal(record, what);
  if (!payload.ok()) return payload.status();
  Reader r(*payload);
  DocRecord d;
  uint8_t version = 0, flags = 0, cites = 0, topics = 0;
  uint16_t k = 0, bands = 0, partial = 0;
  bool ok = r.Get(&version) && version == kDocRecordVersion && r.Get(&flags) &&
            r.Get(&k) && r.Get(&d.doc) && r.Get(&d.story) &&
            r.Get(&d.text_hash) && r.Get(&d.simhash) && r.Get(&d.shingles) &&
            r.Get(&d.words) && r.Get(&d.published) && r.Get(&bands) &&
            r.Get(&partial) && r.GetArray(bands, &d.band_keys) &&
            r.GetArray(partial, &d.partial_band_keys) &&
            r.GetArray(k, &d.bbit) && r.GetStr(&d.id) && r.GetStr(&d.outlet) &&
            r.Get(&cites);
  if (ok) {
    d.cites.resize(cites);
    for (std::string& c : d.cites) ok = ok && r.GetStr(&c);
  }
  ok = ok && r.Get(&topics) && topics <= kTopicTerms &&
       r.GetArray(topics, &d.topic.terms) &&
       r.GetArray(topics, &d.topic.weights);
  // Unknown flag bits are damage too (so a record decodes only if it
  // re-encodes to the same bytes).
  if (!ok || !r.done() || d.doc != doc || (flags & ~1u) != 0) {
    return absl::DataLossError(absl::StrCat(
        "index record ", what, " has a bad layout or version ", version));
  }
  d.has_text = (flags & 1) != 0;
  return d;
}

std::string EncodeStory(const StoryRecord& s) {
  Writer w;
  w.Put<uint8_t>(kStoryRecordVersion);
  w.Put<uint8_t>(0);
  w.Put<uint16_t>(0);
  w.Put<uint32_t>(s.centre);
  w.Put<uint64_t>(s.story);
  w.Put<uint32_t>(static_cast<uint32_t>(s.members.size()));
  w.Put<uint32_t>(static_cast<uint32_t>(s.cites.size()));
  for (const StoryMemberRec& m : s.members) {
    w.Put<uint32_t>(m.doc);
    w.Put<int64_t>(m.published);
    w.Put<uint64_t>(m.outlet_hash);
  }
  for (const StoryCite& c : s.cites) {
    w.Put<uint64_t>(c.key_hash);
    w.Put<uint32_t>(c.count);
    w.PutStr(c.name);
  }
  return Seal(w.Take());
}

absl::StatusOr<StoryRecord> DecodeStory(std::string_view record,
                                        uint64_t story) {
  const std::string what = absl::StrCat("story ", story);
  absl::StatusOr<std::string_view> payload = Unseal(record, what);
  if (!payload.ok()) return payload.status();
  Reader r(*payload);
  StoryRecord s;
  uint8_t version = 0, pad8 = 0;
  uint16_t pad16 = 0;
  uint32_t members = 0, cites = 0;
  bool ok = r.Get(&version) && version == kStoryRecordVersion && r.Get(&pad8) &&
            r.Get(&pad16) && r.Get(&s.centre) && r.Get(&s.story) &&
            r.Get(&members) && r.Get(&cites) &&
            members <= payload->size() / 20 && cites <= payload->size() / 14;
  if (ok) {
    s.members.resize(members);
    for (StoryMemberRec& m : s.members) {
      ok = ok && r.Get(&m.doc) && r.Get(&m.published) && r.Get(&m.outlet_hash);
    }
    s.cites.resize(cites);
    for (StoryCite& c : s.cites) {
      ok = ok && r.Get(&c.key_hash) && r.Get(&c.count) && r.GetStr(&c.name);
    }
  }
  if (!ok || !r.done() || s.story != story || pad8 != 0 || pad16 != 0) {
    return absl::DataLossError(
        absl::StrCat("index record ", what, " has a bad layout or version"));
  }
  return s;
}

}  // namespace neardup::internal
