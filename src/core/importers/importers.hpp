// Importers: another tool's export (its text) to a pipeboard.workspace document, which then goes
// through the import preview like any document. Each importer is a pure function of the text and
// its options, and reports how the source was mapped (for the preview's mapping list and the CLI)
// and every problem with where it is: a JSON Pointer into the source, or "line N" for CSV.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "json_read.hpp"

namespace pb {

// One line of "how the source was mapped": list "Done" -> stage "Done" (won), column "Amount" ->
// value, member "Ana" -> person "Ana", list "Old" -> skipped (archived).
struct SourceMapping {
  std::string kind;    // "pipeline", "stage", "status", "field", "column", "person", "label"
  std::string source;  // the source's name for it
  std::string target;  // what it became, in words; "skipped (why)" when nothing
  bool operator==(const SourceMapping&) const = default;
};

struct SourceImport {
  bool ok = false;          // document holds a valid pipeboard.workspace
  json document;            // null when !ok
  std::vector<SourceMapping> mapping;
  Issues errors = Issues();  // why nothing imports (ok == false), or rows that were skipped
  Issues warnings = Issues();  // values left out or changed: an unknown currency, a clipped title
  std::size_t skipped = 0;  // source records left out (archived, or rows with errors)
};

}  // namespace pb
