// The period a report covers: inclusive UTC days [from, to], and the moment it is computed at.
#pragma once
#include <string>

#include "time.hpp"

namespace pb {

struct ReportPeriod {
  Date from;
  Date to;             // inclusive
  Timestamp now = 0;   // open deals are counted as they stand; "overdue" is before now's UTC day
  bool contains(Date day) const { return from <= day && day <= to; }
  bool contains(Timestamp t) const { return contains(date_of(t)); }
  bool operator==(const ReportPeriod&) const = default;
};

// The default period when none is given: the calendar month (UTC) that `now` falls in, as
// Pipedrive Insights opens on "this month".
ReportPeriod month_period(Timestamp now);

// Months counted from year 0: 12 * year + (month - 1). Consecutive months differ by one.
int month_number(Date day);
// "2026-03" for a month number.
std::string month_key(int month_number);

}  // namespace pb
