// What the views read each frame besides the workspace, derived from the app: the current
// view's query result (cached), the storage snapshot and the undo history.
#pragma once
#include "ui/root_layout.hpp"

namespace pb::app {

struct App;

// Reruns the board query when the workspace, the past day shown or the query changed since the
// last frame; first brings the past day's board and the report up to date (view_model.hpp).
void refresh_board(App& app);
ui::StorageSnapshot storage_snapshot(const App& app);
ui::History history(const App& app);

}  // namespace pb::app
