// The date control above the board and the list: step back through past days (the board as it
// stood at the end of each, replayed from the stage history), type or slide to a day, or Play to
// watch the days unfold. While a past day shows, a banner says the board is read-only and lists
// the deals whose stage changed since; "Today" returns to the live board.
#pragma once
#include "ui_state.hpp"
#include "view_data.hpp"

namespace pb::ui {

void draw_past_day_bar(const Ctx& ctx, const ViewData& data, UiState& ui);
// Shows `day` (nothing, or today and later: the live board).
void show_day(UiState& ui, std::optional<Date> day, Date today);
// Play's pace: one step per this many milliseconds.
inline constexpr Timestamp kPlayStepMs = 400;

}  // namespace pb::ui
