#include "funnel_internal.hpp"

namespace pb::report_detail {

FunnelBuilder::FunnelBuilder(const Pipeline& pipeline, int open_stages)
    : pipeline_(&pipeline), reached_exactly_(static_cast<std::size_t>(open_stages) + 1, 0) {}

void FunnelBuilder::add(const DealFacts& f) {
  if (!f.in_cohort) return;
  ++reached_exactly_[static_cast<std::size_t>(f.reached)];
  if (f.deal->status == DealStatus::Won) ++cohort_won_;
}

std::vector<FunnelStep> FunnelBuilder::finish() const {
  // A deal that reached a later open stage reached this one: reached(i) sums reached_exactly_ from i + 1 up.
  const std::size_t open = reached_exactly_.size() - 1;
  std::vector<std::size_t> reached(open + 1, 0);  // reached[open] = the step after the last: won
  reached[open] = cohort_won_;
  std::size_t at_least = 0;
  for (std::size_t i = open; i-- > 0;) {
    at_least += reached_exactly_[i + 1];
    reached[i] = at_least;
  }
  std::vector<FunnelStep> out;
  out.reserve(open);
  std::size_t rank = 0;
  for (const Stage& s : pipeline_->stages) {
    if (s.kind != StageKind::Open) continue;
    const auto whole = static_cast<std::int64_t>(reached[rank]);
    out.push_back(FunnelStep{s.id, s.name, reached[rank], ratio_of(static_cast<std::int64_t>(reached[rank + 1]), whole),
                             ratio_of(static_cast<std::int64_t>(cohort_won_), whole)});
    ++rank;
  }
  return out;
}

}  // namespace pb::report_detail
