// Workloads for bench_core.cpp: demo workspaces and the single-deal commands the board sends.
// Deterministic for a seed, so native and wasm runs measure the same work.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

// The demo workspace with a longer stage history: from 1 to 2 x `entries` - 1 entries per deal
// (`entries` on average), wandering forwards and backwards over the pipeline's open stages between
// its creation and now, and ending where the deal is. Reports read every entry: 100,000 deals
// make 1,000,000 entries at the default 10.
Workspace make_workspace_with_history(std::size_t deals, std::size_t entries) {
  const DemoOptions options{.deals = deals};
  Workspace ws = make_demo_workspace(options);
  std::uint64_t rng = 0xD1B54A32D192ED03ULL ^ deals;
  Table<Deal> longer;
  longer.reserve(ws.deals.size());
  for (const Deal& original : ws.deals) {
    Deal d = original;
    const Pipeline& p = *ws.pipelines.find(d.pipeline);
    std::vector<const Stage*> open;
    for (const Stage& s : p.stages)
      if (s.kind == StageKind::Open) open.push_back(&s);
    const std::size_t n = 1 + next(rng) % (2 * entries - 1);
    const Timestamp span = std::max<Timestamp>(options.now - d.created, static_cast<Timestamp>(n));
    d.history.clear();
    for (std::size_t k = 0; k + 1 < n; ++k)
      d.history.push_back(StageVisit{p.id, open[next(rng) % open.size()]->id,
                                     d.created + span * static_cast<Timestamp>(k) / static_cast<Timestamp>(n)});
    d.history.push_back(StageVisit{p.id, d.stage, d.created + span * static_cast<Timestamp>(n - 1) / static_cast<Timestamp>(n)});
    d.updated = std::max(d.updated, d.history.back().at);
    longer.insert(longer.size(), std::make_shared<const Deal>(std::move(d)));
  }
  ws.deals = std::move(longer);
  return ws;
}

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
