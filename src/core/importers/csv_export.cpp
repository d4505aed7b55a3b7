#include "csv_export.hpp"

#include <variant>

#include "csv_presets_internal.hpp"

namespace pb {
namespace {

struct Column {
  std::string_view key, header;
};
// Headers are among the importer's synonyms (csv_presets.cpp), so each maps back to its key.
constexpr Column kColumns[] = {
    {"id", "Id"}, {"title", "Title"}, {"value", "Value"}, {"currency", "Currency"}, {"pipeline", "Pipeline"},
    {"stage", "Stage"}, {"status", "Status"}, {"lost_reason", "Lost reason"}, {"owner", "Owner"},
    {"owner_email", "Owner email"}, {"company", "Company"}, {"contact_name", "Contact"}, {"contact_email", "Email"},
    {"product", "Product"}, {"plan", "Subscription plan"}, {"property", "Property"}, {"source", "Source channel"},
    {"expected_close", "Expected close"}, {"created", "Created"}, {"updated", "Updated"}, {"notes", "Notes"},
};

const Column* builtin(std::string_view key) {
  for (const auto& c : kColumns)
    if (c.key == key) return &c;
  return nullptr;
}

const FieldDef* custom(const Workspace& ws, std::string_view key) {
  if (key.substr(0, 7) == "custom.") key.remove_prefix(7);
  if (const FieldDef* f = ws.fields.find(key)) return f;
  for (std::size_t i = 0; i < ws.fields.size(); ++i)
    if (ws.fields.at(i).name == key) return &ws.fields.at(i);
  return nullptr;
}

// Major units with the currency's decimals, no grouping: "-1234.50", "1500" for JPY.
std::string amount(std::int64_t minor, std::string_view currency) {
  const int exp = currency_exponent(currency);
  std::uint64_t scale = 1;
  for (int i = 0; i < exp; ++i) scale *= 10;
  const std::uint64_t abs = minor < 0 ? 0ULL - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  std::string out = (minor < 0 ? "-" : "") + std::to_string(abs / scale);
  if (exp > 0) {
    std::string frac = std::to_string(abs % scale);
    out += "." + std::string(static_cast<std::size_t>(exp) - frac.size(), '0') + frac;
  }
  return out;
}

bool needs_quotes(std::string_view s) { return s.find_first_of(",\"\r\n") != std::string_view::npos; }

std::string quote(std::string_view s) {
  if (!needs_quotes(s)) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string custom_cell(const FieldDef& f, const Deal& d) {
  auto it = d.custom.find(f.id);
  if (it == d.custom.end()) return "";
  return std::visit(
      [](const auto& v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string>) return csv_cell(v);
        else if constexpr (std::is_same_v<V, double>) return json(v).dump();  // shortest form that reads back
        else if constexpr (std::is_same_v<V, Money>) return amount(v.amount, v.currency) + " " + v.currency;
        else return format_date(v);
      },
      it->second);
}

}  // namespace

std::string csv_cell(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == '\'') ++i;
  const bool risky = i < text.size() && std::string_view("=+-@\t\r").find(text[i]) != std::string_view::npos;
  return quote(risky ? "'" + std::string(text) : std::string(text));
}

std::vector<std::string> default_export_columns(const Workspace& ws) {
  std::vector<std::string> out;
  for (const auto& c : kColumns) out.emplace_back(c.key);
  for (std::size_t i = 0; i < ws.fields.size(); ++i) out.push_back("custom." + ws.fields.at(i).id);
  return out;
}

bool check_export_columns(const Workspace& ws, const std::vector<std::string>& columns, std::string& error) {
  for (const auto& key : columns)
    if (!builtin(key) && !custom(ws, key)) {
      error = "\"" + key + "\" is not a column: use a deal field key or a custom field's id or name";
      return false;
    }
  return true;
}

std::string export_deals_csv(const Workspace& ws, const std::vector<const Deal*>& deals,
                             const std::vector<std::string>& columns) {
  // Each output column: a built-in key or a custom field.
  struct Out {
    std::string_view key;
    const FieldDef* field = nullptr;
  };
  std::vector<Out> cols;
  bool has_currency = false;
  for (const auto& key : columns) has_currency = has_currency || key == "currency";
  std::string out;
  for (const auto& key : columns) {
    if (const Column* c = builtin(key)) {
      cols.push_back({c->key});
      if (c->key == "value" && !has_currency) cols.push_back({"currency"});
    } else if (const FieldDef* f = custom(ws, key)) {
      cols.push_back({"", f});
    }
  }
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i) out += ',';
    out += cols[i].field ? csv_cell(detail::custom_header(cols[i].field->name, to_string(cols[i].field->type)))
                         : quote(builtin(cols[i].key)->header);
  }
  out += "\r\n";
  for (const Deal* d : deals) {
    if (!d) continue;
    const Pipeline* p = ws.pipelines.find(d->pipeline);
    const Stage* s = p ? p->stage(d->stage) : nullptr;
    const Person* owner = ws.people.find(d->owner);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i) out += ',';
      if (cols[i].field) {
        out += custom_cell(*cols[i].field, *d);
        continue;
      }
      const std::string_view k = cols[i].key;
      if (k == "value") out += amount(d->value.amount, d->value.currency);
      else if (k == "currency") out += d->value.currency;
      else if (k == "pipeline") out += csv_cell(p ? p->name : "");
      else if (k == "stage") out += csv_cell(s ? s->name : "");
      else if (k == "status") out += to_string(d->status);
      else if (k == "owner") out += csv_cell(owner ? owner->name : "");
      else if (k == "owner_email") out += csv_cell(owner ? owner->email : "");
      else if (k == "expected_close") out += d->expected_close ? format_date(*d->expected_close) : "";
      else if (k == "created") out += format_timestamp(d->created);
      else if (k == "updated") out += format_timestamp(d->updated);
      else if (const DealFieldInfo* info = find_deal_field(k); info && holds_string(info->type))
        out += csv_cell(*string_member(*d, info->field));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace pb
