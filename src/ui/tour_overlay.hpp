// A guided tour on screen: the page dimmed but for the step's element (found by its itemRect
// name each frame, so it follows resizes and scrolling), and a card beside it with the step's
// title and text, "3 of 12", Back, Next and End tour; the arrow keys and Esc do the same. A step
// whose element is not on screen says so and still offers Next: a tour never dead-ends.
#pragma once
#include "tour_state.hpp"
#include "ui_state.hpp"

namespace pb::ui {

// Drawn last, over everything else. Runs each step's action as the step is entered.
void draw_tour_overlay(const Ctx& ctx, UiState& ui, TourUi& t);
// A step's action, on the UI: switch pipeline, group, apply a view, open Reports, a past day.
void apply_tour_action(const Ctx& ctx, const TourAction& a, UiState& ui);
// While a tour plays, the arrow keys are its own (not the board's).
bool tour_has_keyboard(const TourUi& t);

}  // namespace pb::ui
