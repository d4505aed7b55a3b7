#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// The keyboard shortcut overlay (?).
void draw_help(const Ctx& ctx, UiState& ui);

}  // namespace pb::ui
