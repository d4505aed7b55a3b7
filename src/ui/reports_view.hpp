// The Reports view, beside Board and List: a period picker (this month, this quarter, the last
// 12 months, custom) and a scope (this pipeline, all pipelines, the saved view), then tabs of
// charts with sortable tables (report_sections.hpp). Clicking a bar, a tile or a row lists the
// deals behind it; each table exports as CSV and the whole report as JSON. The app computes
// the report (ViewData::report) from reports_params whenever the choices or the workspace change.
#pragma once
#include "ui_state.hpp"
#include "view_data.hpp"

namespace pb::ui {

void draw_reports_view(const Ctx& ctx, const ViewData& data, UiState& ui, Actions& actions);
// pipeboard.state().reports: the choices and the drill-down list.
void reports_state(const UiState& ui, json& state);
// The params the view's choices ask for at `now`; false with `error` (a bad custom day, say).
bool reports_params(const Workspace& ws, const UiState& ui, Timestamp now, ReportParams& out, std::string& error);

}  // namespace pb::ui
