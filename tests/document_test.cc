// Copyright 2026 The neardup Authors.

#include "neardup/document.h"

#include "gtest/gtest.h"

namespace neardup {
namespace {

TEST(SourceLocationTest, RendersFileAndLine) {
  EXPECT_EQ(ToString(SourceLocation{"a.jsonl", 12}), "a.jsonl:12");
  EXPECT_EQ(ToString(SourceLocation{"dir/b.txt", 0}), "dir/b.txt");
}

}  // namespace
}  // namespace neardup
