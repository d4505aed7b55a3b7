#include "money.hpp"

#include <algorithm>
#include <cstdlib>

namespace pb {
namespace {

// Active ISO 4217 codes (2024 list), space separated for a compact table.
constexpr std::string_view kCodes =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP "
    "BYN BZD CAD CDF CHF CLF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP "
    "GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS "
    "KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR "
    "MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF "
    "SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD "
    "TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL";
constexpr std::string_view kZeroDigit = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";
constexpr std::string_view kThreeDigit = "BHD IQD JOD KWD LYD OMR TND";
constexpr std::string_view kFourDigit = "CLF";

bool in_list(std::string_view list, std::string_view code) {
  if (code.size() != 3) return false;
  for (std::size_t i = 0; i + 3 <= list.size(); i += 4)
    if (list.substr(i, 3) == code) return true;
  return false;
}

}  // namespace

bool is_currency(std::string_view code) { return in_list(kCodes, code); }

int currency_exponent(std::string_view code) {
  if (in_list(kZeroDigit, code)) return 0;
  if (in_list(kThreeDigit, code)) return 3;
  if (in_list(kFourDigit, code)) return 4;
  return 2;
}

std::string format_money(const Money& m) {
  std::string out = format_amount(m.amount, m.currency);
  if (!m.currency.empty()) out += ' ' + m.currency;
  return out;
}

std::string format_amount(std::int64_t amount, std::string_view currency) {
  const Money m{amount, std::string(currency)};
  const int exp = currency_exponent(m.currency);
  std::int64_t scale = 1;
  for (int i = 0; i < exp; ++i) scale *= 10;
  const std::uint64_t abs = m.amount < 0 ? 0ULL - static_cast<std::uint64_t>(m.amount) : m.amount;
  const std::string grouped = group_thousands(abs / scale);
  std::string out = m.amount < 0 ? "-" + grouped : grouped;
  if (exp > 0) {
    std::string frac = std::to_string(abs % scale);
    out += '.' + std::string(exp - frac.size(), '0') + frac;
  }
  return out;
}

std::string group_thousands(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

void add_to_totals(MoneyTotals& totals, std::string_view currency, std::int64_t amount) {
  auto it = std::lower_bound(totals.begin(), totals.end(), currency,
                             [](const Money& m, std::string_view c) { return m.currency < c; });
  if (it != totals.end() && it->currency == currency) {
    it->amount += amount;
  } else {
    totals.insert(it, Money{amount, std::string(currency)});
  }
}

}  // namespace pb
