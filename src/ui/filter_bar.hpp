#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// The bar above the board: view switch (views.hpp), search, group by, sort, filters, columns, save view.
void draw_filter_bar(const Ctx& ctx, const QueryResult& board, UiState& ui, Actions& actions);

}  // namespace pb::ui
