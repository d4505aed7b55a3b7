// Importing a template or a backup: the "Import…" dialog (paste JSON, or pick a file) and the
// import preview (what the document creates, its errors with their JSON paths, and a choice for
// each conflict). Draw functions read the preview and return what the user asked for; the app
// dispatches import_command(preview, import_choices(...)) as one undoable change.
#pragma once
#include <map>
#include <string>

#include "import_preview.hpp"
#include "csv_export_dialog.hpp"
#include "source_mapping_dialog.hpp"
#include "ui_state.hpp"

namespace pb::ui {

struct ImportUi {
  ImportPreview preview;
  std::string source;        // where the document came from: a file name, "pasted text", "a share link"
  std::string on_conflict;   // "rename", "replace" or "merge" ("" before the user chooses)
  TextBuffer rename_to{};    // the imported pipeline's name when renamed
  // The user's mapping: template id -> workspace id ("" creates it); options by template field id.
  std::map<std::string, std::string> people, fields;
  std::map<std::string, std::map<std::string, std::string>> options;
  std::string paste;         // the "Import…" dialog's text box
  // Another tool's file: its mapping screen, and, once converted, how it was mapped (shown in
  // the preview) with what was left out.
  SourceMappingUi mapping_screen;
  CsvExportUi csv_export;  // "Export deals as CSV…"
  std::vector<SourceMapping> mapping;
  std::vector<Issue> warnings;
  std::size_t warning_count = 0, skipped = 0, row_errors = 0;
};

// Opens the preview dialog on `preview`, with the defaults it shows.
void open_import_preview(UiState& ui, ImportUi& imp, ImportPreview preview, std::string source);
// The choices as the dialog shows them (only what differs from the preview's defaults).
ImportChoices import_choices(const ImportUi& imp);

void draw_import_paste(const Ctx& ctx, UiState& ui, ImportUi& imp, Actions& actions);
void draw_import_preview(const Ctx& ctx, UiState& ui, ImportUi& imp, Actions& actions);

}  // namespace pb::ui
