// The import preview (what an import would do) and template.import's choices: a pipeline of the same
// name renamed, replaced or merged into, and people, fields and options mapped or created. Every
// confirmed import is one command, so one undo takes it back exactly.
#include "import_preview.hpp"
#include "test_helpers.hpp"
#include "validate.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// A "Sales" template: its stages overlap small_session's Sales pipeline (New, Presentation,
// Negotiation, Won, Lost) on New, Negotiation, Won and Lost, and add Qualified.
json sales_template() {
  return json{
      {"format", "pipeboard.template"},
      {"version", 2},
      {"name", "Sales, our way"},
      {"pipeline",
       {{"id", "tp"}, {"name", "Sales"}, {"description", "Qualified first"}, {"currency", "USD"},
        {"stages", {{{"id", "t_new"}, {"name", "New"}, {"probability", 5}},
                    {{"id", "t_qual"}, {"name", "Qualified"}, {"probability", 20}},
                    {{"id", "t_nego"}, {"name", "Negotiation"}, {"probability", 70}},
                    {{"id", "t_won"}, {"name", "Won"}, {"probability", 100}, {"kind", "won"}},
                    {{"id", "t_lost"}, {"name", "Lost"}, {"kind", "lost"}}}}}},
      {"fields", {{{"id", "tf_ind"}, {"name", "Industry"}, {"type", "choice"}, {"options", {"Retail", "Real estate"}}},
                  {{"id", "tf_seats"}, {"name", "Seats"}, {"type", "number"}}}},
      {"people", {{{"id", "tu_ana"}, {"name", "Ana"}}, {{"id", "tu_bo"}, {"name", "Bo"}, {"email", "bo@example.com"}}}},
      {"views", {{{"id", "tv"}, {"name", "Real estate"}, {"pipeline", "tp"}, {"group_by", "owner"},
                  {"filter", {{"all", {{{"field", "custom.tf_ind"}, {"op", "eq"}, {"value", "Real estate"}},
                                       {{"field", "stage"}, {"op", "in"}, {"value", {"t_qual", "t_nego"}}}}}}},
                  {"hidden_stages", {"t_lost"}}}}},
      {"deals", {{{"id", "td1"}, {"title", "Shop fit-out"}, {"pipeline", "tp"}, {"stage", "t_qual"},
                  {"value", {{"amount", 500000}, {"currency", "USD"}}}, {"owner", "tu_ana"},
                  {"custom", {{"tf_ind", "Real estate"}, {"tf_seats", 12}}},
                  {"created", "2026-09-01T09:00:00Z"}, {"updated", "2026-09-01T09:00:00Z"},
                  {"history", {{{"pipeline", "tp"}, {"stage", "t_qual"}, {"at", "2026-09-01T09:00:00Z"}}}}},
                 {{"id", "td2"}, {"title", "Chain rollout"}, {"pipeline", "tp"}, {"stage", "t_won"}, {"status", "won"},
                  {"value", {{"amount", 900000}, {"currency", "USD"}}}, {"owner", "tu_bo"},
                  {"created", "2026-09-02T09:00:00Z"}, {"updated", "2026-09-03T09:00:00Z"}}}}};
}

// small_session plus three deals in Sales (one in Presentation, which replace removes) and a view.
Session sales_session() {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 1000, "s_pres"));
  ok(s, deal("d2", "Beta", 2000, "s_nego"));
  ok(s, deal("d3", "Gamma", 3000, "s_won"));
  ok(s, {{"type", "view.create"},
         {"view", {{"id", "v_mine"}, {"name", "Mine"}, {"pipeline", "p1"}, {"hidden_stages", {"s_pres", "s_lost"}},
                   {"filter", {{"field", "stage"}, {"op", "ne"}, {"value", "s_pres"}}}}}});
  return s;
}

json import_json(json choices = json::object()) {
  json c = {{"type", "template.import"}, {"template", sales_template()}};
  c.update(choices);
  return c;
}

// Applies one import and checks it is a single undo step that restores the workspace exactly.
void import_with_undo(Session& s, const json& command) {
  const Workspace before = s.workspace();
  const std::size_t steps = s.history_steps();
  ok(s, command);
  CHECK(s.history_steps() == steps + 1);
  CHECK(s.undo_label() == "Import template");
  Issues issues;
  check_workspace(s.workspace(), issues);
  CHECK(issues.summary() == "");
  Workspace reloaded;
  CHECK(load_workspace(save_workspace(s.workspace()), reloaded, issues));
  CHECK(reloaded == s.workspace());
  const Workspace after = s.workspace();
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == before);
  REQUIRE(s.redo().ok);
  CHECK(s.workspace() == after);
}

}  // namespace

// [SECTION] Preview

TEST_CASE("preview: a template with a pipeline name conflict, people, fields and options") {
  Session s = sales_session();
  const Workspace before = s.workspace();
  const ImportPreview p = preview_import(s.workspace(), sales_template().dump());
  CHECK(s.workspace() == before);
  CHECK(p.kind == DocumentKind::Template);
  CHECK(p.version == 2);
  CHECK(p.ok);
  CHECK(p.errors.empty());
  CHECK(p.name == "Sales, our way");
  REQUIRE(p.pipelines.size() == 1);
  CHECK(p.pipelines[0].name == "Sales");
  CHECK(p.pipelines[0].stages == std::vector<std::string>{"New", "Qualified", "Negotiation", "Won", "Lost"});
  CHECK(p.pipelines[0].deals == 2);
  CHECK(p.views == std::vector<std::string>{"Real estate"});
  CHECK(p.document == ImportCounts{1, 5, 2, 2, 1, 2});
  CHECK(p.creates == ImportCounts{1, 5, 1, 1, 1, 2});  // Seats and Bo are new; Industry and Ana exist

  REQUIRE(p.name_conflicts.size() == 1);
  const NameConflictPreview& c = p.name_conflicts[0];
  CHECK(c.existing == "p1");
  CHECK(c.name == "Sales");
  CHECK(c.choices == std::vector<std::string>{"rename", "replace", "merge"});
  CHECK(c.rename_to == "Sales (2)");
  CHECK(c.matched == std::vector<std::string>{"New", "Negotiation", "Won", "Lost"});
  CHECK(c.added == std::vector<std::string>{"Qualified"});
  CHECK(c.removed == std::vector<std::string>{"Presentation"});
  CHECK(c.moved_deals == 1);

  REQUIRE(p.people.size() == 2);
  CHECK(p.people[0].match == "u1");
  CHECK(p.people[0].matched_by == "name");
  CHECK_FALSE(p.people[0].conflict);
  CHECK(p.people[1].match == "");
  CHECK(p.people[1].conflict);
  CHECK(p.people[1].detail == "bo@example.com");
  CHECK(p.people[1].candidates == std::vector<std::string>{"u1", "u2"});

  REQUIRE(p.fields.size() == 2);
  CHECK(p.fields[0].match == "f_ind");
  CHECK_FALSE(p.fields[0].conflict);
  CHECK(p.fields[1].match == "");
  CHECK(p.fields[1].conflict);
  CHECK(p.fields[1].create_as == "Seats");
  CHECK(p.fields[1].candidates.empty());  // no number field here to map to

  REQUIRE(p.options.size() == 2);
  CHECK(p.options[0].id == "Retail");
  CHECK(p.options[0].match == "Retail");
  CHECK_FALSE(p.options[0].conflict);
  CHECK(p.options[1].id == "Real estate");
  CHECK(p.options[1].match == "");
  CHECK(p.options[1].conflict);
  CHECK(p.options[1].detail == "tf_ind");
  CHECK(p.options[1].candidates == std::vector<std::string>{"Retail", "Tech"});

  const json j = to_json(p);
  CHECK(j["kind"] == "template");
  CHECK(j["ok"] == true);
  CHECK(j["name_conflicts"][0]["choices"] == json{"rename", "replace", "merge"});
  CHECK(j["options"][1]["conflict"] == true);
  CHECK(j["creates"]["fields"] == 1);
}

TEST_CASE("preview: no conflicts, an older version, and the default command is today's import") {
  Session s;
  const std::string text = read_file("tests/samples/template-v1.json");
  const ImportPreview p = preview_import(s.workspace(), text);
  CHECK(p.ok);
  CHECK(p.version == 1);
  CHECK(p.name_conflicts.empty());
  CHECK(p.creates == p.document);
  for (const auto& m : p.people) CHECK(m.conflict);
  REQUIRE(s.dispatch(import_command(p), kNow).ok);
  CHECK(s.workspace().pipelines.size() == 1);
  CHECK(s.workspace().pipelines.at(0).name == "Lettings");
  CHECK(s.undo_label() == "Import template");
}

TEST_CASE("preview: a workspace document replaces everything") {
  Session s = sales_session();
  const std::string text = read_file("tests/samples/workspace-v2.json");
  const ImportPreview p = preview_import(s.workspace(), text);
  CHECK(p.ok);
  CHECK(p.kind == DocumentKind::Workspace);
  CHECK(p.document == ImportCounts{2, 8, 3, 2, 1, 5});
  CHECK(p.creates == p.document);
  CHECK(p.replaces == ImportCounts{1, 5, 1, 2, 1, 3});
  REQUIRE(p.pipelines.size() == 2);
  CHECK(p.pipelines[0].deals == 3);
  CHECK(p.name_conflicts.empty());
  CHECK(p.people.empty());
  const Workspace before = s.workspace();
  REQUIRE(s.dispatch(import_command(p), kNow).ok);
  CHECK(s.workspace() == p.incoming);
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == before);
}

TEST_CASE("preview: the command of a preview with errors fails and changes nothing") {
  Session s = sales_session();
  json w;
  std::string error;
  REQUIRE(parse_json(read_file("tests/samples/workspace-v2.json"), w, error));
  w["deals"][0]["stage"] = "nope";
  json t = sales_template();
  t["deals"][0]["stage"] = "nope";
  for (const std::string& text : {w.dump(), t.dump(), std::string("{\"format\": 1}"), std::string("not json")}) {
    const ImportPreview p = preview_import(s.workspace(), text);
    CHECK_FALSE(p.ok);
    const Workspace before = s.workspace();
    CHECK_FALSE(s.dispatch(import_command(p), kNow).ok);
    CHECK(s.workspace() == before);
  }
}

TEST_CASE("preview: a field whose name another type has is created under a free name by default") {
  Session s = sales_session();
  json t = sales_template();
  t["fields"][1]["name"] = "Industry (2)";  // takes the name a rename would pick first
  t["fields"][0] = {{"id", "tf_ind"}, {"name", "Industry"}, {"type", "text"}};
  t["deals"][0]["custom"] = {{"tf_ind", "Shops"}};
  t["views"][0].erase("filter");
  // Without choices the command refuses, as it always did.
  CHECK(fails(s, {{"type", "template.import"}, {"template", t}}) == "/template/fields: field \"Industry\" exists here with type choice");
  const ImportPreview p = preview_import(s.workspace(), t.dump());
  CHECK(p.ok);
  REQUIRE(p.fields.size() == 2);
  CHECK(p.fields[0].conflict);
  CHECK(p.fields[0].problem == "a field named \"Industry\" exists here with type choice");
  CHECK(p.fields[0].create_as == "Industry (3)");  // "Industry (2)" is the template's other field
  CHECK(p.fields[1].create_as == "Industry (2)");
  CHECK(p.creates.fields == 2);
  const Command c = import_command(p);
  CHECK(std::get<cmd::TemplateImport>(c).map.fields == cmd::StageMap{{"tf_ind", ""}});
  const Workspace before = s.workspace();
  REQUIRE(s.dispatch(c, kNow).ok);
  const FieldDef& created = s.workspace().fields.at(1);
  CHECK(created.name == "Industry (3)");
  CHECK(s.workspace().fields.at(2).name == "Industry (2)");
  CHECK(created.type == FieldType::Text);
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == before);
}

// [SECTION] Name conflicts

TEST_CASE("template.import on a name conflict: rename (the default) adds \"Sales (2)\"") {
  for (const json& choices : {json::object(), json{{"on_name_conflict", "rename"}}}) {
    Session s = sales_session();
    import_with_undo(s, import_json(choices));
    const Workspace& ws = s.workspace();
    REQUIRE(ws.pipelines.size() == 2);
    CHECK(ws.pipelines.at(0) == sales_session().workspace().pipelines.at(0));
    CHECK(ws.pipelines.at(1).name == "Sales (2)");
    CHECK(ws.pipelines.at(1).stages.size() == 5);
  }
}

TEST_CASE("template.import on a name conflict: replace keeps the pipeline, takes the template's stages, moves deals") {
  Session s = sales_session();
  import_with_undo(s, import_json({{"on_name_conflict", "replace"}}));
  const Workspace& ws = s.workspace();
  REQUIRE(ws.pipelines.size() == 1);
  const Pipeline& p = ws.pipelines.at(0);
  CHECK(p.id == "p1");
  CHECK(p.name == "Sales");
  CHECK(p.description == "Qualified first");
  CHECK(p.currency == "USD");
  REQUIRE(p.stages.size() == 5);
  // Stages of the same name and kind keep their ids (and deals); they take the template's settings.
  CHECK(p.stages[0].id == "s_new");
  CHECK(p.stages[0].probability == 5);
  CHECK(p.stages[1].name == "Qualified");
  CHECK(p.stages[2].id == "s_nego");
  CHECK(p.stages[3].id == "s_won");
  CHECK(p.stages[4].id == "s_lost");
  // Acme was in Presentation, which is gone: it moves to the first open stage, with a history entry.
  const Deal& acme = *ws.deals.find("d1");
  CHECK(acme.stage == "s_new");
  CHECK(acme.history.back() == StageVisit{"p1", "s_new", kNow});
  CHECK(ws.deals.find("d2")->stage == "s_nego");
  CHECK(ws.deals.find("d3")->stage == "s_won");
  // The existing view drops the removed hidden stage; its filter follows the moved deals.
  const View& mine = *ws.views.find("v_mine");
  CHECK(mine.hidden_stages == std::vector<std::string>{"s_lost"});
  CHECK(mine.filter == json{{"field", "stage"}, {"op", "ne"}, {"value", "s_new"}});
  // The template's view and deals land in the same pipeline, on the reused stages.
  REQUIRE(ws.views.size() == 2);
  const View& imported = ws.views.at(1);
  CHECK(imported.pipeline == "p1");
  CHECK(imported.hidden_stages == std::vector<std::string>{"s_lost"});
  REQUIRE(ws.deals.size() == 5);
  CHECK(ws.deals.at(3).stage == p.stages[1].id);
  CHECK(ws.deals.at(4).stage == "s_won");
  CHECK(ws.deals.at(4).status == DealStatus::Won);
}

TEST_CASE("template.import on a name conflict: replace moves won and lost deals to stages of their kind") {
  Session s = small_session();
  ok(s, deal("d_won", "Won one", 10, "s_won"));
  json lost = deal("d_lost", "Lost one", 10, "s_lost");
  lost["deal"]["lost_reason"] = "Price";
  ok(s, lost);
  json t = sales_template();
  t["pipeline"]["stages"][3]["name"] = "Signed";  // no stage of the same name: Won goes
  t["pipeline"]["stages"][4]["name"] = "Dropped";
  t["pipeline"]["stages"][1]["kind"] = "lost";    // the first lost stage is "Qualified"
  t["views"][0]["filter"] = nullptr;
  t["deals"] = json::array();
  const ImportPreview p = preview_import(s.workspace(), t.dump());
  REQUIRE(p.name_conflicts.size() == 1);
  CHECK(p.name_conflicts[0].removed == std::vector<std::string>{"Presentation", "Won", "Lost"});
  CHECK(p.name_conflicts[0].moved_deals == 2);
  ImportChoices choices;
  choices.on_name_conflict = "replace";
  import_with_undo(s, to_json(import_command(p, choices)));
  const Pipeline& pl = s.workspace().pipelines.at(0);
  const Deal& won = *s.workspace().deals.find("d_won");
  CHECK(won.stage == pl.stages[3].id);
  CHECK(won.status == DealStatus::Won);
  const Deal& gone = *s.workspace().deals.find("d_lost");
  CHECK(gone.stage == pl.stages[1].id);
  CHECK(gone.status == DealStatus::Lost);
  CHECK(gone.lost_reason == "Price");
}

TEST_CASE("template.import on a name conflict: merge adds the missing stages and keeps the rest") {
  Session s = sales_session();
  import_with_undo(s, import_json({{"on_name_conflict", "merge"}}));
  const Workspace& ws = s.workspace();
  REQUIRE(ws.pipelines.size() == 1);
  const Pipeline& p = ws.pipelines.at(0);
  CHECK(p.currency == "EUR");  // the existing pipeline's settings stay
  CHECK(p.description.empty());
  std::vector<std::string> names;
  for (const auto& st : p.stages) names.push_back(st.name);
  CHECK(names == std::vector<std::string>{"New", "Qualified", "Presentation", "Negotiation", "Won", "Lost"});
  CHECK(p.stages[0].probability == 10);  // existing stages keep their settings
  CHECK(p.stages[1].probability == 20);
  CHECK(ws.deals.find("d1")->stage == "s_pres");  // nothing moves
  CHECK(*ws.views.find("v_mine") == *sales_session().workspace().views.find("v_mine"));
  REQUIRE(ws.deals.size() == 5);
  CHECK(ws.deals.at(3).pipeline == "p1");
  CHECK(ws.deals.at(3).stage == p.stages[1].id);
  CHECK(ws.deals.at(3).history.front() == StageVisit{"p1", p.stages[1].id, *parse_timestamp("2026-09-01T09:00:00Z")});
  CHECK(ws.deals.at(4).stage == "s_won");
  const View& v = ws.views.at(1);
  CHECK(v.pipeline == "p1");
  CHECK(v.hidden_stages == std::vector<std::string>{"s_lost"});
  CHECK(v.filter["all"][1]["value"] == json{p.stages[1].id, "s_nego"});
}

TEST_CASE("template.import on a name conflict: merge past 100 stages is not offered, and refused") {
  Session s = small_session();
  json t = sales_template();
  json stages = json::array();
  for (int i = 0; i < 97; ++i) stages.push_back({{"id", "x" + std::to_string(i)}, {"name", "Step " + std::to_string(i)}});
  t["pipeline"]["stages"] = stages;
  t["views"] = json::array();
  t["deals"] = json::array();
  const ImportPreview p = preview_import(s.workspace(), t.dump());
  REQUIRE(p.name_conflicts.size() == 1);
  CHECK(p.name_conflicts[0].choices == std::vector<std::string>{"rename", "replace"});
  CHECK(p.name_conflicts[0].merge_error == "merging would give pipeline \"Sales\" 102 stages; the limit is 100");
  CHECK(fails(s, {{"type", "template.import"}, {"template", t}, {"on_name_conflict", "merge"}}) ==
        "/on_name_conflict: merging would give pipeline \"Sales\" 102 stages; the limit is 100");
  import_with_undo(s, {{"type", "template.import"}, {"template", t}, {"on_name_conflict", "replace"}});
  CHECK(s.workspace().pipelines.at(0).stages.size() == 97);
}

TEST_CASE("template.import: choices without a conflict change nothing; a given name can conflict too") {
  Session s = small_session();
  json t = sales_template();
  t["pipeline"]["name"] = "Partners";
  ok(s, {{"type", "template.import"}, {"template", t}, {"on_name_conflict", "merge"}});
  CHECK(s.workspace().pipelines.size() == 2);
  CHECK(s.workspace().pipelines.at(1).name == "Partners");
  // "name" picks the pipeline the conflict is about.
  ok(s, {{"type", "template.import"}, {"template", t}, {"name", "Sales"}, {"on_name_conflict", "merge"}});
  CHECK(s.workspace().pipelines.size() == 2);
  CHECK(s.workspace().pipelines.at(0).stages.size() == 6);
}

// [SECTION] People, fields and options

TEST_CASE("template.import map.people: map to a person, or create one even when a match exists") {
  Session s = sales_session();
  import_with_undo(s, import_json({{"map", {{"people", {{"tu_ana", ""}, {"tu_bo", "u2"}}}}}}));
  const Workspace& ws = s.workspace();
  REQUIRE(ws.people.size() == 3);
  CHECK(ws.people.at(2).name == "Ana");
  CHECK(ws.people.at(2).id != "u1");
  CHECK(ws.deals.at(3).owner == ws.people.at(2).id);
  CHECK(ws.deals.at(4).owner == "u2");
}

TEST_CASE("template.import map.fields: map to a field of the same type, or create one under a free name") {
  Session s = sales_session();
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_users"}, {"name", "Users"}, {"type", "number"}}}});
  import_with_undo(s, import_json({{"map", {{"fields", {{"tf_seats", "f_users"}, {"tf_ind", ""}}}}}}));
  const Workspace& ws = s.workspace();
  REQUIRE(ws.fields.size() == 3);
  const FieldDef& created = ws.fields.at(2);
  CHECK(created.name == "Industry (2)");
  CHECK(created.options == std::vector<std::string>{"Retail", "Real estate"});
  CHECK(ws.fields.find("f_ind")->options == std::vector<std::string>{"Retail", "Tech"});  // untouched
  const Deal& d = ws.deals.at(3);
  CHECK(std::get<double>(d.custom.at("f_users")) == 12.0);
  CHECK(std::get<std::string>(d.custom.at(created.id)) == "Real estate");
  CHECK(ws.views.at(1).filter["all"][0]["field"] == "custom." + created.id);
}

TEST_CASE("template.import map.options: map an option to an existing one, or add it") {
  Session s = sales_session();
  import_with_undo(s, import_json({{"map", {{"options", {{"tf_ind", {{"Real estate", "Tech"}, {"Retail", ""}}}}}}}}));
  const Workspace& ws = s.workspace();
  CHECK(ws.fields.find("f_ind")->options == std::vector<std::string>{"Retail", "Tech"});  // nothing added
  CHECK(std::get<std::string>(ws.deals.at(3).custom.at("f_ind")) == "Tech");
  CHECK(ws.views.at(1).filter["all"][0] == json{{"field", "custom.f_ind"}, {"op", "eq"}, {"value", "Tech"}});
  // Without a map the option is added, as before.
  Session t = sales_session();
  import_with_undo(t, import_json());
  CHECK(t.workspace().fields.find("f_ind")->options == std::vector<std::string>{"Retail", "Tech", "Real estate"});
}

TEST_CASE("template.import: choices that cannot apply are refused at their path") {
  Session s = sales_session();
  auto with = [](json choices) { return import_json(std::move(choices)); };
  CHECK(fails(s, with({{"on_name_conflict", "overwrite"}})) ==
        "/on_name_conflict: must be one of rename, replace, merge, got \"overwrite\"");
  CHECK(fails(s, with({{"map", {{"people", {{"tu_zed", "u1"}}}}}})) == "/map/people/tu_zed: the template has no person with this id");
  CHECK(fails(s, with({{"map", {{"fields", {{"tf_ind", "f_ind"}, {"tf_seats", "f_ind"}}}}}})).rfind("/map/fields/tf_seats: ", 0) == 0);
  CHECK(fails(s, with({{"map", {{"fields", {{"tf_ind", ""}}}, {"options", {{"tf_ind", {{"Retail", "Tech"}}}}}}}})) ==
        "/map/options/tf_ind/Retail: \"Tech\" is not an option of field \"Industry\"");  // the new field has only its own
  CHECK(fails(s, with({{"map", {{"people", {{"tu_ana", "u9"}}}}}})) == "/map/people/tu_ana: no person has id \"u9\"");
  CHECK(fails(s, with({{"map", {{"fields", {{"tf_zed", ""}}}}}})) == "/map/fields/tf_zed: the template has no field with this id");
  CHECK(fails(s, with({{"map", {{"fields", {{"tf_seats", "f_nope"}}}}}})) == "/map/fields/tf_seats: no custom field has id \"f_nope\"");
  CHECK(fails(s, with({{"map", {{"fields", {{"tf_seats", "f_ind"}, {"tf_ind", ""}}}}}})) ==
        "/map/fields/tf_seats: field \"Industry\" has type choice; \"Seats\" has type number");
  CHECK(fails(s, with({{"map", {{"options", {{"tf_seats", {{"a", "b"}}}}}}}})) ==
        "/map/options/tf_seats: the template has no choice field with this id");
  CHECK(fails(s, with({{"map", {{"options", {{"tf_ind", {{"Shops", ""}}}}}}}})) ==
        "/map/options/tf_ind/Shops: not an option of the template's field \"Industry\"");
  CHECK(fails(s, with({{"map", {{"options", {{"tf_ind", {{"Retail", "Mining"}}}}}}}})) ==
        "/map/options/tf_ind/Retail: \"Mining\" is not an option of field \"Industry\"");
  // A hostile map of 100,000 entries costs one pass (not one per template record).
  json people = json::object();
  for (int i = 0; i < 100'000; ++i) people["x" + std::to_string(i)] = "";
  CHECK(fails(s, with({{"map", {{"people", people}}}})) ==
        "/map/people/x0: the template has no person with this id (and 99999 more)");
  // The JSON form itself.
  CHECK(fails(s, with({{"map", {{"people", "u1"}}}})) == "/map/people: expected an object, got a string");
  CHECK(fails(s, with({{"map", {{"people", {{"tu_ana", 1}}}}}})) == "/map/people/tu_ana: expected a string, got an integer");
  CHECK(fails(s, with({{"map", {{"persons", json::object()}}}})) == "/map/persons: unknown field");
  CHECK(fails(s, with({{"map", {{"options", {{"tf_ind", "x"}}}}}})) == "/map/options/tf_ind: expected an object, got a string");
  CHECK(fails(s, with({{"on_name_conflict", 3}})) == "/on_name_conflict: expected a string, got an integer");
}

TEST_CASE("template.import: the choices round-trip through command JSON") {
  const json j = {{"type", "template.import"}, {"template", {{"format", "pipeboard.template"}}}, {"name", "T"},
                  {"on_name_conflict", "merge"},
                  {"map", {{"people", {{"a", "b"}}}, {"fields", {{"c", ""}}}, {"options", {{"c", {{"x", "y"}}}}}}}};
  Issues issues;
  Command c;
  REQUIRE(parse_command(j, c, issues));
  const auto& t = std::get<cmd::TemplateImport>(c);
  CHECK(t.on_name_conflict == "merge");
  CHECK(t.map.people == cmd::StageMap{{"a", "b"}});
  CHECK(t.map.options.at("c") == cmd::StageMap{{"x", "y"}});
  CHECK(to_json(c) == j);
}

TEST_CASE("preview: the command carries the template the preview read, and imports what the JSON alone would") {
  const std::string text = read_file("tests/samples/template-v1.json");
  Session with_parsed = sales_session(), from_json = sales_session();
  const ImportPreview p = preview_import(with_parsed.workspace(), text);
  REQUIRE(p.ok);
  REQUIRE(p.templ);  // read once, by the preview
  cmd::TemplateImport c = std::get<cmd::TemplateImport>(import_command(p));
  CHECK(c.parsed == p.templ);
  REQUIRE(with_parsed.dispatch(c, kNow).ok);
  c.parsed.reset();  // as a command from JSON: apply reads template_doc itself
  REQUIRE(from_json.dispatch(c, kNow).ok);
  CHECK(with_parsed.workspace() == from_json.workspace());
  // The same for a document in memory (an importer's), which has no text.
  const ImportPreview in_memory = preview_import_document(sales_session().workspace(), json::parse(text));
  REQUIRE(in_memory.ok);
  CHECK(in_memory.templ);
  CHECK(in_memory.creates == p.creates);
  const ImportPreview bad = preview_import_document(sales_session().workspace(), json{{"format", "pipeboard.template"}});
  CHECK_FALSE(bad.ok);
  CHECK_FALSE(bad.templ);
  CHECK(std::get<cmd::TemplateImport>(import_command(bad)).parsed == nullptr);
}
