// The board as it stood at the end of a past UTC day, replayed from each deal's stage history.
//
// A deal's history holds every stage it entered, oldest first, so its last entry at or before the
// end of the day says where it stood: its pipeline and stage, and its status (the stage's kind).
// Everything else (title, value, owner, the pipelines' stages) is as it is now: history keeps
// only stage visits. Deals created after that day are left out. Entries whose stage no longer
// exists are skipped (as the reports skip them); a deal with no usable entry stands where it is now.
#pragma once
#include <vector>

#include "model.hpp"

namespace pb {

struct PastBoard {
  Date day;
  Workspace workspace;           // the past: shares every record that did not change
  std::vector<Id> changed_since;  // deals whose stage changed after that day, in deal order
  std::size_t hidden = 0;         // deals created after that day
};

PastBoard board_as_of(const Workspace& now, Date day);

// The end of a UTC day: its last millisecond.
inline Timestamp end_of_day(Date day) { return (static_cast<Timestamp>(day.days) + 1) * 86'400'000 - 1; }

}  // namespace pb
