// Header recognition for inspect_csv: the exports of Pipedrive, HubSpot and Salesforce by their
// headers, Pipeboard's own export (csv_export), and any other file by synonyms of each target.
#pragma once
#include <string>
#include <vector>

#include "csv_mapping.hpp"

namespace pb::detail {

struct CsvSuggestion {
  std::string preset;  // "pipedrive", "hubspot", "salesforce", "pipeboard" or ""
  std::vector<CsvColumnMapping> columns;  // one per header
};

// `kinds` has one entry per header: unknown columns become custom fields of their kind.
CsvSuggestion suggest_columns(const std::vector<std::string>& headers, const std::vector<CsvKind>& kinds);

// "Industry [choice]": how csv_export names a custom field so it comes back with its type.
std::string custom_header(std::string_view name, std::string_view type);
bool parse_custom_header(std::string_view header, std::string& name, std::string& type);

}  // namespace pb::detail
