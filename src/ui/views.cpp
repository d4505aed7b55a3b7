#include "views.hpp"

#include "board.hpp"
#include "list_view.hpp"
#include "reports_view.hpp"

namespace pb::ui {
namespace {

// In the order of the filter bar's toggle; the first is where the app starts.
constexpr ViewDef kViews[] = {
    {.name = "board", .label = "Board", .draw = draw_board, .keyboard = board_keyboard, .replays_past = true},
    // One sorted table, not columns: one group per pipeline, sorted once.
    {.name = "list", .label = "List", .draw = draw_list_view, .group_by = "pipeline", .replays_past = true},
    {.name = "reports", .label = "Reports", .draw = draw_reports_view, .report = reports_state, .needs_report = true},
};

}  // namespace

std::span<const ViewDef> views() { return kViews; }

const ViewDef& current_view(const UiState& ui) {
  for (const ViewDef& v : kViews)
    if (ui.mode == v.name) return v;
  return kViews[0];
}

bool showing_past(const UiState& ui) { return ui.past.day && current_view(ui).replays_past; }

}  // namespace pb::ui
