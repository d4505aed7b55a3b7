#include <charconv>
#include <cmath>
#include <cstdio>

#include "documents.hpp"
#include "money.hpp"
#include "source_json_internal.hpp"

#include "parse_double_internal.hpp"
#include "time.hpp"

namespace pb::source {

bool parse(std::string_view text, json& out, Issues& errors, const std::string& what) {
  std::string error;
  if (parse_json(text, out, error, ParseLimits{kMaxWorkspaceBytes, 64})) return true;
  errors.add("", what + " is not JSON that can be read: " + error);
  return false;
}

const json* get(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const json& obj, std::string_view key, const JsonPath& p, Issues& warnings) {
  const json* v = get(obj, key);
  if (!v) return "";
  if (v->is_string()) return v->get<std::string>();
  warnings.add(p / key, "expected text, got " + describe_type(*v) + "; left out");
  return "";
}

std::optional<double> number(const json& v) {
  if (v.is_number()) {
    double d = v.get<double>();
    return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
  }
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.get_ref<const std::string&>();
  double d = 0;
  if (!importer_detail::parse_double(s, d)) return std::nullopt;
  return d;
}

std::optional<std::int64_t> minor_units(std::string_view s, int exponent) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot), frac = dot == s.npos ? std::string_view() : s.substr(dot + 1);
  auto digits = [](std::string_view d) { return d.find_first_not_of("0123456789") == d.npos; };
  if ((whole.empty() && frac.empty()) || !digits(whole) || !digits(frac))
    return std::nullopt;
  while (whole.size() > 1 && whole[0] == '0') whole.remove_prefix(1);
  if (whole.size() > 13) return std::nullopt;  // past kMaxMoneyMinor; 13 + 4 decimals stays inside int64
  std::int64_t n = 0;
  for (char c : whole) n = n * 10 + (c - '0');
  for (int i = 0; i < exponent; ++i) n = n * 10 + (static_cast<std::size_t>(i) < frac.size() ? frac[i] - '0' : 0);
  if (frac.size() > static_cast<std::size_t>(exponent) && frac[exponent] >= '5') ++n;
  if (n > kMaxMoneyMinor) return std::nullopt;
  return negative ? -n : n;
}

std::optional<std::int64_t> minor_units_of(const json& v, int exponent) {
  if (v.is_string()) return minor_units(v.get_ref<const std::string&>(), exponent);
  if (v.is_number_integer() || v.is_number_unsigned()) {
    char buf[32];
    if (v.is_number_unsigned()) std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v.get<std::uint64_t>()));
    else std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v.get<std::int64_t>()));
    return minor_units(std::string_view(buf), exponent);
  }
  if (v.is_number_float()) {
    // A JSON fraction arrives as a double: print it with one digit more than the currency has and
    // round that text, so 1500.5 is 150050 cents, not 150049.
    double d = v.get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 1e15) return std::nullopt;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", exponent + 1, d);
    return minor_units(std::string_view(buf), exponent);
  }
  return std::nullopt;
}

std::optional<std::int64_t> time_ms(std::string_view s) {
  std::string t(s);
  // Pipedrive v1: "2026-05-15 09:55:02", UTC.
  if (t.size() == 19 && t[10] == ' ') {
    t[10] = 'T';
    t += 'Z';
  }
  return parse_timestamp(t);
}

std::optional<std::int64_t> time_ms_of(const json& v) {
  return v.is_string() ? time_ms(v.get_ref<const std::string&>()) : std::nullopt;
}

std::optional<std::string> day(std::string_view s) {
  if (parse_date(s)) return std::string(s);
  auto t = time_ms(s);
  if (!t) return std::nullopt;
  return format_date(date_of(*t));
}

void read_currency_option(const json& options, std::string& out, Issues& issues) {
  std::string code = out;
  if (read_string(options, "currency", code, JsonPath(), issues, Need::Optional, 16) && !is_currency(code))
    issues.add("/currency", quoted_excerpt(code, 80) + " is not an ISO 4217 currency code such as \"USD\" or \"EUR\"");
  out = std::move(code);
}

std::string id_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return "";
}

std::string id_text(const json& obj, std::string_view key) {
  const json* v = get(obj, key);
  return v ? id_text(*v) : "";
}

const json* records(const json& doc, std::string& key) {
  key.clear();
  if (doc.is_array()) return &doc;
  for (const char* k : {"data", "results"}) {
    const json* v = get(doc, k);
    if (v && v->is_array()) {
      key = k;
      return v;
    }
  }
  return nullptr;
}

}  // namespace pb::source
