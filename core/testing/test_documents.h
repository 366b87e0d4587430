// Copyright 2026 The neardup Authors.
//
// A Document from an id and a text, for tests that need nothing else.

#ifndef NEARDUP_TESTING_TEST_DOCUMENTS_H_
#define NEARDUP_TESTING_TEST_DOCUMENTS_H_

#include <string>
#include <utility>

#include "neardup/document.h"

namespace neardup::testing {

inline Document Doc(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

}  // namespace neardup::testing

#endif  // NEARDUP_TESTING_TEST_DOCUMENTS_H_
