// The main area's views (board, list, reports) in one table. A view is its own file plus
// one line in views.cpp: the filter bar's toggle, the main loop, keyboard shortcuts and
// pipeboard.state() all read this table, so nothing else names a view.
#pragma once
#include <span>

#include "ui_state.hpp"
#include "view_data.hpp"

namespace pb::ui {

struct ViewDef {
  const char* name;   // UiState::mode and pipeboard.state().mode: "board", "list", "reports"
  const char* label;  // the filter bar's toggle, item "button:<name>"
  void (*draw)(const Ctx&, const ViewData&, UiState&, Actions&);
  // Keys while no text field has focus and no dialog is open; returns true when it used one.
  bool (*keyboard)(const Ctx&, const QueryResult&, UiState&, Actions&) = nullptr;
  // The query groups by this instead of the group-by choice ("" keeps the choice).
  const char* group_by = "";
  // Anything the view adds to pipeboard.state() besides its name (optional).
  void (*report)(const UiState&, json& state) = nullptr;
  // The app computes ViewData::report for it (the Reports view).
  bool needs_report = false;
  // It shows the board on a past day when one is chosen (the date control above it).
  bool replays_past = false;
};

std::span<const ViewDef> views();
// The view ui.mode names; the first one when it names none.
const ViewDef& current_view(const UiState& ui);
// A past day is chosen and the current view shows it: the screen is read-only.
bool showing_past(const UiState& ui);

}  // namespace pb::ui
