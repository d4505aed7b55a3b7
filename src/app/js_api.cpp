// C entry points behind window.pipeboard (web/api.js). Strings returned are malloc'ed and
// freed by the JavaScript side; results are JSON {"ok": bool, "error": string}.
#include <emscripten.h>

#include <cstdlib>
#include <cstring>

#include "app.hpp"
#include "documents.hpp"

namespace {

char* to_c_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

char* result(const std::string& error) {
  return to_c_string(pb::json{{"ok", error.empty()}, {"error", error}}.dump());
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE char* pb_api_export_workspace() {
  return to_c_string(pb::save_workspace(pb::app::the_app().session.workspace()));
}

// Replaces the workspace with a document, as one undoable change.
EMSCRIPTEN_KEEPALIVE char* pb_api_import_workspace(const char* text) {
  pb::json doc;
  std::string error;
  if (!pb::parse_json(text, doc, error, pb::ParseLimits{pb::kMaxWorkspaceBytes, 64})) return result(error);
  return result(pb::app::dispatch(pb::app::the_app(), pb::cmd::WorkspaceImport{std::move(doc)}));
}

EMSCRIPTEN_KEEPALIVE char* pb_api_dispatch(const char* command_json) {
  return result(pb::app::dispatch_json(pb::app::the_app(), command_json));
}

EMSCRIPTEN_KEEPALIVE char* pb_api_undo() {
  auto& app = pb::app::the_app();
  pb::Outcome o = app.session.undo();
  if (o.ok) {
    ++app.revision;
    pb::app::fix_selection(app);
  }
  return result(o.error);
}

EMSCRIPTEN_KEEPALIVE char* pb_api_redo() {
  auto& app = pb::app::the_app();
  pb::Outcome o = app.session.redo();
  if (o.ok) {
    ++app.revision;
    pb::app::fix_selection(app);
  }
  return result(o.error);
}

// A small snapshot for tests and integrations: what is selected and what undo would do.
EMSCRIPTEN_KEEPALIVE char* pb_api_state() {
  const auto& app = pb::app::the_app();
  const auto& ws = app.session.workspace();
  return to_c_string(pb::json{{"pipelines", ws.pipelines.size()},
                              {"deals", ws.deals.size()},
                              {"selected_pipeline", app.ui.pipeline},
                              {"group_by", app.ui.group_by},
                              {"can_undo", app.session.can_undo()},
                              {"can_redo", app.session.can_redo()},
                              {"undo_label", app.session.undo_label()},
                              {"redo_label", app.session.redo_label()}}
                         .dump());
}

}  // extern "C"
