// The tour events a command's Change amounts to: a deal whose stage or owner changed was moved,
// a new view was saved, a new pipeline created (empty or from a template), a stage added to a
// pipeline. Read from the change rather than the command, so every path that makes one counts.
#pragma once
#include <vector>

#include "change.hpp"
#include "tour_events.hpp"

namespace pb {

std::vector<TourEvent> tour_events_of(const Change& change);

}  // namespace pb
