// The built-in template gallery (assets/templates): every listed file loads cleanly, round-trips,
// and imports into a workspace as one undoable change.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "query.hpp"
#include "test_helpers.hpp"
#include "validate.hpp"

using namespace pb;
using namespace pb::test;

namespace {

const std::string kDir = "assets/templates";

struct GalleryEntry {
  std::string file, name, description, category;
};

std::string string_at(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json parse_file(const std::string& relative) {
  const std::string text = read_file(relative);
  json doc;
  std::string error;
  INFO(relative);
  INFO(error);
  CHECK_FALSE(text.empty());
  CHECK(parse_json(text, doc, error));
  return doc;
}

std::vector<GalleryEntry> read_gallery() {
  const json index = parse_file(kDir + "/index.json");
  std::vector<GalleryEntry> out;
  REQUIRE(index.is_object());
  auto list = index.find("templates");
  REQUIRE(list != index.end());
  REQUIRE(list->is_array());
  for (const json& e : *list) {
    REQUIRE(e.is_object());
    out.push_back(GalleryEntry{string_at(e, "file"), string_at(e, "name"), string_at(e, "description"),
                               string_at(e, "category")});
  }
  return out;
}

bool load(const std::string& file, Template& t) {
  Issues issues;
  const bool ok = load_template(read_file(kDir + "/" + file), t, issues);
  INFO(file);
  INFO(issues.summary());
  CHECK(ok);
  CHECK(issues.ok());
  return ok;
}

// What a query shows, independent of record ids: totals and (label, deal count) of non-empty groups.
struct Shown {
  std::size_t count = 0;
  MoneyTotals value, weighted;
  std::vector<std::pair<std::string, std::size_t>> groups;
  bool operator==(const Shown&) const = default;
};

Shown shown(const Workspace& ws, const View& v) {
  QueryResult r = run_query(ws, query_of(v));
  INFO(v.name);
  CHECK(r.error.empty());
  Shown s{r.totals.count, r.totals.value, r.totals.weighted, {}};
  for (const auto& g : r.groups)
    if (!g.deals.empty()) s.groups.emplace_back(g.label, g.deals.size());
  std::sort(s.groups.begin(), s.groups.end());
  return s;
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

template <class T>
std::set<std::string> ids_of(const Table<T>& table) {
  std::set<std::string> ids;
  for (const auto& r : table) ids.insert(r.id);
  return ids;
}

// Imports one template into `s` and checks the new records against it; returns the new pipeline id.
std::string import_and_check(Session& s, const std::string& file) {
  INFO(file);
  Template t;
  REQUIRE(load(file, t));
  const Workspace before = s.workspace();
  ok(s, {{"type", "template.import"}, {"template", parse_file(kDir + "/" + file)}});
  const Workspace& ws = s.workspace();
  {
    Issues issues;
    check_workspace(ws, issues);
    INFO(issues.summary());
    CHECK(issues.ok());
  }

  // One new pipeline, with the template's stages in order.
  std::vector<const Pipeline*> added;
  for (const auto& p : ws.pipelines)
    if (!before.pipelines.contains(p.id)) added.push_back(&p);
  REQUIRE(added.size() == 1);
  const Pipeline& p = *added[0];
  CHECK(p.name.rfind(t.pipeline.name, 0) == 0);  // "Sales" may become "Sales (2)"
  CHECK(p.description == t.pipeline.description);
  CHECK(p.currency == t.pipeline.currency);
  REQUIRE(p.stages.size() == t.pipeline.stages.size());
  std::map<std::string, std::string> ids;  // template id -> workspace id
  ids[t.pipeline.id] = p.id;
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const Stage& got = p.stages[i];
    const Stage& want = t.pipeline.stages[i];
    CHECK(got.name == want.name);
    CHECK(got.color == want.color);
    CHECK(got.probability == want.probability);
    CHECK(got.kind == want.kind);
    CHECK(got.rotting_days == want.rotting_days);
    CHECK(before.pipeline_of_stage(got.id) == nullptr);
    ids[want.id] = got.id;
  }

  // Fields: new ones, or existing ones of the same name and type (with the template's options merged in).
  std::size_t new_fields = 0;
  for (const auto& f : t.fields) {
    const FieldDef* got = nullptr;
    for (const auto& existing : ws.fields)
      if (existing.name == f.name) got = &existing;
    REQUIRE_MESSAGE(got, f.name);
    CHECK(got->type == f.type);
    for (const auto& o : f.options) CHECK(std::count(got->options.begin(), got->options.end(), o) == 1);
    if (!before.fields.contains(got->id)) ++new_fields;
    ids[f.id] = got->id;
  }
  CHECK(ws.fields.size() == before.fields.size() + new_fields);

  for (const auto& person : t.people) {
    const Person* got = nullptr;
    for (const auto& existing : ws.people)
      if (existing.name == person.name) got = &existing;
    REQUIRE_MESSAGE(got, person.name);
    ids[person.id] = got->id;
  }
  auto id_of = [&](const std::string& template_id) {
    auto it = ids.find(template_id);
    return it == ids.end() ? template_id : it->second;
  };
  auto key_of = [&](const std::string& key) { return key.rfind("custom.", 0) == 0 ? "custom." + id_of(key.substr(7)) : key; };

  // Views, in order, pointing at the new pipeline, stages and fields.
  std::vector<const View*> views;
  for (const auto& v : ws.views)
    if (!before.views.contains(v.id)) views.push_back(&v);
  REQUIRE(views.size() == t.views.size());
  const Workspace scratch = workspace_of(t);
  for (std::size_t i = 0; i < views.size(); ++i) {
    const View& got = *views[i];
    const View& want = t.views[i];
    INFO(want.name);
    CHECK(got.name == want.name);
    CHECK(got.pipeline == (want.pipeline.empty() ? "" : p.id));
    CHECK(got.group_by == key_of(want.group_by));
    REQUIRE(got.sort.size() == want.sort.size());
    for (std::size_t k = 0; k < got.sort.size(); ++k) {
      CHECK(got.sort[k].field == key_of(want.sort[k].field));
      CHECK(got.sort[k].descending == want.sort[k].descending);
    }
    REQUIRE(got.hidden_stages.size() == want.hidden_stages.size());
    for (std::size_t k = 0; k < got.hidden_stages.size(); ++k) CHECK(got.hidden_stages[k] == id_of(want.hidden_stages[k]));
    // The remapped filter selects the same sample deals as the template's own.
    if (!want.pipeline.empty()) CHECK(shown(ws, got) == shown(scratch, want));
  }

  // Sample deals, in order, with stages, owners, custom fields and history remapped.
  std::vector<const Deal*> deals;
  for (const auto& d : ws.deals)
    if (!before.deals.contains(d.id)) deals.push_back(&d);
  REQUIRE(deals.size() == t.deals.size());
  for (std::size_t i = 0; i < deals.size(); ++i) {
    const Deal& got = *deals[i];
    const Deal& want = t.deals[i];
    INFO(want.title);
    Deal expected = want;
    expected.id = got.id;
    expected.pipeline = p.id;
    expected.stage = id_of(want.stage);
    expected.owner = id_of(want.owner);
    expected.custom.clear();
    for (const auto& [k, v] : want.custom) expected.custom[id_of(k)] = v;
    for (auto& h : expected.history) {
      h.pipeline = id_of(h.pipeline);
      h.stage = id_of(h.stage);
    }
    CHECK(got == expected);
  }
  // Nothing else changed.
  CHECK(ws.pipelines.size() == before.pipelines.size() + 1);
  CHECK(ws.views.size() == before.views.size() + t.views.size());
  CHECK(ws.deals.size() == before.deals.size() + t.deals.size());
  for (const auto& d : before.deals) CHECK(*ws.deals.find(d.id) == d);
  return p.id;
}

}  // namespace

TEST_CASE("template gallery: index.json lists every file in assets/templates") {
  const std::vector<GalleryEntry> gallery = read_gallery();
  CHECK(gallery.size() >= 8);
  std::set<std::string> listed;
  for (const auto& e : gallery) {
    INFO(e.file);
    CHECK(!e.file.empty());
    CHECK(e.file.find('/') == std::string::npos);
    CHECK(e.file.size() > 5);
    CHECK(e.file.ends_with(".json"));
    CHECK(e.file != "index.json");
    CHECK(!e.name.empty());
    CHECK(!e.description.empty());
    CHECK(!e.category.empty());
    CHECK(listed.insert(e.file).second);  // listed once
  }
  std::set<std::string> on_disk;
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(PIPEBOARD_SOURCE_DIR) / kDir;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string name = it->path().filename().string();
    if (name != "index.json") on_disk.insert(name);
  }
  INFO(ec.message());
  CHECK_FALSE(ec);
  for (const auto& name : on_disk) {
    INFO("assets/templates/" << name << " is not listed in index.json");
    CHECK(listed.count(name) == 1);
  }
  for (const auto& name : listed) {
    INFO("index.json lists " << name << ", which is not in assets/templates");
    CHECK(on_disk.count(name) == 1);
  }
}

TEST_CASE("template gallery: every template loads without issues and matches its index entry") {
  for (const auto& e : read_gallery()) {
    INFO(e.file);
    Template t;
    if (!load(e.file, t)) continue;
    CHECK(t.name == e.name);
    CHECK(t.description == e.description);
    // What makes a template worth offering: a full pipeline, a few fields and views, sample deals.
    CHECK(!t.pipeline.description.empty());
    CHECK(t.pipeline.first_of_kind(StageKind::Open) != nullptr);
    CHECK(t.pipeline.first_of_kind(StageKind::Won) != nullptr);
    CHECK(t.pipeline.first_of_kind(StageKind::Lost) != nullptr);
    CHECK(t.fields.size() >= 1);
    CHECK(t.fields.size() <= 3);
    CHECK(t.views.size() >= 1);
    CHECK(t.views.size() <= 2);
    CHECK(t.deals.size() >= 6);
    CHECK(t.deals.size() <= 12);
    for (const auto& v : t.views) CHECK(v.pipeline == t.pipeline.id);
    bool non_ascii = false;
    std::set<DealStatus> statuses;
    for (const auto& d : t.deals) {
      INFO(d.title);
      CHECK(d.value.currency == t.pipeline.currency);
      CHECK(!d.history.empty());
      if (!d.history.empty()) {
        CHECK(d.history.front().at == d.created);
        CHECK(d.history.back().stage == d.stage);
      }
      for (std::size_t i = 1; i < d.history.size(); ++i) CHECK(d.history[i - 1].at <= d.history[i].at);
      statuses.insert(d.status);
      non_ascii = non_ascii || has_non_ascii(d.title) || has_non_ascii(d.company) || has_non_ascii(d.contact_name);
    }
    CHECK(statuses.size() == 3);  // open, won and lost samples
    CHECK(non_ascii);             // sample data exercises UTF-8 names
  }
}

TEST_CASE("template gallery: templates round-trip through template_to_json") {
  for (const auto& e : read_gallery()) {
    INFO(e.file);
    Template t;
    if (!load(e.file, t)) continue;
    const json normalized = template_to_json(t);
    Template again;
    Issues issues;
    CHECK(load_template(normalized.dump(), again, issues));
    INFO(issues.summary());
    CHECK(again == t);
    CHECK(template_to_json(again) == normalized);
    // The files are kept in canonical form, so re-saving one changes nothing.
    const json doc = parse_file(kDir + "/" + e.file);
    INFO("differences: " << json::diff(doc, normalized).dump());
    CHECK(doc == normalized);
  }
}

TEST_CASE("template gallery: template.import adds pipeline, fields, views and sample deals; undo removes them") {
  for (const auto& e : read_gallery()) {
    INFO(e.file);
    Session s = small_session();
    const Workspace before = s.workspace();
    const std::size_t steps = s.history_steps();
    import_and_check(s, e.file);
    CHECK(s.history_steps() == steps + 1);
    CHECK(s.undo_label() == "Import template");
    const Workspace after = s.workspace();
    REQUIRE(s.undo().ok);
    CHECK(s.workspace() == before);
    REQUIRE(s.redo().ok);
    CHECK(s.workspace() == after);
  }
}

TEST_CASE("template gallery: all templates import side by side, and twice") {
  Session s = small_session();
  const Workspace before = s.workspace();
  const std::vector<GalleryEntry> gallery = read_gallery();
  std::set<std::string> pipelines;
  for (int round = 0; round < 2; ++round)
    for (const auto& e : gallery) pipelines.insert(import_and_check(s, e.file));
  CHECK(pipelines.size() == 2 * gallery.size());
  std::set<std::string> names;
  for (const auto& p : s.workspace().pipelines) CHECK(names.insert(p.name).second);  // names stay unique
  for (std::size_t i = 0; i < 2 * gallery.size(); ++i) REQUIRE(s.undo().ok);
  CHECK(s.workspace() == before);
}
