#include "money_sum_internal.hpp"

#include <algorithm>

#include "report_numbers.hpp"

namespace pb::report_detail {

MoneySum::Entry& MoneySum::insert(std::string_view currency) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), currency,
                             [](const Entry& e, std::string_view c) { return e.currency < c; });
  if (it == entries_.end() || it->currency != currency) it = entries_.insert(it, Entry{std::string(currency), 0, 0});
  last_ = static_cast<std::size_t>(it - entries_.begin());
  return *it;
}

MoneyTotals MoneySum::totals() const { return divided(1); }

MoneyTotals MoneySum::divided(std::int64_t divisor) const {
  MoneyTotals out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) out.push_back(Money{divide_rounded(e.sum, divisor), e.currency});
  return out;
}

MoneyTotals MoneySum::averages() const {
  MoneyTotals out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) out.push_back(Money{divide_rounded(e.sum, e.count), e.currency});
  return out;
}

}  // namespace pb::report_detail
