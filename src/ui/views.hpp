// The main area's views (board, list; reports next) in one table. A view is its own file plus
// one line in views.cpp: the filter bar's toggle, the main loop, keyboard shortcuts and
// pipeboard.state() all read this table, so nothing else names a view.
#pragma once
#include <span>

#include "ui_state.hpp"

namespace pb::ui {

struct ViewDef {
  const char* name;   // UiState::mode and pipeboard.state().mode: "board", "list"
  const char* label;  // the filter bar's toggle, item "button:<name>"
  void (*draw)(const Ctx&, const QueryResult&, UiState&, Actions&);
  // Keys while no text field has focus and no dialog is open; returns true when it used one.
  bool (*keyboard)(const Ctx&, const QueryResult&, UiState&, Actions&) = nullptr;
  // The query groups by this instead of the group-by choice ("" keeps the choice).
  const char* group_by = "";
  // Anything the view adds to pipeboard.state() besides its name (optional).
  void (*report)(const UiState&, json& state) = nullptr;
};

std::span<const ViewDef> views();
// The view ui.mode names; the first one when it names none.
const ViewDef& current_view(const UiState& ui);

}  // namespace pb::ui
