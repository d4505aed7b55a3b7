// Importing documents as commands, so an import is one change that undo reverts.
#include <algorithm>
#include <unordered_map>

#include "commands_internal.hpp"
#include "documents.hpp"

namespace pb::detail {
namespace {

std::string remapped(const std::unordered_map<std::string, std::string>& ids, const std::string& id) {
  auto it = ids.find(id);
  return it == ids.end() ? id : it->second;
}

std::string remapped_field_key(const std::unordered_map<std::string, std::string>& ids, const std::string& key) {
  return key.rfind("custom.", 0) == 0 ? "custom." + remapped(ids, key.substr(7)) : key;
}

}  // namespace

// Rewrites the ids a filter expression mentions: "custom.<id>" field keys, and operand values
// that name a template stage, owner or pipeline. Operators and other keys stay as they are.
void remap_filter(json& node, const std::unordered_map<std::string, std::string>& ids) {
  if (!node.is_object()) return;
  for (const char* list : {"all", "any"})
    if (auto it = node.find(list); it != node.end() && it->is_array())
      for (auto& child : *it) remap_filter(child, ids);
  if (auto it = node.find("not"); it != node.end()) remap_filter(*it, ids);
  if (auto it = node.find("field"); it != node.end() && it->is_string())
    *it = remapped_field_key(ids, it->get<std::string>());
  if (auto it = node.find("value"); it != node.end()) {
    auto remap_value = [&](json& v) {
      if (v.is_string()) v = remapped(ids, v.get<std::string>());
    };
    if (it->is_array()) for (auto& v : *it) remap_value(v);
    else remap_value(*it);
  }
}

std::string apply(const cmd::TemplateImport& c, Tx& tx) {
  if (!c.name.empty())
    if (std::string e = check_name(c.name, "/name"); !e.empty()) return e;
  Issues issues;
  Template t;
  if (!read_template(c.template_doc, t, issues)) {
    std::string s = issues.summary();
    return "/template" + s.substr(s[0] == '/' && s[1] == ':' ? 1 : 0);
  }
  std::unordered_map<std::string, std::string> ids;  // template id -> workspace id
  // Fields and people are shared across pipelines: reuse ones with the same name.
  for (auto f : t.fields) {
    const FieldDef* same = nullptr;
    for (const auto& existing : tx.ws().fields)
      if (existing.name == f.name) same = &existing;
    if (same && same->type != f.type)
      return "/template/fields: field " + in_quotes(f.name) + " exists here with type " + std::string(to_string(same->type));
    if (same) {
      ids[f.id] = same->id;
      std::vector<std::string> options = same->options;
      for (const auto& o : f.options)
        if (std::find(options.begin(), options.end(), o) == options.end()) options.push_back(o);
      if (options != same->options) {
        FieldDef merged = *same;
        merged.options = options;
        tx.put(std::move(merged));
      }
      continue;
    }
    f.id = ids[f.id] = tx.new_id("field");
    tx.put(std::move(f));
  }
  for (auto p : t.people) {
    const Person* same = nullptr;
    for (const auto& existing : tx.ws().people)
      if ((!p.email.empty() && existing.email == p.email) || existing.name == p.name) same = &existing;
    if (same) {
      ids[p.id] = same->id;
      continue;
    }
    p.id = ids[p.id] = tx.new_id("person");
    tx.put(std::move(p));
  }
  Pipeline pipeline = t.pipeline;
  pipeline.id = ids[pipeline.id] = tx.new_id("pipe");
  for (auto& s : pipeline.stages) s.id = ids[s.id] = tx.new_id("stage");
  if (!c.name.empty()) pipeline.name = c.name;
  const std::string base = pipeline.name;
  for (int n = 2; std::any_of(tx.ws().pipelines.begin(), tx.ws().pipelines.end(),
                              [&](const Pipeline& p) { return p.name == pipeline.name; });
       ++n)
    pipeline.name = name_with_suffix(base, " (" + std::to_string(n) + ")");
  tx.put(pipeline);
  for (auto v : t.views) {
    v.id = tx.new_id("view");
    if (!v.pipeline.empty()) v.pipeline = pipeline.id;
    for (auto& h : v.hidden_stages) h = remapped(ids, h);
    remap_filter(v.filter, ids);
    for (auto& s : v.sort) s.field = remapped_field_key(ids, s.field);
    v.group_by = remapped_field_key(ids, v.group_by);
    // The renamed records must still hold together; an error here is a bug, never bad data kept.
    check_view(tx.ws(), v, JsonPath() / "template" / "views", issues);
    if (!issues.ok()) return issues.summary();
    tx.put(std::move(v));
  }
  for (auto d : t.deals) {
    d.id = tx.new_id("deal");
    d.pipeline = pipeline.id;
    d.stage = remapped(ids, d.stage);
    d.owner = remapped(ids, d.owner);
    std::map<Id, FieldValue> custom;
    for (auto& [k, v] : d.custom) custom[remapped(ids, k)] = v;
    d.custom = std::move(custom);
    for (auto& h : d.history) {
      h.pipeline = remapped(ids, h.pipeline);
      h.stage = remapped(ids, h.stage);
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
