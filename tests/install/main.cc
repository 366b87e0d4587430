// Copyright 2026 The neardup Authors.
//
// A library user's program, built against an installed neardup through
// find_package(neardup): `scripts/dev install-check` builds and runs it.

#include <iostream>
#include <vector>

#include "neardup/all_pairs.h"
#include "neardup/version.h"

int main() {
  std::vector<neardup::Document> docs(2);
  docs[0].text =
      "Anthropic is in talks to rent Microsoft servers with Maia chips";
  docs[1].text = "Microsoft may rent servers with its Maia chips to Anthropic";
  absl::StatusOr<neardup::Comparison> c = neardup::CompareAll(docs);
  if (!c.ok()) return 1;
  std::cout << "neardup " << neardup::Version()
            << " installed; cosine = " << c->pairs[0].cosine << "\n";
  return c->pairs[0].cosine > 0.3 ? 0 : 1;
}
