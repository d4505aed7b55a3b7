// The one pass over the deals that every figure of a report (and the click-through to the deals
// behind a figure) is built from: which deals are in the scope, and for each what the report's
// definitions say about it (open, closed in the period, the funnel stage it reached, its visits).
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "query.hpp"
#include "report_params.hpp"
#include "string_index_internal.hpp"

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
  StringIndex slot_of;                      // pipeline id -> slot
  StringIndex stage_of;                     // stage id (unique in a workspace) -> index in stages
  std::vector<StageRef> stages;             // every stage of the scope's pipelines
  CompiledFilter filter;                    // the view's; matches everything otherwise

  // The stage of `id` if it is one of the scope's, else a StageRef of slot -1.
  StageRef stage(std::string_view id) const {
    const int n = stage_of.find(id);
    return n < 0 ? StageRef{} : stages[static_cast<std::size_t>(n)];
  }
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

// The pass is bound by memory latency: every deal, and its history, is a heap block of its own.
// Asking for them some deals ahead overlaps the cache misses (first the deal's fields, then, once
// its history's address is in cache, the entries).
inline void prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#endif
}
inline void prefetch_deal(const Deal& d) {
  prefetch(&d.pipeline);
  prefetch(&d.status);
  prefetch(&d.value);
  prefetch(&d.owner);
  prefetch(&d.source);
  prefetch(&d.expected_close);
  prefetch(&d.history);
}
inline void prefetch_history(const Deal& d) {
  const char* begin = reinterpret_cast<const char*>(d.history.data());
  const char* end = reinterpret_cast<const char*>(d.history.data() + d.history.size());
  constexpr std::ptrdiff_t kLine = 64, kMaxLines = 16;
  for (const char* p = begin; p < end && p < begin + kLine * kMaxLines; p += kLine) prefetch(p);
}
constexpr std::size_t kDealsAhead = 16, kHistoryAhead = 8;

// Calls on_visit(const VisitFacts&) for each counted visit of a deal, then on_deal(const DealFacts&),
// for every deal of the scope in workspace order.
template <class OnDeal, class OnVisit>
void scan_deals(const Workspace& ws, const ScopeIndex& scope, const ReportPeriod& period, OnDeal&& on_deal,
                OnVisit&& on_visit) {
  // The period as milliseconds [start, end): no division per timestamp.
  constexpr Timestamp kDay = 86'400'000;
  const Timestamp start = static_cast<Timestamp>(period.from.days) * kDay;
  const Timestamp end = (static_cast<Timestamp>(period.to.days) + 1) * kDay;
  auto in_period = [&](Timestamp t) { return start <= t && t < end; };
  const std::size_t count = ws.deals.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (i + kDealsAhead < count) prefetch_deal(ws.deals.at(i + kDealsAhead));
    if (i + kHistoryAhead < count) prefetch_history(ws.deals.at(i + kHistoryAhead));
    const Deal& d = ws.deals.at(i);
    const int slot = scope.slot_of.find(d.pipeline);
    if (slot < 0 || !scope.filter.matches(d)) continue;
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
      const StageRef ref = scope.stage(h.stage);
      // Only entries in this pipeline whose stage still exists count as stages.
      if (ref.slot != slot || !same_text(h.pipeline, d.pipeline)) continue;
      const int stage = ref.stage;
      const Stage& s = p.stages[static_cast<std::size_t>(stage)];
      if (s.kind == StageKind::Open) {
        f.reached = std::max(f.reached, open_rank[static_cast<std::size_t>(stage)] + 1);
        // The visit lasts until the next entry, whatever its pipeline or stage.
        if (k + 1 < n && in_period(d.history[k + 1].at))
          on_visit(VisitFacts{&d, slot, stage, d.history[k + 1].at - h.at});
      } else if (!f.open && s.kind == closed_kind) {
        f.closed_at = h.at;
      }
    }
    if (d.status == DealStatus::Won) f.reached = scope.open_stages[static_cast<std::size_t>(slot)];
    if (f.open) {
      const StageRef current = scope.stage(d.stage);
      if (current.slot == slot) f.probability = p.stages[static_cast<std::size_t>(current.stage)].probability;
    } else {
      const bool closed_in_period = in_period(f.closed_at);
      f.won_in_period = closed_in_period && d.status == DealStatus::Won;
      f.lost_in_period = closed_in_period && d.status == DealStatus::Lost;
    }
    f.in_cohort = in_period(d.created);
    on_deal(f);
  }
}

}  // namespace pb::report_detail
