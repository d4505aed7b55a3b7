// Pipeline and stage commands.
#include <algorithm>

#include "commands_internal.hpp"

namespace pb::detail {
namespace {

const Pipeline* find_pipeline(const Tx& tx, std::string_view id, std::string& error) {
  const Pipeline* p = tx.ws().pipelines.find(id);
  if (!p) error = "no pipeline has id " + in_quotes(id);
  return p;
}

// The default stages of a new pipeline.
std::vector<Stage> default_stages() {
  return {Stage{"", "New", "#8ca3ff", 10, StageKind::Open, 14}, Stage{"", "Presentation", "#5b8def", 30, StageKind::Open, 14},
          Stage{"", "Negotiation", "#f0a030", 60, StageKind::Open, 21}, Stage{"", "Won", "#2fb67c", 100, StageKind::Won, 0},
          Stage{"", "Lost", "#e0565b", 0, StageKind::Lost, 0}};
}

std::string check_pipeline_in(const Tx& tx, const Pipeline& p, const JsonPath& path) {
  Issues issues;
  check_pipeline(tx.ws(), p, path, issues);
  return issues.summary();
}

std::size_t clamp_index(const cmd::Index& index, std::size_t size) {
  return index ? std::min<std::size_t>(static_cast<std::size_t>(*index), size) : size;
}

}  // namespace

std::string apply(const cmd::PipelineCreate& c, Tx& tx) {
  Issues issues;
  Pipeline p;
  if (!read_pipeline(c.pipeline, p, JsonPath() / "pipeline", issues, Ids::Optional)) return issues.summary();
  if (!p.id.empty() && tx.ws().pipelines.contains(p.id)) return "/pipeline/id: a pipeline with id " + in_quotes(p.id) + " exists";
  if (p.id.empty()) p.id = tx.new_id("pipe");
  if (p.stages.empty()) p.stages = default_stages();
  for (auto& s : p.stages)
    if (s.id.empty()) s.id = tx.new_id("stage");
  if (std::string e = check_pipeline_in(tx, p, JsonPath() / "pipeline"); !e.empty()) return e;
  tx.put(std::move(p), clamp_index(c.index, tx.ws().pipelines.size()));
  return "";
}

std::string apply(const cmd::PipelineRename& c, Tx& tx) {
  return apply(cmd::PipelineUpdate{c.pipeline, json{{"name", c.name}}}, tx);
}

std::string apply(const cmd::PipelineUpdate& c, Tx& tx) {
  std::string error;
  const Pipeline* found = find_pipeline(tx, c.pipeline, error);
  if (!found) return error;
  if (c.set.contains("stages") || c.set.contains("id")) return "/set: stages and id change through stage commands";
  Issues issues;
  Pipeline p = *found;
  if (!patch_pipeline(c.set, p, JsonPath() / "set", issues)) return issues.summary();
  tx.put(std::move(p));
  return "";
}

std::string apply(const cmd::PipelineDuplicate& c, Tx& tx) {
  std::string error;
  const Pipeline* found = find_pipeline(tx, c.pipeline, error);
  if (!found) return error;
  if (!c.name.empty())
    if (std::string e = check_name(c.name, "/name"); !e.empty()) return e;
  Pipeline copy = *found;
  copy.id = tx.new_id("pipe");
  copy.name = c.name.empty() ? name_with_suffix(found->name, " (copy)") : c.name;
  IdMaps ids;
  IdMap& stage_ids = ids.stages;
  for (auto& s : copy.stages) s.id = stage_ids[s.id] = tx.new_id("stage");
  const std::string new_pipeline = copy.id;
  tx.put(std::move(copy), tx.ws().pipelines.index_of(c.pipeline) + 1);
  for (const auto& v : std::vector<View>(tx.ws().views.begin(), tx.ws().views.end())) {
    if (v.pipeline != c.pipeline) continue;
    View dup = v;
    dup.id = tx.new_id("view");
    dup.pipeline = new_pipeline;
    for (auto& h : dup.hidden_stages) h = stage_ids[h];
    remap_filter(dup.filter, ids);  // filters name stages by id too
    tx.put(std::move(dup));
  }
  if (!c.include_deals) return "";
  std::vector<Deal> deals;
  for (const auto& d : tx.ws().deals)
    if (d.pipeline == c.pipeline) deals.push_back(d);
  for (auto& d : deals) {
    d.id = tx.new_id("deal");
    d.pipeline = new_pipeline;
    d.stage = stage_ids[d.stage];
    d.created = d.updated = tx.now();
    d.history = {StageVisit{new_pipeline, d.stage, tx.now()}};
    tx.put(std::move(d));
  }
  return "";
}

std::string apply(const cmd::PipelineDelete& c, Tx& tx) {
  std::string error;
  const Pipeline* found = find_pipeline(tx, c.pipeline, error);
  if (!found) return error;
  const Pipeline pipeline = *found;
  std::vector<std::string> deal_ids;
  for (const auto& d : tx.ws().deals)
    if (d.pipeline == pipeline.id) deal_ids.push_back(d.id);
  if (!deal_ids.empty()) {
    if (c.deals == "delete") {
      tx.erase_many<Deal>(deal_ids);
    } else if (c.deals == "move") {
      if (c.to_pipeline == pipeline.id) return "/to_pipeline: pick another pipeline than the one being deleted";
      const Pipeline* target = find_pipeline(tx, c.to_pipeline, error);
      if (!target) return "/to_pipeline: " + error;
      for (const auto& id : deal_ids) {
        const Deal& d = *tx.ws().deals.find(id);
        const Stage* to = map_stage(*pipeline.stage(d.stage), *target, c.stage_map, error);
        if (!to) return error;
        if (std::string e = move_deal(tx, d, *target, *to, ""); !e.empty()) return e;
      }
    } else {
      return "pipeline " + in_quotes(pipeline.name) + " holds " + std::to_string(deal_ids.size()) +
             " deals: set deals to \"move\" (with to_pipeline) or \"delete\"";
    }
  }
  std::vector<std::string> views;
  for (const auto& v : tx.ws().views)
    if (v.pipeline == pipeline.id) views.push_back(v.id);
  for (const auto& id : views) tx.erase<View>(id);
  std::vector<std::string> stage_ids;
  for (const auto& s : pipeline.stages) stage_ids.push_back(s.id);
  prune_hidden_stages(tx, stage_ids);
  tx.erase<Pipeline>(pipeline.id);
  return "";
}

std::string apply(const cmd::PipelineReorder& c, Tx& tx) {
  std::string error;
  if (!find_pipeline(tx, c.pipeline, error)) return error;
  tx.move<Pipeline>(c.pipeline, clamp_index(c.index, tx.ws().pipelines.size() - 1));
  return "";
}

void prune_hidden_stages(Tx& tx, const std::vector<std::string>& stage_ids) {
  std::vector<View> changed;
  for (const auto& v : tx.ws().views) {
    View copy = v;
    std::erase_if(copy.hidden_stages, [&](const std::string& s) {
      return std::find(stage_ids.begin(), stage_ids.end(), s) != stage_ids.end();
    });
    if (copy.hidden_stages.size() != v.hidden_stages.size()) changed.push_back(std::move(copy));
  }
  for (auto& v : changed) tx.put(std::move(v));
}

// [SECTION] Stages

namespace {
struct StageRef {
  const Pipeline* pipeline = nullptr;
  int index = -1;
};
StageRef find_stage_ref(const Tx& tx, std::string_view id, std::string& error) {
  StageRef ref;
  ref.pipeline = tx.ws().pipeline_of_stage(id);
  if (!ref.pipeline) error = "no stage has id " + in_quotes(id);
  else ref.index = ref.pipeline->stage_index(id);
  return ref;
}
}  // namespace

std::string apply(const cmd::StageCreate& c, Tx& tx) {
  std::string error;
  const Pipeline* found = find_pipeline(tx, c.pipeline, error);
  if (!found) return error;
  Issues issues;
  Stage s;
  if (!read_stage(c.stage, s, JsonPath() / "stage", issues, Ids::Optional)) return issues.summary();
  if (found->stages.size() >= 100) return "a pipeline has at most 100 stages";
  if (s.id.empty()) s.id = tx.new_id("stage");
  Pipeline p = *found;
  const std::size_t at = clamp_index(c.index, p.stages.size());
  p.stages.insert(p.stages.begin() + static_cast<std::ptrdiff_t>(at), s);
  if (std::string e = check_pipeline_in(tx, p, JsonPath() / "pipeline"); !e.empty()) return e;
  tx.put(std::move(p));
  return "";
}

std::string apply(const cmd::StageRename& c, Tx& tx) { return apply(cmd::StageUpdate{c.stage, json{{"name", c.name}}}, tx); }

std::string apply(const cmd::StageUpdate& c, Tx& tx) {
  std::string error;
  StageRef ref = find_stage_ref(tx, c.stage, error);
  if (!ref.pipeline) return error;
  if (c.set.contains("id")) return "/set/id: stage ids cannot change";
  Pipeline p = *ref.pipeline;
  Stage& s = p.stages[ref.index];
  const StageKind old_kind = s.kind;
  Issues issues;
  if (!patch_stage(c.set, s, JsonPath() / "set", issues)) return issues.summary();
  if (s.kind != old_kind) {
    const std::size_t n = tx.ws().count_deals_in_stage(s.id);
    if (n > 0)
      return "/set/kind: stage " + in_quotes(s.name) + " holds " + std::to_string(n) +
             " deals; move them out before changing whether it is open, won or lost";
  }
  if (std::string e = check_pipeline_in(tx, p, JsonPath() / "set"); !e.empty()) return e;
  tx.put(std::move(p));
  return "";
}

std::string apply(const cmd::StageDuplicate& c, Tx& tx) {
  std::string error;
  StageRef ref = find_stage_ref(tx, c.stage, error);
  if (!ref.pipeline) return error;
  if (!c.name.empty())
    if (std::string e = check_name(c.name, "/name"); !e.empty()) return e;
  if (ref.pipeline->stages.size() >= 100) return "a pipeline has at most 100 stages";
  Pipeline p = *ref.pipeline;
  Stage copy = p.stages[ref.index];
  copy.id = tx.new_id("stage");
  copy.name = c.name.empty() ? name_with_suffix(copy.name, " (copy)") : c.name;
  p.stages.insert(p.stages.begin() + ref.index + 1, copy);
  tx.put(std::move(p));
  return "";
}

std::string apply(const cmd::StageDelete& c, Tx& tx) {
  std::string error;
  StageRef ref = find_stage_ref(tx, c.stage, error);
  if (!ref.pipeline) return error;
  const Pipeline pipeline = *ref.pipeline;
  const Stage& doomed = pipeline.stages[ref.index];
  Pipeline after = pipeline;
  after.stages.erase(after.stages.begin() + ref.index);
  if (after.stages.empty()) return "a pipeline needs at least one stage";
  if (!after.first_of_kind(StageKind::Open)) return "a pipeline needs at least one open stage";
  std::vector<std::string> deal_ids;
  for (const auto& d : tx.ws().deals)
    if (d.stage == doomed.id) deal_ids.push_back(d.id);
  if (!deal_ids.empty()) {
    if (c.move_to.empty())
      return "stage " + in_quotes(doomed.name) + " holds " + std::to_string(deal_ids.size()) +
             " deals: give move_to, the stage they should go to";
    const Stage* target = pipeline.stage(c.move_to);
    if (!target || target->id == doomed.id)
      return "/move_to: pick another stage of pipeline " + in_quotes(pipeline.name);
    for (const auto& id : deal_ids)
      if (std::string e = move_deal(tx, *tx.ws().deals.find(id), after, *target, ""); !e.empty()) return e;
  }
  prune_hidden_stages(tx, {doomed.id});
  tx.put(std::move(after));
  return "";
}

std::string apply(const cmd::StageReorder& c, Tx& tx) {
  std::string error;
  StageRef ref = find_stage_ref(tx, c.stage, error);
  if (!ref.pipeline) return error;
  Pipeline p = *ref.pipeline;
  Stage s = p.stages[ref.index];
  p.stages.erase(p.stages.begin() + ref.index);
  p.stages.insert(p.stages.begin() + static_cast<std::ptrdiff_t>(clamp_index(c.index, p.stages.size())), s);
  tx.put(std::move(p));
  return "";
}

}  // namespace pb::detail
