#include "report_format.hpp"

namespace pb::ui {

std::string exact_totals(const MoneyTotals& totals) {
  if (totals.empty()) return "–";
  std::string out;
  for (const Money& m : totals) {
    if (!out.empty()) out += " · ";
    out += format_money(m);
  }
  return out;
}

std::int64_t amount_in(const MoneyTotals& totals, const std::string& currency) {
  for (const Money& m : totals)
    if (m.currency == currency) return m.amount;
  return 0;
}

double major_units(std::int64_t amount, const std::string& currency) {
  double v = static_cast<double>(amount);
  for (int i = currency_exponent(currency); i > 0; --i) v /= 10.0;
  return v;
}

std::string percent_text(const std::optional<Ratio>& r) {
  return r ? fixed_point(r->ten_thousandths, 2) + "%" : "–";  // ten-thousandths = hundredths of a percent
}

std::string days_text(const std::optional<Days>& d) { return d ? fixed_point(d->hundredths, 2) + " d" : "–"; }

}  // namespace pb::ui
