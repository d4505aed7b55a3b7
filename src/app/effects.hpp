// Applies what a frame's drawing asked for (ui::Actions): each command with the follow-up for
// its origin, then every effect, in the order they were asked for.
#pragma once
#include "ui/ui_state.hpp"

namespace pb::app {

struct App;

void apply_actions(App& app, ui::Actions actions);

}  // namespace pb::app
