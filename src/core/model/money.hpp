// Money: integer minor units plus an ISO 4217 code. Never floats, never mixed currencies.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pb {

// Largest accepted |amount| in minor units: 10^12 (ten billion dollars in cents).
// Keeps every sum of up to a million deals, and value x probability, inside int64.
inline constexpr std::int64_t kMaxMoneyMinor = 1'000'000'000'000LL;

struct Money {
  std::int64_t amount = 0;  // minor units (cents for EUR/USD, yen for JPY)
  std::string currency;     // ISO 4217, e.g. "EUR"
  bool operator==(const Money&) const = default;
};

// True when `code` is an active ISO 4217 currency code.
bool is_currency(std::string_view code);
// Digits after the decimal point for `code` (2 when unknown).
int currency_exponent(std::string_view code);
// "12,345.67": the amount in major units with the currency's decimals, no code.
std::string format_amount(std::int64_t minor, std::string_view currency);
// "100,000": digits in groups of three, as amounts and counts are shown.
std::string group_thousands(std::uint64_t n);
// "12,345.67 EUR" style, for UI and reports.
std::string format_money(const Money& m);
// Money in a workspace is totalled per currency: one entry per currency, sorted by code.
using MoneyTotals = std::vector<Money>;
void add_to_totals(MoneyTotals& totals, std::string_view currency, std::int64_t amount);

}  // namespace pb
