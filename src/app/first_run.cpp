#include "first_run.hpp"

#include "app.hpp"
#include "documents.hpp"
#include "platform_web.hpp"
#include "storage_web.hpp"
#include "stories.hpp"
#include "ui/tour_state.hpp"

namespace pb::app {
namespace {

using From = ui::effect::StartWorkspace::From;

// The same for a given day: a reset gives the audience the workspace the last one saw.
Workspace story_demo() { return make_story_workspace(now_ms()); }

void remember_welcomed(App& app) {
  save_meta(app, "Welcome", "welcomed", now_ms());
}

// Replaces the workspace as one undoable command; "" or the refusal.
std::string import_workspace(App& app, const Workspace& ws) {
  json doc = json::parse(save_workspace(ws), nullptr, false);
  return dispatch(app, cmd::WorkspaceImport{std::move(doc)});
}

}  // namespace

void begin_first_visit(App& app) {
  replace_workspace(app, story_demo());
  app.fresh_demo_revision = app.revision;
  if (url_is("start", "demo")) return remember_welcomed(app);
  if (url_is("start", "empty")) return start_workspace(app, From::Empty);
  if (url_is("start", "template")) return start_workspace(app, From::Template);
  // A #template= link may have opened its preview already: that is the start it chose.
  if (app.ui.dialog.kind == ui::Dialog::ImportPreview) return remember_welcomed(app);
  app.ui.show_welcome = true;
}

void reset_demo(App& app) {
  const std::string error = import_workspace(app, story_demo());
  if (!error.empty()) return say(app, error, true);
  app.fresh_demo_revision = app.revision;
  ui::stop_tour(app.tours);
  app.ui.view.clear();
  app.ui.mode = "board";
  app.ui.past = ui::PastUi{};
  app.ui.pipeline = app.session.workspace().pipelines.empty() ? "" : app.session.workspace().pipelines.at(0).id;
  ui::reset_board_settings(app.ui);
  say(app, "The demo data is fresh again. Undo brings back what was there.", false);
}

void start_workspace(App& app, From from, bool tour) {
  app.ui.show_welcome = false;
  remember_welcomed(app);
  std::string error;
  if (from == From::Demo) {
    if (tour && !app.tours.tours.empty()) ui::start_tour(app.tours, app.tours.tours.front());
    if (app.revision == app.fresh_demo_revision) return;  // it is on screen already
    error = import_workspace(app, story_demo());
    if (error.empty()) say(app, "The demo workspace is loaded. Undo brings back what you had.", false);
  } else {
    error = import_workspace(app, Workspace{});
    if (error.empty() && from == From::Template) ui::open_dialog(app.ui, ui::Dialog::Templates);
  }
  if (!error.empty()) say(app, error, true);
}

}  // namespace pb::app
