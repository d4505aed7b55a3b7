#include "validate.hpp"

#include <algorithm>
#include <unordered_map>

#include "query.hpp"

namespace pb {
namespace {

// owner_of(stage id) -> the first pipeline holding that stage, or nullptr. Commands use the
// workspace's linear scan; whole documents use an index, so a hostile file of 10,000 pipelines
// x 100 stages costs one pass instead of 10^12 comparisons.
template <class OwnerOf>
void check_pipeline_with(const Pipeline& p, const JsonPath& path, Issues& issues, OwnerOf owner_of) {
  const JsonPath sp = path / "stages";
  bool has_open = false;
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const Stage& s = p.stages[i];
    has_open = has_open || s.kind == StageKind::Open;
    for (std::size_t k = 0; k < i; ++k)
      if (p.stages[k].id == s.id) issues.add(sp / i / "id", "repeats stage id \"" + s.id + "\"");
    const Pipeline* owner = owner_of(s.id);
    if (owner && owner->id != p.id)
      issues.add(sp / i / "id", "stage id \"" + s.id + "\" is already used in pipeline \"" + owner->name + "\"");
  }
  if (!p.stages.empty() && !has_open) issues.add(sp, "a pipeline needs at least one open stage");
}

}  // namespace

void check_deal(const Workspace& ws, const Deal& d, const JsonPath& path, Issues& issues) {
  const Pipeline* p = ws.pipelines.find(d.pipeline);
  if (!p) {
    issues.add(path / "pipeline", "no pipeline has id \"" + d.pipeline + "\"");
  } else if (const Stage* s = p->stage(d.stage); !s) {
    issues.add(path / "stage", "pipeline \"" + p->name + "\" has no stage with id \"" + d.stage + "\"");
  } else {
    if (s->kind == StageKind::Won && d.status != DealStatus::Won)
      issues.add(path / "status", "a deal in won stage \"" + s->name + "\" must have status won");
    if (s->kind == StageKind::Lost && d.status != DealStatus::Lost)
      issues.add(path / "status", "a deal in lost stage \"" + s->name + "\" must have status lost");
  }
  if (d.status != DealStatus::Lost && !d.lost_reason.empty())
    issues.add(path / "lost_reason", "only lost deals have a lost reason");
  if (!d.owner.empty() && !ws.people.contains(d.owner))
    issues.add(path / "owner", "no person has id \"" + d.owner + "\"");
  for (const auto& [id, value] : d.custom)
    if (!ws.fields.contains(id)) issues.add(path / "custom" / id, "no custom field has this id");
  if (d.updated < d.created) issues.add(path / "updated", "is earlier than created");
}

namespace {
template <class OwnerOf>
void check_view_with(const Workspace& ws, const View& v, const JsonPath& path, Issues& issues, OwnerOf owner_of) {
  const Pipeline* p = nullptr;
  if (!v.pipeline.empty() && !(p = ws.pipelines.find(v.pipeline)))
    issues.add(path / "pipeline", "no pipeline has id \"" + v.pipeline + "\"");
  CompiledFilter filter;
  compile_filter(v.filter, ws.fields, filter, path / "filter", issues);
  auto key = resolve_field(ws.fields, v.group_by);
  if (!key) issues.add(path / "group_by", "unknown field \"" + v.group_by + "\"");
  else if (!is_groupable(*key)) issues.add(path / "group_by", "cannot group by \"" + v.group_by + "\"");
  validate_sort(v.sort, ws.fields, path / "sort", issues);
  for (std::size_t i = 0; i < v.hidden_stages.size(); ++i) {
    const Pipeline* owner = owner_of(v.hidden_stages[i]);
    if (!owner || (p && owner != p))
      issues.add(path / "hidden_stages" / i, "no stage with id \"" + v.hidden_stages[i] + "\" in this view's pipeline");
  }
}

}  // namespace

void check_pipeline(const Workspace& ws, const Pipeline& p, const JsonPath& path, Issues& issues) {
  check_pipeline_with(p, path, issues, [&](std::string_view id) { return ws.pipeline_of_stage(id); });
}

void check_view(const Workspace& ws, const View& v, const JsonPath& path, Issues& issues) {
  check_view_with(ws, v, path, issues, [&](std::string_view id) { return ws.pipeline_of_stage(id); });
}

void check_workspace(const Workspace& ws, Issues& issues) {
  const JsonPath root;
  std::unordered_map<std::string_view, const Pipeline*> owners;  // stage id -> first pipeline holding it
  for (const auto& p : ws.pipelines)
    for (const auto& s : p.stages) owners.emplace(s.id, &p);
  auto owner_of = [&](std::string_view id) -> const Pipeline* {
    auto it = owners.find(id);
    return it == owners.end() ? nullptr : it->second;
  };
  for (std::size_t i = 0; i < ws.pipelines.size(); ++i)
    check_pipeline_with(ws.pipelines.at(i), root / "pipelines" / i, issues, owner_of);
  for (std::size_t i = 0; i < ws.views.size(); ++i) check_view_with(ws, ws.views.at(i), root / "views" / i, issues, owner_of);
  for (std::size_t i = 0; i < ws.deals.size(); ++i) check_deal(ws, ws.deals.at(i), root / "deals" / i, issues);
}

}  // namespace pb
