// Value types: money and the currency table, dates and timestamps, UTF-8, JSON paths and parsing limits.
#include <cstdint>
#include <limits>

#include "test_helpers.hpp"

using namespace pb;

// [SECTION] Money

TEST_CASE("currency table: active ISO 4217 codes only") {
  for (const char* code : {"EUR", "USD", "JPY", "GBP", "CHF", "PLN", "TRY", "VND", "BRL", "KWD", "CLF", "AED", "ZWL"})
    CHECK_MESSAGE(is_currency(code), code);
  for (const char* code : {"eur", "Eur", "EU", "EURO", "", "XXX", "ABC", "US ", " US", "E R", "DEM"})
    CHECK_FALSE_MESSAGE(is_currency(code), code);
}

TEST_CASE("currency exponents follow ISO 4217") {
  CHECK(currency_exponent("EUR") == 2);
  CHECK(currency_exponent("USD") == 2);
  CHECK(currency_exponent("JPY") == 0);
  CHECK(currency_exponent("KRW") == 0);
  CHECK(currency_exponent("XOF") == 0);
  CHECK(currency_exponent("KWD") == 3);
  CHECK(currency_exponent("BHD") == 3);
  CHECK(currency_exponent("TND") == 3);
  CHECK(currency_exponent("CLF") == 4);
  CHECK(currency_exponent("???") == 2);  // unknown codes fall back to cents
}

TEST_CASE("format_money groups thousands and places the decimal point by currency") {
  CHECK(format_money({123456789, "EUR"}) == "1,234,567.89 EUR");
  CHECK(format_money({100000, "EUR"}) == "1,000.00 EUR");
  CHECK(format_money({99999, "EUR"}) == "999.99 EUR");
  CHECK(format_money({0, "USD"}) == "0.00 USD");
  CHECK(format_money({5, "USD"}) == "0.05 USD");
  CHECK(format_money({-5, "USD"}) == "-0.05 USD");
  CHECK(format_money({-123456, "USD"}) == "-1,234.56 USD");
  CHECK(format_money({1000, "JPY"}) == "1,000 JPY");
  CHECK(format_money({999, "JPY"}) == "999 JPY");
  CHECK(format_money({1234567, "KWD"}) == "1,234.567 KWD");
  CHECK(format_money({1005, "KWD"}) == "1.005 KWD");
  CHECK(format_money({12345, "CLF"}) == "1.2345 CLF");
  CHECK(format_money({100, ""}) == "1.00");
  CHECK(format_money({kMaxMoneyMinor, "EUR"}) == "10,000,000,000.00 EUR");
  CHECK(format_money({std::numeric_limits<std::int64_t>::min(), "EUR"}) == "-92,233,720,368,547,758.08 EUR");
}

TEST_CASE("money totals keep one sorted entry per currency") {
  MoneyTotals t;
  add_to_totals(t, "USD", 100);
  add_to_totals(t, "EUR", 250);
  add_to_totals(t, "USD", -30);
  add_to_totals(t, "CHF", 1);
  add_to_totals(t, "EUR", 50);
  REQUIRE(t.size() == 3);
  CHECK(t[0] == Money{1, "CHF"});
  CHECK(t[1] == Money{300, "EUR"});
  CHECK(t[2] == Money{70, "USD"});
}

// [SECTION] Dates

TEST_CASE("parse_date: strict YYYY-MM-DD with real calendar days") {
  CHECK(parse_date("1970-01-01")->days == 0);
  CHECK(parse_date("1970-01-02")->days == 1);
  CHECK(parse_date("1969-12-31")->days == -1);
  CHECK(parse_date("2000-01-01")->days == 10957);
  CHECK(parse_date("2000-03-01")->days == 11017);  // 2000 is a leap year (divisible by 400)
  CHECK(parse_date("2024-02-29")->days == 19782);
  CHECK(parse_date("2024-03-01")->days == 19783);
  CHECK(parse_date("2026-09-21")->days == 20717);
  CHECK(parse_date("1900-01-01").has_value());
  CHECK(parse_date("9999-12-31").has_value());

  // Leap years: every 4th, except centuries, except every 400th.
  CHECK(parse_date("2024-02-29"));
  CHECK(parse_date("2000-02-29"));
  CHECK(parse_date("2400-02-29"));
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK_FALSE(parse_date("2100-02-29"));
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-04-31"));
  CHECK(parse_date("2026-03-31"));

  for (const char* bad : {"", "2026-1-01", "2026-01-1", "20260101", "2026/01/01", "2026-13-01", "2026-00-10",
                          "2026-01-00", "2026-01-32", "1899-12-31", "10000-01-01", " 2026-01-01", "2026-01-01 ",
                          "2026-01-01T00:00:00Z", "2026-0a-01", "+026-01-01", "-026-01-01"})
    CHECK_FALSE_MESSAGE(parse_date(bad), bad);
}

TEST_CASE("format_date and parse_date are inverses") {
  CHECK(format_date(Date{0}) == "1970-01-01");
  CHECK(format_date(Date{-1}) == "1969-12-31");
  CHECK(format_date(Date{19782}) == "2024-02-29");
  CHECK(format_month(Date{19782}) == "2024-02");
  CHECK(format_month(*parse_date("2026-12-31")) == "2026-12");
  // Every day of 1999..2001 (a leap century year), then every 13th day over the whole range.
  const std::int32_t first = parse_date("1900-01-01")->days, last = parse_date("9999-12-31")->days;
  for (std::int32_t d = parse_date("1999-01-01")->days; d <= parse_date("2001-12-31")->days; ++d)
    REQUIRE(parse_date(format_date(Date{d}))->days == d);
  for (std::int32_t d = first; d <= last; d += 13) REQUIRE(parse_date(format_date(Date{d}))->days == d);
  CHECK(parse_date(format_date(Date{last}))->days == last);
  // Consecutive days are one apart across month and year ends.
  CHECK(parse_date("2025-01-01")->days - parse_date("2024-12-31")->days == 1);
  CHECK(parse_date("2024-03-01")->days - parse_date("2024-02-28")->days == 2);
  CHECK(parse_date("2023-03-01")->days - parse_date("2023-02-28")->days == 1);
}

// [SECTION] Timestamps

TEST_CASE("parse_timestamp: UTC, offsets and fractions") {
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == Timestamp{0});
  CHECK(parse_timestamp("1970-01-02T00:00:00Z") == Timestamp{86'400'000});
  CHECK(parse_timestamp("2000-01-01T00:00:00Z") == Timestamp{946'684'800'000});
  CHECK(parse_timestamp("2026-09-21T14:13:20Z") == test::kNow);
  CHECK(parse_timestamp("2026-09-21T16:13:20+02:00") == test::kNow);
  CHECK(parse_timestamp("2026-09-21T09:13:20-05:00") == test::kNow);
  CHECK(parse_timestamp("2026-09-21T19:43:20+05:30") == test::kNow);
  CHECK(parse_timestamp("2026-09-21T14:13:20+00:00") == test::kNow);
  CHECK(parse_timestamp("2026-09-21T14:13:20-00:00") == test::kNow);
  // An offset can move the instant to another UTC day, month and year.
  CHECK(parse_timestamp("2026-01-01T00:30:00+01:00") == parse_timestamp("2025-12-31T23:30:00Z"));
  CHECK(parse_timestamp("2024-02-28T23:00:00-02:00") == parse_timestamp("2024-02-29T01:00:00Z"));
  CHECK(parse_timestamp("2024-02-29T12:00:00Z").has_value());
  CHECK_FALSE(parse_timestamp("2023-02-29T12:00:00Z"));
  // Fractions: tenths, hundredths, milliseconds; finer digits are dropped.
  CHECK(parse_timestamp("2026-09-21T14:13:20.5Z") == test::kNow + 500);
  CHECK(parse_timestamp("2026-09-21T14:13:20.05Z") == test::kNow + 50);
  CHECK(parse_timestamp("2026-09-21T14:13:20.123Z") == test::kNow + 123);
  CHECK(parse_timestamp("2026-09-21T14:13:20.123999Z") == test::kNow + 123);
  CHECK(parse_timestamp("2026-09-21T16:13:20.250+02:00") == test::kNow + 250);
  CHECK(parse_timestamp("1969-12-31T23:59:59.999Z") == Timestamp{-1});

  for (const char* bad : {"", "2026-09-21", "2026-09-21T14:13:20", "2026-09-21 14:13:20Z", "2026-09-21t14:13:20Z",
                          "2026-09-21T14:13:20z", "2026-09-21T24:00:00Z", "2026-09-21T23:60:00Z",
                          "2026-09-21T23:59:60Z", "2026-09-21T14:13Z", "2026-09-21T14:13:20+0200",
                          "2026-09-21T14:13:20+24:00", "2026-09-21T14:13:20+01:60", "2026-09-21T14:13:20+01",
                          "2026-09-21T14:13:20.Z", "2026-09-21T14:13:20.1234567890Z", "2026-09-21T14:13:20ZZ",
                          "2026-02-30T00:00:00Z", "2026-09-21T1a:13:20Z", "2026-09-21T14:13:20.5"})
    CHECK_FALSE_MESSAGE(parse_timestamp(bad), bad);
}

TEST_CASE("format_timestamp: canonical UTC form, milliseconds only when set") {
  CHECK(format_timestamp(0) == "1970-01-01T00:00:00Z");
  CHECK(format_timestamp(1500) == "1970-01-01T00:00:01.500Z");
  CHECK(format_timestamp(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(format_timestamp(test::kNow) == "2026-09-21T14:13:20Z");
  CHECK(format_timestamp(test::kNow + 7) == "2026-09-21T14:13:20.007Z");
  CHECK(format_timestamp(*parse_timestamp("2026-01-01T00:30:00+01:00")) == "2025-12-31T23:30:00Z");
  CHECK(date_of(-1).days == -1);
  CHECK(date_of(0).days == 0);
  CHECK(date_of(86'399'999).days == 0);
  CHECK(date_of(-86'400'000).days == -1);
  CHECK(date_of(-86'400'001).days == -2);
}

TEST_CASE("every accepted timestamp formats to a string that parses back to it") {
  // An offset must not push the instant outside the years a saved file can hold (1900..9999).
  for (const char* s : {"1900-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00", "1900-01-01T00:00:00Z",
                        "9999-12-31T23:59:59.999Z", "1900-01-01T01:00:00+01:00", "9999-12-31T22:00:00-01:00"}) {
    INFO(s);
    if (auto t = parse_timestamp(s)) CHECK(parse_timestamp(format_timestamp(*t)) == t);
  }
  CHECK_FALSE(parse_timestamp("1900-01-01T00:30:00+01:00"));
  CHECK_FALSE(parse_timestamp("9999-12-31T23:30:00-01:00"));
  CHECK(parse_timestamp("1900-01-01T01:00:00+01:00") == parse_timestamp("1900-01-01T00:00:00Z"));
}

// [SECTION] UTF-8, paths, parsing

TEST_CASE("valid_utf8 accepts well-formed text and rejects every malformed class") {
  CHECK(valid_utf8(""));
  CHECK(valid_utf8("plain ascii"));
  CHECK(valid_utf8("Łódź, Çelik, Nguyễn"));
  CHECK(valid_utf8("\xF0\x9F\x98\x80"));      // U+1F600
  CHECK(valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
  CHECK(valid_utf8("\xEF\xBF\xBD"));          // U+FFFD
  CHECK_FALSE(valid_utf8("\xC3"));            // truncated
  CHECK_FALSE(valid_utf8("abc\xE2\x82"));     // truncated at the end
  CHECK_FALSE(valid_utf8("\xC3\x28"));        // bad continuation
  CHECK_FALSE(valid_utf8("\x80"));            // lone continuation
  CHECK_FALSE(valid_utf8("\xC0\xAF"));        // overlong 2-byte
  CHECK_FALSE(valid_utf8("\xE0\x80\xAF"));    // overlong 3-byte
  CHECK_FALSE(valid_utf8("\xF0\x80\x80\xAF"));  // overlong 4-byte
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));    // UTF-16 surrogate
  CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(valid_utf8("\xFF"));
  CHECK_FALSE(valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
}

TEST_CASE("JSON Pointer paths escape ~ and /, and Issues summarise") {
  const JsonPath root;
  CHECK(root.str() == "");
  CHECK((root / "deals" / 12 / "value").str() == "/deals/12/value");
  CHECK((root / "a/b" / "c~d").str() == "/a~1b/c~0d");
  Issues issues;
  CHECK(issues.ok());
  CHECK(issues.summary() == "");
  issues.add(root, "expected a JSON object, got an array");
  issues.add(root / "x", "is required");
  issues.add(root / "y", "is required");
  CHECK(issues.count() == 3);
  CHECK(issues.summary() == "/: expected a JSON object, got an array (and 2 more)");
  Issues limited(2);
  for (int i = 0; i < 5; ++i) limited.add(root / std::size_t(i), "bad");
  CHECK(limited.count() == 5);
  CHECK(limited.list().size() == 2);
  CHECK(limited.summary() == "/0: bad (and 4 more)");
}

TEST_CASE("value readers report the path and the problem") {
  Issues issues;
  std::int64_t n = 7;
  const JsonPath root, deals = root / "deals", deal0 = deals / 0, p = deal0 / "value";
  CHECK_FALSE(value_int(json(1.5), n, p / "amount", issues, 0, 10));
  CHECK_FALSE(value_int(json("3"), n, p / "amount", issues, 0, 10));
  CHECK_FALSE(value_int(json(11), n, p / "amount", issues, 0, 10));
  CHECK_FALSE(value_int(json(std::uint64_t{18'000'000'000'000'000'000u}), n, p / "amount", issues, 0, 10));
  CHECK(n == 7);  // left alone on error
  Issues wrap;
  // 2^64 - 5 arrives as an unsigned JSON number and must not wrap around to -5.
  CHECK_FALSE(value_int(json(std::uint64_t{18'446'744'073'709'551'611u}), n, p, wrap, -kMaxMoneyMinor, kMaxMoneyMinor));
  CHECK(n == 7);
  json parsed;
  std::string error;
  REQUIRE(parse_json(R"({"amount": 18446744073709551611})", parsed, error));
  CHECK_FALSE(value_int(parsed["amount"], n, p, wrap, -kMaxMoneyMinor, kMaxMoneyMinor));
  CHECK(wrap.summary() == "/deals/0/value: must be between -1000000000000 and 1000000000000 (and 1 more)");
  CHECK(n == 7);
  REQUIRE(issues.list().size() == 4);
  CHECK(issues.list()[0].str() == "/deals/0/value/amount: expected an integer, got a fraction or a number out of range");
  CHECK(issues.list()[1].str() == "/deals/0/value/amount: expected an integer, got a string");
  CHECK(issues.list()[2].str() == "/deals/0/value/amount: must be between 0 and 10");
  CHECK(issues.list()[3].str() == "/deals/0/value/amount: must be between 0 and 10");
  CHECK(value_int(json(10), n, p, issues, 0, 10));
  CHECK(n == 10);

  Issues more;
  std::string s = "kept";
  CHECK_FALSE(value_string(json(std::string(11, 'x')), s, p, more, 10));
  CHECK_FALSE(value_string(json(nullptr), s, p, more));
  CHECK(s == "kept");
  CHECK(more.list()[0].str() == "/deals/0/value: is too long (11 bytes, at most 10)");
  CHECK(more.list()[1].str() == "/deals/0/value: expected a string, got null");
}

TEST_CASE("parse_json: limits on size and depth, clear errors") {
  json out;
  std::string error;
  CHECK(parse_json(R"({"a": [1, 2, {"b": "c"}]})", out, error));
  CHECK(out["a"][2]["b"] == "c");

  SUBCASE("over-size input is rejected before parsing, with both sizes in the message") {
    const std::string text = R"({"name": "a fairly long document"})";
    CHECK_FALSE(parse_json(text, out, error, ParseLimits{16, 64}));
    CHECK(error.find(std::to_string(text.size()) + " bytes") != std::string::npos);
    CHECK(error.find("16 bytes") != std::string::npos);
    CHECK(parse_json(text, out, error, ParseLimits{text.size(), 64}));
  }
  SUBCASE("a file just over a whole-megabyte limit does not read as equal to it") {
    const std::string text(std::size_t{1} << 20 | 1, ' ');
    CHECK_FALSE(parse_json(text, out, error, ParseLimits{std::size_t{1} << 20, 64}));
    CHECK(error.find("1048577 bytes") != std::string::npos);
    CHECK(error.find("1 MB") != std::string::npos);
  }
  SUBCASE("nesting deeper than the limit") {
    auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    CHECK(parse_json(nested(64), out, error));
    CHECK_FALSE(parse_json(nested(65), out, error));
    CHECK(error == "nesting is deeper than 64 levels");
    CHECK_FALSE(parse_json(nested(5), out, error, ParseLimits{1000, 4}));
    // Brackets inside strings (with escaped quotes) do not count.
    CHECK(parse_json(R"({"s": "[[[[[[\"[[[[[[["})", out, error, ParseLimits{1000, 1}));
    CHECK(out["s"] == "[[[[[[\"[[[[[[[");
  }
  SUBCASE("not JSON, and not UTF-8") {
    CHECK_FALSE(parse_json("{\"a\": }", out, error));
    CHECK(error == "not valid JSON");
    CHECK_FALSE(parse_json("", out, error));
    CHECK(error == "not valid JSON");
    CHECK_FALSE(parse_json("{\"a\": \"\xC3\x28\"}", out, error));
    CHECK(error == "not valid JSON (the text is not valid UTF-8)");
  }
}

TEST_CASE("string readers reject malformed UTF-8 that arrives through the C++ API") {
  // Text parsed from JSON is checked by the parser; a json value built in C++ is not.
  json obj{{"title", "caf\xC3"}};
  std::string out = "kept";
  Issues issues;
  CHECK_FALSE(read_string(obj, "title", out, JsonPath() / "deal", issues));
  CHECK(out == "kept");
  CHECK(issues.summary() == "/deal/title: is not valid UTF-8 text");
  Issues fine;
  CHECK(read_string(json{{"title", "Łódź"}}, "title", out, JsonPath(), fine));
  CHECK(out == "Łódź");
}
