// Copyright 2026 The neardup Authors.
//
// Documents for tests: one from an id and a text, and streams of reused
// text.

#ifndef NEARDUP_TESTING_TEST_DOCUMENTS_H_
#define NEARDUP_TESTING_TEST_DOCUMENTS_H_

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "neardup/document.h"

#include "english_text.h"
#include "test_paths.h"

namespace neardup::testing {

inline Document Doc(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

// The .txt files of a source directory (SourcePath(relative)), in name
// order, each a document whose id is its file name without the extension.
inline std::vector<Document> ReadDir(const std::string& relative) {
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(SourcePath(relative))) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<Document> docs;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    docs.push_back(Doc(std::filesystem::path(f).stem().string(), s.str()));
  }
  return docs;
}

// `originals` generated texts of about `words` bytes (seeds seed, seed+1,
// ...), with copies, 1% edits and two-thirds cuts of some of them, ids
// "<prefix><seed>-<original>[-copy|-edit|-cut]"; dealt into `interleave`
// rounds (every interleave-th document, then the next offset) so copies
// arrive apart from their originals.
inline std::vector<Document> ReuseStream(int originals, int words, int seed,
                                         const std::string& prefix,
                                         size_t interleave) {
  std::vector<Document> docs;
  for (int b = 0; b < originals; ++b) {
    const std::string text = GenerateEnglishText(words, seed + b);
    const std::string id =
        prefix + std::to_string(seed) + "-" + std::to_string(b);
    docs.push_back(Doc(id, text));
    if (b % 3 >= 1) docs.push_back(Doc(id + "-copy", text));
    if (b % 3 == 2)
      docs.push_back(Doc(id + "-edit", PerturbText(text, 0.01, b)));
    if (b % 4 == 3) {
      docs.push_back(Doc(id + "-cut", text.substr(0, text.size() * 2 / 3)));
    }
  }
  std::vector<Document> mixed;
  for (size_t offset = 0; offset < interleave; ++offset) {
    for (size_t i = offset; i < docs.size(); i += interleave) {
      mixed.push_back(docs[i]);
    }
  }
  return mixed;
}

}  // namespace neardup::testing

#endif  // NEARDUP_TESTING_TEST_DOCUMENTS_H_
