#include "time.hpp"

#include <cstdio>

namespace pb {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool valid_ymd(int y, int m, int d) {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= static_cast<int>(days_in_month(y, m));
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

std::optional<Date> parse_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
  if (!valid_ymd(y, m, d)) return std::nullopt;
  return Date{days_from_civil(y, m, d)};
}

std::string format_date(Date date) {
  int y;
  unsigned m, d;
  civil_from_days(date.days, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

std::string format_month(Date date) { return format_date(date).substr(0, 7); }

std::optional<Timestamp> parse_timestamp(std::string_view s) {
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const auto date = parse_date(s.substr(0, 10));
  int hh, mm, ss, ms = 0;
  if (!date || !digits(s, 11, 2, hh) || !digits(s, 14, 2, mm) || !digits(s, 17, 2, ss)) return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  std::size_t pos = 19;
  if (s[pos] == '.') {
    std::size_t end = pos + 1;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    const std::size_t n = end - pos - 1;
    if (n == 0 || n > 9) return std::nullopt;
    int frac;
    if (!digits(s, pos + 1, n < 3 ? n : 3, frac)) return std::nullopt;
    ms = n == 1 ? frac * 100 : n == 2 ? frac * 10 : frac;
    pos = end;
  }
  int offset_min = 0;
  if (pos + 1 == s.size() && s[pos] == 'Z') {
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || !digits(s, pos + 4, 2, om) || oh > 23 || om > 59) return std::nullopt;
    offset_min = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  const std::int64_t secs = static_cast<std::int64_t>(date->days) * 86400 + hh * 3600 + mm * 60 + ss - offset_min * 60;
  // An offset can push the UTC day out of 1900..9999, which format_timestamp would write as an unreadable date.
  const Date utc = date_of(secs * 1000);
  if (utc.days < days_from_civil(1900, 1, 1) || utc.days > days_from_civil(9999, 12, 31)) return std::nullopt;
  return secs * 1000 + ms;
}

std::string format_timestamp(Timestamp t) {
  const Date day = date_of(t);
  const std::int64_t in_day = t - static_cast<std::int64_t>(day.days) * 86'400'000;
  const int ms = static_cast<int>(in_day % 1000);
  const int secs = static_cast<int>(in_day / 1000);
  char buf[40];
  if (ms == 0) {
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(day).c_str(), secs / 3600, secs / 60 % 60, secs % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03dZ", format_date(day).c_str(), secs / 3600, secs / 60 % 60,
                  secs % 60, ms);
  }
  return buf;
}

}  // namespace pb
