// What the app derives for the current view each frame besides the workspace (src/app/
// view_model.cpp): the board query, the report of the Reports view, and the past day the board
// replays. Views read it; they never compute it, so a frame only draws.
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "query.hpp"
#include "report.hpp"

namespace pb::ui {

// The Reports view's report, computed when its params or the workspace change.
struct ReportResult {
  bool ok = false;
  Report report;      // when ok
  std::string error;  // the params' problem otherwise ("Custom period: ...")
};

// The board as it stood at the end of a past day (board_as_of.hpp); Ctx::ws is that past.
struct PastDay {
  Date day;
  const Workspace& live;
  const std::vector<Id>& changed;                  // deals whose stage changed since, in deal order
  const std::unordered_set<std::string_view>& is_changed;  // the same, for the cards' highlight
  std::size_t hidden = 0;                          // deals created after that day
};

struct ViewData {
  const QueryResult& board;
  const ReportResult& report;
  const PastDay* past = nullptr;  // set while the board shows a past day
  Date first_day;                 // the day the earliest deal was created: the date control's start
};

}  // namespace pb::ui
