// Realistic demo workspaces, deterministic for a seed: for demo walkthroughs, tests and benchmarks.
#pragma once
#include <cstdint>

#include "model.hpp"

namespace pb {

struct DemoOptions {
  std::size_t deals = 200;
  std::uint64_t seed = 42;
  bool one_pipeline = false;  // all deals in the first pipeline (board benchmarks)
  Timestamp now = 1'790'000'000'000;  // 2026-09-21, so demo dates look current
};

Workspace make_demo_workspace(const DemoOptions& options);

}  // namespace pb
