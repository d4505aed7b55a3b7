#include "app.hpp"

#include <algorithm>

#include "demo.hpp"
#include "platform_web.hpp"
#include "storage_web.hpp"
#include "tours_web.hpp"

namespace pb::app {

App& the_app() {
  static App app;
  return app;
}

void FrameStats::add(double ms) {
  constexpr std::size_t kKeep = 600;
  ++rendered;
  last = ms;
  if (cpu_ms.size() < kKeep) cpu_ms.push_back(ms);
  else cpu_ms[next] = ms;
  next = (next + 1) % kKeep;
}

namespace {

// Keeps selections valid after changes (deleted pipeline or deal, import, undo).
void fix_selection(App& app) {
  const Workspace& ws = app.session.workspace();
  if (!ws.pipelines.contains(app.ui.pipeline)) {
    app.ui.pipeline = ws.pipelines.empty() ? "" : ws.pipelines.at(0).id;
    ui::reset_board_settings(app.ui);
  }
  if (!app.ui.view.empty() && !ws.views.contains(app.ui.view)) app.ui.view.clear();
  if (!app.ui.open_deal.empty() && !ws.deals.contains(app.ui.open_deal)) app.ui.open_deal.clear();
  std::erase_if(app.ui.hidden_stages, [&](const Id& s) { return !ws.pipeline_of_stage(s); });
  if (!resolve_field(ws.fields, app.ui.group_by)) app.ui.group_by = "stage";
}

}  // namespace

void install_session(App& app, Workspace ws) {
  // Ids must not collide with another tab's: seed from the clock and the page's randomness.
  const std::uint64_t seed = static_cast<std::uint64_t>(date_now_ms()) * 2654435761u ^ random_u64();
  app.session = Session(std::move(ws), seed);
  // An ended trial refuses every change here, in the command layer (trial_web.hpp).
  app.session.refuse_changes = [&app] { return read_only_reason(app); };
  app.session.on_change = [&app](const Change& c, bool forward) {
    // Every change made forward (any command, an import, a redo) may move a guided tour on.
    if (forward) notice_tour_events(app, c);
    if (!app.persist) return;
    app.persist->record(c, forward, app.session.workspace(), now_precise_ms());
    request_persistence_once(app);
    schedule_storage_tick(app);
  };
  app.ui.pipeline.clear();
  workspace_changed(app);
}

void replace_workspace(App& app, Workspace ws) {
  install_session(app, std::move(ws));
  if (!app.persist) return;
  WriteBatch full = make_full_batch(app.session.workspace(), app.persist->mirror());
  full.label = "Replace the workspace";
  app.persist->enqueue(std::move(full), now_precise_ms());
  schedule_storage_tick(app);
}

bool load_demo(App& app, std::size_t deals, bool one_pipeline) {
  if (std::string why = read_only_reason(app); !why.empty()) {
    say(app, std::move(why), true);
    return false;
  }
  replace_workspace(app, make_demo_workspace(DemoOptions{.deals = deals, .one_pipeline = one_pipeline, .now = now_ms()}));
  return true;
}

void workspace_changed(App& app) {
  ++app.revision;
  request_redraw(app);
  fix_selection(app);
}

void request_redraw(App& app, int frames) { app.pending_frames = std::max(app.pending_frames, frames); }

void say(App& app, std::string text, bool error) {
  app.ui.message = std::move(text);
  app.ui.message_is_error = error;
  request_redraw(app);
}

std::string dispatch(App& app, const Command& c) {
  Outcome o = app.session.dispatch(c, now_ms());
  if (!o.ok) return o.error;
  workspace_changed(app);
  return "";
}

std::string dispatch_json(App& app, std::string_view json_text) {
  Outcome o = app.session.dispatch_json(json_text, now_ms());
  if (!o.ok) return o.error;
  workspace_changed(app);
  return "";
}

Outcome undo(App& app) {
  Outcome o = app.session.undo();
  if (o.ok) workspace_changed(app);
  return o;
}

Outcome redo(App& app) {
  Outcome o = app.session.redo();
  if (o.ok) workspace_changed(app);
  return o;
}

}  // namespace pb::app
