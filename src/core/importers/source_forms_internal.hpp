// Shared by the mapping forms of each format (source_forms.cpp dispatches to them).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "csv_mapping.hpp"
#include "mapping_form.hpp"

namespace pb::form_detail {

// Currencies offered for values that do not name theirs: the common ones, the given one first.
std::vector<std::string> currency_options(std::string_view first);
MappingChoice currency_choice(std::string_view suggested, std::string_view label);
// "include_archived": leave archived records out (0) or import them too (1).
MappingChoice archived_choice(std::string_view label, bool include);
// The option text a choice has selected ("" when none).
std::string selected_text(const MappingForm& form, std::string_view key);
int selected_index(const MappingForm& form, std::string_view key);
std::string count_of(std::size_t n, const char* one, const char* many);

MappingForm trello_form(std::string_view text);
SourceImport trello_import(const MappingForm& form, std::string_view text, std::int64_t now, std::size_t max_records);
MappingForm pipedrive_form(const std::vector<std::string_view>& texts);
SourceImport pipedrive_import(const MappingForm& form, const std::vector<std::string_view>& texts, std::int64_t now);
MappingForm hubspot_form(const std::vector<std::string_view>& texts);
SourceImport hubspot_import(const MappingForm& form, const std::vector<std::string_view>& texts, std::int64_t now);
MappingForm csv_form(std::string_view text);
CsvMapping csv_mapping_of(const MappingForm& form);

}  // namespace pb::form_detail
