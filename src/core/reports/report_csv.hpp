// Each table of a report as CSV (RFC 4180, CRLF), for spreadsheets: the app's "Export CSV" and
// `pipeboard-json report --csv TABLE` call the same function.
//
// Money figures take a column per currency of the table ("open_value_EUR"), in major units with
// the currency's decimals ("1250.00"); a currency a figure has none of, and a figure with nothing
// to measure, is an empty cell. Ratios have 4 decimals, days 2. Text cells (names, sources,
// reasons) that start with = + - @, a tab or a carriage return get a leading ' so a spreadsheet
// shows them instead of running them as formulas; the numbers written here are left as numbers.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "report.hpp"

namespace pb {

// The tables, in the order the app lists them: summary (one row per pipeline: the comparison),
// forecast, funnel, stage_time, lost_reasons, by_owner, by_source (per pipeline), channels (by
// source across every pipeline of the scope).
const std::vector<std::string_view>& report_csv_tables();
// False with `error` (naming every table) for a table not in that list.
bool check_report_csv_table(std::string_view table, std::string& error);
// False with check_report_csv_table's error.
bool report_csv(const Report& report, std::string_view table, std::string& out, std::string& error);

// One text cell: neutralised and quoted as needed (a comma, a quote, CR or LF).
std::string csv_text_cell(std::string_view text);

}  // namespace pb
