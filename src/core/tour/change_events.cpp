#include "change_events.hpp"

#include <algorithm>

namespace pb {

std::vector<TourEvent> tour_events_of(const Change& change) {
  std::vector<TourEvent> out;
  auto add = [&](TourEvent e) {
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  for (const auto& d : change.deals)
    if (d.before && d.after && (d.before->stage != d.after->stage || d.before->owner != d.after->owner))
      add(TourEvent::DealMoved);
  for (const auto& d : change.views)
    if (!d.before && d.after) add(TourEvent::ViewSaved);
  for (const auto& d : change.pipelines) {
    if (!d.before && d.after) add(TourEvent::PipelineCreated);
    if (d.before && d.after && d.after->stages.size() > d.before->stages.size()) add(TourEvent::StageAdded);
  }
  return out;
}

}  // namespace pb
