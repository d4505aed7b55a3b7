// The counts the summary and every by_owner / by_source row share: deals open now (whatever the
// period), won in the period and lost in it.
#pragma once
#include <optional>

#include "money_sum_internal.hpp"
#include "report_numbers.hpp"
#include "report_scan_internal.hpp"

namespace pb::report_detail {

struct StatusTally {
  std::size_t open_count = 0;
  MoneySum open_value;
  std::size_t won_count = 0;
  MoneySum won_value;
  std::size_t lost_count = 0;

  // Whether a deal counts at all: a deal closed outside the period adds nothing (and makes no row).
  static bool counts(const DealFacts& f) { return f.open || f.won_in_period || f.lost_in_period; }
  void add(const DealFacts& f) {
    if (f.open) {
      ++open_count;
      open_value.add(f.deal->value);
    } else if (f.won_in_period) {
      ++won_count;
      won_value.add(f.deal->value);
    } else if (f.lost_in_period) {
      ++lost_count;
    }
  }
  std::optional<Ratio> win_rate() const {
    return ratio_of(static_cast<std::int64_t>(won_count), static_cast<std::int64_t>(won_count + lost_count));
  }
};

}  // namespace pb::report_detail
