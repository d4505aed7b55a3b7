// Sharing pipelines: template files, share links (web/lib_import.js compresses them), importing
// files, drops, pasted text and links through the import preview, and the user's own templates
// (kept in storage's meta store as "user_templates").
#pragma once
#include <string>
#include <string_view>

#include "json_read.hpp"

namespace pb::app {

struct App;

// Opens the browser's file picker; the chosen file comes back through pb_import_text.
void pick_import_file();
// Builds the preview of `text` and opens the import preview dialog.
void open_import(App& app, std::string_view text, std::string source);
// Dispatches the previewed import with the dialog's choices (one undoable change).
void confirm_import(App& app);
// The pipeline as a template document (pretty, stable key order), or "" when there is no such pipeline.
std::string template_text(const App& app, const std::string& pipeline, bool include_deals);
// "<slug>.pipeboard-template.json"
std::string template_file_name(std::string_view pipeline_name);
// A file name from a name: lower-case letters and digits joined by "-", then `suffix`.
std::string file_name_for(std::string_view name, std::string_view suffix, std::string_view fallback);
void download_text(const std::string& file_name, const std::string& text);
void download_template(App& app, const std::string& pipeline, bool include_deals);
void copy_share_link(App& app, const std::string& pipeline, bool include_deals);
// The user's templates: saved from a pipeline, deleted, and read back at start-up.
void save_user_template(App& app, const std::string& pipeline);
void delete_user_template(App& app, int index);
void load_user_templates(App& app, const json& meta);

}  // namespace pb::app
