#include "import_plan.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "commands_internal.hpp"

namespace pb {
namespace {

constexpr std::string_view kConflictNames[] = {"rename", "replace", "merge"};

// A field name no workspace field and no field created earlier in this import has.
std::string unique_field_name(const Workspace& ws, const std::set<std::string>& taken, const std::string& name) {
  std::string out = name;
  for (int n = 2; field_named(ws, out) || taken.count(out); ++n)
    out = detail::name_with_suffix(name, " (" + std::to_string(n) + ")");
  return out;
}

// People: the map first, then the first workspace person with the same email, then with the same name.
void plan_people(const Workspace& ws, const Template& t, const cmd::TemplateImport& c, ImportPlan& plan,
                 Issues& issues) {
  const JsonPath root, map = root / "map";  // a JsonPath points at its parent: no temporaries
  const JsonPath at = map / "people";
  // Sets and indexes keep a hostile map (a million entries) and big tables linear.
  std::set<std::string_view> template_people;
  for (const auto& p : t.people) template_people.insert(p.id);
  for (const auto& [from, to] : c.map.people) {
    if (!template_people.count(from)) issues.add(at / from, "the template has no person with this id");
    else if (!to.empty() && !ws.people.contains(to)) issues.add(at / from, "no person has id \"" + excerpt(to) + "\"");
  }
  std::unordered_map<std::string_view, const Person*> by_email, by_name;
  for (const auto& p : ws.people) {
    if (!p.email.empty()) by_email.emplace(p.email, &p);
    by_name.emplace(p.name, &p);
  }
  for (const auto& p : t.people) {
    if (auto it = c.map.people.find(p.id); it != c.map.people.end()) {
      plan.people[p.id] = it->second;
      plan.matched_by[p.id] = it->second.empty() ? "" : "map";
    } else if (auto e = p.email.empty() ? by_email.end() : by_email.find(p.email); e != by_email.end()) {
      plan.people[p.id] = e->second->id;
      plan.matched_by[p.id] = "email";
    } else if (auto n = by_name.find(p.name); n != by_name.end()) {
      plan.people[p.id] = n->second->id;
      plan.matched_by[p.id] = "name";
    } else {
      plan.people[p.id] = "";
      plan.matched_by[p.id] = "";
    }
  }
}

// Fields: the map first, then the workspace field of the same name (which must have the same type).
void plan_fields(const Workspace& ws, const Template& t, const cmd::TemplateImport& c, ImportPlan& plan,
                 Issues& issues) {
  const JsonPath root, map = root / "map";  // a JsonPath points at its parent: no temporaries
  const JsonPath at = map / "fields";
  std::map<std::string_view, const FieldDef*> by_id;
  for (const auto& f : t.fields) by_id.emplace(f.id, &f);
  auto template_field = [&](const std::string& id) -> const FieldDef* {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : it->second;
  };
  for (const auto& [from, to] : c.map.fields) {
    const FieldDef* f = template_field(from);
    const FieldDef* target = to.empty() ? nullptr : ws.fields.find(to);
    if (!f) issues.add(at / from, "the template has no field with this id");
    else if (!to.empty() && !target) issues.add(at / from, "no custom field has id \"" + excerpt(to) + "\"");
    else if (target && target->type != f->type)
      issues.add(at / from, "field \"" + target->name + "\" has type " + std::string(to_string(target->type)) +
                                "; \"" + f->name + "\" has type " + std::string(to_string(f->type)));
  }
  std::set<Id> targets;
  for (const auto& f : t.fields) {
    Id target;
    if (auto it = c.map.fields.find(f.id); it != c.map.fields.end()) {
      target = it->second;
    } else if (const FieldDef* same = field_named(ws, f.name)) {
      if (same->type != f.type && plan.field_conflict.empty())
        plan.field_conflict = "field \"" + f.name + "\" exists here with type " + std::string(to_string(same->type));
      target = same->id;
    }
    // Two template fields into one workspace field would overwrite each other's deal values.
    if (!target.empty() && !targets.insert(target).second)
      issues.add(at / f.id, "another field of the template already maps to field \"" + ws.fields.find(target)->name + "\"");
    plan.fields[f.id] = target;
  }
  // Created fields keep their names where free; the others get " (2)"... past every name taken.
  std::set<std::string> taken;
  for (const auto& f : t.fields)
    if (plan.fields[f.id].empty() && !field_named(ws, f.name) && taken.insert(f.name).second) plan.create_names[f.id] = f.name;
  for (const auto& f : t.fields)
    if (plan.fields[f.id].empty() && !plan.create_names.count(f.id))
      taken.insert(plan.create_names[f.id] = unique_field_name(ws, taken, f.name));
}

// Options of choice fields: the map first, else the option itself (added to the field when missing).
void plan_options(const Workspace& ws, const Template& t, const cmd::TemplateImport& c, ImportPlan& plan,
                  Issues& issues) {
  const JsonPath root, map = root / "map";  // a JsonPath points at its parent: no temporaries
  const JsonPath at = map / "options";
  std::map<std::string_view, const FieldDef*> choice_fields;
  for (const auto& tf : t.fields)
    if (tf.type == FieldType::Choice) choice_fields.emplace(tf.id, &tf);
  for (const auto& [field_id, mapping] : c.map.options) {
    auto found = choice_fields.find(field_id);
    const FieldDef* f = found == choice_fields.end() ? nullptr : found->second;
    if (!f) {
      issues.add(at / field_id, "the template has no choice field with this id");
      continue;
    }
    const FieldDef* target = plan.fields[field_id].empty() ? nullptr : ws.fields.find(plan.fields[field_id]);
    const std::vector<std::string>& allowed_list = target && target->type == FieldType::Choice ? target->options : f->options;
    const std::set<std::string_view> own(f->options.begin(), f->options.end());
    const std::set<std::string_view> allowed(allowed_list.begin(), allowed_list.end());
    for (const auto& [from, to] : mapping) {
      if (!own.count(from))
        issues.add(at / field_id / from, "not an option of the template's field \"" + f->name + "\"");
      else if (!to.empty() && !allowed.count(to))
        issues.add(at / field_id / from, "\"" + excerpt(to) + "\" is not an option of field \"" +
                                             (target ? target->name : f->name) + "\"");
    }
  }
  for (const auto& f : t.fields) {
    if (f.type != FieldType::Choice) continue;
    auto& out = plan.options[f.id];
    const auto mapping = c.map.options.find(f.id);
    for (const auto& o : f.options) {
      std::string to = o;
      if (mapping != c.map.options.end())
        if (auto it = mapping->second.find(o); it != mapping->second.end() && !it->second.empty()) to = it->second;
      out[o] = to;
    }
    // The options a reused field ends up with must stay within the limit.
    if (const FieldDef* target = plan.fields[f.id].empty() ? nullptr : ws.fields.find(plan.fields[f.id])) {
      std::set<std::string> all(target->options.begin(), target->options.end());
      for (const auto& [from, to] : out) all.insert(to);
      if (all.size() > kMaxOptions)
        issues.add(root / "template" / "fields", "field \"" + target->name + "\" would have " + std::to_string(all.size()) +
                                                   " options; the limit is " + std::to_string(kMaxOptions));
    }
  }
}

// Replace and merge: template stages reuse target stages of the same name and kind, one to one.
void plan_stages(const Template& t, const Pipeline& target, ImportPlan& plan) {
  std::set<Id> used;
  std::size_t added = 0;
  for (const auto& s : t.pipeline.stages) {
    Id match;
    for (const auto& e : target.stages)
      if (e.name == s.name && e.kind == s.kind && !used.count(e.id)) {
        match = e.id;
        break;
      }
    if (!match.empty()) used.insert(match);
    else ++added;
    plan.stages[s.id] = match;
  }
  if (target.stages.size() + added > 100)
    plan.merge_error = "merging would give pipeline \"" + target.name + "\" " + std::to_string(target.stages.size() + added) +
                       " stages; the limit is 100";
  // Replace: deals in a stage that goes move to the first template stage of the same kind, else the first open one.
  for (const auto& e : target.stages) {
    if (used.count(e.id)) continue;
    const Stage* to = t.pipeline.first_of_kind(e.kind);
    if (!to) to = t.pipeline.first_of_kind(StageKind::Open);
    plan.removed_stages[e.id] = to->id;  // a valid template has an open stage
  }
}

}  // namespace

std::string_view to_string(NameConflict c) { return kConflictNames[static_cast<int>(c)]; }

bool parse_enum(std::string_view s, NameConflict& out) {
  for (std::size_t i = 0; i < std::size(kConflictNames); ++i)
    if (kConflictNames[i] == s) {
      out = static_cast<NameConflict>(i);
      return true;
    }
  return false;
}

const FieldDef* field_named(const Workspace& ws, std::string_view name) {
  for (const auto& f : ws.fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string unique_pipeline_name(const Workspace& ws, const std::string& name) {
  std::set<std::string_view> names;
  for (const auto& p : ws.pipelines) names.insert(p.name);
  std::string out = name;
  for (int n = 2; names.count(out); ++n) out = detail::name_with_suffix(name, " (" + std::to_string(n) + ")");
  return out;
}

bool plan_import(const Workspace& ws, const Template& t, const cmd::TemplateImport& c, ImportPlan& plan,
                 Issues& issues) {
  const JsonPath root;
  const std::size_t before = issues.count();
  if (!c.on_name_conflict.empty() && !parse_enum(c.on_name_conflict, plan.on_conflict))
    issues.add(root / "on_name_conflict", "must be one of rename, replace, merge, got \"" + excerpt(c.on_name_conflict) + "\"");
  const std::string name = c.name.empty() ? t.pipeline.name : c.name;
  for (const auto& p : ws.pipelines)
    if (p.name == name) {
      plan.existing = &p;
      break;
    }
  plan.name = name;
  if (plan.existing) {
    plan_stages(t, *plan.existing, plan);
    if (plan.on_conflict == NameConflict::Rename) plan.name = unique_pipeline_name(ws, name);
    else plan.target = plan.existing;
    if (plan.on_conflict == NameConflict::Merge && !plan.merge_error.empty())
      issues.add(root / "on_name_conflict", plan.merge_error);
  }
  plan_people(ws, t, c, plan, issues);
  plan_fields(ws, t, c, plan, issues);
  plan_options(ws, t, c, plan, issues);
  return issues.count() == before && plan.field_conflict.empty();
}

}  // namespace pb
