// Copyright 2026 The neardup Authors.

#include <algorithm>
#include <utility>
#include <vector>

#include "commands.h"

namespace neardup::cli {
namespace {

// Constructed on first use, so registration order across files is safe.
std::vector<std::pair<int, AddCommandFn>>& Registry() {
  static auto* registry = new std::vector<std::pair<int, AddCommandFn>>();
  return *registry;
}

}  // namespace

bool RegisterCommand(int order, AddCommandFn add) {
  Registry().emplace_back(order, add);
  return true;
}

void AddRegisteredCommands(CLI::App& app, int* exit_code) {
  std::vector<std::pair<int, AddCommandFn>> commands = Registry();
  std::stable_sort(
      commands.begin(), commands.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, add] : commands) add(app, exit_code);
}

}  // namespace neardup::cli
