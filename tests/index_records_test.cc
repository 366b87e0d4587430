// Copyright 2026 The neardup Authors.
//
// The streaming index's records (store/records.h): round trips, and every
// single-byte change or truncation is a DataLoss naming the record.

#include <string>

#include "gtest/gtest.h"

#include "store/records.h"

namespace neardup::internal {
namespace {

DocRecord SampleDoc() {
  DocRecord d;
  d.doc = 42;
  d.story = 7;
  d.text_hash = 0x1234567890abcdefULL;
  d.simhash = 0xfedcba0987654321ULL;
  d.shingles = 300;
  d.words = 310;
  d.published = 1767225600;
  d.has_text = true;
  d.band_keys = {1, 2, 3};
  d.partial_band_keys = {4, 5};
  d.bbit = {10, 20, 30, 40, 50, 60, 70, 80};
  d.id = "reuters-1";
  d.outlet = "Reuters";
  d.cites = {"The Information", "Bloomberg"};
  d.topic.terms = {5, 900, 70000};
  d.topic.weights = {65535, 12, 4000};
  return d;
}

StoryRecord SampleStory() {
  StoryRecord s;
  s.story = 7;
  s.centre = 42;
  s.members = {{42, 1767225600, 99}, {43, INT64_MAX, 0}};
  s.cites = {{123, 2, "The Information"}};
  return s;
}

TEST(IndexRecordsTest, DocumentRoundTrips) {
  const std::string bytes = EncodeDoc(SampleDoc());
  absl::StatusOr<DocRecord> d = DecodeDoc(bytes, 42);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(EncodeDoc(*d), bytes);
  EXPECT_EQ(d->id, "reuters-1");
  EXPECT_EQ(d->bbit.size(), 8u);
  EXPECT_EQ(d->cites.size(), 2u);
  EXPECT_EQ(d->topic.terms, SampleDoc().topic.terms);
  EXPECT_EQ(d->topic.weights, SampleDoc().topic.weights);
  // Under another key it is not this document.
  EXPECT_EQ(DecodeDoc(bytes, 43).status().code(), absl::StatusCode::kDataLoss);
}

TEST(IndexRecordsTest, StoryRoundTrips) {
  const std::string bytes = EncodeStory(SampleStory());
  absl::StatusOr<StoryRecord> s = DecodeStory(bytes, 7);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(EncodeStory(*s), bytes);
  EXPECT_EQ(s->members.size(), 2u);
  EXPECT_EQ(s->cites[0].name, "The Information");
}

TEST(IndexRecordsTest, EveryByteFlipAndCutIsDataLoss) {
  for (const bool story : {false, true}) {
    const std::string bytes =
        story ? EncodeStory(SampleStory()) : EncodeDoc(SampleDoc());
    auto status = [story](const std::string& b) {
      return story ? DecodeStory(b, 7).status() : DecodeDoc(b, 42).status();
    };
    for (size_t i = 0; i < bytes.size(); ++i) {
      for (const unsigned char bit : {0x01, 0x80}) {
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(damaged[i] ^ bit);
        const absl::Status st = status(damaged);
        EXPECT_EQ(st.code(), absl::StatusCode::kDataLoss) << "byte " << i;
        EXPECT_NE(st.message().find(story ? "story 7" : "document #42"),
                  std::string::npos)
            << st;
      }
    }
    for (size_t n = 0; n < bytes.size(); ++n) {
      EXPECT_EQ(status(bytes.substr(0, n)).code(), absl::StatusCode::kDataLoss)
          << "cut to " << n;
    }
  }
}

TEST(IndexRecordsTest, CutUtf8KeepsWholeCharacters) {
  EXPECT_EQ(CutUtf8("abc", 10), "abc");
  EXPECT_EQ(CutUtf8("ab\xc3\xa9", 3), "ab");  // "abé": é is 2 bytes.
  EXPECT_EQ(CutUtf8("ab\xc3\xa9", 4), "ab\xc3\xa9");
}

TEST(IndexRecordsTest, OutletHashIgnoresTheArticleAndCase) {
  EXPECT_EQ(OutletHash("The Wall Street Journal"),
            OutletHash("wall street journal"));
  EXPECT_NE(OutletHash("Reuters"), OutletHash("Bloomberg"));
  EXPECT_EQ(OutletHash(""), 0u);
}

}  // namespace
}  // namespace neardup::internal
