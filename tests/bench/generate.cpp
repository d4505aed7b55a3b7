// Workloads for bench_core.cpp: demo workspaces and the single-deal commands the board sends.
// Deterministic for a seed, so native and wasm runs measure the same work.
#include <cstdint>
#include <string>

#include "commands.hpp"
#include "demo.hpp"

namespace pb::bench {

Workspace make_workspace(std::size_t deals) {
  // Deals spread over the demo's three pipelines (60% sales, 20% enterprise, 20% inbound).
  return make_demo_workspace(DemoOptions{.deals = deals});
}

namespace {
std::uint64_t next(std::uint64_t& s) {  // xorshift64
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}
}  // namespace

// deal.move of a random deal to another stage of its pipeline (any kind: open, won or lost;
// the lost reason is used only when the target is a lost stage).
Command random_move(const Workspace& ws, std::uint64_t& rng) {
  const Deal& d = ws.deals.at(next(rng) % ws.deals.size());
  const Pipeline& p = *ws.pipelines.find(d.pipeline);
  const int current = p.stage_index(d.stage);
  std::size_t to = next(rng) % (p.stages.size() - 1);
  if (static_cast<int>(to) >= current) ++to;  // any stage but the current one
  return cmd::DealMove{d.id, p.stages[to].id, "No budget"};
}

// deal.update of a random deal's title.
Command random_title_update(const Workspace& ws, std::uint64_t& rng, std::size_t n) {
  const Deal& d = ws.deals.at(next(rng) % ws.deals.size());
  return cmd::DealUpdate{d.id, json{{"title", "Renewal " + std::to_string(n) + " – " + d.company}}};
}

}  // namespace pb::bench
