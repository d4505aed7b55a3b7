// CSV text to records (RFC 4180, and what spreadsheets write in practice): one pass over the text,
// fields as string_views into it wherever no doubled quote has to be undone. Also the cell-level
// detection the importer and its mapping screen share: delimiter, decimal comma, numbers, dates.
//
// Nothing is allocated from what the input claims: a field is copied at most up to the field cap,
// fields past the column cap are counted but not kept, so a huge quoted run or a row of millions
// of delimiters costs one scan and bounded memory.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time.hpp"

namespace pb {

struct CsvLimits {
  std::size_t max_columns = 1000;
  std::size_t max_field_bytes = 1u << 20;  // past this a record is an error (kMaxText is 100 KB)
};

// One record. `line` is the physical line it starts on (1-based, CRLF, LF and lone CR each end a
// line); `fields` view the text or the cursor's own buffers, valid until the next call to next().
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string_view> fields;
  std::size_t field_count = 0;  // may exceed fields.size() when past the column cap
  std::string error;            // "" when the record read cleanly
  bool blank() const { return field_count <= 1 && (fields.empty() || fields[0].empty()) && error.empty(); }
};

class CsvCursor {
 public:
  // `text` must outlive the cursor; a UTF-8 BOM at its start is skipped.
  CsvCursor(std::string_view text, char delimiter, CsvLimits limits = {});
  bool next(CsvRecord& out);  // false at the end of the text
  std::size_t offset() const { return pos_; }
  std::size_t size() const { return text_.size(); }

 private:
  std::string_view text_;
  char delim_;
  CsvLimits limits_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::deque<std::string> owned_;  // unescaped quoted fields; a deque keeps views into them stable
};

std::string_view strip_bom(std::string_view text);
// Spreadsheets on Windows still write Windows-1252: a file that is not valid UTF-8 is read as
// that (true, with `out` holding the UTF-8), so the document always holds valid text.
bool csv_to_utf8(std::string_view text, std::string& out);
// Comma, semicolon or tab: the one that splits the first records into the most consistent columns.
char detect_delimiter(std::string_view text);

// A spreadsheet-safe cell may start with ' before = + - @ tab or CR (csv_export): undone here.
std::string_view unneutralise(std::string_view cell);
std::string_view trim(std::string_view s);

// Numbers as written in either convention. "1.234,56" and "1234,5" vote for a decimal comma,
// "1,234.56" and "1234.5" for a point; "1,234" votes for neither.
enum class DecimalVote { None, Point, Comma, NotANumber };
DecimalVote decimal_vote(std::string_view cell);
// An amount in minor units of a currency with `exponent` decimals (rounded half away from zero).
// Takes a sign, ( ) for negatives, thousands separators, and a currency symbol or code around it.
bool parse_amount(std::string_view cell, bool decimal_comma, int exponent, std::int64_t& minor);
bool parse_number(std::string_view cell, bool decimal_comma, double& out);
// The ISO code written before or after an amount ("12.50 EUR", "EUR 12.50"), or "".
std::string_view amount_code(std::string_view cell);

// Dates and times. Slash dates are day-first or month-first: DateOrder says which.
enum class DateOrder { Auto, Dmy, Mdy };
enum class DateShape { None, Date, Time };  // Time: has a time of day
struct DateClue {
  DateShape shape = DateShape::None;
  bool slashed = false;       // D/M/Y or M/D/Y: the order matters
  bool first_over_12 = false;  // 25/04/2026: day first
  bool second_over_12 = false; // 04/25/2026: month first
};
DateClue date_clue(std::string_view cell);
// Unix milliseconds UTC; Auto reads a slashed date day-first. Times without offset are UTC.
std::optional<Timestamp> parse_csv_time(std::string_view cell, DateOrder order);
// "YYYY-MM-DD" of a date, or of a time's day as written (the offset left aside).
std::optional<std::string> parse_csv_date(std::string_view cell, DateOrder order);

}  // namespace pb
