#include "report_numbers.hpp"

#include <algorithm>

namespace pb {
namespace {
constexpr std::int64_t kDayMs = 86'400'000;
}

std::int64_t divide_rounded(__int128 num, __int128 den) {
  // |num| / den rounded half up, then the sign back: half away from zero.
  const __int128 abs = num < 0 ? -num : num;
  __int128 q = abs / den;
  if (2 * (abs % den) >= den) ++q;
  return static_cast<std::int64_t>(num < 0 ? -q : q);
}

std::string fixed_point(std::int64_t scaled, int decimals) {
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::uint64_t abs = scaled < 0 ? 0ULL - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
  std::string out = (scaled < 0 ? "-" : "") + std::to_string(abs / scale);
  if (decimals > 0) {
    const std::string frac = std::to_string(abs % scale);
    out += '.' + std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

std::optional<Ratio> ratio_of(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return Ratio{divide_rounded(static_cast<__int128>(part) * 10'000, whole)};
}

std::optional<Days> mean_days(const std::vector<std::int64_t>& ms) {
  if (ms.empty()) return std::nullopt;
  __int128 total = 0;
  for (std::int64_t v : ms) total += v;
  return Days{divide_rounded(total * 100, static_cast<__int128>(kDayMs) * static_cast<__int128>(ms.size()))};
}

std::optional<Days> median_days(std::vector<std::int64_t>& ms) {
  if (ms.empty()) return std::nullopt;
  const std::size_t mid = ms.size() / 2;
  std::nth_element(ms.begin(), ms.begin() + static_cast<std::ptrdiff_t>(mid), ms.end());
  const __int128 upper = ms[mid];
  if (ms.size() % 2 == 1) return Days{divide_rounded(upper * 100, kDayMs)};
  const __int128 lower = *std::max_element(ms.begin(), ms.begin() + static_cast<std::ptrdiff_t>(mid));
  return Days{divide_rounded((lower + upper) * 100, 2 * static_cast<__int128>(kDayMs))};
}

}  // namespace pb
