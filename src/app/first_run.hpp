// The first visit and the welcome screen's three starts (ui/welcome.hpp). A first visit loads the
// story demo and shows the welcome over it, unless the link chose a start: ?start=demo (a demo
// link), ?start=empty or ?start=template.
#pragma once
#include "ui/effects.hpp"

namespace pb::app {

struct App;

void begin_first_visit(App& app);
// Demo and empty replace the workspace as one undoable change, so nothing is lost by a stray
// click on a reopened welcome screen; template starts empty with the template gallery open.
void start_workspace(App& app, ui::effect::StartWorkspace::From from, bool tour = false);
// Presenter mode's "Reset demo": a fresh demo workspace as one undoable change, shown from the
// first pipeline's board, with any tour stopped.
void reset_demo(App& app);

}  // namespace pb::app
