#include "stage_time_internal.hpp"

namespace pb::report_detail {

StageTimeBuilder::StageTimeBuilder(const Pipeline& pipeline) : pipeline_(&pipeline), ms_(pipeline.stages.size()) {}

std::vector<StageTime> StageTimeBuilder::finish(std::optional<Id>& bottleneck) {
  std::vector<StageTime> out;
  std::optional<Days> largest;
  bottleneck.reset();
  for (std::size_t i = 0; i < pipeline_->stages.size(); ++i) {
    const Stage& s = pipeline_->stages[i];
    if (s.kind != StageKind::Open) continue;
    StageTime t{s.id, s.name, ms_[i].size(), std::nullopt, mean_days(ms_[i])};
    t.median_days = median_days(ms_[i]);
    // Compared as shown (rounded), so a tie on screen goes to the earlier stage.
    if (t.median_days && (!largest || t.median_days->hundredths > largest->hundredths)) {
      largest = t.median_days;
      bottleneck = s.id;
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace pb::report_detail
