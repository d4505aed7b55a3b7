#pragma once
#include "ui_state.hpp"

namespace pb::ui {

struct Fonts;
// The pipeline list: name, deal count and open value; selecting one shows its board.
void draw_sidebar(const Workspace& ws, const std::vector<PipelineSummary>& summaries, const Fonts& fonts,
                  UiState& ui, Actions& actions);

}  // namespace pb::ui
