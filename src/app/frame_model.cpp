#include "frame_model.hpp"

#include "app.hpp"
#include "ui/views.hpp"

namespace pb::app {
namespace {

// Everything the query result depends on besides the workspace, as one cheap string.
std::string query_key(const Query& q) {
  std::string key = q.pipeline;
  for (const std::string* part : {&q.group_by, &q.text}) key.append("\x1f").append(*part);
  key.append("\x1f").append(q.filter.dump());
  key += '\x1f';
  for (const Id& s : q.hidden_stages) key.append(s).append(",");
  for (const SortKey& k : q.sort) key.append("\x1f").append(k.field).append(k.descending ? "-" : "+");
  return key;
}

}  // namespace

void refresh_board(App& app) {
  refresh_past(app);
  refresh_report(app);
  const Workspace& ws = shown_workspace(app);  // a past day's board, or the live one
  Query q = ui::build_query(ws, app.ui);
  if (const char* g = ui::current_view(app.ui).group_by; *g) q.group_by = g;
  std::string key = query_key(q);
  // Another revision or another past day (or today again) is another workspace to query.
  const std::int64_t past_key = app.past_cache.board ? app.past_cache.board->day.days : -1;
  const bool shown_changed = app.cached_revision != app.revision || app.cached_past_key != past_key;
  if (!shown_changed && app.cached_query_key == key) return;
  app.board = run_query(ws, q);
  if (shown_changed) app.summaries = summarize_pipelines(ws);
  app.cached_past_key = past_key;
  app.cached_revision = app.revision;
  app.cached_query_key = std::move(key);
}

ui::StorageSnapshot storage_snapshot(const App& app) {
  ui::StorageSnapshot s;
  if (app.persist) {
    s.state = app.persist->state();
    s.error = app.persist->error();
    s.pending = app.persist->pending_batches();
    s.conflicts = &app.persist->conflicts();
  }
  s.persisted = app.storage.persisted;
  s.usage = app.storage.usage;
  s.quota = app.storage.quota;
  s.quarantined = app.storage.quarantined;
  s.quarantine_note = app.storage.quarantine_note;
  s.notice = app.storage.notice;
  return s;
}

ui::History history(const App& app) {
  const Session& s = app.session;
  return ui::History{s.can_undo(), s.can_redo(), s.undo_label(), s.redo_label()};
}

}  // namespace pb::app
