// Short display forms shared by views.
#pragma once
#include <string>

#include "money.hpp"

namespace pb::ui {

// "€12.4k"-style compact money for headers and cards; totals in several currencies are joined.
std::string compact_money(const Money& m);
std::string compact_totals(const MoneyTotals& totals);

}  // namespace pb::ui
