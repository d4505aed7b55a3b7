// The one pass over the deals that every figure of a report (and the click-through to the deals
// behind a figure) is built from: which deals are in the scope, and for each what the report's
// definitions say about it (open, closed in the period, the funnel stage it reached, its visits).
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query.hpp"
#include "report_params.hpp"

namespace pb::report_detail {

// A stage of one of the scope's pipelines: the pipeline's place in the scope, the stage's index in it.
struct StageRef {
  int slot = -1;
  int stage = -1;
};

// Looked up once per report, so the pass over the deals never scans a pipeline's stages.
struct ScopeIndex {
  std::vector<const Pipeline*> pipelines;   // the scope's pipelines, in workspace order ("slots")
  std::vector<std::vector<int>> open_rank;  // [slot][stage index]: its place among the open stages, or -1
  std::vector<int> open_stages;             // [slot]: how many open stages
  std::unordered_map<std::string_view, int> slot_of;         // pipeline id -> slot
  std::unordered_map<std::string_view, StageRef> stage_of;   // stage id -> stage (ids are unique)
  CompiledFilter filter;                                      // the view's; matches everything otherwise
};
bool build_scope(const Workspace& ws, const ReportParams& params, ScopeIndex& out, std::string& error);

struct DealFacts {
  const Deal* deal = nullptr;
  int slot = 0;
  int probability = 0;   // of the deal's stage (for open deals)
  bool open = false;
  bool won_in_period = false;
  bool lost_in_period = false;
  bool in_cohort = false;   // created in the period
  int reached = 0;          // open stages reached, 0..open_stages[slot] (a won deal reached them all)
  Timestamp closed_at = 0;  // won and lost deals
};

// A visit to an open stage that ended in the period.
struct VisitFacts {
  const Deal* deal = nullptr;
  int slot = 0;
  int stage = 0;  // index in the pipeline
  std::int64_t ms = 0;
};

// Calls on_visit(const VisitFacts&) for each counted visit of a deal, then on_deal(const DealFacts&),
// for every deal of the scope in workspace order.
template <class OnDeal, class OnVisit>
void scan_deals(const Workspace& ws, const ScopeIndex& scope, const ReportPeriod& period, OnDeal&& on_deal,
                OnVisit&& on_visit) {
  const bool one_pipeline = scope.pipelines.size() == 1;
  for (const Deal& d : ws.deals) {
    int slot = 0;
    if (one_pipeline) {
      if (d.pipeline != scope.pipelines[0]->id) continue;
    } else {
      const auto it = scope.slot_of.find(d.pipeline);
      if (it == scope.slot_of.end()) continue;
      slot = it->second;
    }
    if (!scope.filter.matches(d)) continue;
    const Pipeline& p = *scope.pipelines[static_cast<std::size_t>(slot)];
    const std::vector<int>& open_rank = scope.open_rank[static_cast<std::size_t>(slot)];
    const StageKind closed_kind = d.status == DealStatus::Won ? StageKind::Won : StageKind::Lost;
    DealFacts f;
    f.deal = &d;
    f.slot = slot;
    f.open = d.status == DealStatus::Open;
    f.closed_at = d.updated;
    const std::size_t n = d.history.size();
    for (std::size_t k = 0; k < n; ++k) {
      const StageVisit& h = d.history[k];
      const auto it = scope.stage_of.find(h.stage);
      // Only entries in this pipeline whose stage still exists count as stages.
      if (it == scope.stage_of.end() || it->second.slot != slot || h.pipeline != d.pipeline) continue;
      const int stage = it->second.stage;
      const Stage& s = p.stages[static_cast<std::size_t>(stage)];
      if (s.kind == StageKind::Open) {
        f.reached = std::max(f.reached, open_rank[static_cast<std::size_t>(stage)] + 1);
        // The visit lasts until the next entry, whatever its pipeline or stage.
        if (k + 1 < n && period.contains(d.history[k + 1].at))
          on_visit(VisitFacts{&d, slot, stage, d.history[k + 1].at - h.at});
      } else if (!f.open && s.kind == closed_kind) {
        f.closed_at = h.at;
      }
    }
    if (d.status == DealStatus::Won) f.reached = scope.open_stages[static_cast<std::size_t>(slot)];
    if (f.open) {
      const auto it = scope.stage_of.find(d.stage);
      if (it != scope.stage_of.end() && it->second.slot == slot)
        f.probability = p.stages[static_cast<std::size_t>(it->second.stage)].probability;
    } else {
      const bool closed_in_period = period.contains(f.closed_at);
      f.won_in_period = closed_in_period && d.status == DealStatus::Won;
      f.lost_in_period = closed_in_period && d.status == DealStatus::Lost;
    }
    f.in_cohort = period.contains(d.created);
    on_deal(f);
  }
}

}  // namespace pb::report_detail
