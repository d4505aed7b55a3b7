// Dates and times as CSV exports write them: ISO (with Z, +0000, +00:00 or no offset, and
// fractional seconds), "YYYY-MM-DD HH:MM:SS", YYYY/MM/DD, DD.MM.YYYY, and D/M/Y or M/D/Y (which
// of the two is the caller's choice, DateOrder), each optionally with a time and AM/PM.
#include <cstdio>

#include "csv_reader.hpp"

namespace pb {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct RawDate {
  int a = 0, b = 0, y = 0;     // year first: a = month, b = day; else a and b in written order
  bool year_first = false;
  bool day_first = false;      // DD.MM.YYYY: no choice to make
  bool has_time = false;
  int hh = 0, mm = 0, ss = 0, ms = 0, offset_min = 0;
};

// Reads 1..max digits at s[i]; returns the count (0 when none).
std::size_t number(std::string_view s, std::size_t& i, std::size_t max, int& out) {
  std::size_t start = i;
  out = 0;
  while (i < s.size() && i - start < max && is_digit(s[i])) out = out * 10 + (s[i++] - '0');
  return i - start;
}

bool scan_time(std::string_view s, std::size_t i, RawDate& r) {
  if (number(s, i, 2, r.hh) == 0 || i >= s.size() || s[i] != ':') return false;
  ++i;
  if (number(s, i, 2, r.mm) != 2) return false;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (number(s, i, 2, r.ss) != 2) return false;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      std::size_t start = ++i;
      int frac = 0;
      while (i < s.size() && is_digit(s[i])) {
        if (i - start < 3) frac = frac * 10 + (s[i] - '0');
        ++i;
      }
      const std::size_t n = i - start;
      if (n == 0) return false;
      r.ms = n == 1 ? frac * 100 : n == 2 ? frac * 10 : frac;
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  std::string_view rest = s.substr(i);
  if (rest == "AM" || rest == "am" || rest == "PM" || rest == "pm") {
    if (r.hh < 1 || r.hh > 12) return false;
    r.hh = r.hh % 12 + (rest[0] == 'P' || rest[0] == 'p' ? 12 : 0);
    rest = {};
  }
  if (rest.empty() || rest == "Z" || rest == "UTC") return r.hh <= 23 && r.mm <= 59 && r.ss <= 59;
  if (rest[0] != '+' && rest[0] != '-') return false;
  // +00:00, +0000 or +00
  int oh = 0, om = 0;
  std::size_t j = 1;
  if (number(rest, j, 2, oh) != 2) return false;
  if (j < rest.size() && rest[j] == ':') ++j;
  if (j < rest.size() && number(rest, j, 2, om) != 2) return false;
  if (j != rest.size() || oh > 23 || om > 59) return false;
  r.offset_min = (rest[0] == '+' ? 1 : -1) * (oh * 60 + om);
  return r.hh <= 23 && r.mm <= 59 && r.ss <= 59;
}

bool scan_date(std::string_view s, RawDate& r) {
  s = trim(s);
  if (s.size() < 8 || s.size() > 40) return false;
  std::size_t i = 0;
  int first;
  const std::size_t n1 = number(s, i, 4, first);
  if (n1 == 0 || i >= s.size()) return false;
  const char sep = s[i];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++i;
  int second, third;
  const std::size_t n2 = number(s, i, 2, second);
  if (n2 == 0 || i >= s.size() || s[i] != sep) return false;
  ++i;
  const std::size_t n3 = number(s, i, 4, third);
  if (n1 == 4) {  // YYYY-MM-DD, YYYY/MM/DD
    if (n3 == 0 || n3 > 2 || sep == '.') return false;
    r.year_first = true, r.y = first, r.a = second, r.b = third;
  } else {
    if (n1 > 2 || n3 != 4) return false;
    r.y = third, r.a = first, r.b = second, r.day_first = sep == '.';
  }
  if (i == s.size()) return true;
  if (s[i] != 'T' && s[i] != ' ') return false;
  r.has_time = true;
  while (i < s.size() && (s[i] == ' ' || s[i] == 'T')) ++i;
  return scan_time(s, i, r);
}

// Year, month, day of a scanned date in the given order; false for a day that does not exist.
bool resolve(const RawDate& r, DateOrder order, std::string& ymd) {
  int m = r.a, d = r.b;
  if (!r.year_first) {
    bool dmy = r.day_first || order == DateOrder::Dmy;
    if (order == DateOrder::Auto && !r.day_first) dmy = !(r.a <= 12 && r.b > 12);
    m = dmy ? r.b : r.a;
    d = dmy ? r.a : r.b;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", r.y, m, d);
  ymd = buf;
  return parse_date(ymd).has_value();
}

}  // namespace

DateClue date_clue(std::string_view cell) {
  RawDate r;
  DateClue c;
  if (!scan_date(cell, r)) return c;
  std::string ymd;
  // Valid in some order: 31/02/2026 is no date at all.
  if (!resolve(r, DateOrder::Auto, ymd)) return c;
  c.shape = r.has_time ? DateShape::Time : DateShape::Date;
  c.slashed = !r.year_first && !r.day_first;
  c.first_over_12 = c.slashed && r.a > 12;
  c.second_over_12 = c.slashed && r.b > 12;
  return c;
}

std::optional<Timestamp> parse_csv_time(std::string_view cell, DateOrder order) {
  RawDate r;
  std::string ymd;
  if (!scan_date(cell, r) || !resolve(r, order, ymd)) return std::nullopt;
  char buf[48];
  const int off = r.offset_min < 0 ? -r.offset_min : r.offset_min;
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03d%c%02d:%02d", ymd.c_str(), r.hh, r.mm, r.ss, r.ms,
                r.offset_min < 0 ? '-' : '+', off / 60, off % 60);
  return parse_timestamp(buf);  // its checks: the UTC day stays within 1900..9999
}

std::optional<std::string> parse_csv_date(std::string_view cell, DateOrder order) {
  RawDate r;
  std::string ymd;
  if (!scan_date(cell, r) || !resolve(r, order, ymd)) return std::nullopt;
  return ymd;
}

}  // namespace pb
