// C entry points behind window.pipeboard (web/api.js). Strings returned are malloc'ed and
// freed by the JavaScript side; results are JSON {"ok": bool, "error": string}.
#include <emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "app.hpp"
#include <imgui.h>

#include "documents.hpp"
#include "report_json.hpp"
#include "storage_web.hpp"
#include "tours_web.hpp"
#include "ui/item_registry.hpp"
#include "ui/views.hpp"

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

EMSCRIPTEN_KEEPALIVE char* pb_api_undo() { return result(pb::app::undo(pb::app::the_app()).error); }

EMSCRIPTEN_KEEPALIVE char* pb_api_redo() { return result(pb::app::redo(pb::app::the_app()).error); }

// The rectangle of a named UI element in CSS pixels, or null (see README "UI element names").
EMSCRIPTEN_KEEPALIVE char* pb_api_item_rect(const char* name) {
  const auto& app = pb::app::the_app();
  const pb::ui::Rect* r = pb::ui::items().find(name);
  if (!r) return to_c_string("null");
  const float s = app.device_pixel_ratio;  // device pixels to CSS pixels, whatever the zoom
  return to_c_string(pb::json{{"x", r->x / s}, {"y", r->y / s}, {"width", r->w / s}, {"height", r->h / s}}.dump());
}

// Frames rendered, and the last, median and p95 CPU time per rendered frame in ms.
EMSCRIPTEN_KEEPALIVE char* pb_api_frame_stats() {
  const auto& stats = pb::app::the_app().stats;
  std::vector<double> sorted = stats.cpu_ms;
  std::sort(sorted.begin(), sorted.end());
  auto at = [&](double q) { return sorted.empty() ? 0.0 : sorted[static_cast<std::size_t>(q * (sorted.size() - 1))]; };
  return to_c_string(pb::json{{"frames", stats.rendered}, {"first_frame_at_ms", stats.first_frame_at},
                               {"board_frame_at_ms", stats.board_frame_at},
                 {"last_ms", stats.last}, {"median_ms", at(0.5)},
                 {"p95_ms", at(0.95)}, {"max_ms", at(1.0)}, {"samples", sorted.size()}}
                         .dump());
}

// The report for params (JSON text, README "Reports"): {"ok", "text", "error"}; `text` is
// byte for byte what `pipeboard-json report --json` prints for the same workspace and params.
EMSCRIPTEN_KEEPALIVE char* pb_api_report(const char* params_json) {
  const pb::ReportText r = pb::report_json_for_params(pb::app::the_app().session.workspace(), params_json, pb::app::now_ms());
  return to_c_string(pb::json{{"ok", r.ok}, {"text", r.text}, {"error", r.error}}.dump());
}

// Writes every pending change now; pipeboard._flushSettled gets the storage state once all are
// committed, or once saving is stuck (a conflict, no storage).
EMSCRIPTEN_KEEPALIVE void pb_api_flush() { pb::app::flush_storage(pb::app::the_app()); }

// Replaces the workspace with generated demo data: a fresh start for walkthroughs.
EMSCRIPTEN_KEEPALIVE char* pb_api_load_demo(int deals, int one_pipeline) {
  auto& app = pb::app::the_app();
  if (!pb::app::load_demo(app, static_cast<std::size_t>(deals < 0 ? 0 : deals), one_pipeline != 0)) return result(app.ui.message);
  return result("");
}

// Moves the app's clock (tests and demos; only with ?debug=1): the trial follows it.
EMSCRIPTEN_KEEPALIVE char* pb_api_set_now(const char* iso) { return result(pb::app::set_now(pb::app::the_app(), iso)); }

// Clears the frame-time samples, so a benchmark measures only its own phase.
EMSCRIPTEN_KEEPALIVE void pb_api_reset_frame_stats() {
  auto& stats = pb::app::the_app().stats;
  stats.cpu_ms.clear();
  stats.next = 0;
}

// A small snapshot for tests and integrations: what is selected and what undo would do.
EMSCRIPTEN_KEEPALIVE char* pb_api_state() {
  auto& app = pb::app::the_app();
  const auto& ws = app.session.workspace();
  pb::json field_errors = pb::json::object();  // rejected edits shown in place, by field name
  for (const auto& [name, e] : app.ui.field_errors) field_errors[name] = {{"message", e.message}, {"value", e.text}};
  const pb::ui::ViewDef& view = pb::ui::current_view(app.ui);
  pb::json state{{"pipelines", ws.pipelines.size()},
                 {"deals", ws.deals.size()},
                 {"selected_pipeline", app.ui.pipeline},
                 {"selected_view", app.ui.view},
                 {"group_by", app.ui.group_by},
                 {"mode", view.name},
                 {"open_deal", app.ui.open_deal},
                 {"focused_deal", app.ui.focused_deal},
                 {"selected_deals", app.ui.selected},
                 {"dialog", static_cast<int>(app.ui.dialog.kind)},
                 {"message", app.ui.message},
                 {"field_errors", field_errors},
                 {"typing", ImGui::GetIO().WantTextInput},
                 {"search", app.ui.search.data()},
                 {"dark", app.ui.dark},
                 {"device_pixel_ratio", app.device_pixel_ratio},
                 {"zoom_percent", app.ui.zoom_percent},
                 {"canvas", {app.width, app.height}},
                 {"can_undo", app.session.can_undo()},
                 {"can_redo", app.session.can_redo()},
                 {"undo_label", app.session.undo_label()},
                 {"redo_label", app.session.redo_label()},
                 {"storage", pb::app::storage_state(app)},
                 // The board's past day (null: today, the live board) and whether Play is stepping.
                 {"past_day", app.ui.past.day ? pb::json(pb::format_date(*app.ui.past.day)) : pb::json(nullptr)},
                 {"past_shown", pb::ui::showing_past(app.ui)},
                 {"past_playing", app.ui.past.playing},
                 {"past_changed", app.past_cache.board ? app.past_cache.board->changed_since.size() : 0},
                 {"past_hidden", app.past_cache.board ? app.past_cache.board->hidden : 0},
                 {"trial", pb::app::trial_state_json(app)},
                 {"welcome", app.ui.show_welcome},
                 {"presenter", app.ui.presenter},
                 {"tour", pb::app::tour_state_json(app)}};
  if (view.report) view.report(app.ui, state);
  return to_c_string(state.dump());
}

}  // extern "C"
