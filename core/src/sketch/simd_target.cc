// Copyright 2026 The neardup Authors.
//
// The SIMD target in use, and forcing one (version.h).

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "hwy/highway.h"
#include "hwy/targets.h"

#include "neardup/version.h"

#include "sketch/sketch_kernels.h"

namespace neardup {
namespace {

// Targets compiled into this binary (HWY_TARGETS) that this CPU runs,
// ignoring any forced target.
int64_t AvailableTargetBits() { return hwy::SupportedTargets() & HWY_TARGETS; }

// Forced target bits; 0 when none is forced. Set only by SetSimdTarget().
std::atomic<int64_t> g_forced{0};

}  // namespace

std::string_view SimdTarget() { return internal::DispatchedTargetName(); }

std::vector<std::string> AvailableSimdTargets() {
  const int64_t forced = g_forced.load();
  hwy::SetSupportedTargetsForTest(0);
  std::vector<std::string> names;
  for (int64_t t = AvailableTargetBits(); t != 0; t &= t - 1) {
    names.push_back(absl::AsciiStrToLower(hwy::TargetName(t & -t)));
  }
  hwy::SetSupportedTargetsForTest(forced);
  return names;
}

absl::Status SetSimdTarget(std::string_view name) {
  // Debian's Abseil has its own string_view: go through std::string.
  const std::string lower = absl::AsciiStrToLower(std::string(name));
  if (lower.empty() || lower == "auto" || lower == "best") {
    g_forced = 0;
    hwy::SetSupportedTargetsForTest(0);
    return absl::OkStatus();
  }
  hwy::SetSupportedTargetsForTest(0);
  const int64_t available = AvailableTargetBits();
  for (int64_t t = available; t != 0; t &= t - 1) {
    const int64_t bit = t & -t;
    if (absl::AsciiStrToLower(hwy::TargetName(bit)) == lower ||
        (lower == "avx512" && bit == HWY_AVX3)) {
      g_forced = bit;
      hwy::SetSupportedTargetsForTest(bit);
      return absl::OkStatus();
    }
  }
  hwy::SetSupportedTargetsForTest(g_forced.load());
  std::vector<std::string> names;
  for (int64_t t = available; t != 0; t &= t - 1) {
    names.push_back(absl::AsciiStrToLower(hwy::TargetName(t & -t)));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown or unsupported SIMD target \"", std::string(name),
      "\"; this CPU and build offer: auto, ", absl::StrJoin(names, ", ")));
}

}  // namespace neardup
