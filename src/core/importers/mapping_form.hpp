// The mapping screen's content as data: what a source holds and each choice the user can make
// about it (a Trello list -> open / won / lost stage, a CSV column -> a deal field, the date order).
// Each importer fills a form from its inspection and reads its options back from the answered
// form (source_forms.cpp), so the UI draws every format with one dialog and knows none of them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers.hpp"
#include "source_detect.hpp"

namespace pb {

struct MappingChoice {
  std::string key;                   // what it sets, for the importer: "list:<id>", "column:3", "date_order"
  std::string section;               // heading it is listed under: "Lists", "Columns", "Options"
  std::string label;                 // "Done (4 cards)", "Amount"
  std::string detail;                // a hint: sample values, "archived", the detected kind
  std::vector<std::string> options;  // what it can be, in words; the importer reads `selected`
  int selected = 0;
  bool operator==(const MappingChoice&) const = default;
};

struct MappingForm {
  SourceKind kind = SourceKind::Unknown;
  std::string title;    // "Trello board \"Web Development\"", "CSV file (Pipedrive deals export)"
  std::string summary;  // what was found: "8 lists, 8 cards, 2 archived"
  std::vector<MappingChoice> choices;
  // The first rows of the source as it reads them (CSV), for the live preview.
  std::vector<std::string> sample_header;
  std::vector<std::vector<std::string>> sample_rows;
  std::string remember_key;  // CSV: the header set, so the app can keep the user's mapping for it
  Issues errors = Issues();  // nothing can be imported (e.g. a Trello account export): why
  std::size_t records = 0;   // cards or rows the source holds, for the progress bar
};

// The form for `texts` (one file, or the several API responses of one Pipedrive or HubSpot account).
MappingForm mapping_form(SourceKind kind, const std::vector<std::string_view>& texts);

// Imports with the form's answers. `max_records` > 0 stops after that many cards or rows: the
// live preview. `now` (Unix milliseconds) stands in for missing times.
SourceImport import_with_form(const MappingForm& form, const std::vector<std::string_view>& texts,
                              std::int64_t now, std::size_t max_records = 0);

// The whole conversion in slices, so the page stays responsive on a 100,000-row CSV: step() until
// it returns true, then finish(). Formats that convert in one go finish in the first step.
class SourceImportJob {
 public:
  SourceImportJob(const MappingForm& form, std::vector<std::string_view> texts, std::int64_t now);
  ~SourceImportJob();
  SourceImportJob(const SourceImportJob&) = delete;
  SourceImportJob& operator=(const SourceImportJob&) = delete;
  bool step(std::size_t max_records);  // true when there is nothing left to read
  double progress() const;             // 0..1
  std::size_t records_read() const;
  SourceImport finish();

 private:
  struct State;
  State* state_;
};

// A choice by key, or null.
const MappingChoice* find_choice(const MappingForm& form, std::string_view key);

}  // namespace pb
