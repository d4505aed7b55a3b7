#pragma once
#include "ui_state.hpp"

namespace pb::ui {

struct Fonts;
// The card board: one column per group (stage by default), virtualised cards.
void draw_board(const Workspace& ws, const QueryResult& board, const Fonts& fonts, float scale, UiState& ui,
                Actions& actions);

}  // namespace pb::ui
