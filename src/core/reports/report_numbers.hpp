// The rounded figures of a report, kept as integers so that the JSON, the CSV and the screen all
// show the same digits: ratios to 4 decimals, days to 2, money to a minor unit, each rounded half
// away from zero once, from exact sums.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pb {

// num / den rounded half away from zero; den > 0.
std::int64_t divide_rounded(__int128 num, __int128 den);
// A scaled integer written with `decimals` digits after the point: (6667, 4) is "0.6667",
// (-5, 2) is "-0.05", (300, 0) is "300". Exact, for CSV and text (no float on the way).
std::string fixed_point(std::int64_t scaled, int decimals);

// A ratio rounded to 4 decimals, in ten-thousandths: 6667 is 0.6667.
struct Ratio {
  std::int64_t ten_thousandths = 0;
  double value() const { return static_cast<double>(ten_thousandths) / 10'000.0; }
  bool operator==(const Ratio&) const = default;
};
// part / whole; nothing when whole is 0 (nothing to measure).
std::optional<Ratio> ratio_of(std::int64_t part, std::int64_t whole);

// Days rounded to 2 decimals, in hundredths: 1250 is 12.5 days.
struct Days {
  std::int64_t hundredths = 0;
  double value() const { return static_cast<double>(hundredths) / 100.0; }
  bool operator==(const Days&) const = default;
};
// The mean and the median of durations in milliseconds, as days measured from the timestamps
// (fractional: 36 hours is 1.5 days). Nothing for no durations. The median of an even count is
// the mean of the middle two. `ms` is reordered.
std::optional<Days> mean_days(const std::vector<std::int64_t>& ms);
std::optional<Days> median_days(std::vector<std::int64_t>& ms);

}  // namespace pb
