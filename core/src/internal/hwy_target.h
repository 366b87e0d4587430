// Copyright 2026 The neardup Authors.
//
// Highway picks the SIMD target on the first call through a dispatch table;
// until then (or after a target was forced) a table entry is the stub that
// picks it on every call. A caller that keeps a kernel's entry, or asks which
// target the table would run, first makes the choice here.

#ifndef NEARDUP_INTERNAL_HWY_TARGET_H_
#define NEARDUP_INTERNAL_HWY_TARGET_H_

#include "hwy/targets.h"

namespace neardup::internal {

inline void ChooseSimdTarget() {
  hwy::ChosenTarget& chosen = hwy::GetChosenTarget();
  if (!chosen.IsInitialized()) chosen.Update(hwy::SupportedTargets());
}

}  // namespace neardup::internal

#endif  // NEARDUP_INTERNAL_HWY_TARGET_H_
