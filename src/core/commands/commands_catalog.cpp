// Custom fields, people and saved views.
#include <algorithm>

#include "commands_internal.hpp"
#include "query.hpp"

namespace pb::detail {
namespace {

// Whether a view mentions "custom.<id>" in its grouping, sort or filter.
bool view_uses_field(const View& v, const std::string& key) {
  if (v.group_by == key) return true;
  for (const auto& s : v.sort)
    if (s.field == key) return true;
  return v.filter.dump().find("\"" + key + "\"") != std::string::npos;
}

std::string check_view_in(const Tx& tx, const View& v, const JsonPath& p) {
  Issues issues;
  check_view(tx.ws(), v, p, issues);
  return issues.summary();
}

}  // namespace

// [SECTION] Fields

std::string apply(const cmd::FieldCreate& c, Tx& tx) {
  Issues issues;
  FieldDef f;
  if (!read_field(c.field, f, JsonPath() / "field", issues, Ids::Optional)) return issues.summary();
  if (!f.id.empty() && tx.ws().fields.contains(f.id)) return "/field/id: a field with id " + in_quotes(f.id) + " exists";
  for (const auto& other : tx.ws().fields)
    if (other.name == f.name) return "/field/name: a field named " + in_quotes(f.name) + " exists";
  if (tx.ws().fields.size() >= 1000) return "a workspace has at most 1000 custom fields";
  if (f.id.empty()) f.id = tx.new_id("field");
  tx.put(std::move(f));
  return "";
}

std::string apply(const cmd::FieldUpdate& c, Tx& tx) {
  const FieldDef* found = tx.ws().fields.find(c.field);
  if (!found) return "no custom field has id " + in_quotes(c.field);
  FieldDef f = *found;
  json patch{{"id", f.id}, {"name", c.name.value_or(f.name)}, {"type", to_string(f.type)}};
  std::vector<std::string> options = c.options.value_or(f.options);
  if (c.options && f.type != FieldType::Choice) return "/options: only choice fields have options";
  // Renamed options take their new name in the option list too, unless the list was given.
  for (const auto& [from, to] : c.rename_options) {
    if (std::find(f.options.begin(), f.options.end(), from) == f.options.end())
      return "/rename_options/" + from + ": not an option of field " + in_quotes(f.name);
    if (!c.options) std::replace(options.begin(), options.end(), from, to);
  }
  if (f.type == FieldType::Choice) patch["options"] = options;
  Issues issues;
  if (!read_field(patch, f, JsonPath(), issues, Ids::Required)) return issues.summary();
  for (const auto& other : tx.ws().fields)
    if (other.id != f.id && other.name == f.name) return "/name: a field named " + in_quotes(f.name) + " exists";
  // Deals follow renames; an option still in use cannot silently disappear.
  std::vector<Deal> changed;
  for (const auto& d : tx.ws().deals) {
    auto it = d.custom.find(f.id);
    if (it == d.custom.end() || f.type != FieldType::Choice) continue;
    const std::string& value = std::get<std::string>(it->second);
    std::string next = value;
    if (auto r = c.rename_options.find(value); r != c.rename_options.end()) next = r->second;
    if (std::find(f.options.begin(), f.options.end(), next) == f.options.end())
      return "/options: option " + in_quotes(value) + " is used by deal " + in_quotes(d.title) +
             "; rename it with rename_options or change those deals first";
    if (next != value) {
      Deal copy = d;
      copy.custom[f.id] = next;
      copy.updated = edit_time(tx, copy);
      changed.push_back(std::move(copy));
    }
  }
  tx.put(std::move(f));
  for (auto& d : changed) tx.put(std::move(d));
  return "";
}

std::string apply(const cmd::FieldDelete& c, Tx& tx) {
  const FieldDef* found = tx.ws().fields.find(c.field);
  if (!found) return "no custom field has id " + in_quotes(c.field);
  const std::string key = "custom." + found->id;
  for (const auto& v : tx.ws().views)
    if (view_uses_field(v, key))
      return "field " + in_quotes(found->name) + " is used by view " + in_quotes(v.name) + "; change or delete that view first";
  std::vector<Deal> changed;
  for (const auto& d : tx.ws().deals)
    if (d.custom.count(found->id)) {
      Deal copy = d;
      copy.custom.erase(found->id);
      changed.push_back(std::move(copy));
    }
  for (auto& d : changed) tx.put(std::move(d));  // undo brings the values back
  tx.erase<FieldDef>(c.field);
  return "";
}

// [SECTION] People

std::string apply(const cmd::PersonCreate& c, Tx& tx) {
  Issues issues;
  Person p;
  if (!read_person(c.person, p, JsonPath() / "person", issues, Ids::Optional)) return issues.summary();
  if (!p.email.empty() && !is_email(p.email)) return std::string("/person/email: ") + kNotAnEmail;
  if (!p.id.empty() && tx.ws().people.contains(p.id)) return "/person/id: a person with id " + in_quotes(p.id) + " exists";
  if (p.id.empty()) p.id = tx.new_id("person");
  tx.put(std::move(p));
  return "";
}

std::string apply(const cmd::PersonUpdate& c, Tx& tx) {
  const Person* found = tx.ws().people.find(c.person);
  if (!found) return "no person has id " + in_quotes(c.person);
  if (c.set.contains("id")) return "/set/id: person ids cannot change";
  Person p = *found;
  Issues issues;
  if (!patch_person(c.set, p, JsonPath() / "set", issues)) return issues.summary();
  if (c.set.contains("email") && !p.email.empty() && !is_email(p.email)) return std::string("/set/email: ") + kNotAnEmail;
  tx.put(std::move(p));
  return "";
}

std::string apply(const cmd::PersonDelete& c, Tx& tx) {
  const Person* found = tx.ws().people.find(c.person);
  if (!found) return "no person has id " + in_quotes(c.person);
  if (!c.reassign_to.empty() && (c.reassign_to == c.person || !tx.ws().people.contains(c.reassign_to)))
    return "/reassign_to: pick another existing person";
  std::vector<Deal> owned;
  for (const auto& d : tx.ws().deals)
    if (d.owner == c.person) owned.push_back(d);
  if (!owned.empty() && c.reassign_to.empty() && !c.unassign)
    return in_quotes(found->name) + " owns " + std::to_string(owned.size()) +
           " deals: give reassign_to, or unassign: true to leave them without an owner";
  for (auto& d : owned) {
    d.owner = c.reassign_to;
    d.updated = edit_time(tx, d);
    tx.put(std::move(d));
  }
  tx.erase<Person>(c.person);
  return "";
}

// [SECTION] Views

std::string apply(const cmd::ViewCreate& c, Tx& tx) {
  Issues issues;
  View v;
  if (!read_view(c.view, v, JsonPath() / "view", issues, Ids::Optional)) return issues.summary();
  if (!v.id.empty() && tx.ws().views.contains(v.id)) return "/view/id: a view with id " + in_quotes(v.id) + " exists";
  if (std::string e = check_view_in(tx, v, JsonPath() / "view"); !e.empty()) return e;
  if (v.id.empty()) v.id = tx.new_id("view");
  tx.put(std::move(v));
  return "";
}

std::string apply(const cmd::ViewUpdate& c, Tx& tx) {
  const View* found = tx.ws().views.find(c.view);
  if (!found) return "no view has id " + in_quotes(c.view);
  if (c.set.contains("id")) return "/set/id: view ids cannot change";
  View v = *found;
  Issues issues;
  if (!patch_view(c.set, v, JsonPath() / "set", issues)) return issues.summary();
  if (std::string e = check_view_in(tx, v, JsonPath() / "set"); !e.empty()) return e;
  tx.put(std::move(v));
  return "";
}

std::string apply(const cmd::ViewDelete& c, Tx& tx) {
  if (!tx.ws().views.contains(c.view)) return "no view has id " + in_quotes(c.view);
  tx.erase<View>(c.view);
  return "";
}

}  // namespace pb::detail
