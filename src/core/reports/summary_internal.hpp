// summary: a pipeline's open, won and lost figures, win rate, average won value and sales cycle.
#pragma once
#include <vector>

#include "report.hpp"
#include "status_tally_internal.hpp"

namespace pb::report_detail {

class SummaryBuilder {
 public:
  void add(const DealFacts& f);
  ReportSummary finish();

 private:
  StatusTally tally_;
  MoneySum weighted_;                    // amount x probability, / 100 when read
  std::vector<std::int64_t> cycle_ms_;   // created -> closed at, deals won in the period
};

}  // namespace pb::report_detail
