#include "summary_internal.hpp"

namespace pb::report_detail {

void SummaryBuilder::add(const DealFacts& f) {
  tally_.add(f);
  if (f.open) weighted_.add_weighted(f.deal->value, f.probability);
  if (f.won_in_period) cycle_ms_.push_back(f.closed_at - f.deal->created);
}

ReportSummary SummaryBuilder::finish() {
  ReportSummary s;
  s.open_count = tally_.open_count;
  s.open_value = tally_.open_value.totals();
  s.weighted_value = weighted_.divided(100);
  s.won_count = tally_.won_count;
  s.won_value = tally_.won_value.totals();
  s.lost_count = tally_.lost_count;
  s.win_rate = tally_.win_rate();
  if (s.won_count > 0) s.avg_won_value = tally_.won_value.averages();
  s.cycle_days_mean = mean_days(cycle_ms_);
  s.cycle_days_median = median_days(cycle_ms_);
  return s;
}

}  // namespace pb::report_detail
