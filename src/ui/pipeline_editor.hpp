#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// The pipeline editor: stages (add, rename, recolor, reorder by drag, probability, rotting
// days, open/won/lost, delete with a target for its deals), custom fields and people.
void draw_pipeline_editor(const Ctx& ctx, UiState& ui, Actions& actions);

}  // namespace pb::ui
