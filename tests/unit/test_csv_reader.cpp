// The CSV reader: records and lines, quoting, delimiters, numbers in both conventions, dates.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "csv_reader.hpp"

using namespace pb;

namespace {

struct Read {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;
  std::vector<std::string> errors;
};

Read read_all(std::string_view text, char delimiter = ',', CsvLimits limits = {}) {
  Read out;
  CsvCursor cur(text, delimiter, limits);
  CsvRecord r;
  while (cur.next(r)) {
    out.rows.emplace_back(r.fields.begin(), r.fields.end());
    out.lines.push_back(r.line);
    out.errors.push_back(r.error);
  }
  return out;
}

}  // namespace

TEST_CASE("csv reader: quoted fields with delimiters, doubled quotes and newlines; line numbers") {
  const Read r = read_all("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n\"cr\ronly\"\rend");
  REQUIRE(r.rows.size() == 5);
  CHECK(r.rows[0] == std::vector<std::string>{"a", "b", "c"});
  CHECK(r.rows[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(r.rows[2] == std::vector<std::string>{"last", "", ""});
  CHECK(r.rows[3] == std::vector<std::string>{"cr\ronly"});
  CHECK(r.rows[4] == std::vector<std::string>{"end"});
  CHECK(r.lines == std::vector<std::size_t>{1, 2, 4, 5, 7});  // quoted line breaks count as lines
  const Read e = read_all("x\rend");  // lone CR ends a line
  CHECK(e.lines == std::vector<std::size_t>{1, 2});
}

TEST_CASE("csv reader: a BOM, a trailing delimiter, and an unterminated quote") {
  const Read r = read_all("\xEF\xBB\xBFId,Name,\n1,\"open");
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0] == std::vector<std::string>{"Id", "Name", ""});
  CHECK(r.rows[1][1] == "open");
  CHECK(r.errors[1].find("not closed") != std::string::npos);
}

TEST_CASE("csv reader: hostile sizes stay bounded") {
  CsvLimits limits;
  limits.max_columns = 10;
  limits.max_field_bytes = 100;
  // A million delimiters: the record counts them and keeps ten.
  const std::string many(1'000'000, ',');
  const Read r = read_all(many, ',', limits);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].size() == 10);
  CHECK(r.errors[0].find("more than 10 columns") != std::string::npos);
  // A huge quoted run with doubled quotes: copied up to the cap only.
  std::string huge = "\"";
  for (int i = 0; i < 200'000; ++i) huge += "\"\"";
  huge += "\"\nnext";
  const Read h = read_all(huge, ',', limits);
  REQUIRE(h.rows.size() == 2);
  CHECK(h.rows[0][0].size() <= 101);
  CHECK(h.errors[0].find("longer than 100 bytes") != std::string::npos);
  CHECK(h.rows[1][0] == "next");
  CHECK(h.lines[1] == 2);
}

TEST_CASE("csv reader: the delimiter is detected") {
  CHECK(detect_delimiter("a,b,c\n1,2,3\n") == ',');
  CHECK(detect_delimiter("a;b;c\n1,5;2,5;3\n") == ';');
  CHECK(detect_delimiter("a\tb\tc\n1\t2,5\t\"x;y\"\n") == '\t');
  CHECK(detect_delimiter("\"a;b\",c\n\"1;2\",3\n") == ',');
  CHECK(detect_delimiter("single\n") == ',');
}

TEST_CASE("csv reader: amounts in both conventions, with signs, symbols and codes") {
  std::int64_t v = 0;
  CHECK((parse_amount("1.234,56", true, 2, v) && v == 123456));
  CHECK((parse_amount("1,234.56", false, 2, v) && v == 123456));
  CHECK((parse_amount("1234,5", true, 2, v) && v == 123450));
  CHECK((parse_amount("-12.50", false, 2, v) && v == -1250));
  CHECK((parse_amount("'-12.50", false, 2, v) && v == -1250));  // neutralised by an export
  CHECK((parse_amount("(7.25)", false, 2, v) && v == -725));
  CHECK((parse_amount("$1,000", false, 2, v) && v == 100000));
  CHECK((parse_amount("1 500 EUR", true, 2, v) && v == 150000));
  CHECK((parse_amount("1500.6", false, 0, v) && v == 1501));  // JPY: rounded
  CHECK((parse_amount("0.1234", false, 3, v) && v == 123));
  CHECK_FALSE(parse_amount("12,5", false, 2, v));  // not a thousands group: refused, not read as 125
  CHECK_FALSE(parse_amount("abc", false, 2, v));
  CHECK_FALSE(parse_amount("1.2.3", false, 2, v));
  CHECK_FALSE(parse_amount("99999999999999999999", false, 2, v));
  CHECK(decimal_vote("1.234,56") == DecimalVote::Comma);
  CHECK(decimal_vote("1,234.56") == DecimalVote::Point);
  CHECK(decimal_vote("1234,5") == DecimalVote::Comma);
  CHECK(decimal_vote("1,234") == DecimalVote::None);
  CHECK(decimal_vote("hello") == DecimalVote::NotANumber);
  double d = 0;
  CHECK((parse_number("1e+20", false, d) && d == 1e20));
  CHECK((parse_number("-0,5", true, d) && d == -0.5));
  CHECK(amount_code("12.50 EUR") == "EUR");
}

TEST_CASE("csv reader: dates and times in the formats exports use") {
  CHECK(parse_csv_date("2026-04-03", DateOrder::Auto) == "2026-04-03");
  CHECK(parse_csv_date("03/04/2026", DateOrder::Dmy) == "2026-04-03");
  CHECK(parse_csv_date("03/04/2026", DateOrder::Mdy) == "2026-03-04");
  CHECK(parse_csv_date("25/04/2026", DateOrder::Auto) == "2026-04-25");
  CHECK(parse_csv_date("04/25/2026", DateOrder::Auto) == "2026-04-25");
  CHECK(parse_csv_date("25.04.2026", DateOrder::Mdy) == "2026-04-25");  // dots are always day-first
  CHECK(parse_csv_date("2026/04/25", DateOrder::Auto) == "2026-04-25");
  CHECK_FALSE(parse_csv_date("31/02/2026", DateOrder::Dmy));
  CHECK_FALSE(parse_csv_date("soon", DateOrder::Auto));
  const Timestamp t = *parse_timestamp("2024-01-22T16:14:25Z");
  CHECK(parse_csv_time("2024-01-22T16:14:25.000+0000", DateOrder::Auto) == t);
  CHECK(parse_csv_time("2024-01-22T17:14:25+01:00", DateOrder::Auto) == t);
  CHECK(parse_csv_time("2024-01-22 16:14:25", DateOrder::Auto) == t);
  CHECK(parse_csv_time("2024-01-22T16:14:25.5Z", DateOrder::Auto) == t + 500);
  CHECK(parse_csv_time("1/22/2024 4:14:25 PM", DateOrder::Auto) == t);
  CHECK(parse_csv_time("2024-01-22", DateOrder::Auto) == *parse_timestamp("2024-01-22T00:00:00Z"));
  CHECK_FALSE(parse_csv_time("2024-01-22T25:00:00Z", DateOrder::Auto));
  const DateClue c = date_clue("03/04/2026");
  CHECK((c.slashed && !c.first_over_12 && !c.second_over_12 && c.shape == DateShape::Date));
  CHECK(date_clue("25/04/2026").first_over_12);
  CHECK(date_clue("1,234.56").shape == DateShape::None);
}

TEST_CASE("csv reader: a leading ' before = + - @ is taken off, nothing else") {
  CHECK(unneutralise("'=SUM(A1)") == "=SUM(A1)");
  CHECK(unneutralise("'-12.50") == "-12.50");
  CHECK(unneutralise("''@x") == "'@x");
  CHECK(unneutralise("'quoted'") == "'quoted'");
  CHECK(unneutralise("'") == "'");
}
