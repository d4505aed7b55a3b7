// Which importer a dropped or picked file needs, from its first bytes (and its name for CSV):
// routing only; the importer itself checks everything and explains what it does not take.
#pragma once
#include <string_view>

#include "json_read.hpp"

namespace pb {

enum class SourceKind {
  Pipeboard,      // a pipeboard.* document: the import preview reads it as it is
  Trello,         // a Trello board's "Export as JSON"
  TrelloAccount,  // a Trello account or member export (boards[], no lists): explained, not imported
  Pipedrive,      // Pipedrive API JSON: pipelines, stages or deals
  HubSpot,        // HubSpot API JSON: deal pipelines or deals
  Csv,            // anything else that is text: a CSV export
  Unknown,        // JSON of no known tool, or binary
};

SourceKind detect_source(std::string_view text, std::string_view file_name = "");
const char* source_kind_name(SourceKind kind);  // "pipeboard", "trello", ..., "csv", "unknown"

// A workspace document of one pipeline as a template document, so that importing it adds that
// pipeline to the workspace (with the preview's name and people matching) instead of replacing
// everything. Returns null (and leaves `workspace` unread) when it has more or fewer than one pipeline.
json single_pipeline_template(json workspace, std::string_view name);

}  // namespace pb
