// Importing documents as commands, so an import is one change that undo reverts.
// template.import follows the plan of import_plan.hpp: new pipeline, replace or merge, and the
// people, fields and options the user mapped or let it create.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "commands_internal.hpp"
#include "documents.hpp"
#include "import_plan.hpp"

namespace pb::detail {
namespace {

using Ids = IdMaps;

std::string mapped(const IdMap& ids, const std::string& id) {
  auto it = ids.find(id);
  return it == ids.end() ? id : it->second;
}

std::string mapped_key(const Ids& ids, const std::string& key) {
  return key.rfind("custom.", 0) == 0 ? "custom." + mapped(ids.fields, key.substr(7)) : key;
}

}  // namespace

void remap_filter(json& node, const IdMaps& ids) {
  if (!node.is_object()) return;
  for (const char* list : {"all", "any"})
    if (auto it = node.find(list); it != node.end() && it->is_array())
      for (auto& child : *it) remap_filter(child, ids);
  if (auto it = node.find("not"); it != node.end()) remap_filter(*it, ids);
  auto field = node.find("field");
  if (field == node.end() || !field->is_string()) return;
  const std::string key = field->get<std::string>();
  std::function<std::string(const std::string&)> value_of;
  if (key == "stage") value_of = [&](const std::string& v) { return mapped(ids.stages, v); };
  else if (key == "owner") value_of = [&](const std::string& v) { return mapped(ids.people, v); };
  else if (key == "pipeline") value_of = [&](const std::string& v) { return mapped(ids.pipeline, v); };
  else if (key.rfind("custom.", 0) == 0 && ids.options)
    if (auto o = ids.options->find(key.substr(7)); o != ids.options->end())
      value_of = [o](const std::string& v) {
        auto it = o->second.find(v);
        return it == o->second.end() ? v : it->second;
      };
  *field = mapped_key(ids, key);
  auto value = node.find("value");
  if (!value_of || value == node.end()) return;
  auto remap = [&](json& v) {
    if (v.is_string()) v = value_of(v.get<std::string>());
  };
  if (value->is_array()) for (auto& v : *value) remap(v);
  else remap(*value);
}

namespace {

// Fields: reused ones get the template's missing options, the others are created.
std::string import_fields(const Template& t, const ImportPlan& plan, Ids& ids, Tx& tx) {
  for (const auto& f : t.fields) {
    std::vector<std::string> options;  // the template's options as mapped, without repeats
    if (f.type == FieldType::Choice)
      for (const auto& o : f.options) {
        const std::string& to = plan.options.at(f.id).at(o);
        if (std::find(options.begin(), options.end(), to) == options.end()) options.push_back(to);
      }
    const Id& target = plan.fields.at(f.id);
    if (!target.empty()) {
      ids.fields[f.id] = target;
      FieldDef merged = *tx.ws().fields.find(target);
      for (const auto& o : options)
        if (std::find(merged.options.begin(), merged.options.end(), o) == merged.options.end()) merged.options.push_back(o);
      if (merged.options.size() != tx.ws().fields.find(target)->options.size()) tx.put(std::move(merged));
      continue;
    }
    FieldDef created = f;
    created.id = ids.fields[f.id] = tx.new_id("field");
    created.name = plan.create_names.at(f.id);
    created.options = std::move(options);
    tx.put(std::move(created));
  }
  if (tx.ws().fields.size() > 1000) return "a workspace has at most 1000 custom fields";
  return "";
}

// A new pipeline with fresh stage ids.
void add_pipeline(const Template& t, const ImportPlan& plan, Ids& ids, Tx& tx) {
  Pipeline pipeline = t.pipeline;
  pipeline.id = ids.pipeline[t.pipeline.id] = tx.new_id("pipe");
  for (auto& s : pipeline.stages) s.id = ids.stages[s.id] = tx.new_id("stage");
  pipeline.name = plan.name;
  tx.put(std::move(pipeline));
}

// Merge: the existing pipeline keeps its settings and stages; missing stages go in after the stage
// that precedes them in the template.
void merge_pipeline(const Template& t, const ImportPlan& plan, Ids& ids, Tx& tx) {
  Pipeline merged = *plan.target;
  ids.pipeline[t.pipeline.id] = merged.id;
  std::size_t pos = 0;
  for (const auto& s : t.pipeline.stages) {
    if (const Id& match = plan.stages.at(s.id); !match.empty()) {
      ids.stages[s.id] = match;
      pos = static_cast<std::size_t>(merged.stage_index(match)) + 1;
      continue;
    }
    Stage added = s;
    added.id = ids.stages[s.id] = tx.new_id("stage");
    merged.stages.insert(merged.stages.begin() + static_cast<std::ptrdiff_t>(pos++), std::move(added));
  }
  tx.put(std::move(merged));
}

// Replace: the existing pipeline (same id and place) takes the template's settings and stages,
// keeping the stages that match by name and kind; deals in the others move as planned.
std::string replace_pipeline(const Template& t, const ImportPlan& plan, Ids& ids, Tx& tx) {
  Pipeline replaced = *plan.target;
  ids.pipeline[t.pipeline.id] = replaced.id;
  replaced.name = plan.name;
  replaced.description = t.pipeline.description;
  replaced.currency = t.pipeline.currency;
  replaced.stages.clear();
  for (const auto& s : t.pipeline.stages) {
    Stage st = s;
    const Id& match = plan.stages.at(s.id);
    st.id = ids.stages[s.id] = match.empty() ? tx.new_id("stage") : match;
    replaced.stages.push_back(std::move(st));
  }
  tx.put(replaced);
  IdMap moved;  // removed stage -> the stage its deals go to
  std::vector<std::string> removed;
  for (const auto& [from, to] : plan.removed_stages) {
    moved[from] = ids.stages.at(to);
    removed.push_back(from);
  }
  std::vector<Deal> deals;
  for (const auto& d : tx.ws().deals)
    if (d.pipeline == replaced.id && moved.count(d.stage)) deals.push_back(d);
  for (auto& d : deals) {
    const Stage& to = *replaced.stage(moved.at(d.stage));
    if (std::string e = move_deal(tx, std::move(d), replaced, to, ""); !e.empty()) return e;
  }
  prune_hidden_stages(tx, removed);
  // Saved views that filter on a removed stage now filter on the stage its deals moved to.
  Ids stage_ids;
  stage_ids.stages = std::move(moved);
  std::vector<View> views;
  for (const auto& v : tx.ws().views) {
    View copy = v;
    remap_filter(copy.filter, stage_ids);
    if (copy.filter != v.filter) views.push_back(std::move(copy));
  }
  for (auto& v : views) tx.put(std::move(v));
  return "";
}

}  // namespace

std::string apply(const cmd::TemplateImport& c, Tx& tx) {
  if (!c.name.empty())
    if (std::string e = check_name(c.name, "/name"); !e.empty()) return e;
  Issues issues;
  Template read;
  if (!c.parsed && !read_template(c.template_doc, read, issues)) {
    std::string s = issues.summary();
    return "/template" + s.substr(s[0] == '/' && s[1] == ':' ? 1 : 0);
  }
  const Template& t = c.parsed ? *c.parsed : read;
  ImportPlan plan;
  if (!plan_import(tx.ws(), t, c, plan, issues))
    return issues.ok() ? "/template/fields: " + plan.field_conflict : issues.summary();
  Ids ids;
  ids.options = &plan.options;
  if (std::string e = import_fields(t, plan, ids, tx); !e.empty()) return e;
  for (auto p : t.people) {
    if (const Id& target = plan.people.at(p.id); !target.empty()) {
      ids.people[p.id] = target;
      continue;
    }
    p.id = ids.people[p.id] = tx.new_id("person");
    tx.put(std::move(p));
  }
  if (!plan.target) add_pipeline(t, plan, ids, tx);
  else if (plan.on_conflict == NameConflict::Merge) merge_pipeline(t, plan, ids, tx);
  else if (std::string e = replace_pipeline(t, plan, ids, tx); !e.empty()) return e;
  const Id pipeline_id = ids.pipeline.at(t.pipeline.id);
  for (auto v : t.views) {
    v.id = tx.new_id("view");
    if (!v.pipeline.empty()) v.pipeline = pipeline_id;
    for (auto& h : v.hidden_stages) h = mapped(ids.stages, h);
    remap_filter(v.filter, ids);
    for (auto& s : v.sort) s.field = mapped_key(ids, s.field);
    v.group_by = mapped_key(ids, v.group_by);
    // The renamed records must still hold together; an error here is a bug, never bad data kept.
    check_view(tx.ws(), v, JsonPath() / "template" / "views", issues);
    if (!issues.ok()) return issues.summary();
    tx.put(std::move(v));
  }
  for (auto d : t.deals) {
    d.id = tx.new_id("deal");
    d.pipeline = pipeline_id;
    d.stage = mapped(ids.stages, d.stage);
    d.owner = mapped(ids.people, d.owner);
    std::map<Id, FieldValue> custom;
    for (auto& [k, v] : d.custom) {
      if (auto o = plan.options.find(k); o != plan.options.end() && std::holds_alternative<std::string>(v))
        if (auto it = o->second.find(std::get<std::string>(v)); it != o->second.end()) v = it->second;
      custom[mapped(ids.fields, k)] = v;
    }
    d.custom = std::move(custom);
    for (auto& h : d.history) {
      h.pipeline = mapped(ids.pipeline, h.pipeline);
      h.stage = mapped(ids.stages, h.stage);
    }
    check_deal(tx.ws(), d, JsonPath() / "template" / "deals", issues);
    if (!issues.ok()) return issues.summary();
    tx.put(std::move(d));
  }
  return "";
}

std::string apply(const cmd::WorkspaceImport& c, Tx& tx) {
  Issues issues;
  Workspace incoming;
  if (!read_workspace(c.workspace, incoming, issues)) {
    std::string s = issues.summary();
    return "/workspace" + s.substr(s[0] == '/' && s[1] == ':' ? 1 : 0);
  }
  auto ids_of = [](const auto& table) {
    std::vector<std::string> ids;
    for (const auto& r : table) ids.push_back(r.id);
    return ids;
  };
  tx.erase_many<Deal>(ids_of(tx.ws().deals));
  tx.erase_many<View>(ids_of(tx.ws().views));
  tx.erase_many<FieldDef>(ids_of(tx.ws().fields));
  tx.erase_many<Person>(ids_of(tx.ws().people));
  tx.erase_many<Pipeline>(ids_of(tx.ws().pipelines));
  for (std::size_t i = 0; i < incoming.pipelines.size(); ++i) tx.put(incoming.pipelines.at(i));
  for (std::size_t i = 0; i < incoming.people.size(); ++i) tx.put(incoming.people.at(i));
  for (std::size_t i = 0; i < incoming.fields.size(); ++i) tx.put(incoming.fields.at(i));
  for (std::size_t i = 0; i < incoming.views.size(); ++i) tx.put(incoming.views.at(i));
  for (std::size_t i = 0; i < incoming.deals.size(); ++i) tx.put(incoming.deals.at(i));
  return "";
}

}  // namespace pb::detail
