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

ReportPeriod month_period(Timestamp now) {
  int y;
  unsigned m, d;
  civil_from_days(date_of(now).days, y, m, d);
  const Date first{days_from_civil(y, m, 1)};
  const Date next = m == 12 ? Date{days_from_civil(y + 1, 1, 1)} : Date{days_from_civil(y, m + 1, 1)};
  return ReportPeriod{first, Date{next.days - 1}, now};
}

}  // namespace pb
