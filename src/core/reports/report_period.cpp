#include "report_period.hpp"

#include <cstdio>

namespace pb {

int month_number(Date day) {
  int y;
  unsigned m, d;
  civil_from_days(day.days, y, m, d);
  return y * 12 + static_cast<int>(m) - 1;
}

std::string month_key(int number) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", number / 12, number % 12 + 1);
  return buf;
}

namespace {
Date first_day(int month_number) { return Date{days_from_civil(month_number / 12, static_cast<unsigned>(month_number % 12) + 1, 1)}; }

// Whole months: from the first day of month `first` to the last day of month `last`.
ReportPeriod months(int first, int last, Timestamp now) { return ReportPeriod{first_day(first), Date{first_day(last + 1).days - 1}, now}; }
}  // namespace

ReportPeriod preset_period(PeriodPreset preset, Timestamp now) {
  const int month = month_number(date_of(now));
  switch (preset) {
    case PeriodPreset::ThisMonth: return months(month, month, now);
    case PeriodPreset::ThisQuarter: return months(month - month % 3, month - month % 3 + 2, now);
    case PeriodPreset::Last12Months: return months(month - 11, month, now);
  }
  return months(month, month, now);
}

std::string_view to_string(PeriodPreset preset) {
  switch (preset) {
    case PeriodPreset::ThisMonth: return "this_month";
    case PeriodPreset::ThisQuarter: return "this_quarter";
    case PeriodPreset::Last12Months: return "last_12_months";
  }
  return "this_month";
}

bool parse_period_preset(std::string_view s, PeriodPreset& out) {
  for (PeriodPreset p : {PeriodPreset::ThisMonth, PeriodPreset::ThisQuarter, PeriodPreset::Last12Months})
    if (to_string(p) == s) {
      out = p;
      return true;
    }
  return false;
}

}  // namespace pb
