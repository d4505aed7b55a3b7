#pragma once
#include "ui_state.hpp"
#include "view_data.hpp"

namespace pb::ui {

// The card board: one column per group (stage by default) with virtualised cards, drag and
// drop between columns and onto the Won / Lost zones, quick add, collapsing, keyboard moves.
void draw_board(const Ctx& ctx, const ViewData& data, UiState& ui, Actions& actions);

// N starts a deal in the first column; the arrow keys move keyboard focus and deals (called
// when no text field has focus, see views.hpp). Returns true when it used the key.
bool board_keyboard(const Ctx& ctx, const QueryResult& board, UiState& ui, Actions& actions);

// Queues what dropping `deal` on column `key` means under the current grouping (may open the
// lost-reason dialog instead). Shared by mouse drops and keyboard moves.
void drop_deal(const Ctx& ctx, const Deal& deal, const std::string& key, UiState& ui, Actions& actions);

}  // namespace pb::ui
