// Copyright 2026 The neardup Authors.

#include "neardup/version.h"

namespace neardup {

std::string_view Version() { return NEARDUP_VERSION; }

}  // namespace neardup
