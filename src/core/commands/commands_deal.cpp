// Deal commands: create, edit, delete, move, win, lose, reopen, and their bulk forms.
#include <algorithm>
#include <unordered_set>

#include "commands_internal.hpp"

namespace pb::detail {
namespace {

const Deal* find_deal(const Tx& tx, std::string_view id, std::string& error) {
  const Deal* d = tx.ws().deals.find(id);
  if (!d) error = "no deal has id " + in_quotes(id);
  return d;
}

const Stage* find_stage(const Tx& tx, std::string_view id, const Pipeline*& pipeline, std::string& error) {
  pipeline = tx.ws().pipeline_of_stage(id);
  if (!pipeline) {
    error = "no stage has id " + in_quotes(id);
    return nullptr;
  }
  return pipeline->stage(id);
}

std::string check_ids_unique(const cmd::Strings& ids) {
  std::unordered_set<std::string_view> seen;
  for (const auto& id : ids)
    if (!seen.insert(id).second) return "deal " + in_quotes(id) + " is listed twice";
  if (ids.empty()) return "no deals given";
  return "";
}

}  // namespace

std::string move_deal(Tx& tx, Deal d, const Pipeline& to_pipeline, const Stage& to_stage, std::string_view lost_reason) {
  if (d.stage == to_stage.id) return "";
  switch (to_stage.kind) {
    case StageKind::Won:
      d.status = DealStatus::Won;
      d.lost_reason.clear();
      break;
    case StageKind::Lost:
      // A blank reason is no reason, as in deal.lose.
      if (lost_reason.find_first_not_of(" \t\r\n") != std::string_view::npos) d.lost_reason = std::string(lost_reason);
      if (d.status != DealStatus::Lost && d.lost_reason.empty())
        return "moving " + in_quotes(d.title) + " to lost stage " + in_quotes(to_stage.name) + " needs a lost reason";
      d.status = DealStatus::Lost;
      break;
    case StageKind::Open:
      d.status = DealStatus::Open;
      d.lost_reason.clear();
      break;
  }
  d.pipeline = to_pipeline.id;
  d.stage = to_stage.id;
  d.history.push_back(StageVisit{to_pipeline.id, to_stage.id, tx.now()});
  d.updated = edit_time(tx, d);
  tx.put(std::move(d));
  return "";
}

const Stage* map_stage(const Stage& from, const Pipeline& to, const cmd::StageMap& explicit_map, std::string& error) {
  if (auto it = explicit_map.find(from.id); it != explicit_map.end()) {
    const Stage* s = to.stage(it->second);
    if (!s) error = "stage_map: pipeline " + in_quotes(to.name) + " has no stage with id " + in_quotes(it->second);
    return s;
  }
  for (const auto& s : to.stages)
    if (s.name == from.name) return &s;
  if (from.kind != StageKind::Open)
    if (const Stage* s = to.first_of_kind(from.kind)) return s;
  return to.first_of_kind(StageKind::Open);
}

std::string apply(const cmd::DealCreate& c, Tx& tx) {
  Issues issues;
  Deal d;
  const JsonPath root;  // p points at its parent, which must outlive it
  const JsonPath p = root / "deal";
  if (!read_deal(c.deal, d, tx.ws().fields, p, issues, DealRead::Create)) return issues.summary();
  if (!d.id.empty() && tx.ws().deals.contains(d.id)) return "/deal/id: a deal with id " + in_quotes(d.id) + " exists";
  const Pipeline* pipeline = tx.ws().pipelines.find(d.pipeline);
  if (!pipeline) return "/deal/pipeline: no pipeline has id " + in_quotes(d.pipeline);
  if (d.stage.empty()) d.stage = pipeline->first_of_kind(StageKind::Open)->id;
  // No value given: zero in the pipeline's currency (an empty currency could not be saved and loaded).
  if (d.value.currency.empty()) d.value = Money{0, pipeline->currency};
  if (const Stage* s = pipeline->stage(d.stage)) {
    // A deal created straight into a closed stage takes that stage's status.
    if (s->kind == StageKind::Won) d.status = DealStatus::Won;
    if (s->kind == StageKind::Lost) d.status = DealStatus::Lost;
    if (d.status == DealStatus::Lost && d.lost_reason.empty()) return "/deal/lost_reason: a lost deal needs a reason";
  }
  if (d.id.empty()) d.id = tx.new_id("deal");
  // Absent or null: now.
  auto given = [&](const char* key) { auto it = c.deal.find(key); return it != c.deal.end() && !it->is_null(); };
  if (!given("created")) d.created = tx.now();
  if (!given("updated")) d.updated = std::max(tx.now(), d.created);
  if (d.history.empty()) d.history.push_back(StageVisit{d.pipeline, d.stage, d.created});
  check_deal(tx.ws(), d, p, issues);
  if (!issues.ok()) return issues.summary();
  tx.put(std::move(d));
  return "";
}

std::string apply(const cmd::DealUpdate& c, Tx& tx) {
  std::string error;
  const Deal* found = find_deal(tx, c.deal, error);
  if (!found) return error;
  Issues issues;
  Deal d = *found;
  if (!read_deal(c.set, d, tx.ws().fields, JsonPath() / "set", issues, DealRead::Patch)) return issues.summary();
  d.updated = edit_time(tx, d);
  check_deal(tx.ws(), d, JsonPath() / "set", issues);
  if (!issues.ok()) return issues.summary();
  tx.put(std::move(d));
  return "";
}

std::string apply(const cmd::DealDelete& c, Tx& tx) {
  std::string error;
  if (!find_deal(tx, c.deal, error)) return error;
  tx.erase<Deal>(c.deal);
  return "";
}

namespace {
// Lost reasons obey the document limit, so the deal can be saved and loaded again.
std::string check_lost_reason(const std::string& reason) {
  return reason.size() > kMaxName ? "/lost_reason: is too long (at most 200 bytes)" : "";
}
}  // namespace

std::string apply(const cmd::DealMove& c, Tx& tx) {
  if (std::string e = check_lost_reason(c.lost_reason); !e.empty()) return e;
  std::string error;
  const Deal* d = find_deal(tx, c.deal, error);
  const Pipeline* pipeline = nullptr;
  const Stage* stage = d ? find_stage(tx, c.stage, pipeline, error) : nullptr;
  if (!stage) return error;
  if (d->stage == stage->id) return "deal " + in_quotes(d->title) + " is already in stage " + in_quotes(stage->name);
  return move_deal(tx, *d, *pipeline, *stage, c.lost_reason);
}

std::string apply(const cmd::DealWin& c, Tx& tx) {
  std::string error;
  const Deal* d = find_deal(tx, c.deal, error);
  if (!d) return error;
  if (d->status == DealStatus::Won) return "deal " + in_quotes(d->title) + " is already won";
  const Pipeline& pipeline = *tx.ws().pipelines.find(d->pipeline);
  if (const Stage* won = pipeline.first_of_kind(StageKind::Won)) return move_deal(tx, *d, pipeline, *won, "");
  Deal copy = *d;  // pipelines without a won stage keep the deal where it is
  copy.status = DealStatus::Won;
  copy.lost_reason.clear();
  copy.updated = edit_time(tx, copy);
  tx.put(std::move(copy));
  return "";
}

std::string apply(const cmd::DealLose& c, Tx& tx) {
  std::string error;
  const Deal* d = find_deal(tx, c.deal, error);
  if (!d) return error;
  if (c.reason.find_first_not_of(" \t\r\n") == std::string::npos) return "/reason: a lost deal needs a reason";
  if (c.reason.size() > kMaxName) return "/reason: is too long (at most 200 bytes)";
  if (d->status == DealStatus::Lost) return "deal " + in_quotes(d->title) + " is already lost";
  const Pipeline& pipeline = *tx.ws().pipelines.find(d->pipeline);
  if (const Stage* lost = pipeline.first_of_kind(StageKind::Lost)) return move_deal(tx, *d, pipeline, *lost, c.reason);
  Deal copy = *d;
  copy.status = DealStatus::Lost;
  copy.lost_reason = c.reason;
  copy.updated = edit_time(tx, copy);
  tx.put(std::move(copy));
  return "";
}

std::string apply(const cmd::DealReopen& c, Tx& tx) {
  std::string error;
  const Deal* d = find_deal(tx, c.deal, error);
  if (!d) return error;
  if (d->status == DealStatus::Open) return "deal " + in_quotes(d->title) + " is already open";
  const Pipeline& pipeline = *tx.ws().pipelines.find(d->pipeline);
  const Stage* target = nullptr;
  if (!c.stage.empty()) {
    target = pipeline.stage(c.stage);
    if (!target || target->kind != StageKind::Open)
      return "/stage: " + in_quotes(c.stage) + " is not an open stage of pipeline " + in_quotes(pipeline.name);
  } else {
    // Back to where it was last open, else the first open stage.
    for (auto it = d->history.rbegin(); it != d->history.rend() && !target; ++it)
      if (const Stage* s = it->pipeline == pipeline.id ? pipeline.stage(it->stage) : nullptr; s && s->kind == StageKind::Open)
        target = s;
    if (!target) target = pipeline.first_of_kind(StageKind::Open);
  }
  if (target->id != d->stage) return move_deal(tx, *d, pipeline, *target, "");
  Deal copy = *d;
  copy.status = DealStatus::Open;
  copy.lost_reason.clear();
  copy.updated = edit_time(tx, copy);
  tx.put(std::move(copy));
  return "";
}

std::string apply(const cmd::DealsMove& c, Tx& tx) {
  if (std::string e = check_ids_unique(c.deals); !e.empty()) return e;
  if (std::string e = check_lost_reason(c.lost_reason); !e.empty()) return e;
  const Pipeline* target_pipeline = nullptr;
  const Stage* target_stage = nullptr;
  std::string error;
  if (!c.stage.empty()) {
    target_stage = find_stage(tx, c.stage, target_pipeline, error);
    if (!target_stage) return "/stage: " + error;
    if (!c.pipeline.empty() && c.pipeline != target_pipeline->id)
      return "/stage: stage " + in_quotes(c.stage) + " is not in pipeline " + in_quotes(c.pipeline);
  } else if (!c.pipeline.empty()) {
    target_pipeline = tx.ws().pipelines.find(c.pipeline);
    if (!target_pipeline) return "/pipeline: no pipeline has id " + in_quotes(c.pipeline);
  } else {
    return "give a target stage, or a pipeline (with an optional stage_map)";
  }
  for (std::size_t i = 0; i < c.deals.size(); ++i) {
    const Deal* d = find_deal(tx, c.deals[i], error);
    if (!d) return "/deals/" + std::to_string(i) + ": " + error;
    const Stage* to = target_stage;
    if (!to) {
      const Pipeline& from = *tx.ws().pipelines.find(d->pipeline);
      if (from.id == target_pipeline->id) continue;  // already in the target pipeline
      to = map_stage(*from.stage(d->stage), *target_pipeline, c.stage_map, error);
      if (!to) return error;
    }
    if (std::string e = move_deal(tx, *d, *target_pipeline, *to, c.lost_reason); !e.empty())
      return "/deals/" + std::to_string(i) + ": " + e;
  }
  return "";
}

std::string apply(const cmd::DealsUpdate& c, Tx& tx) {
  if (std::string e = check_ids_unique(c.deals); !e.empty()) return e;
  Issues issues;
  for (std::size_t i = 0; i < c.deals.size(); ++i) {
    std::string error;
    const Deal* found = find_deal(tx, c.deals[i], error);
    if (!found) return "/deals/" + std::to_string(i) + ": " + error;
    Deal d = *found;
    if (!read_deal(c.set, d, tx.ws().fields, JsonPath() / "set", issues, DealRead::Patch)) return issues.summary();
    d.updated = edit_time(tx, d);
    check_deal(tx.ws(), d, JsonPath() / "deals" / i, issues);
    if (!issues.ok()) return issues.summary();
    tx.put(std::move(d));
  }
  return "";
}

std::string apply(const cmd::DealsDelete& c, Tx& tx) {
  if (std::string e = check_ids_unique(c.deals); !e.empty()) return e;
  for (std::size_t i = 0; i < c.deals.size(); ++i)
    if (!tx.ws().deals.contains(c.deals[i])) return "/deals/" + std::to_string(i) + ": no deal has id " + in_quotes(c.deals[i]);
  tx.erase_many<Deal>(c.deals);
  return "";
}

}  // namespace pb::detail
