// Copyright 2026 The neardup Authors.
//
// UTF-8 validation: simdjson's validator, which picks its SIMD
// implementation at run time.

#include "simdjson.h"

#include "neardup/text.h"

namespace neardup {

bool IsValidUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

}  // namespace neardup
