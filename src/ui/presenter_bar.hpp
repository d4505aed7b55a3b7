// Presenter mode, for a salesperson at a projector: a strip under the top bar with the UI's size
// (100%, 125%, 150%), a one-click demo reset, and a tour started from any of its steps. The trial
// banner and badge are hidden meanwhile (TrialView::hidden).
#pragma once
#include "tour_state.hpp"
#include "ui_state.hpp"

namespace pb::ui {

void draw_presenter_bar(const Ctx& ctx, UiState& ui, TourUi& t, Actions& actions);

}  // namespace pb::ui
