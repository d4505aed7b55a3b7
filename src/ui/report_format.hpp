// How the Reports view writes its figures: exact money per currency, ratios as percentages,
// days with 2 decimals, and "–" for a figure with nothing to measure (never 0).
#pragma once
#include <optional>
#include <string>

#include "money.hpp"
#include "report_numbers.hpp"

namespace pb::ui {

// "12,500.00 EUR · 300.00 USD"; "–" for none.
std::string exact_totals(const MoneyTotals& totals);
// The amount in one currency (0 when the totals have none), and as major units for charts.
std::int64_t amount_in(const MoneyTotals& totals, const std::string& currency);
double major_units(std::int64_t amount, const std::string& currency);
// "62.50%" / "4.25 d"; "–" for nothing to measure.
std::string percent_text(const std::optional<Ratio>& r);
std::string days_text(const std::optional<Days>& d);

}  // namespace pb::ui
