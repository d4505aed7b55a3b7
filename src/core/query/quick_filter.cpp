#include "quick_filter.hpp"

#include "money.hpp"

namespace pb {
namespace {
json cond(std::string field, const char* op, json value) {
  return json{{"field", std::move(field)}, {"op", op}, {"value", std::move(value)}};
}

bool in_bar(std::string_view key) {
  const DealFieldInfo* f = find_deal_field(key);
  return f && f->has(kInFilterBar);
}
}  // namespace

json to_filter(const QuickFilter& q) {
  json all = json::array();
  if (q.owner == kNoOwner) all.push_back(json{{"field", "owner"}, {"op", "empty"}});
  else if (!q.owner.empty()) all.push_back(cond("owner", "eq", q.owner));
  for (const DealFieldInfo& f : kDealFields)  // the bar's text fields, in table order
    if (auto it = q.fields.find(f.key); f.has(kInFilterBar) && it != q.fields.end() && !it->second.empty())
      all.push_back(cond(std::string(f.key), "eq", it->second));
  if (!q.status.empty()) all.push_back(cond("status", "eq", q.status));
  if (q.min_value) all.push_back(cond("value", "ge", *q.min_value));
  if (q.max_value) all.push_back(cond("value", "le", *q.max_value));
  if (q.close_from) all.push_back(cond("expected_close", "ge", format_date(*q.close_from)));
  if (q.close_to) all.push_back(cond("expected_close", "le", format_date(*q.close_to)));
  for (const auto& [field, value] : q.custom) all.push_back(cond("custom." + field, "eq", value));
  if (all.empty()) return nullptr;
  return json{{"all", std::move(all)}};
}

std::optional<QuickFilter> quick_filter_of(const json& filter) {
  QuickFilter q;
  if (filter.is_null()) return q;
  if (!filter.is_object() || filter.size() != 1 || !filter.contains("all") || !filter["all"].is_array())
    return std::nullopt;
  for (const json& c : filter["all"]) {
    if (!c.is_object() || !c.contains("field") || !c.contains("op") || !c["field"].is_string() || !c["op"].is_string())
      return std::nullopt;
    const std::string field = c["field"], op = c["op"];
    const json value = c.value("value", json());
    if (field == "owner" && op == "empty") q.owner = std::string(kNoOwner);
    else if (field == "owner" && op == "eq" && value.is_string()) q.owner = value;
    else if (in_bar(field) && op == "eq" && value.is_string()) q.fields[field] = value;
    else if (field == "status" && op == "eq" && value.is_string()) q.status = value;
    else if (field == "value" && op == "ge" && value.is_number_integer()) q.min_value = value.get<std::int64_t>();
    else if (field == "value" && op == "le" && value.is_number_integer()) q.max_value = value.get<std::int64_t>();
    else if (field == "expected_close" && (op == "ge" || op == "le") && value.is_string()) {
      auto d = parse_date(value.get<std::string>());
      if (!d) return std::nullopt;
      (op == "ge" ? q.close_from : q.close_to) = d;
    } else if (field.rfind("custom.", 0) == 0 && op == "eq" && value.is_string()) {
      q.custom[field.substr(7)] = value;
    } else {
      return std::nullopt;
    }
  }
  if (to_filter(q) != filter) return std::nullopt;  // e.g. a condition given twice
  return q;
}

std::optional<std::int64_t> parse_amount(std::string_view text, std::string_view currency) {
  return read_amount(text, currency).amount;
}

AmountInput read_amount(std::string_view text, std::string_view currency) {
  const int exp = currency_exponent(currency);
  const AmountInput not_amount{std::nullopt, "is not an amount like " + format_amount(125050, currency)};
  std::int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool negative = false, seen_digit = false, in_frac = false, too_large = false, too_precise = false;
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (in_frac) {
        if (++frac_digits > exp) too_precise = true;
        else frac = frac * 10 + (c - '0');
      } else if (!too_large) {
        whole = whole * 10 + (c - '0');
        too_large = whole > kMaxMoneyMinor;
      }
    } else if (c == ',' && !in_frac) {
      continue;  // thousands separator
    } else if (c == '.' && !in_frac) {
      in_frac = true;
    } else if (c == ' ') {
      while (i < text.size() && text[i] == ' ') ++i;
      if (i != text.size()) return not_amount;
      break;
    } else {
      return not_amount;
    }
  }
  if (!seen_digit) return not_amount;
  const std::string code(currency);
  if (too_precise)
    return {std::nullopt, exp == 0 ? code + " amounts have no decimals"
                                   : "has more decimals than " + code + " has (" + std::to_string(exp) + ")"};
  std::int64_t scale = 1;
  for (int k = 0; k < exp; ++k) scale *= 10;
  for (int k = frac_digits; k < exp; ++k) frac *= 10;
  if (too_large || whole > kMaxMoneyMinor / scale || whole * scale + frac > kMaxMoneyMinor)
    return {std::nullopt, "is too large (at most " + format_amount(kMaxMoneyMinor, currency) + ")"};
  const std::int64_t minor = whole * scale + frac;
  return {negative ? -minor : minor, ""};
}

}  // namespace pb
