// Calendar dates and UTC timestamps in ISO 8601, with strict validation (no 2025-02-30).
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pb {

struct Date {
  std::int32_t days = 0;  // days since 1970-01-01
  auto operator<=>(const Date&) const = default;
};

using Timestamp = std::int64_t;  // milliseconds since 1970-01-01T00:00:00Z

std::int32_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d);

// "YYYY-MM-DD" only; years 1900..9999.
std::optional<Date> parse_date(std::string_view s);
std::string format_date(Date d);
// "YYYY-MM" key of the month a date falls in, e.g. for expected-close grouping.
std::string format_month(Date d);

// "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)"; returns UTC milliseconds.
std::optional<Timestamp> parse_timestamp(std::string_view s);
// Canonical form: "YYYY-MM-DDTHH:MM:SSZ", with ".fff" only when milliseconds are not zero.
std::string format_timestamp(Timestamp t);

inline Date date_of(Timestamp t) {
  std::int64_t days = t / 86'400'000;
  if (t % 86'400'000 < 0) --days;
  return Date{static_cast<std::int32_t>(days)};
}

}  // namespace pb
