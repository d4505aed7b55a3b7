#include "board_as_of.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace pb {
namespace {

struct StageInfo {
  const Pipeline* pipeline;
  StageKind kind;
};

DealStatus status_of(StageKind k) {
  switch (k) {
    case StageKind::Won: return DealStatus::Won;
    case StageKind::Lost: return DealStatus::Lost;
    case StageKind::Open: break;
  }
  return DealStatus::Open;
}

// The deal as it stood then: every field as now but its history, which it holds only up to that
// day. Copied field by field: copying the whole deal and then cutting its history costs twice.
std::shared_ptr<Deal> deal_then(const Deal& d, std::vector<StageVisit>::const_iterator history_end) {
  auto out = std::make_shared<Deal>();
#define PB_COPY_BUT_HISTORY(key, member, type_, ...) \
  if constexpr (DealType::type_ != DealType::History) out->member = d.member;
  PB_DEAL_FIELDS(PB_COPY_BUT_HISTORY)
#undef PB_COPY_BUT_HISTORY
  out->history.assign(d.history.begin(), history_end);
  return out;
}

}  // namespace

PastBoard board_as_of(const Workspace& now, Date day) {
  PastBoard past;
  past.day = day;
  past.workspace.pipelines = now.pipelines;
  past.workspace.people = now.people;
  past.workspace.fields = now.fields;
  past.workspace.views = now.views;
  past.workspace.deals.reserve(now.deals.size());

  // Stage ids are unique across the workspace: one lookup gives the pipeline and the kind.
  std::unordered_map<std::string_view, StageInfo> stages;
  for (const Pipeline& p : now.pipelines)
    for (const Stage& s : p.stages) stages.emplace(s.id, StageInfo{&p, s.kind});

  const Timestamp end = end_of_day(day);
  auto after_end = [](Timestamp t, const StageVisit& v) { return t < v.at; };
  for (std::size_t i = 0; i < now.deals.size(); ++i) {
    const Deal& d = now.deals.at(i);
    if (d.created > end) {
      ++past.hidden;
      continue;
    }
    const auto& h = d.history;
    const auto first_after = std::upper_bound(h.begin(), h.end(), end, after_end);
    if (first_after != h.end()) past.changed_since.push_back(d.id);
    // The last entry by then whose stage still exists.
    const StageVisit* then = nullptr;
    const StageInfo* info = nullptr;
    for (auto it = first_after; it != h.begin();) {
      --it;
      auto found = stages.find(it->stage);
      if (found != stages.end()) {
        then = &*it;
        info = &found->second;
        break;
      }
    }
    const DealStatus status = info ? status_of(info->kind) : d.status;
    if (!then || (then->stage == d.stage && info->pipeline->id == d.pipeline && status == d.status)) {
      past.workspace.deals.insert(past.workspace.deals.size(), now.deals.ptr_at(i));
      continue;
    }
    auto moved = deal_then(d, first_after);
    moved->pipeline = info->pipeline->id;
    moved->stage = then->stage;
    moved->status = status;
    if (status != DealStatus::Lost) moved->lost_reason.clear();
    past.workspace.deals.insert(past.workspace.deals.size(), std::move(moved));
  }
  return past;
}

}  // namespace pb
