// stage_time: how long visits to each open stage lasted (those that ended in the period), and the
// bottleneck, the open stage with the largest median.
#pragma once
#include <optional>
#include <vector>

#include "report.hpp"
#include "report_scan_internal.hpp"

namespace pb::report_detail {

class StageTimeBuilder {
 public:
  explicit StageTimeBuilder(const Pipeline& pipeline);
  void add(const VisitFacts& v) { ms_[static_cast<std::size_t>(v.stage)].push_back(v.ms); }
  // Reorders the durations (medians).
  std::vector<StageTime> finish(std::optional<Id>& bottleneck);

 private:
  const Pipeline* pipeline_;
  std::vector<std::vector<std::int64_t>> ms_;  // [stage index]: each counted visit's length
};

}  // namespace pb::report_detail
