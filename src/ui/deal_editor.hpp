#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// The deal panel: every field, custom fields, notes, actions (won, lost, reopen, delete) and
// the stage history as a timeline. Edits are committed field by field as commands.
void draw_deal_editor(const Ctx& ctx, UiState& ui, Actions& actions);

}  // namespace pb::ui
