// Copyright 2026 The neardup Authors.

#include "neardup/document.h"

#include <string>

namespace neardup {

std::string ToString(const SourceLocation& where) {
  if (where.line <= 0) return where.file;
  return where.file + ":" + std::to_string(where.line);
}

}  // namespace neardup
