#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// The pipeline list with deal counts and open values, each pipeline's saved views under it,
// a context menu per pipeline, and the buttons that create pipelines.
void draw_sidebar(const Ctx& ctx, const std::vector<PipelineSummary>& summaries, UiState& ui, Actions& actions);

// Selects a saved view: loads its pipeline, filter, grouping, sort and hidden stages into the UI.
void select_view(const Ctx& ctx, const View& v, UiState& ui);

}  // namespace pb::ui
