// The filter bar's simple form of a filter: owner, the built-in text fields the bar offers
// (kInFilterBar in deal_fields.hpp: product), status, value range, expected-close range and custom
// field values, ANDed. Converts to a filter expression (query.hpp) and back,
// so a saved view made from the bar reopens in the bar.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "json_read.hpp"
#include "model.hpp"

namespace pb {

// Field key -> the value it must equal.
using FieldValues = std::map<std::string, std::string, std::less<>>;

struct QuickFilter {
  std::string owner;    // person id; "" = any; kNoOwner = deals without an owner
  FieldValues fields;   // built-in fields with kInFilterBar; absent or "" = any
  std::string status;   // "", "open", "won" or "lost"
  std::optional<std::int64_t> min_value, max_value;  // minor units
  std::optional<Date> close_from, close_to;
  std::map<Id, std::string> custom;  // field id -> value, for text and choice fields
  bool operator==(const QuickFilter&) const = default;
  bool empty() const { return *this == QuickFilter{}; }
};

inline constexpr std::string_view kNoOwner = "(none)";

json to_filter(const QuickFilter& q);
// nullopt when the expression has a shape the bar cannot show (it is then kept as is).
std::optional<QuickFilter> quick_filter_of(const json& filter);

// "1,250.50" / "1250.5" / "1250" in major units of a currency -> minor units.
std::optional<std::int64_t> parse_amount(std::string_view text, std::string_view currency);
// The same, saying why typed text is not an amount ("" when it is): not a number, more decimals
// than the currency has, or past the money limit.
struct AmountInput {
  std::optional<std::int64_t> amount;
  std::string problem;
};
AmountInput read_amount(std::string_view text, std::string_view currency);

}  // namespace pb
