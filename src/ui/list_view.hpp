#pragma once
#include "ui_state.hpp"
#include "view_data.hpp"

namespace pb::ui {

// The table view: sortable columns, multi-select (click, Ctrl+click, Shift+click), and bulk
// actions on the selection: move stage, change owner, mark won or lost, delete.
void draw_list_view(const Ctx& ctx, const ViewData& data, UiState& ui, Actions& actions);

}  // namespace pb::ui
