// funnel: of the deals created in the period (the cohort), how many reached each open stage, and
// how many went on to the next one and to won.
#pragma once
#include <vector>

#include "report.hpp"
#include "report_scan_internal.hpp"

namespace pb::report_detail {

class FunnelBuilder {
 public:
  FunnelBuilder(const Pipeline& pipeline, int open_stages);
  void add(const DealFacts& f);
  std::vector<FunnelStep> finish() const;

 private:
  const Pipeline* pipeline_;
  std::vector<std::size_t> reached_exactly_;  // [n]: cohort deals whose furthest open stage is the n-th
  std::size_t cohort_won_ = 0;
};

}  // namespace pb::report_detail
