// Copyright 2026 The neardup Authors.
//
// Fuzzes attribution extraction ("first reported by X", "according to X")
// on valid UTF-8. Checks that every evidence and name span lies inside the
// text, that the name lies inside the evidence, that the spans come in text
// order, and that the outlet key is what OutletKey() gives for the name.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "neardup/attribution.h"
#include "neardup/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The contract asks for valid UTF-8 (the readers guarantee it).
  if (!neardup::IsValidUtf8(text)) return -1;
  const std::vector<neardup::Attribution> found =
      neardup::ExtractAttributions(text);
  uint32_t last_begin = 0;
  for (const neardup::Attribution& a : found) {
    if (a.evidence.begin > a.evidence.end || a.evidence.end > size) {
      __builtin_trap();
    }
    if (a.name.begin < a.evidence.begin || a.name.end > a.evidence.end ||
        a.name.begin > a.name.end) {
      __builtin_trap();
    }
    if (a.evidence.begin < last_begin) __builtin_trap();
    last_begin = a.evidence.begin;
    if (a.outlet.empty() || a.cue.empty()) __builtin_trap();
    if (a.outlet_key != neardup::OutletKey(a.outlet)) __builtin_trap();
    if (!neardup::IsValidUtf8(a.outlet)) __builtin_trap();
  }
  return 0;
}
