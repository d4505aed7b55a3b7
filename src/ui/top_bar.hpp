#pragma once
#include "root_layout.hpp"

namespace pb::ui {

// The bar across the top: the app's name, the pipeline and view shown, Edit pipeline, undo and
// redo, the last message, the Export / Import menu, the save indicator, theme and help.
void draw_top_bar(const Ctx& ctx, const Screen& screen, ScreenState state, Actions& actions);

}  // namespace pb::ui
