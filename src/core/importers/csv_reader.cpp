#include "csv_reader.hpp"

#include "parse_double_internal.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

#include "json_read.hpp"

namespace pb {

std::string_view strip_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

bool csv_to_utf8(std::string_view text, std::string& out) {
  if (valid_utf8(text)) return false;
  // 0x80..0x9F in Windows-1252; the five it leaves undefined become U+FFFD.
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  out.clear();
  out.reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const unsigned u = c < 0x80 ? c : c < 0xA0 ? kHigh[c - 0x80] : c;
    if (u < 0x80) {
      out += static_cast<char>(u);
    } else if (u < 0x800) {
      out += static_cast<char>(0xC0 | (u >> 6));
      out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (u >> 12));
      out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (u & 0x3F));
    }
  }
  return true;
}

CsvCursor::CsvCursor(std::string_view text, char delimiter, CsvLimits limits)
    : text_(strip_bom(text)), delim_(delimiter), limits_(limits) {}

bool CsvCursor::next(CsvRecord& out) {
  if (pos_ >= text_.size()) return false;
  out.line = line_;
  out.fields.clear();
  out.field_count = 0;
  out.error.clear();
  std::size_t used = 0;  // owned_ buffers taken by this record
  const std::size_t n = text_.size();
  const char* t = text_.data();
  auto own = [&]() -> std::string& {
    if (used == owned_.size()) owned_.emplace_back();
    std::string& s = owned_[used++];
    s.clear();
    return s;
  };
  auto fail = [&](std::string why) {
    if (out.error.empty()) out.error = std::move(why);
  };
  auto push = [&](std::string_view f) {
    ++out.field_count;
    if (f.size() > limits_.max_field_bytes) fail("a field is longer than " + std::to_string(limits_.max_field_bytes) + " bytes");
    if (out.fields.size() < limits_.max_columns) out.fields.push_back(f);
    else fail("more than " + std::to_string(limits_.max_columns) + " columns");
  };
  for (;;) {
    std::string_view field;
    if (pos_ < n && t[pos_] == '"') {
      std::size_t i = ++pos_;
      std::string* buf = nullptr;  // set once a doubled quote means the field differs from the text
      bool closed = false;
      while (i < n) {
        const char c = t[i];
        if (c == '"') {
          if (i + 1 < n && t[i + 1] == '"') {
            if (!buf) buf = &own(), buf->assign(t + pos_, std::min(i - pos_, limits_.max_field_bytes + 1));
            if (buf->size() <= limits_.max_field_bytes) *buf += '"';
            i += 2;
            continue;
          }
          closed = true;
          break;
        }
        if (c == '\n' || (c == '\r' && (i + 1 >= n || t[i + 1] != '\n'))) ++line_;
        if (buf && buf->size() <= limits_.max_field_bytes) *buf += c;
        ++i;
      }
      if (!closed) {
        fail("a quoted field is not closed before the end of the file");
        push(buf ? std::string_view(*buf) : std::string_view(t + pos_, i - pos_));
        pos_ = n;
        return true;
      }
      field = buf ? std::string_view(*buf) : std::string_view(t + pos_, i - pos_);
      pos_ = i + 1;
      // Text after the closing quote ("a"b): kept, as spreadsheets do.
      std::size_t j = pos_;
      while (j < n && t[j] != delim_ && t[j] != '\n' && t[j] != '\r') ++j;
      if (j > pos_) {
        if (!buf) buf = &own(), buf->assign(field.substr(0, limits_.max_field_bytes + 1));
        buf->append(t + pos_, std::min(j - pos_, limits_.max_field_bytes + 1));
        field = *buf;
        pos_ = j;
      }
    } else {
      std::size_t j = pos_;
      while (j < n && t[j] != delim_ && t[j] != '\n' && t[j] != '\r') ++j;
      field = std::string_view(t + pos_, j - pos_);
      pos_ = j;
    }
    push(field);
    if (pos_ >= n) return true;
    const char c = t[pos_++];
    if (c == delim_) {
      if (pos_ >= n) {  // "a,b," at the very end: the last field is empty
        push({});
        return true;
      }
      continue;
    }
    if (c == '\r' && pos_ < n && t[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

char detect_delimiter(std::string_view text) {
  const std::string_view head = strip_bom(text).substr(0, 64 * 1024);
  char best = ',';
  std::size_t best_score = 0;
  for (char d : {',', ';', '\t'}) {
    CsvCursor cur(head, d);
    CsvRecord r;
    std::size_t header = 0, consistent = 0;
    for (int i = 0; i < 20 && cur.next(r); ++i) {
      if (r.blank()) continue;
      if (header == 0) header = r.field_count;
      else if (r.field_count == header) ++consistent;
    }
    if (header <= 1) continue;
    const std::size_t score = (consistent + 1) * 10000 + header;
    if (score > best_score) best = d, best_score = score;
  }
  return best;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view unneutralise(std::string_view cell) {
  std::size_t i = 0;
  while (i < cell.size() && cell[i] == '\'') ++i;
  if (i == 0 || i == cell.size()) return cell;
  const char c = cell[i];
  if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return cell.substr(1);
  return cell;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number inside a cell: sign, parentheses, currency symbols and codes taken off.
struct NumberCore {
  std::string_view digits;  // digits and separators only
  std::string_view exponent;  // "e+20" or ""
  bool negative = false;
};

bool strip_prefix(std::string_view& s, std::string_view p) {
  if (s.substr(0, p.size()) != p) return false;
  s.remove_prefix(p.size());
  return true;
}
bool strip_suffix(std::string_view& s, std::string_view p) {
  if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
  s.remove_suffix(p.size());
  return true;
}
bool is_code(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

bool number_core(std::string_view cell, NumberCore& out) {
  std::string_view s = trim(unneutralise(trim(cell)));
  if (s.empty() || s.size() > 64) return false;
  if (s.front() == '(' && s.back() == ')') out.negative = true, s = trim(s.substr(1, s.size() - 2));
  for (int pass = 0; pass < 2; ++pass) {  // "-$12", "$-12", "EUR 12", "12 €"
    if (strip_prefix(s, "-") || strip_prefix(s, "\xE2\x88\x92")) out.negative = !out.negative;
    else strip_prefix(s, "+");
    for (std::string_view sym : {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5"}) {
      strip_prefix(s, sym);
      strip_suffix(s, sym);
    }
    if (s.size() > 4 && is_code(s.substr(0, 3)) && s[3] == ' ') s.remove_prefix(4);
    if (s.size() > 4 && is_code(s.substr(s.size() - 3)) && s[s.size() - 4] == ' ') s.remove_suffix(4);
    s = trim(s);
  }
  const std::size_t e = s.find_first_of("eE");
  if (e != std::string_view::npos) {
    out.exponent = s.substr(e);
    s = s.substr(0, e);
    std::string_view x = out.exponent.substr(1);
    if (!x.empty() && (x[0] == '+' || x[0] == '-')) x.remove_prefix(1);
    if (x.empty() || x.size() > 3) return false;
    for (char c : x)
      if (!is_digit(c)) return false;
  }
  bool any = false;
  for (char c : s) {
    if (is_digit(c)) any = true;
    else if (c != ',' && c != '.' && c != ' ' && c != '\'') return false;
  }
  if (!any || (!is_digit(s.back()) && s.back() != '.' && s.back() != ',')) return false;
  out.digits = s;
  return true;
}

// Digits of a normalised number: int part and fraction, the thousands separators checked
// (groups of three) so "12,5" read with a decimal point is refused rather than read as 125.
bool split_number(std::string_view s, bool decimal_comma, std::string& whole, std::string& frac) {
  const char dec = decimal_comma ? ',' : '.';
  const char group = decimal_comma ? '.' : ',';
  bool in_frac = false, grouped = false;
  std::size_t since_group = 0;
  for (char c : s) {
    if (is_digit(c)) {
      (in_frac ? frac : whole) += c;
      ++since_group;
    } else if (c == dec) {
      if (in_frac || (grouped && since_group != 3)) return false;
      in_frac = true;
    } else if (c == group || c == ' ' || c == '\'') {
      if (in_frac || whole.empty() || (grouped && since_group != 3)) return false;
      grouped = true;
      since_group = 0;
    } else {
      return false;
    }
  }
  if (grouped && !in_frac && since_group != 3) return false;
  return !whole.empty() || !frac.empty();
}

}  // namespace

DecimalVote decimal_vote(std::string_view cell) {
  NumberCore core;
  if (!number_core(cell, core)) return DecimalVote::NotANumber;
  const std::string_view s = core.digits;
  const std::size_t comma = s.rfind(','), point = s.rfind('.');
  if (comma == std::string_view::npos && point == std::string_view::npos) return DecimalVote::None;
  if (comma != std::string_view::npos && point != std::string_view::npos)
    return point > comma ? DecimalVote::Point : DecimalVote::Comma;
  const char sep = comma != std::string_view::npos ? ',' : '.';
  const std::size_t last = comma != std::string_view::npos ? comma : point;
  const bool several = s.find(sep) != last;
  if (several) return sep == ',' ? DecimalVote::Point : DecimalVote::Comma;  // 1,234,567 / 1.234.567
  if (s.size() - last - 1 == 3) return DecimalVote::None;                    // 1,234: either
  return sep == ',' ? DecimalVote::Comma : DecimalVote::Point;
}

bool parse_amount(std::string_view cell, bool decimal_comma, int exponent, std::int64_t& minor) {
  NumberCore core;
  std::string whole, frac;
  if (!number_core(cell, core) || !core.exponent.empty() || !split_number(core.digits, decimal_comma, whole, frac))
    return false;
  while (whole.size() > 1 && whole[0] == '0') whole.erase(0, 1);
  if (whole.size() > 15) return false;  // far past kMaxMoneyMinor; keeps the sum inside int64
  std::int64_t v = 0;
  for (char c : whole) v = v * 10 + (c - '0');
  for (int i = 0; i < exponent; ++i) v = v * 10 + (static_cast<std::size_t>(i) < frac.size() ? frac[i] - '0' : 0);
  if (frac.size() > static_cast<std::size_t>(exponent) && frac[exponent] >= '5') ++v;
  minor = core.negative ? -v : v;
  return true;
}

std::string_view amount_code(std::string_view cell) {
  const std::string_view s = trim(cell);
  if (s.size() > 4 && is_code(s.substr(s.size() - 3)) && s[s.size() - 4] == ' ') return s.substr(s.size() - 3);
  if (s.size() > 4 && is_code(s.substr(0, 3)) && s[3] == ' ') return s.substr(0, 3);
  return {};
}

bool parse_number(std::string_view cell, bool decimal_comma, double& out) {
  NumberCore core;
  std::string whole, frac;
  if (!number_core(cell, core) || !split_number(core.digits, decimal_comma, whole, frac)) return false;
  std::string s = (core.negative ? "-" : "") + (whole.empty() ? std::string("0") : whole);
  if (!frac.empty()) s += "." + frac;
  s += core.exponent;
  return importer_detail::parse_double(s, out);
}

}  // namespace pb
