// Exact per-currency sums for report figures: amounts (or amount x probability) added as 128-bit
// integers with a count per currency, rounded once when the figure is read.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "money.hpp"
#include "string_index_internal.hpp"

namespace pb::report_detail {

class MoneySum {
 public:
  void add(std::string_view currency, __int128 amount) {
    Entry& e = entry(currency);
    e.sum += amount;
    ++e.count;
  }
  void add(const Money& m) { add(m.currency, m.amount); }
  // amount x probability (a percentage), for a weighted figure read with divided(100). A 64-bit
  // product for every amount the reader accepts (|amount| <= 10^12): no 128-bit multiply per deal.
  void add_weighted(const Money& m, int probability) {
    const bool small = m.amount <= kMaxMoneyMinor && m.amount >= -kMaxMoneyMinor;
    add(m.currency, small ? static_cast<__int128>(m.amount * probability) : static_cast<__int128>(m.amount) * probability);
  }
  bool empty() const { return entries_.empty(); }
  // The sums as they are (each fits: |amount| <= 10^12, deals <= 10^6).
  MoneyTotals totals() const;
  // Each sum / divisor, rounded half away from zero (weighted: / 100).
  MoneyTotals divided(std::int64_t divisor) const;
  // Each sum / its own count, rounded half away from zero: the average per currency.
  MoneyTotals averages() const;

 private:
  struct Entry {
    std::string currency;
    __int128 sum = 0;
    std::int64_t count = 0;
  };
  Entry& entry(std::string_view currency) {
    // A pipeline has one currency or a few: the last one used is checked first.
    if (last_ < entries_.size() && same_text(entries_[last_].currency, currency)) return entries_[last_];
    return insert(currency);
  }
  Entry& insert(std::string_view currency);
  std::vector<Entry> entries_;  // sorted by currency
  std::size_t last_ = 0;
};

}  // namespace pb::report_detail
