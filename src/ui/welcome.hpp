// The welcome screen of a first visit: three one-click starts (the demo workspace, a pipeline
// from a template, an empty workspace). Reopened from the help menu.
#pragma once
#include "ui_state.hpp"

namespace pb::ui {

void draw_welcome(const Ctx& ctx, UiState& ui, Actions& actions);

}  // namespace pb::ui
