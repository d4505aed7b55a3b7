#include "format.hpp"

#include <cstdio>

namespace pb::ui {

namespace {
const char* symbol_of(const std::string& code) {
  if (code == "EUR") return "€";
  if (code == "USD") return "$";
  if (code == "GBP") return "£";
  if (code == "JPY") return "¥";
  return nullptr;
}
}  // namespace

std::string compact_money(const Money& m) {
  const int exp = currency_exponent(m.currency);
  double major = static_cast<double>(m.amount);
  for (int i = 0; i < exp; ++i) major /= 10.0;
  const double mag = major < 0 ? -major : major;
  char buf[64];
  if (mag >= 1e9) std::snprintf(buf, sizeof buf, "%.1fB", major / 1e9);
  else if (mag >= 1e6) std::snprintf(buf, sizeof buf, "%.1fM", major / 1e6);
  else if (mag >= 1e4) std::snprintf(buf, sizeof buf, "%.1fk", major / 1e3);
  else std::snprintf(buf, sizeof buf, "%.0f", major);
  const char* sym = symbol_of(m.currency);
  return sym ? std::string(sym) + buf : std::string(buf) + " " + m.currency;
}

std::string compact_totals(const MoneyTotals& totals) {
  if (totals.empty()) return "–";
  std::string out;
  for (const auto& t : totals) {
    if (!out.empty()) out += " + ";
    out += compact_money(t);
  }
  return out;
}

}  // namespace pb::ui
