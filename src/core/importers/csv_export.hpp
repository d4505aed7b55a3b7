// Deals as CSV (RFC 4180, comma, CRLF) for spreadsheets and other tools, in a form import_csv
// reads back with the mapping inspect_csv suggests: built-in columns under the names the importer
// knows ("Title", "Value", "Currency", "Stage", ...), custom fields as "Name [type]".
//
// Cells: text that starts with = + - @, a tab or a CR (after any run of ') gets a leading ' so a
// spreadsheet shows it rather than running it; the importer takes that ' off again. Numbers and
// amounts are written as plain numbers ("-12.50": a negative amount is a number, not a formula),
// money in major units with its currency's decimals, custom money with its code ("12.50 EUR"),
// dates as YYYY-MM-DD, times as ISO UTC.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace pb {

// Column keys: the deal field keys id, title, value, currency, pipeline, stage, status,
// lost_reason, owner, owner_email, company, contact_name, contact_email, product, plan, property,
// source, expected_close, created, updated, notes; and a custom field as "custom.<id>", its id or
// its name. "value" brings a currency column after it unless "currency" is listed too.
std::vector<std::string> default_export_columns(const Workspace& ws);
// False with `error` naming the first key that is none of these.
bool check_export_columns(const Workspace& ws, const std::vector<std::string>& columns, std::string& error);
// Unknown keys are left out (check_export_columns says which).
std::string export_deals_csv(const Workspace& ws, const std::vector<const Deal*>& deals,
                             const std::vector<std::string>& columns);

// One text cell: neutralised, and quoted when it holds a comma, a quote, a CR or an LF.
std::string csv_cell(std::string_view text);

}  // namespace pb
