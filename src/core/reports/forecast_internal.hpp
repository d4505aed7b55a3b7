// forecast: per calendar month of the period, the open deals expected to close in it (weighted
// and best case) and the deals won in it; open deals without an expected close, and overdue ones.
#pragma once
#include <vector>

#include "report.hpp"
#include "status_tally_internal.hpp"

namespace pb::report_detail {

class ForecastBuilder {
 public:
  explicit ForecastBuilder(const ReportPeriod& period);
  void add(const DealFacts& f);
  Forecast finish() const;

 private:
  struct Month {
    MoneySum weighted;  // amount x probability, / 100 when read
    MoneySum best_case;
    MoneySum won;
  };
  Month& month_of(Date day) { return months_[static_cast<std::size_t>(month_number(day) - first_month_)]; }
  ReportPeriod period_;
  int first_month_ = 0;
  Date today_;
  std::vector<Month> months_;
  std::size_t no_date_count_ = 0, overdue_count_ = 0;
  MoneySum no_date_value_, overdue_value_;
};

}  // namespace pb::report_detail
