// What the app derives for the views besides the board query (frame_model.hpp): the Reports
// view's report and the board on a past day. Each is recomputed only when what it depends on
// changes (the workspace's revision, the view's choices, the day), never every frame.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "board_as_of.hpp"
#include "ui/view_data.hpp"

namespace pb::app {

struct App;

struct ReportCache {
  ui::ReportResult result;
  std::string key;  // the params, the day and the revision it was computed for
};

struct PastCache {
  std::optional<PastBoard> board;  // while ui.past.day is set and the view replays the past
  std::unordered_set<std::string_view> changed;  // board->changed_since, for the cards' highlight
  std::uint64_t revision = ~0ull;
  Date first_day;  // of the live workspace at first_day_revision
  std::uint64_t first_day_revision = ~0ull;
};

// Recomputes the report when the Reports view shows and its inputs changed.
void refresh_report(App& app);
// Replays the board to ui.past.day when it changed (or the workspace did); drops it for today.
void refresh_past(App& app);
// What the views draw: the past day's workspace while one shows, else the live one.
const Workspace& shown_workspace(const App& app);
// The ui::PastDay for this frame's ViewData, or nothing.
std::optional<ui::PastDay> past_day_view(const App& app);

}  // namespace pb::app
