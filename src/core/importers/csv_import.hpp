// CSV files (any tool's deals export) to a pipeboard.workspace document.
//
// inspect_csv looks at a file for the mapping screen: its delimiter and decimal convention, its
// headers, a preview, what each column holds and a suggested mapping (Pipedrive, HubSpot,
// Salesforce and Pipeboard exports are recognised by their headers). import_csv then converts it
// with a mapping; CsvImportJob does the same in slices, so the page never blocks for long.
//
// Rows with a problem (a value that is not money, a date that does not exist, a quote never
// closed) are left out and listed in `errors` as "line N" (the line the record starts on, the
// header being line 1); every other row still imports, and `ok` stays true.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "csv_mapping.hpp"
#include "importers.hpp"
#include "time.hpp"

namespace pb {

struct CsvColumnInfo {
  std::string header;
  CsvKind kind = CsvKind::Empty;
  // Slash dates (03/04/2026) that no row decides: date_order decides. `date_order` says what a
  // row decided (25/04/2026: Dmy), Auto when none did.
  bool date_ambiguous = false;
  DateOrder date_order = DateOrder::Auto;
};

struct CsvInspection {
  bool ok = false;  // false: nothing to import (an empty file, too large, a header past the caps)
  Issues errors = Issues();
  char delimiter = ',';
  bool decimal_comma = false;
  bool bom = false;
  bool windows1252 = false;  // not UTF-8: read as Windows-1252 (import_csv warns)
  std::vector<std::string> headers;
  std::size_t rows = 0;  // data records, blank lines aside
  std::vector<std::vector<std::string>> preview;  // the first kPreviewRows records
  std::vector<CsvColumnInfo> columns;             // one per header
  std::string preset;  // "pipedrive", "hubspot", "salesforce", "pipeboard" or ""
  // The normalised headers joined with '|': the app remembers a mapping per header set.
  std::string header_key;
  CsvMapping mapping;  // the suggestion
};

inline constexpr std::size_t kPreviewRows = 20;

CsvInspection inspect_csv(std::string_view text);

// The import in slices: construct, call step() until it returns false (each call reads at most
// max_rows records), then finish() once. `text` must outlive the job. import_csv is the same in
// one go. `now` (Unix milliseconds) stands in for missing created times.
class CsvImportJob {
 public:
  CsvImportJob(std::string_view text, CsvMapping mapping, Timestamp now);
  ~CsvImportJob();
  CsvImportJob(const CsvImportJob&) = delete;
  CsvImportJob& operator=(const CsvImportJob&) = delete;

  bool step(std::size_t max_rows);  // true while there is more to do
  double progress() const;          // 0..1, by bytes read (the file is read twice: scan, then convert)
  SourceImport finish();

  struct State;

 private:
  std::unique_ptr<State> s_;
};

SourceImport import_csv(std::string_view text, const CsvMapping& mapping, Timestamp now);

}  // namespace pb
