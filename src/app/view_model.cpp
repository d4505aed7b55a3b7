#include "view_model.hpp"

#include <algorithm>

#include "app.hpp"
#include "ui/reports_view.hpp"
#include "ui/views.hpp"

namespace pb::app {

void refresh_report(App& app) {
  if (!ui::current_view(app.ui).needs_report) return;
  const Workspace& ws = app.session.workspace();
  const Timestamp now = now_ms();
  ReportParams params;
  std::string error;
  const bool ok = ui::reports_params(ws, app.ui, now, params, error);
  // `now` moves every frame; the report only depends on its day (overdue, the presets).
  std::string key = std::to_string(app.revision) + '\x1f' + std::to_string(date_of(now).days) + '\x1f' +
                    std::string(to_string(params.scope)) + '\x1f' + params.pipeline + '\x1f' + params.view + '\x1f' +
                    std::to_string(params.period.from.days) + '\x1f' + std::to_string(params.period.to.days) + '\x1f' +
                    (ok ? "" : error);
  if (key == app.report_cache.key) return;
  app.report_cache.key = std::move(key);
  ui::ReportResult& r = app.report_cache.result;
  r = ui::ReportResult{};
  if (!ok) {
    r.error = error;
    return;
  }
  r.ok = compute_report(ws, params, r.report, r.error);
}

void refresh_past(App& app) {
  PastCache& past = app.past_cache;
  const Workspace& live = app.session.workspace();
  // Only the past-day bar reads it: no pass over every deal after each command elsewhere.
  if (ui::current_view(app.ui).replays_past && past.first_day_revision != app.revision) {
    Timestamp first = now_ms();
    for (std::size_t i = 0; i < live.deals.size(); ++i) first = std::min(first, live.deals.at(i).created);
    past.first_day = date_of(first);
    past.first_day_revision = app.revision;
  }
  if (!ui::showing_past(app.ui)) {
    past.board.reset();
    past.changed.clear();
    return;
  }
  const Date day = *app.ui.past.day;
  if (past.board && past.board->day == day && past.revision == app.revision) return;
  past.changed.clear();  // views into the old board's ids
  past.board = board_as_of(live, day);
  past.revision = app.revision;
  past.changed.reserve(past.board->changed_since.size());
  for (const Id& id : past.board->changed_since) past.changed.insert(id);
}

const Workspace& shown_workspace(const App& app) {
  return app.past_cache.board ? app.past_cache.board->workspace : app.session.workspace();
}

std::optional<ui::PastDay> past_day_view(const App& app) {
  const PastCache& past = app.past_cache;
  if (!past.board) return std::nullopt;
  return ui::PastDay{past.board->day, app.session.workspace(), past.board->changed_since, past.changed,
                     past.board->hidden};
}

}  // namespace pb::app
