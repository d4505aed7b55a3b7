#include "regroup.hpp"

#include "query.hpp"

namespace pb {
namespace {

// Same day of month in the target "YYYY-MM" month, clamped to its length; the 1st when unset.
std::optional<Date> date_in_month(std::string_view month, const std::optional<Date>& current) {
  auto first = parse_date(std::string(month) + "-01");
  if (!first) return std::nullopt;
  if (!current) return first;
  int y;
  unsigned m, d;
  civil_from_days(current->days, y, m, d);
  for (unsigned day = d; day >= 1; --day)
    if (auto date = parse_date(std::string(month) + (day < 10 ? "-0" : "-") + std::to_string(day))) return date;
  return first;
}

json value_or_null(std::string_view key) { return key.empty() ? json(nullptr) : json(std::string(key)); }

// A custom field's column: its value, or none.
Regroup regroup_custom(const Deal& deal, const FieldDef& f, std::string_view target) {
  Regroup r;
  auto update = [&](json set) { r.command = cmd::DealUpdate{deal.id, std::move(set)}; };
  auto it = deal.custom.find(f.id);
  if (target.empty()) {
    if (it != deal.custom.end()) update(json{{"custom", {{f.id, nullptr}}}});
    return r;
  }
  json value;
  if (f.type == FieldType::Text || f.type == FieldType::Choice) {
    value = std::string(target);
  } else if (f.type == FieldType::Number) {
    value = json::parse(target, nullptr, false);
    if (value.is_discarded() || !value.is_number()) {
      r.error = "\"" + std::string(target) + "\" is not a number";
      return r;
    }
  } else if (f.type == FieldType::Date) {
    const std::optional<Date> current =
        it != deal.custom.end() && std::holds_alternative<Date>(it->second) ? std::optional(std::get<Date>(it->second))
                                                                             : std::nullopt;
    auto date = date_in_month(target, current);
    if (!date) {
      r.error = "\"" + std::string(target) + "\" is not a month";
      return r;
    }
    value = format_date(*date);
  } else {
    r.error = "money fields cannot be changed by dragging";
    return r;
  }
  update(json{{"custom", {{f.id, value}}}});
  return r;
}

}  // namespace

bool column_sets_field(std::string_view group_by) {
  const DealFieldInfo* f = find_deal_field(group_by);
  return f && set_by_column(*f);
}

Regroup regroup_command(const Workspace& ws, const Deal& deal, std::string_view group_by, std::string_view target) {
  Regroup r;
  auto key = resolve_field(ws.fields, group_by);
  if (!key) {
    r.error = "unknown field \"" + std::string(group_by) + "\"";
    return r;
  }
  if (key->of == FieldKey::Of::Custom) return regroup_custom(deal, *key->custom, target);
  auto update = [&](json set) { r.command = cmd::DealUpdate{deal.id, std::move(set)}; };
  auto cannot = [&] {
    r.error = "\"" + field_label(ws.fields, group_by) + "\" cannot be changed by dragging";
    return r;
  };
  if (key->of == FieldKey::Of::Currency) return cannot();
  switch (key->field) {
    case DealField::stage:
      if (target != deal.stage) r.command = cmd::DealMove{deal.id, std::string(target), ""};
      if (const Pipeline* p = ws.pipeline_of_stage(target))
        if (const Stage* s = p->stage(target); s && s->kind == StageKind::Lost && deal.status != DealStatus::Lost)
          r.needs_lost_reason = true;
      return r;
    case DealField::status:
      if (target == to_string(deal.status)) return r;
      if (target == "won") r.command = cmd::DealWin{deal.id};
      else if (target == "lost") {
        r.command = cmd::DealLose{deal.id, ""};
        r.needs_lost_reason = true;
      } else r.command = cmd::DealReopen{deal.id, ""};
      return r;
    case DealField::pipeline:
      if (target != deal.pipeline) r.command = cmd::DealsMove{{deal.id}, "", std::string(target), "", {}};
      return r;
    case DealField::expected_close: {
      if (target.empty()) {
        if (deal.expected_close) update(json{{"expected_close", nullptr}});
        return r;
      }
      auto date = date_in_month(target, deal.expected_close);
      if (!date) {
        r.error = "\"" + std::string(target) + "\" is not a month";
        return r;
      }
      if (date != deal.expected_close) update(json{{"expected_close", format_date(*date)}});
      return r;
    }
    default:
      if (!set_by_column(field_info(key->field))) return cannot();
      if (*string_member(deal, key->field) != target) update(json{{std::string(group_by), value_or_null(target)}});
      return r;
  }
}

}  // namespace pb
