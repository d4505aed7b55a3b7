#include "documents.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "codec.hpp"
#include "deal_text.hpp"
#include "validate.hpp"

namespace pb {
namespace {

template <class T>
json array_of(const Table<T>& table) {
  json a = json::array();
  for (const auto& r : table) a.push_back(to_json(r));
  return a;
}

template <class T>
json array_of(const std::vector<T>& list) {
  json a = json::array();
  for (const auto& r : list) a.push_back(to_json(r));
  return a;
}

// Reads doc[key] as an array of records into `table`, reporting duplicate ids.
template <class T, class ReadFn>
void read_table(const json& doc, std::string_view key, Table<T>& table, Issues& issues, std::size_t max,
                ReadFn read) {
  const JsonPath root;  // a JsonPath points at its parent: the root must outlive p
  const JsonPath p = root / key;
  auto it = doc.find(key);
  if (it == doc.end()) return;  // every table is optional
  if (!expect_array(*it, p, issues)) return;
  if (it->size() > max) {
    issues.add(p, "has " + std::to_string(it->size()) + " entries; the limit is " + std::to_string(max));
    return;
  }
  table.reserve(it->size());
  for (std::size_t i = 0; i < it->size(); ++i) {
    T record;
    if (!read((*it)[i], record, p / i)) continue;
    if (table.contains(record.id)) {
      issues.add(p / i / "id", "repeats id \"" + record.id + "\"");
      continue;
    }
    table.insert(table.size(), std::make_shared<const T>(std::move(record)));
  }
}

}  // namespace

// [SECTION] Workspace

namespace {
// The document with "deals": [].
json workspace_without_deals(const Workspace& ws) {
  return json{{"format", kWorkspaceFormat}, {"version", kWorkspaceVersion}, {"pipelines", array_of(ws.pipelines)},
              {"people", array_of(ws.people)}, {"fields", array_of(ws.fields)}, {"views", array_of(ws.views)},
              {"deals", json::array()}};
}
}  // namespace

json workspace_to_json(const Workspace& ws) {
  json j = workspace_without_deals(ws);
  j["deals"] = array_of(ws.deals);
  return j;
}

std::string save_workspace(const Workspace& ws, int indent) {
  // The deals, nearly all of a big document, are written straight to text (reader/deal_text.cpp) into
  // the dump of the rest; "deals" sorts first, so its "[]" sits right after the opening key.
  const std::string rest = workspace_without_deals(ws).dump(indent);
  const std::string head = indent < 0 ? "{\"deals\":" : "{\n" + std::string(static_cast<std::size_t>(indent), ' ') + "\"deals\": ";
  if (rest.compare(0, head.size(), head) == 0 && rest.compare(head.size(), 2, "[]") == 0) {
    std::string out;
    out.reserve(rest.size() + ws.deals.size() * (indent < 0 ? 700 : 1100));
    out.append(rest, 0, head.size());
    if (detail::write_deals_json(ws.deals, indent, indent < 0 ? 0 : indent, out)) {
      out.append(rest, head.size() + 2);
      return out;
    }
  }
  return workspace_to_json(ws).dump(indent);  // strings that are not UTF-8: nlohmann's dump reports them
}

bool read_workspace(json doc, Workspace& out, Issues& issues) {
  if (!migrate_document(doc, kWorkspaceFormat, kWorkspaceVersion, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(doc, {"format", "version", "pipelines", "people", "fields", "views", "deals"}, JsonPath(), issues);
  Workspace ws;
  read_table(doc, "pipelines", ws.pipelines, issues, 10'000,
             [&](const json& v, Pipeline& r, const JsonPath& p) { return read_pipeline(v, r, p, issues, Ids::Required); });
  read_table(doc, "people", ws.people, issues, 100'000,
             [&](const json& v, Person& r, const JsonPath& p) { return read_person(v, r, p, issues, Ids::Required); });
  read_table(doc, "fields", ws.fields, issues, 1'000,
             [&](const json& v, FieldDef& r, const JsonPath& p) { return read_field(v, r, p, issues, Ids::Required); });
  read_table(doc, "views", ws.views, issues, 10'000,
             [&](const json& v, View& r, const JsonPath& p) { return read_view(v, r, p, issues, Ids::Required); });
  read_table(doc, "deals", ws.deals, issues, kMaxDeals, [&](const json& v, Deal& r, const JsonPath& p) {
    return read_deal(v, r, ws.fields, p, issues, DealRead::Document);
  });
  if (issues.count() != before) return false;
  check_workspace(ws, issues);
  if (issues.count() != before) return false;
  out = std::move(ws);
  return true;
}

namespace {
// Whether the text might hold more values than parse_json takes (ParseLimits::max_values, counted
// as commas and opening brackets outside strings), which the DOM path refuses but the DOM reading
// the text around "deals" would not see. Counting would cost a pass over the text: a bound from
// the deals' shape is enough, as only documents with very many custom values come near it.
bool might_hold_too_many_values(std::string_view text, const detail::ScannedDeals& scanned) {
  const std::size_t limit = ParseLimits{}.max_values;
  if (text.size() <= limit) return false;  // each of them is a byte
  std::size_t most = text.size() - (scanned.end - scanned.begin) + 1;  // the bytes around the array, its '['
  // Per deal: its '{', 20 commas between its 21 keys at most, the comma after it, 2 in "value", 1 per
  // "history" plus 4 per visit; "custom" 1 plus at most 1 per 6 bytes (a member takes 6 with its
  // comma, a money value 34 for its 3).
  for (const detail::ScannedDeal& d : scanned.deals)
    most += 25 + 4 * d.deal->history.size() + 1 + (d.custom_end - d.custom_begin) / 6;
  return most > limit;
}
}  // namespace

namespace detail {
// A valid current-version workspace without a DOM for its deals: the deal scanner reads the
// "deals" array, and everything else (small) goes through the DOM and read_workspace as the same
// text with "deals": []. False, leaving `out` alone, on anything the scanner does not take or any
// issue: the DOM path then does the work, with its messages.
bool load_workspace_fast(std::string_view text, Workspace& out) {
  if (text.size() > kMaxWorkspaceBytes) return false;
  detail::ScannedDeals scanned;
  if (!detail::scan_document_deals(text, kMaxDeals, scanned) || might_hold_too_many_values(text, scanned)) return false;
  std::string rest;
  rest.reserve(text.size() - (scanned.end - scanned.begin) + 2);
  rest.append(text.substr(0, scanned.begin)).append("[]").append(text.substr(scanned.end));
  json doc;
  std::string error;
  if (!parse_json(rest, doc, error, ParseLimits{kMaxWorkspaceBytes, 64})) return false;
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() != kWorkspaceVersion)
    return false;  // older versions need their migrations, which the DOM path runs
  Workspace ws;
  Issues issues;
  if (!read_workspace(std::move(doc), ws, issues) || !ws.deals.empty()) return false;

  ws.deals.reserve(scanned.deals.size());
  const JsonPath root;  // paths point at their parents: each must outlive its children
  const JsonPath deals_path = root / "deals";
  for (std::size_t i = 0; i < scanned.deals.size(); ++i) {
    detail::ScannedDeal& sd = scanned.deals[i];
    if (!detail::read_scanned_custom(text, ws.fields, sd)) return false;
    check_deal(ws, *sd.deal, deals_path / i, issues);
    if (!issues.ok()) return false;
    const std::size_t before = ws.deals.size();
    ws.deals.insert(before, std::move(sd.deal));
    if (ws.deals.size() == before) return false;  // a repeated id
  }
  out = std::move(ws);
  return true;
}
}  // namespace detail

bool load_workspace(std::string_view text, Workspace& out, Issues& issues, ReadPath path) {
  // Valid current documents are read without a DOM for their deals; anything else, including every
  // document with an issue to report, goes the DOM way below.
  if (path == ReadPath::Fast && detail::load_workspace_fast(text, out)) return true;
  json doc;
  std::string error;
  if (!parse_json(text, doc, error, ParseLimits{kMaxWorkspaceBytes, 64})) {
    issues.add(JsonPath(), error);
    return false;
  }
  return read_workspace(std::move(doc), out, issues);
}

// [SECTION] Template

json template_to_json(const Template& t) {
  json j{{"format", kTemplateFormat}, {"version", kTemplateVersion}, {"name", t.name}};
  if (!t.description.empty()) j["description"] = t.description;
  j["pipeline"] = to_json(t.pipeline);
  j["fields"] = array_of(t.fields);
  j["people"] = array_of(t.people);
  j["views"] = array_of(t.views);
  j["deals"] = array_of(t.deals);
  return j;
}

bool read_template(json doc, Template& out, Issues& issues) {
  if (!migrate_document(doc, kTemplateFormat, kTemplateVersion, issues)) return false;
  const JsonPath root;
  const std::size_t before = issues.count();
  reject_unknown_keys(doc, {"format", "version", "name", "description", "pipeline", "fields", "people", "views", "deals"},
                      root, issues);
  Template t;
  read_string(doc, "name", t.name, root, issues, Need::Required, kMaxName);
  read_string(doc, "description", t.description, root, issues, Need::Optional, kMaxText);
  // Read into a scratch workspace so the same cross-record checks apply.
  Workspace ws;
  if (auto p = doc.find("pipeline"); p == doc.end()) {
    issues.add(root / "pipeline", "is required");
  } else if (Pipeline pl; read_pipeline(*p, pl, root / "pipeline", issues, Ids::Required)) {
    check_pipeline(ws, pl, root / "pipeline", issues);
    ws.pipelines.insert(0, std::make_shared<const Pipeline>(pl));
  }
  read_table(doc, "fields", ws.fields, issues, 1'000,
             [&](const json& v, FieldDef& r, const JsonPath& p) { return read_field(v, r, p, issues, Ids::Required); });
  read_table(doc, "people", ws.people, issues, 10'000,
             [&](const json& v, Person& r, const JsonPath& p) { return read_person(v, r, p, issues, Ids::Required); });
  read_table(doc, "views", ws.views, issues, 1'000,
             [&](const json& v, View& r, const JsonPath& p) { return read_view(v, r, p, issues, Ids::Required); });
  read_table(doc, "deals", ws.deals, issues, 100'000, [&](const json& v, Deal& r, const JsonPath& p) {
    return read_deal(v, r, ws.fields, p, issues, DealRead::Document);
  });
  if (issues.count() != before) return false;
  for (std::size_t i = 0; i < ws.views.size(); ++i) {
    const View& v = ws.views.at(i);
    if (!v.pipeline.empty() && v.pipeline != ws.pipelines.at(0).id)
      issues.add(root / "views" / i / "pipeline", "must be the template's pipeline or empty");
    check_view(ws, v, root / "views" / i, issues);
  }
  for (std::size_t i = 0; i < ws.deals.size(); ++i) check_deal(ws, ws.deals.at(i), root / "deals" / i, issues);
  if (issues.count() != before) return false;
  t.pipeline = ws.pipelines.at(0);
  for (const auto& f : ws.fields) t.fields.push_back(f);
  for (const auto& p : ws.people) t.people.push_back(p);
  for (const auto& v : ws.views) t.views.push_back(v);
  for (const auto& d : ws.deals) t.deals.push_back(d);
  out = std::move(t);
  return true;
}

bool load_template(std::string_view text, Template& out, Issues& issues) {
  json doc;
  std::string error;
  if (!parse_json(text, doc, error, ParseLimits{kMaxTemplateBytes, 64})) {
    issues.add(JsonPath(), error);
    return false;
  }
  return read_template(std::move(doc), out, issues);
}

Template make_template(const Workspace& ws, std::string_view pipeline_id, bool include_deals) {
  Template t;
  const Pipeline* p = ws.pipelines.find(pipeline_id);
  if (!p) return t;
  t.name = p->name;
  t.description = p->description;
  t.pipeline = *p;
  for (const auto& v : ws.views)
    if (v.pipeline == p->id) t.views.push_back(v);
  std::set<std::string> owners;
  if (include_deals)
    for (const auto& d : ws.deals)
      if (d.pipeline == p->id) {
        t.deals.push_back(d);
        if (!d.owner.empty()) owners.insert(d.owner);
      }
  // Every custom field travels: views or deals may use any of them, and they are few.
  for (const auto& f : ws.fields) t.fields.push_back(f);
  for (const auto& person : ws.people)
    if (owners.count(person.id)) t.people.push_back(person);
  // Deals may have visited other pipelines; keep only this pipeline's history in the template.
  for (auto& d : t.deals) {
    std::erase_if(d.history, [&](const StageVisit& v) { return v.pipeline != p->id; });
  }
  return t;
}

// [SECTION] Either document

std::string_view to_string(DocumentKind k) {
  switch (k) {
    case DocumentKind::Workspace: return "workspace";
    case DocumentKind::Template: return "template";
    default: return "unknown";
  }
}

DocumentKind document_kind(const json& doc) {
  if (!doc.is_object()) return DocumentKind::Unknown;
  auto f = doc.find("format");
  if (f == doc.end() || !f->is_string()) return DocumentKind::Unknown;
  if (*f == kWorkspaceFormat) return DocumentKind::Workspace;
  if (*f == kTemplateFormat) return DocumentKind::Template;
  return DocumentKind::Unknown;
}

bool load_document(std::string_view text, Document& out, Issues& issues, json* parsed, ReadPath path) {
  const JsonPath root;
  if (path == ReadPath::Fast && detail::load_workspace_fast(text, out.workspace)) {
    out.kind = DocumentKind::Workspace;
    out.version = kWorkspaceVersion;
    return true;
  }
  if (text.size() > kMaxWorkspaceBytes) {  // the kind is unknown until parsed: name both limits
    issues.add(root, "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(kMaxWorkspaceBytes >> 20) + " MB for workspaces, " +
                         std::to_string(kMaxTemplateBytes >> 20) + " MB for templates");
    return false;
  }
  json doc;
  std::string error;
  if (!parse_json(text, doc, error, ParseLimits{kMaxWorkspaceBytes, 64})) {
    issues.add(root, error);
    return false;
  }
  out.kind = document_kind(doc);
  if (auto v = doc.is_object() ? doc.find("version") : doc.end(); v != doc.end() && v->is_number_integer())
    out.version = static_cast<int>(std::clamp<std::int64_t>(v->get<std::int64_t>(), 0, 1'000'000));
  if (out.kind == DocumentKind::Workspace) return read_workspace(std::move(doc), out.workspace, issues);
  if (out.kind == DocumentKind::Template) {
    // Within the template limit too: parse_json reports the size before looking at the text.
    if (text.size() > kMaxTemplateBytes && !parse_json(text, doc, error, ParseLimits{kMaxTemplateBytes, 64})) {
      issues.add(root, error);
      return false;
    }
    if (parsed) *parsed = doc;
    return read_template(std::move(doc), out.templ, issues);
  }
  if (!doc.is_object()) issues.add(root, "expected a JSON object, got " + describe_type(doc));
  else if (auto f = doc.find("format"); f == doc.end() || !f->is_string())
    issues.add(root / "format", "is required and must be \"pipeboard.workspace\" or \"pipeboard.template\"");
  else
    issues.add(root / "format", "expected \"pipeboard.workspace\" or \"pipeboard.template\", got \"" +
                                    excerpt(f->get<std::string>()) + "\"");
  return false;
}

Workspace workspace_of(const Template& t) {
  Workspace ws;
  ws.pipelines.insert(0, std::make_shared<const Pipeline>(t.pipeline));
  for (const auto& f : t.fields) ws.fields.insert(ws.fields.size(), std::make_shared<const FieldDef>(f));
  for (const auto& p : t.people) ws.people.insert(ws.people.size(), std::make_shared<const Person>(p));
  for (const auto& v : t.views) ws.views.insert(ws.views.size(), std::make_shared<const View>(v));
  for (const auto& d : t.deals) ws.deals.insert(ws.deals.size(), std::make_shared<const Deal>(d));
  return ws;
}

}  // namespace pb
