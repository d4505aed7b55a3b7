#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// The bar above the board: board/list switch, search, group by, sort, filters, columns, save view.
void draw_filter_bar(const Ctx& ctx, const QueryResult& board, UiState& ui, Actions& actions);

}  // namespace pb::ui
