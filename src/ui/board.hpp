#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// The card board: one column per group (stage by default) with virtualised cards, drag and
// drop between columns and onto the Won / Lost zones, quick add, collapsing, keyboard moves.
void draw_board(const Ctx& ctx, const QueryResult& board, UiState& ui, Actions& actions);

// Moves keyboard focus and deals with the arrow keys (called by the main loop when no text
// field has focus). Returns true when it used the key.
bool board_keyboard(const Ctx& ctx, const QueryResult& board, UiState& ui, Actions& actions);

// Queues what dropping `deal` on column `key` means under the current grouping (may open the
// lost-reason dialog instead). Shared by mouse drops and keyboard moves.
void drop_deal(const Ctx& ctx, const Deal& deal, const std::string& key, UiState& ui, Actions& actions);

}  // namespace pb::ui
