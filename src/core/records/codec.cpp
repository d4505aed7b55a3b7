#include "codec.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace pb {
namespace {

// A required key given as null is missing: the optional readers skip nulls, which would leave the
// record without it (a deal with no value, a stage with no name) and unable to load once saved.
bool present(const json& obj, std::string_view key) {
  auto it = obj.find(key);
  return it != obj.end() && !it->is_null();
}

void put_if(json& j, const char* key, const std::string& s) {
  if (!s.empty()) j[key] = s;
}

bool is_color(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (std::size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

}  // namespace

bool is_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) <= ' ') return false;
  const std::string_view domain = s.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

namespace {

template <class E>
bool read_enum(const json& obj, std::string_view key, E& out, const JsonPath& p, Issues& issues, Need need,
               const char* allowed) {
  std::string s;
  if (!read_string(obj, key, s, p, issues, need, 32)) return false;
  if (!parse_enum(s, out)) {
    issues.add(p / key, "must be one of " + std::string(allowed) + ", got \"" + s + "\"");
    return false;
  }
  return true;
}

bool read_name(const json& obj, std::string_view key, std::string& out, const JsonPath& p, Issues& issues, Need need) {
  std::string s;
  if (!read_string(obj, key, s, p, issues, need, kMaxName)) return false;
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
    issues.add(p / key, "must not be empty");
    return false;
  }
  out = std::move(s);
  return true;
}

bool read_id(const json& obj, std::string& out, const JsonPath& p, Issues& issues, Ids ids) {
  std::string s;
  if (!read_string(obj, "id", s, p, issues, ids == Ids::Required ? Need::Required : Need::Optional, 64)) return false;
  if (s.empty()) {
    issues.add(p / "id", "must not be empty");
    return false;
  }
  out = std::move(s);
  return true;
}

bool read_date(const json& obj, std::string_view key, std::optional<Date>& out, const JsonPath& p, Issues& issues) {
  std::string s;
  if (!read_string(obj, key, s, p, issues, Need::Optional, 64)) return false;
  auto d = parse_date(s);
  if (!d) {
    issues.add(p / key, "expected a date like 2026-03-31, got \"" + s + "\" (or a day that does not exist)");
    return false;
  }
  out = d;
  return true;
}

bool read_time(const json& obj, std::string_view key, Timestamp& out, const JsonPath& p, Issues& issues, Need need) {
  std::string s;
  if (!read_string(obj, key, s, p, issues, need, 64)) return false;
  auto t = parse_timestamp(s);
  if (!t) {
    issues.add(p / key, "expected a UTC time like 2026-03-31T09:30:00Z, got \"" + s + "\"");
    return false;
  }
  out = *t;
  return true;
}

}  // namespace

// [SECTION] Writers

json to_json(const Money& m) { return json{{"amount", m.amount}, {"currency", m.currency}}; }

json to_json(const FieldValue& v) {
  return std::visit(
      [](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Money>) return to_json(x);
        else if constexpr (std::is_same_v<T, Date>) return format_date(x);
        else return x;
      },
      v);
}

json to_json(const Stage& s) {
  return json{{"id", s.id},          {"name", s.name},
              {"color", s.color},    {"probability", s.probability},
              {"kind", to_string(s.kind)}, {"rotting_days", s.rotting_days}};
}

json to_json(const Pipeline& p) {
  json j{{"id", p.id}, {"name", p.name}};
  put_if(j, "description", p.description);
  j["currency"] = p.currency;
  json stages = json::array();
  for (const auto& s : p.stages) stages.push_back(to_json(s));
  j["stages"] = std::move(stages);
  return j;
}

json to_json(const Person& p) {
  json j{{"id", p.id}, {"name", p.name}};
  put_if(j, "email", p.email);
  return j;
}

json to_json(const FieldDef& f) {
  json j{{"id", f.id}, {"name", f.name}, {"type", to_string(f.type)}};
  if (f.type == FieldType::Choice) j["options"] = f.options;
  return j;
}

json to_json(const View& v) {
  json j{{"id", v.id}, {"name", v.name}};
  put_if(j, "pipeline", v.pipeline);
  if (!v.filter.is_null()) j["filter"] = v.filter;
  j["group_by"] = v.group_by;
  if (!v.sort.empty()) {
    json sort = json::array();
    for (const auto& k : v.sort) sort.push_back(json{{"field", k.field}, {"desc", k.descending}});
    j["sort"] = std::move(sort);
  }
  if (!v.hidden_stages.empty()) j["hidden_stages"] = v.hidden_stages;
  return j;
}

json to_json(const Deal& d) {
  json j{{"id", d.id}, {"title", d.title}, {"pipeline", d.pipeline}, {"stage", d.stage},
         {"status", to_string(d.status)}};
  j["value"] = to_json(d.value);
  for_each_deal_field([&](auto row) {
    using Row = decltype(row);
    if constexpr (left_out_when_empty(Row::info)) put_if(j, Row::key.data(), Row::of(d));
  });
  if (d.expected_close) j["expected_close"] = format_date(*d.expected_close);
  j["created"] = format_timestamp(d.created);
  j["updated"] = format_timestamp(d.updated);
  if (!d.custom.empty()) {
    json custom = json::object();
    for (const auto& [id, v] : d.custom) custom[id] = to_json(v);
    j["custom"] = std::move(custom);
  }
  json history = json::array();
  for (const auto& h : d.history)
    history.push_back(json{{"pipeline", h.pipeline}, {"stage", h.stage}, {"at", format_timestamp(h.at)}});
  j["history"] = std::move(history);
  return j;
}

// [SECTION] Readers

bool read_money(const json& v, Money& out, const JsonPath& p, Issues& issues) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"amount", "currency"}, p, issues);
  Money m;
  read_int(v, "amount", m.amount, p, issues, Need::Required, -kMaxMoneyMinor, kMaxMoneyMinor);
  if (read_string(v, "currency", m.currency, p, issues, Need::Required, 8) && !is_currency(m.currency))
    issues.add(p / "currency", "is not an ISO 4217 currency code: \"" + m.currency + "\"");
  if (issues.count() != before) return false;
  out = std::move(m);
  return true;
}

bool patch_stage(const json& v, Stage& s, const JsonPath& p, Issues& issues) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"id", "name", "color", "probability", "kind", "rotting_days"}, p, issues);
  read_name(v, "name", s.name, p, issues, Need::Optional);
  std::string color;
  if (read_string(v, "color", color, p, issues, Need::Optional, 16)) {
    if (is_color(color)) s.color = color;
    else issues.add(p / "color", "expected a color like #4f7cff, got \"" + color + "\"");
  }
  read_int(v, "probability", s.probability, p, issues, Need::Optional, 0, 100);
  read_enum(v, "kind", s.kind, p, issues, Need::Optional, "open, won, lost");
  read_int(v, "rotting_days", s.rotting_days, p, issues, Need::Optional, 0, 3650);
  return issues.count() == before;
}

bool read_stage(const json& v, Stage& out, const JsonPath& p, Issues& issues, Ids ids) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  Stage s;
  read_id(v, s.id, p, issues, ids);
  if (!present(v, "name")) issues.add(p / "name", "is required");
  patch_stage(v, s, p, issues);
  if (issues.count() != before) return false;
  out = std::move(s);
  return true;
}

bool patch_pipeline(const json& v, Pipeline& pl, const JsonPath& p, Issues& issues) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"id", "name", "description", "currency", "stages"}, p, issues);
  read_name(v, "name", pl.name, p, issues, Need::Optional);
  read_string(v, "description", pl.description, p, issues, Need::Optional, kMaxText);
  std::string currency;
  if (read_string(v, "currency", currency, p, issues, Need::Optional, 8)) {
    if (is_currency(currency)) pl.currency = currency;
    else issues.add(p / "currency", "is not an ISO 4217 currency code: \"" + currency + "\"");
  }
  return issues.count() == before;
}

bool read_pipeline(const json& v, Pipeline& out, const JsonPath& p, Issues& issues, Ids ids) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  Pipeline pl;
  read_id(v, pl.id, p, issues, ids);
  if (!present(v, "name")) issues.add(p / "name", "is required");
  patch_pipeline(v, pl, p, issues);
  auto stages = v.find("stages");
  if (stages == v.end()) {
    if (ids == Ids::Required) issues.add(p / "stages", "is required");
  } else if (expect_array(*stages, p / "stages", issues)) {
    const JsonPath sp = p / "stages";
    if (stages->empty()) issues.add(sp, "a pipeline needs at least one stage");
    if (stages->size() > 100) issues.add(sp, "a pipeline has at most 100 stages");
    for (std::size_t i = 0; i < stages->size() && i < 100; ++i) {
      Stage s;
      if (read_stage((*stages)[i], s, sp / i, issues, ids)) pl.stages.push_back(std::move(s));
    }
  }
  if (issues.count() != before) return false;
  out = std::move(pl);
  return true;
}

bool patch_person(const json& v, Person& person, const JsonPath& p, Issues& issues) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"id", "name", "email"}, p, issues);
  read_name(v, "name", person.name, p, issues, Need::Optional);
  read_string(v, "email", person.email, p, issues, Need::Optional, 320);
  return issues.count() == before;
}

bool read_person(const json& v, Person& out, const JsonPath& p, Issues& issues, Ids ids) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  Person person;
  read_id(v, person.id, p, issues, ids);
  if (!present(v, "name")) issues.add(p / "name", "is required");
  patch_person(v, person, p, issues);
  if (issues.count() != before) return false;
  out = std::move(person);
  return true;
}

bool read_field(const json& v, FieldDef& out, const JsonPath& p, Issues& issues, Ids ids) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"id", "name", "type", "options"}, p, issues);
  FieldDef f;
  read_id(v, f.id, p, issues, ids);
  read_name(v, "name", f.name, p, issues, Need::Required);
  read_enum(v, "type", f.type, p, issues, Need::Required, "text, number, money, date, choice");
  // Options are deal values, so they share the 200-byte limit of choice values; a set keeps the repeat check linear.
  if (read_string_list(v, "options", f.options, p, issues, Need::Optional, kMaxName, kMaxOptions)) {
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < f.options.size(); ++i) {
      if (f.options[i].empty()) issues.add(p / "options" / i, "must not be empty");
      else if (!seen.insert(f.options[i]).second) issues.add(p / "options" / i, "repeats option \"" + f.options[i] + "\"");
    }
  }
  if (f.type == FieldType::Choice && f.options.empty() && issues.count() == before)
    issues.add(p / "options", "a choice field needs at least one option");
  if (f.type != FieldType::Choice && !f.options.empty())
    issues.add(p / "options", "only choice fields have options");
  if (issues.count() != before) return false;
  out = std::move(f);
  return true;
}

bool read_field_value(const json& v, const FieldDef& def, FieldValue& out, const JsonPath& p, Issues& issues) {
  switch (def.type) {
    case FieldType::Text: {
      std::string s;
      if (!value_string(v, s, p, issues, kMaxText)) return false;
      out = std::move(s);
      return true;
    }
    case FieldType::Choice: {
      std::string s;
      if (!value_string(v, s, p, issues, kMaxName)) return false;
      if (std::find(def.options.begin(), def.options.end(), s) == def.options.end()) {
        issues.add(p, "\"" + s + "\" is not an option of field \"" + def.name + "\"");
        return false;
      }
      out = std::move(s);
      return true;
    }
    case FieldType::Number: {
      if (!v.is_number()) {
        issues.add(p, "expected a number, got " + describe_type(v));
        return false;
      }
      const double d = v.get<double>();
      if (!std::isfinite(d)) {
        issues.add(p, "must be a finite number");
        return false;
      }
      out = d;
      return true;
    }
    case FieldType::Money: {
      Money m;
      if (!read_money(v, m, p, issues)) return false;
      out = std::move(m);
      return true;
    }
    case FieldType::Date: {
      std::string s;
      if (!value_string(v, s, p, issues, 64)) return false;
      auto d = parse_date(s);
      if (!d) {
        issues.add(p, "expected a date like 2026-03-31, got \"" + s + "\" (or a day that does not exist)");
        return false;
      }
      out = *d;
      return true;
    }
  }
  return false;
}

namespace {

bool is_deal_key(std::string_view key) { return find_deal_field(key) != nullptr; }

void read_custom_values(const json& v, Deal& d, const Table<FieldDef>& fields, const JsonPath& p, Issues& issues,
                        bool patch) {
  auto it = v.find("custom");
  if (it == v.end() || !expect_object(*it, p / "custom", issues)) return;
  const JsonPath cp = p / "custom";
  for (auto c = it->begin(); c != it->end(); ++c) {
    const FieldDef* def = fields.find(c.key());
    if (!def) {
      issues.add(cp / c.key(), "no custom field has this id");
      continue;
    }
    if (c->is_null()) {
      if (patch) d.custom.erase(c.key());
      else issues.add(cp / c.key(), "expected a value, got null");
      continue;
    }
    FieldValue fv;
    if (read_field_value(*c, *def, fv, cp / c.key(), issues)) d.custom[c.key()] = std::move(fv);
  }
}

void read_history(const json& v, Deal& d, const JsonPath& p, Issues& issues) {
  auto it = v.find("history");
  if (it == v.end() || !expect_array(*it, p / "history", issues)) return;
  const JsonPath hp = p / "history";
  d.history.clear();
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& h = (*it)[i];
    if (!expect_object(h, hp / i, issues)) continue;
    reject_unknown_keys(h, {"pipeline", "stage", "at"}, hp / i, issues);
    StageVisit visit;
    read_string(h, "pipeline", visit.pipeline, hp / i, issues, Need::Required, kMaxId);
    read_string(h, "stage", visit.stage, hp / i, issues, Need::Required, kMaxId);
    read_time(h, "at", visit.at, hp / i, issues, Need::Required);
    d.history.push_back(std::move(visit));
  }
}

// One field the user edits (kEditable), by its type. In a patch, null clears an optional field.
template <class Row>
void read_editable(Row, const json& v, Deal& d, const Table<FieldDef>& fields, const JsonPath& p, Issues& issues,
                   DealRead mode) {
  const bool patch = mode == DealRead::Patch;
  auto& field = Row::of(d);
  const auto it = v.find(Row::key);
  if constexpr (Row::type == DealType::Title) {
    read_name(v, Row::key, field, p, issues, Need::Optional);
  } else if constexpr (Row::type == DealType::Money) {
    if (it != v.end() && !it->is_null()) read_money(*it, field, p / Row::key, issues);
  } else if constexpr (holds_string(Row::type)) {
    if (it == v.end()) return;
    if (it->is_null() && patch) field.clear();
    else if (read_string(v, Row::key, field, p, issues, Need::Optional, Row::limit) && Row::type == DealType::Email &&
             mode != DealRead::Document && !field.empty() && !is_email(field))
      issues.add(p / Row::key, kNotAnEmail);
  } else if constexpr (Row::type == DealType::Day) {
    if (it == v.end()) return;
    if (it->is_null() && patch) field.reset();
    else read_date(v, Row::key, field, p, issues);
  } else if constexpr (Row::type == DealType::Custom) {
    read_custom_values(v, d, fields, p, issues, patch);
  } else {
    static_assert(Row::type != Row::type, "no reader for this type of editable field");
  }
}

}  // namespace

// reader/deal_text.cpp repeats the Document-mode checks for the load fast path: keep the two in step.
bool read_deal(const json& v, Deal& out, const Table<FieldDef>& fields, const JsonPath& p, Issues& issues,
               DealRead mode) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  const bool document = mode == DealRead::Document;
  const bool patch = mode == DealRead::Patch;
  reject_unknown_keys(v, is_deal_key, p, issues);
  if (patch) {
    // The keys that have commands of their own are known, so they get the message naming those commands.
    for (const DealFieldInfo& f : kDealFields)
      if (!f.has(kEditable) && v.contains(f.key))
        issues.add(p / f.key, "cannot be edited directly; use the deal.move, deal.win, deal.lose or deal.reopen commands");
  }
  Deal d = out;
  if (!patch) {
    read_id(v, d.id, p, issues, document ? Ids::Required : Ids::Optional);
    read_string(v, "pipeline", d.pipeline, p, issues, Need::Required, kMaxId);
    read_string(v, "stage", d.stage, p, issues, document ? Need::Required : Need::Optional, kMaxId);
    read_enum(v, "status", d.status, p, issues, Need::Optional, "open, won, lost");
    for_each_deal_field([&](auto row) {  // text the commands set (lost_reason)
      using Row = decltype(row);
      if constexpr (is_text(Row::type) && !Row::has(kEditable))
        read_string(v, Row::key, Row::of(d), p, issues, Need::Optional, Row::limit);
    });
    read_time(v, "created", d.created, p, issues, document ? Need::Required : Need::Optional);
    read_time(v, "updated", d.updated, p, issues, document ? Need::Required : Need::Optional);
    if (!present(v, "title")) issues.add(p / "title", "is required");
    if (document && !present(v, "value")) issues.add(p / "value", "is required");
  }
  for_each_deal_field([&](auto row) {
    if constexpr (decltype(row)::has(kEditable)) read_editable(row, v, d, fields, p, issues, mode);
  });
  if (!patch) read_history(v, d, p, issues);
  if (issues.count() != before) return false;
  out = std::move(d);
  return true;
}

}  // namespace pb

namespace pb {

bool patch_view(const json& v, View& view, const JsonPath& p, Issues& issues) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"id", "name", "pipeline", "filter", "group_by", "sort", "hidden_stages"}, p, issues);
  read_name(v, "name", view.name, p, issues, Need::Optional);
  if (auto it = v.find("pipeline"); it != v.end()) {
    if (it->is_null()) view.pipeline.clear();
    else read_string(v, "pipeline", view.pipeline, p, issues, Need::Optional, 64);
  }
  if (auto it = v.find("filter"); it != v.end()) {
    if (it->is_null() || it->is_object()) view.filter = *it;
    else issues.add(p / "filter", "expected a filter object or null, got " + describe_type(*it));
  }
  read_string(v, "group_by", view.group_by, p, issues, Need::Optional, 100);
  if (auto it = v.find("sort"); it != v.end() && expect_array(*it, p / "sort", issues)) {
    std::vector<SortKey> sort;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& k = (*it)[i];
      const JsonPath sp = p / "sort", kp = sp / i;  // a JsonPath points at its parent: no temporaries
      if (!expect_object(k, kp, issues)) continue;
      reject_unknown_keys(k, {"field", "desc"}, kp, issues);
      SortKey key;
      read_string(k, "field", key.field, kp, issues, Need::Required, 100);
      read_bool(k, "desc", key.descending, kp, issues);
      sort.push_back(std::move(key));
    }
    view.sort = std::move(sort);
  }
  read_string_list(v, "hidden_stages", view.hidden_stages, p, issues);
  return issues.count() == before;
}

bool read_view(const json& v, View& out, const JsonPath& p, Issues& issues, Ids ids) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  View view;
  read_id(v, view.id, p, issues, ids);
  if (!present(v, "name")) issues.add(p / "name", "is required");
  patch_view(v, view, p, issues);
  if (issues.count() != before) return false;
  out = std::move(view);
  return true;
}

}  // namespace pb
