// How a CSV file's columns become deals: the choices of the mapping screen and of the CLI's
// `--mapping FILE`, as a struct and as JSON. inspect_csv (csv_import.hpp) suggests one.
//
// JSON form:
//   {"columns": [{"column": "Deal - Title", "target": "title"},
//                {"column": "Industry", "target": "custom", "field": "Industry", "type": "choice"}, ...],
//    "default_pipeline": "Imported deals", "default_currency": "EUR", "date_order": "auto",
//    "delimiter": ",", "decimal_comma": null, "won_words": ["won", "closed won"],
//    "lost_words": ["lost", "closed lost"], "skip_lines": [12]}
// Every key but "columns" may be left out. "delimiter" is ",", ";", "\t", "tab" or "" (detect);
// "decimal_comma" true, false or null (detect).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.hpp"
#include "json_read.hpp"

namespace pb {

#define PB_CSV_TARGETS(X)                                                                             \
  X(Skip, "skip") X(Id, "id") X(Title, "title") X(Value, "value") X(Currency, "currency")             \
  X(Pipeline, "pipeline") X(Stage, "stage") X(Status, "status") X(IsClosed, "is_closed")              \
  X(IsWon, "is_won") X(Owner, "owner") X(OwnerEmail, "owner_email") X(Company, "company")             \
  X(ContactName, "contact_name") X(ContactEmail, "contact_email") X(Product, "product")               \
  X(Plan, "plan") X(Property, "property") X(Source, "source") X(ExpectedClose, "expected_close")      \
  X(Created, "created") X(Updated, "updated") X(WonTime, "won_time") X(LostTime, "lost_time")        \
  X(LostReason, "lost_reason") X(Notes, "notes") X(Custom, "custom")

// What a column fills. Id is read by nothing (ids are new) but named so a mapping says so;
// IsClosed and IsWon are Salesforce's booleans ("1", "true"), which decide a status.
#define PB_CSV_TARGET_ENUM(name, key) name,
enum class CsvTarget : unsigned char { PB_CSV_TARGETS(PB_CSV_TARGET_ENUM) };
#undef PB_CSV_TARGET_ENUM

std::string_view to_string(CsvTarget t);
// What a column's cells look like (inspect_csv): the mapping screen shows it, and an unknown
// column becomes a custom field of the matching type.
enum class CsvKind : unsigned char { Empty, Text, Number, Money, Date, Time };
std::string_view to_string(CsvKind k);
bool parse_csv_target(std::string_view s, CsvTarget& out);

struct CsvColumnMapping {
  std::string column;  // the header it is for ("" = by position only)
  CsvTarget target = CsvTarget::Skip;
  std::string field;   // Custom: the field's name
  std::string type;    // Custom: "text", "number", "money", "date" or "choice"
  bool operator==(const CsvColumnMapping&) const = default;
};

struct CsvMapping {
  // Matched to the file's columns by header (case and spacing aside), else by position.
  std::vector<CsvColumnMapping> columns;
  std::string default_pipeline = "Imported deals";  // when no column names the pipeline
  std::string default_currency = "USD";             // when no column names the currency
  DateOrder date_order = DateOrder::Auto;           // for D/M/Y versus M/D/Y dates
  char delimiter = 0;                               // 0: detect
  std::optional<bool> decimal_comma;                // nullopt: detect
  std::vector<std::string> won_words{"won", "closed won", "closedwon", "gewonnen", "gagné", "ganado"};
  std::vector<std::string> lost_words{"lost", "closed lost", "closedlost", "verloren", "perdu", "perdido"};
  std::vector<std::size_t> skip_lines;  // records (by the line they start on) left out
  bool operator==(const CsvMapping&) const = default;
};

json to_json(const CsvMapping& m);
// Reads a mapping, reporting every problem with its path ("/columns/3/type: ...").
bool csv_mapping_from_json(const json& j, CsvMapping& out, Issues& issues);

// "Deal - Title " -> "deal - title": lower case (ASCII and Latin-1 letters), spaces collapsed.
std::string normalise_header(std::string_view header);

}  // namespace pb
