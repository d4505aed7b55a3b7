// Importing another tool's file (Trello, Pipedrive, HubSpot, any CSV): the file's text is kept
// while the mapping screen is open (src/ui/source_mapping_dialog.hpp); its live preview is
// refreshed after the frame that changed an answer; "Continue" converts the file (a large CSV
// a slice per frame, with a progress bar and Cancel) and hands the document to the import preview.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pb::app {

struct App;

// Opens the mapping screen when `text` is another tool's file; false for Pipeboard's own documents
// (and tours), which the import preview reads as they are. Files of one drop that belong together
// (several Pipedrive or HubSpot API responses) join the open screen.
bool open_source_import(App& app, std::string_view text, std::string file_name);
// After the frame: the live preview when an answer changed, and the next slice of a running import.
void step_source_import(App& app);
void start_source_import(App& app);
void cancel_source_import(App& app);
// The CSV mappings the user chose before, one per header set (storage's meta "csv_mappings").
void load_csv_mappings(App& app, const nlohmann::json& meta);
// Whether a conversion is running (the main loop keeps drawing).
bool source_import_running(const App& app);

}  // namespace pb::app
