// The period a report covers: inclusive UTC days [from, to], and the moment it is computed at.
#pragma once
#include <string>
#include <string_view>

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

// The period picker's presets, of the calendar month (UTC) `now` falls in, in whole months so the
// forecast's months are whole: this month (the default when no period is given, as Pipedrive
// Insights opens on "this month"), this quarter (Jan-Mar, Apr-Jun, ...), and the last 12 months
// (the 11 before now's month, and now's month).
enum class PeriodPreset { ThisMonth, ThisQuarter, Last12Months };
ReportPeriod preset_period(PeriodPreset preset, Timestamp now);
// "this_month", "this_quarter", "last_12_months" (the params' "period").
std::string_view to_string(PeriodPreset preset);
bool parse_period_preset(std::string_view s, PeriodPreset& out);

// Months counted from year 0: 12 * year + (month - 1). Consecutive months differ by one.
int month_number(Date day);
// "2026-03" for a month number.
std::string month_key(int month_number);

}  // namespace pb
