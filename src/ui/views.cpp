#include "views.hpp"

#include "board.hpp"
#include "list_view.hpp"

namespace pb::ui {
namespace {

// In the order of the filter bar's toggle; the first is where the app starts.
constexpr ViewDef kViews[] = {
    {.name = "board", .label = "Board", .draw = draw_board, .keyboard = board_keyboard},
    // One sorted table, not columns: one group per pipeline, sorted once.
    {.name = "list", .label = "List", .draw = draw_list_view, .group_by = "pipeline"},
};

}  // namespace

std::span<const ViewDef> views() { return kViews; }

const ViewDef& current_view(const UiState& ui) {
  for (const ViewDef& v : kViews)
    if (ui.mode == v.name) return v;
  return kViews[0];
}

}  // namespace pb::ui
