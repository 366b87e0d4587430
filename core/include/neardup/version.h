// Copyright 2026 The neardup Authors.
//
// Library version and the SIMD target in use.

#ifndef NEARDUP_VERSION_H_
#define NEARDUP_VERSION_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace neardup {

// The library version, e.g. "0.1.0".
std::string_view Version();

// The SIMD target the kernels dispatch to, as Highway names it: "AVX3_DL"
// (AVX-512 with VBMI2), "AVX3" (AVX-512), "AVX2", "SSE4", "SSSE3" or
// "SCALAR" on x86-64. The best one this CPU supports unless SetSimdTarget()
// forced another.
std::string_view SimdTarget();

// Lower-case names of the targets compiled in and supported by this CPU,
// best first, e.g. {"avx3_dl", "avx3", "avx2", "sse4", "ssse3", "scalar"}.
std::vector<std::string> AvailableSimdTargets();

// Forces every kernel onto one target, by case-insensitive name ("avx512" is
// an alias of "avx3"); "auto" or "" restores the best. InvalidArgument (and
// no change) for a name not in AvailableSimdTargets(). Process-wide: call it
// before starting work, never while other threads run kernels. The CLI calls
// it for --simd and the NEARDUP_SIMD environment variable.
[[nodiscard]] absl::Status SetSimdTarget(std::string_view name);

}  // namespace neardup

#endif  // NEARDUP_VERSION_H_
