// Copyright 2026 The neardup Authors.
//
// Status helpers missing from Debian's Abseil 20220623.

#ifndef NEARDUP_INTERNAL_STATUS_MACROS_H_
#define NEARDUP_INTERNAL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns from the current function when `expr` is not OK.
#define NEARDUP_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::absl::Status neardup_status_ = (expr);           \
    if (!neardup_status_.ok()) return neardup_status_; \
  } while (0)

#define NEARDUP_STATUS_CONCAT_INNER_(a, b) a##b
#define NEARDUP_STATUS_CONCAT_(a, b) NEARDUP_STATUS_CONCAT_INNER_(a, b)

// `lhs = value of rexpr`, or returns its status when it is not OK.
#define NEARDUP_ASSIGN_OR_RETURN(lhs, rexpr) \
  NEARDUP_ASSIGN_OR_RETURN_IMPL_(            \
      NEARDUP_STATUS_CONCAT_(neardup_statusor_, __LINE__), lhs, rexpr)
#define NEARDUP_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();   \
  lhs = std::move(statusor).value()

#endif  // NEARDUP_INTERNAL_STATUS_MACROS_H_
