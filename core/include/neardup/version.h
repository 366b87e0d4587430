// Copyright 2026 The neardup Authors.
//
// Library version and the SIMD target in use.

#ifndef NEARDUP_VERSION_H_
#define NEARDUP_VERSION_H_

#include <string_view>

namespace neardup {

// The library version, e.g. "0.1.0".
std::string_view Version();

}  // namespace neardup

#endif  // NEARDUP_VERSION_H_
