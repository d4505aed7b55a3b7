#include "forecast_internal.hpp"

namespace pb::report_detail {

ForecastBuilder::ForecastBuilder(const ReportPeriod& period)
    : period_(period), first_month_(month_number(period.from)), today_(date_of(period.now)) {
  months_.resize(static_cast<std::size_t>(month_number(period.to) - first_month_ + 1));
}

void ForecastBuilder::add(const DealFacts& f) {
  const Deal& d = *f.deal;
  if (f.open) {
    if (!d.expected_close) {
      ++no_date_count_;
      no_date_value_.add(d.value);
      return;
    }
    if (*d.expected_close < today_) {
      ++overdue_count_;
      overdue_value_.add(d.value);
    }
    // The months at the ends of a period that starts or ends mid-month cover only its days, so the
    // months add up to the period (their won is the summary's won_value).
    if (!period_.contains(*d.expected_close)) return;
    Month& m = month_of(*d.expected_close);
    m.weighted.add_weighted(d.value, f.probability);
    m.best_case.add(d.value);
  } else if (f.won_in_period) {
    month_of(date_of(f.closed_at)).won.add(d.value);
  }
}

Forecast ForecastBuilder::finish() const {
  Forecast out;
  out.months.reserve(months_.size());
  for (std::size_t i = 0; i < months_.size(); ++i) {
    const Month& m = months_[i];
    out.months.push_back(ForecastMonth{month_key(first_month_ + static_cast<int>(i)), m.weighted.divided(100),
                                       m.best_case.totals(), m.won.totals()});
  }
  out.no_date = CountAndValue{no_date_count_, no_date_value_.totals()};
  out.overdue = CountAndValue{overdue_count_, overdue_value_.totals()};
  return out;
}

}  // namespace pb::report_detail
