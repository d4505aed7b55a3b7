// Custom fields, people, saved views, template and workspace imports, and the command JSON form.
#include <set>

#include "codec.hpp"
#include "demo.hpp"
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {


// A hand-written template: a rental pipeline, a field that exists in small_session() ("Industry", with one
// new option) and one that does not, a person matching Ana by email and a new one, a view, two deals.
json rental_template() {
  return json{
      {"format", "pipeboard.template"},
      {"version", 2},
      {"name", "Rentals"},
      {"description", "Letting flats"},
      {"pipeline",
       {{"id", "tp"}, {"name", "Rentals"}, {"currency", "PLN"},
        {"stages", {{{"id", "ts_lead"}, {"name", "Lead"}, {"probability", 10}, {"kind", "open"}},
                    {{"id", "ts_view"}, {"name", "Viewing"}, {"probability", 50}, {"kind", "open"}},
                    {{"id", "ts_signed"}, {"name", "Signed"}, {"probability", 100}, {"kind", "won"}},
                    {{"id", "ts_lost"}, {"name", "Lost"}, {"kind", "lost"}}}}}},
      {"fields", {{{"id", "tf_ind"}, {"name", "Industry"}, {"type", "choice"}, {"options", {"Retail", "Real estate"}}},
                  {{"id", "tf_rooms"}, {"name", "Rooms"}, {"type", "number"}}}},
      {"people", {{{"id", "tu_ana"}, {"name", "Ana S."}, {"email", "ana@example.com"}},
                  {{"id", "tu_new"}, {"name", "Marta"}, {"email", "marta@example.com"}}}},
      {"views", {{{"id", "tv"}, {"name", "Big flats"}, {"pipeline", "tp"}, {"group_by", "custom.tf_ind"},
                  {"filter", {{"all", {{{"field", "custom.tf_rooms"}, {"op", "ge"}, {"value", 3}},
                                       {{"field", "stage"}, {"op", "ne"}, {"value", "ts_lost"}}}}}},
                  {"sort", {{{"field", "custom.tf_rooms"}, {"desc", true}}}},
                  {"hidden_stages", {"ts_lost"}}}}},
      {"deals", {{{"id", "td1"}, {"title", "Flat 4B"}, {"pipeline", "tp"}, {"stage", "ts_view"}, {"status", "open"},
                  {"value", {{"amount", 350000}, {"currency", "PLN"}}}, {"owner", "tu_ana"},
                  {"custom", {{"tf_ind", "Real estate"}, {"tf_rooms", 3}}},
                  {"created", "2026-09-01T09:00:00Z"}, {"updated", "2026-09-02T09:00:00Z"},
                  {"history", {{{"pipeline", "tp"}, {"stage", "ts_lead"}, {"at", "2026-09-01T09:00:00Z"}},
                               {{"pipeline", "tp"}, {"stage", "ts_view"}, {"at", "2026-09-02T09:00:00Z"}}}}},
                 {{"id", "td2"}, {"title", "Villa"}, {"pipeline", "tp"}, {"stage", "ts_lead"},
                  {"value", {{"amount", 900000}, {"currency", "PLN"}}}, {"owner", "tu_new"},
                  {"created", "2026-09-03T09:00:00Z"}, {"updated", "2026-09-03T09:00:00Z"}}}}};
}

}  // namespace

// [SECTION] Fields

TEST_CASE("field.create: every type; invalid definitions") {
  Session s = small_session();
  ok(s, {{"type", "field.create"}, {"field", {{"name", "Seats"}, {"type", "number"}}}});
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_budget"}, {"name", "Budget"}, {"type", "money"}}}});
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_start"}, {"name", "Start"}, {"type", "date"}}}});
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_ref"}, {"name", "Reference"}, {"type", "text"}}}});
  const auto& fields = s.workspace().fields;
  REQUIRE(fields.size() == 5);
  CHECK(fields.at(1).name == "Seats");
  CHECK(fields.at(1).type == FieldType::Number);
  CHECK(fields.at(1).id.rfind("field_", 0) == 0);
  CHECK(fields.find("f_budget")->type == FieldType::Money);
  CHECK(fields.find("f_start")->type == FieldType::Date);
  CHECK(fields.find("f_ind")->options == std::vector<std::string>{"Retail", "Tech"});
  CHECK(s.undo_label() == "Add field");

  auto create = [](json f) { return json{{"type", "field.create"}, {"field", std::move(f)}}; };
  CHECK(fails(s, create({{"name", "Industry"}, {"type", "text"}})) == "/field/name: a field named \"Industry\" exists");
  CHECK(fails(s, create({{"id", "f_ind"}, {"name", "Other"}, {"type", "text"}})) == "/field/id: a field with id \"f_ind\" exists");
  CHECK(fails(s, create({{"name", "Size"}, {"type", "choice"}})) == "/field/options: a choice field needs at least one option");
  CHECK(fails(s, create({{"name", "Size"}, {"type", "text"}, {"options", {"S"}}})) == "/field/options: only choice fields have options");
  CHECK(fails(s, create({{"name", "Size"}, {"type", "choice"}, {"options", {"S", "S"}}})) == "/field/options/1: repeats option \"S\"");
  CHECK(fails(s, create({{"name", "Size"}, {"type", "choice"}, {"options", {"S", ""}}})) == "/field/options/1: must not be empty");
  CHECK(fails(s, create({{"name", "Size"}, {"type", "bool"}})) ==
        "/field/type: must be one of text, number, money, date, choice, got \"bool\"");
  CHECK(fails(s, create({{"name", "Size"}})) == "/field/type: is required");
  CHECK(fails(s, create({{"type", "text"}})) == "/field/name: is required");
}

TEST_CASE("field.update: rename, options, and renamed options follow into deals") {
  Session s = small_session();
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_seats"}, {"name", "Seats"}, {"type", "number"}}}});
  ok(s, with(deal("d1", "Acme", 100), "deal", with(deal("d1", "Acme", 100)["deal"], "custom", {{"f_ind", "Retail"}})));
  ok(s, with(deal("d2", "Beta", 100), "deal", with(deal("d2", "Beta", 100)["deal"], "custom", {{"f_ind", "Tech"}})));
  ok(s, {{"type", "field.update"}, {"field", "f_ind"}, {"name", "Sector"}});
  CHECK(s.workspace().fields.find("f_ind")->name == "Sector");
  CHECK(s.undo_label() == "Edit field");
  ok(s, {{"type", "field.update"}, {"field", "f_ind"}, {"rename_options", {{"Tech", "Software"}}}}, kNow + 9);
  CHECK(s.workspace().fields.find("f_ind")->options == std::vector<std::string>{"Retail", "Software"});
  CHECK(std::get<std::string>(deal_of(s, "d2").custom.at("f_ind")) == "Software");
  CHECK(deal_of(s, "d2").updated == kNow + 9);
  CHECK(std::get<std::string>(deal_of(s, "d1").custom.at("f_ind")) == "Retail");
  CHECK(deal_of(s, "d1").updated == kNow);
  ok(s, {{"type", "field.update"}, {"field", "f_ind"}, {"options", {"Retail", "Software", "Health"}}});
  CHECK(s.workspace().fields.find("f_ind")->options == std::vector<std::string>{"Retail", "Software", "Health"});

  const json upd{{"type", "field.update"}, {"field", "f_ind"}};
  CHECK(fails(s, with(upd, "options", {"Software", "Health"})) ==
        "/options: option \"Retail\" is used by deal \"Acme\"; rename it with rename_options or change those deals first");
  CHECK(fails(s, with(upd, "rename_options", {{"Mining", "Metals"}})) == "/rename_options/Mining: not an option of field \"Sector\"");
  CHECK(fails(s, with(upd, "rename_options", {{"Retail", "Health"}})) == "/options/2: repeats option \"Health\"");
  CHECK(fails(s, with(upd, "name", "Seats")) == "/name: a field named \"Seats\" exists");
  CHECK(fails(s, with(upd, "name", "  ")) == "/name: must not be empty");
  // An empty name or option list is a mistake to report, not "no change".
  CHECK(fails(s, with(upd, "name", "")) == "/name: must not be empty");
  CHECK(fails(s, with(upd, "options", json::array())) == "/options: a choice field needs at least one option");
  CHECK(fails(s, with(upd, "options", {"Retail", "Software", "Retail"})) == "/options/2: repeats option \"Retail\"");
  CHECK(fails(s, {{"type", "field.update"}, {"field", "f_seats"}, {"options", {"1", "2"}}}) == "/options: only choice fields have options");
  CHECK(fails(s, {{"type", "field.update"}, {"field", "f_zz"}, {"name", "X"}}) == "no custom field has id \"f_zz\"");
}

TEST_CASE("field.delete removes the values from deals; a field a view uses stays") {
  Session s = small_session();
  ok(s, with(deal("d1", "Acme", 100), "deal", with(deal("d1", "Acme", 100)["deal"], "custom", {{"f_ind", "Retail"}})));
  ok(s, {{"type", "view.create"}, {"view", {{"id", "v1"}, {"name", "By industry"}, {"group_by", "custom.f_ind"}}}});
  CHECK(fails(s, {{"type", "field.delete"}, {"field", "f_ind"}}) ==
        "field \"Industry\" is used by view \"By industry\"; change or delete that view first");
  ok(s, {{"type", "view.update"}, {"view", "v1"}, {"set", {{"group_by", "stage"}, {"sort", {{{"field", "custom.f_ind"}}}}}}});
  CHECK(fails(s, {{"type", "field.delete"}, {"field", "f_ind"}}).find("is used by view") != std::string::npos);
  ok(s, {{"type", "view.update"}, {"view", "v1"},
         {"set", {{"sort", json::array()}, {"filter", {{"field", "custom.f_ind"}, {"op", "eq"}, {"value", "Retail"}}}}}});
  CHECK(fails(s, {{"type", "field.delete"}, {"field", "f_ind"}}).find("is used by view") != std::string::npos);
  ok(s, {{"type", "view.delete"}, {"view", "v1"}});
  ok(s, {{"type", "field.delete"}, {"field", "f_ind"}});
  CHECK(s.workspace().fields.empty());
  CHECK(deal_of(s, "d1").custom.empty());
  CHECK(s.undo_label() == "Delete field");
  CHECK(fails(s, {{"type", "field.delete"}, {"field", "f_ind"}}) == "no custom field has id \"f_ind\"");
}

// [SECTION] People

TEST_CASE("person.create, person.update") {
  Session s = small_session();
  ok(s, {{"type", "person.create"}, {"person", {{"name", "Priya Nair"}, {"email", "priya@example.com"}}}});
  const Person& p = s.workspace().people.at(2);
  CHECK(p.name == "Priya Nair");
  CHECK(p.email == "priya@example.com");
  CHECK(p.id.rfind("person_", 0) == 0);
  CHECK(s.undo_label() == "Add person");
  ok(s, {{"type", "person.update"}, {"person", "u1"}, {"set", {{"name", "Ana Souza"}, {"email", "ana@x.test"}}}});
  CHECK(s.workspace().people.find("u1")->name == "Ana Souza");
  CHECK(s.workspace().people.find("u1")->email == "ana@x.test");
  CHECK(s.undo_label() == "Edit person");

  CHECK(fails(s, {{"type", "person.create"}, {"person", {{"id", "u1"}, {"name", "X"}}}}) == "/person/id: a person with id \"u1\" exists");
  CHECK(fails(s, {{"type", "person.create"}, {"person", {{"email", "x@y"}}}}) == "/person/name: is required");
  CHECK(fails(s, {{"type", "person.create"}, {"person", {{"name", "X"}, {"phone", "1"}}}}) == "/person/phone: unknown field");
  CHECK(fails(s, {{"type", "person.update"}, {"person", "u1"}, {"set", {{"id", "u7"}}}}) == "/set/id: person ids cannot change");
  CHECK(fails(s, {{"type", "person.update"}, {"person", "u1"}, {"set", {{"name", ""}}}}) == "/set/name: must not be empty");
  CHECK(fails(s, {{"type", "person.update"}, {"person", "u9"}, {"set", {{"name", "X"}}}}) == "no person has id \"u9\"");
  CHECK(fails(s, {{"type", "person.create"}, {"person", {{"name", "X"}, {"email", "x.example.com"}}}}) ==
        "/person/email: is not an email address like name@example.com");
  CHECK(fails(s, {{"type", "person.update"}, {"person", "u1"}, {"set", {{"email", "ana@"}}}}) ==
        "/set/email: is not an email address like name@example.com");
  ok(s, {{"type", "person.update"}, {"person", "u1"}, {"set", {{"email", ""}}}});  // no address
}

TEST_CASE("person.delete: deals they own are reassigned or explicitly unassigned") {
  Session s = small_session();
  ok(s, with(deal("d1", "Acme", 1), "deal", with(deal("d1", "Acme", 1)["deal"], "owner", "u1")));
  ok(s, with(deal("d2", "Beta", 1), "deal", with(deal("d2", "Beta", 1)["deal"], "owner", "u1")));
  ok(s, with(deal("d3", "Gamma", 1), "deal", with(deal("d3", "Gamma", 1)["deal"], "owner", "u2")));
  const json del{{"type", "person.delete"}, {"person", "u1"}};
  CHECK(fails(s, del) == "\"Ana\" owns 2 deals: give reassign_to, or unassign: true to leave them without an owner");
  CHECK(fails(s, with(del, "reassign_to", "u1")) == "/reassign_to: pick another existing person");
  CHECK(fails(s, with(del, "reassign_to", "u9")) == "/reassign_to: pick another existing person");
  CHECK(fails(s, {{"type", "person.delete"}, {"person", "u9"}}) == "no person has id \"u9\"");

  SUBCASE("reassign") {
    ok(s, with(del, "reassign_to", "u2"), kNow + 3);
    CHECK_FALSE(s.workspace().people.contains("u1"));
    CHECK(deal_of(s, "d1").owner == "u2");
    CHECK(deal_of(s, "d2").owner == "u2");
    CHECK(deal_of(s, "d1").updated == kNow + 3);
    CHECK(deal_of(s, "d3").updated == kNow);
    CHECK(s.undo_label() == "Delete person");
  }
  SUBCASE("unassign") {
    ok(s, with(del, "unassign", true));
    CHECK(deal_of(s, "d1").owner.empty());
    CHECK(deal_of(s, "d2").owner.empty());
    CHECK(deal_of(s, "d3").owner == "u2");
  }
  SUBCASE("someone without deals just goes") {
    ok(s, {{"type", "person.create"}, {"person", {{"id", "u3"}, {"name", "Idle"}}}});
    ok(s, {{"type", "person.delete"}, {"person", "u3"}});
    CHECK(s.workspace().people.size() == 2);
  }
}

// [SECTION] Views

TEST_CASE("view.create, view.update, view.delete") {
  Session s = small_session();
  ok(s, {{"type", "view.create"},
         {"view", {{"name", "Hot"}, {"pipeline", "p1"}, {"group_by", "owner"}, {"hidden_stages", {"s_lost"}},
                   {"filter", {{"field", "value"}, {"op", "ge"}, {"value", 100000}}},
                   {"sort", {{{"field", "value"}, {"desc", true}}, {{"field", "title"}}}}}}});
  REQUIRE(s.workspace().views.size() == 1);
  const View& v = s.workspace().views.at(0);
  CHECK(v.id.rfind("view_", 0) == 0);
  CHECK(v.group_by == "owner");
  CHECK(v.hidden_stages == std::vector<std::string>{"s_lost"});
  CHECK(v.sort == std::vector<SortKey>{{"value", true}, {"title", false}});
  CHECK(v.filter == json{{"field", "value"}, {"op", "ge"}, {"value", 100000}});
  CHECK(s.undo_label() == "Save view");
  const std::string id = v.id;
  ok(s, {{"type", "view.update"}, {"view", id}, {"set", {{"name", "All hot"}, {"pipeline", nullptr}, {"filter", nullptr}}}});
  const View& u = *s.workspace().views.find(id);
  CHECK(u.name == "All hot");
  CHECK(u.pipeline.empty());
  CHECK(u.filter.is_null());
  CHECK(u.group_by == "owner");
  CHECK(s.undo_label() == "Edit view");

  auto create = [](json v) { return json{{"type", "view.create"}, {"view", std::move(v)}}; };
  CHECK(fails(s, create({{"name", "X"}, {"pipeline", "p9"}})) == "/view/pipeline: no pipeline has id \"p9\"");
  CHECK(fails(s, create({{"name", "X"}, {"filter", {{"field", "title"}, {"op", "like"}, {"value", "a"}}}})) ==
        "/view/filter/op: unknown operator \"like\"");
  CHECK(fails(s, create({{"name", "X"}, {"filter", "title = a"}})) == "/view/filter: expected a filter object or null, got a string");
  CHECK(fails(s, create({{"name", "X"}, {"group_by", "colour"}})) == "/view/group_by: unknown field \"colour\"");
  CHECK(fails(s, create({{"name", "X"}, {"group_by", "value"}})) == "/view/group_by: cannot group by \"value\"");
  CHECK(fails(s, create({{"name", "X"}, {"sort", {{{"field", "size"}}}}})) == "/view/sort/0/field: unknown field \"size\"");
  CHECK(fails(s, create({{"name", "X"}, {"pipeline", "p1"}, {"hidden_stages", {"zz"}}})) ==
        "/view/hidden_stages/0: no stage with id \"zz\" in this view's pipeline");
  CHECK(fails(s, create({{"id", id}, {"name", "X"}})) == "/view/id: a view with id \"" + id + "\" exists");
  CHECK(fails(s, create({{"group_by", "stage"}})) == "/view/name: is required");
  CHECK(fails(s, {{"type", "view.update"}, {"view", id}, {"set", {{"id", "v2"}}}}) == "/set/id: view ids cannot change");
  CHECK(fails(s, {{"type", "view.update"}, {"view", id}, {"set", {{"group_by", "notes"}}}}) == "/set/group_by: cannot group by \"notes\"");
  CHECK(fails(s, {{"type", "view.update"}, {"view", "nope"}, {"set", {{"name", "X"}}}}) == "no view has id \"nope\"");
  // Moving a view to another pipeline leaves its hidden stages dangling: refused.
  ok(s, {{"type", "pipeline.create"}, {"pipeline", {{"id", "p2"}, {"name", "Other"}}}});
  ok(s, {{"type", "view.update"}, {"view", id}, {"set", {{"pipeline", "p1"}}}});
  CHECK(fails(s, {{"type", "view.update"}, {"view", id}, {"set", {{"pipeline", "p2"}}}}) ==
        "/set/hidden_stages/0: no stage with id \"s_lost\" in this view's pipeline");
  ok(s, {{"type", "view.delete"}, {"view", id}});
  CHECK(s.workspace().views.empty());
  CHECK(s.undo_label() == "Delete view");
  CHECK(fails(s, {{"type", "view.delete"}, {"view", id}}) == "no view has id \"" + id + "\"");
}

// [SECTION] Imports

TEST_CASE("template.import: a long name made unique still fits and saves") {
  Session s = small_session();
  // 200 bytes; making room for " (2)" cuts right through the 2-byte character.
  const std::string name = std::string(195, 'n') + "\xC3\xA9" + "nnn";
  ok(s, {{"type", "template.import"}, {"template", rental_template()}, {"name", name}});
  ok(s, {{"type", "template.import"}, {"template", rental_template()}, {"name", name}});
  CHECK(s.workspace().pipelines.at(1).name == name);
  const std::string& second = s.workspace().pipelines.at(2).name;
  CHECK(second.size() <= kMaxName);
  CHECK(valid_utf8(second));
  CHECK(second.substr(second.size() - 4) == " (2)");
  Workspace reloaded;
  Issues issues;
  CHECK(load_workspace(save_workspace(s.workspace()), reloaded, issues));
  CHECK(issues.summary() == "");
}

TEST_CASE("template.import adds a pipeline with fresh ids, merging fields and people by name or email") {
  Session s = small_session();
  ok(s, {{"type", "person.update"}, {"person", "u1"}, {"set", {{"email", "ana@example.com"}}}});
  ok(s, {{"type", "template.import"}, {"template", rental_template()}}, kNow + 1);
  CHECK(s.undo_label() == "Import template");
  const Workspace& ws = s.workspace();
  REQUIRE(ws.pipelines.size() == 2);
  const Pipeline& p = ws.pipelines.at(1);
  CHECK(p.name == "Rentals");
  CHECK(p.currency == "PLN");
  CHECK(p.id != "tp");
  REQUIRE(p.stages.size() == 4);
  for (const auto& st : p.stages) CHECK(st.id.rfind("ts_", 0) != 0);
  // "Industry" exists: reused, with the new option added; "Rooms" is new.
  REQUIRE(ws.fields.size() == 2);
  CHECK(ws.fields.find("f_ind")->options == std::vector<std::string>{"Retail", "Tech", "Real estate"});
  const FieldDef& rooms = ws.fields.at(1);
  CHECK(rooms.name == "Rooms");
  CHECK(rooms.id != "tf_rooms");
  // Ana matched by email; Marta is new.
  REQUIRE(ws.people.size() == 3);
  const Person& marta = ws.people.at(2);
  CHECK(marta.name == "Marta");
  // The view points at the new pipeline, stages and fields.
  REQUIRE(ws.views.size() == 1);
  const View& v = ws.views.at(0);
  CHECK(v.pipeline == p.id);
  CHECK(v.group_by == "custom.f_ind");
  CHECK(v.hidden_stages == std::vector<std::string>{p.stages[3].id});
  CHECK(v.sort == std::vector<SortKey>{{"custom." + rooms.id, true}});
  CHECK(v.filter == json{{"all", {{{"field", "custom." + rooms.id}, {"op", "ge"}, {"value", 3}},
                                  {{"field", "stage"}, {"op", "ne"}, {"value", p.stages[3].id}}}}});
  // Deals: new ids, remapped stage, owner, custom keys and history.
  REQUIRE(ws.deals.size() == 2);
  const Deal& flat = ws.deals.at(0);
  CHECK(flat.id != "td1");
  CHECK(flat.title == "Flat 4B");
  CHECK(flat.pipeline == p.id);
  CHECK(flat.stage == p.stages[1].id);
  CHECK(flat.owner == "u1");
  CHECK(std::get<std::string>(flat.custom.at("f_ind")) == "Real estate");
  CHECK(std::get<double>(flat.custom.at(rooms.id)) == 3.0);
  CHECK(flat.history == std::vector<StageVisit>{{p.id, p.stages[0].id, *parse_timestamp("2026-09-01T09:00:00Z")},
                                                {p.id, p.stages[1].id, *parse_timestamp("2026-09-02T09:00:00Z")}});
  CHECK(ws.deals.at(1).owner == marta.id);
  // The result is a valid workspace.
  Workspace reloaded;
  Issues issues;
  CHECK(load_workspace(save_workspace(ws), reloaded, issues));
  CHECK(issues.summary() == "");

  // Importing again: the name is made unique.
  ok(s, {{"type", "template.import"}, {"template", rental_template()}});
  CHECK(s.workspace().pipelines.at(2).name == "Rentals (2)");
  CHECK(s.workspace().fields.size() == 2);  // both fields reused this time
  CHECK(s.workspace().people.size() == 3);
  ok(s, {{"type", "template.import"}, {"template", rental_template()}, {"name", "Lettings"}});
  CHECK(s.workspace().pipelines.at(3).name == "Lettings");
  ok(s, {{"type", "template.import"}, {"template", rental_template()}, {"name", "Lettings"}});
  CHECK(s.workspace().pipelines.at(4).name == "Lettings (2)");
}

TEST_CASE("template.import: invalid templates and names") {
  Session s = small_session();
  json t = rental_template();
  t["pipeline"].erase("name");
  CHECK(fails(s, {{"type", "template.import"}, {"template", t}}) == "/template/pipeline/name: is required");
  t = rental_template();
  t["format"] = "pipeboard.workspace";
  CHECK(fails(s, {{"type", "template.import"}, {"template", t}}) ==
        "/template/format: expected \"pipeboard.template\", got \"pipeboard.workspace\"");
  CHECK(fails(s, {{"type", "template.import"}, {"template", "rentals"}}) ==
        "/template: expected a JSON object, got a string");
  t = rental_template();
  t["deals"][1]["owner"] = "nobody";
  CHECK(fails(s, {{"type", "template.import"}, {"template", t}}) == "/template/deals/1/owner: no person has id \"nobody\"");
  t = rental_template();
  t["fields"][0]["type"] = "text";
  t["fields"][0].erase("options");
  t["deals"][0]["custom"].erase("tf_ind");
  CHECK(fails(s, {{"type", "template.import"}, {"template", t}}) ==
        "/template/fields: field \"Industry\" exists here with type choice");
  CHECK(fails(s, {{"type", "template.import"}, {"template", rental_template()}, {"name", "  "}}) == "/name: must not be empty");
  CHECK(fails(s, {{"type", "template.import"}, {"template", rental_template()}, {"name", std::string(201, 'x')}}).find("/name: is too long") == 0);
}

TEST_CASE("workspace.import replaces everything; a bad document changes nothing") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 100));
  const Workspace incoming = make_demo_workspace({.deals = 40});
  ok(s, {{"type", "workspace.import"}, {"workspace", workspace_to_json(incoming)}});
  CHECK(s.workspace() == incoming);
  CHECK(s.undo_label() == "Import workspace");

  json bad = workspace_to_json(incoming);
  bad["deals"][12]["value"] = 5;
  CHECK(fails(s, {{"type", "workspace.import"}, {"workspace", bad}}) == "/workspace/deals/12/value: expected an object, got an integer");
  CHECK(fails(s, {{"type", "workspace.import"}, {"workspace", json::array()}}) == "/workspace: expected a JSON object, got an array");
  CHECK(fails(s, {{"type", "workspace.import"}}) == "/workspace: is required");
}

// [SECTION] Command JSON

TEST_CASE("command JSON: envelope errors") {
  Session s = small_session();
  CHECK(fails(s, json::array()) == "/: expected an object, got an array");
  CHECK(fails(s, {{"deal", "d1"}}) == "/type: is required");
  CHECK(fails(s, {{"type", 7}}) == "/type: expected a string, got an integer");
  CHECK(fails(s, {{"type", "deal.explode"}}) == "/type: unknown command type \"deal.explode\"");
  CHECK(fails(s, {{"type", "deal.delete"}, {"deal", "d1"}, {"force", true}}) == "/force: unknown field for deal.delete");
  const Workspace before = s.workspace();
  Outcome o = s.dispatch_json("{\"type\": ", kNow);
  CHECK_FALSE(o.ok);
  CHECK(o.error == "command: not valid JSON");
  CHECK(s.workspace() == before);
}

TEST_CASE("command JSON: every command type parses and writes back the same JSON") {
  const std::vector<json> samples = {
      {{"type", "pipeline.create"}, {"pipeline", {{"name", "P"}}}, {"index", 1}},
      {{"type", "pipeline.rename"}, {"pipeline", "p"}, {"name", "N"}},
      {{"type", "pipeline.update"}, {"pipeline", "p"}, {"set", {{"currency", "EUR"}}}},
      {{"type", "pipeline.duplicate"}, {"pipeline", "p"}, {"name", "C"}, {"include_deals", true}},
      {{"type", "pipeline.delete"}, {"pipeline", "p"}, {"deals", "move"}, {"to_pipeline", "q"}, {"stage_map", {{"a", "b"}}}},
      {{"type", "pipeline.reorder"}, {"pipeline", "p"}, {"index", 0}},
      {{"type", "stage.create"}, {"pipeline", "p"}, {"stage", {{"name", "S"}}}, {"index", 2}},
      {{"type", "stage.rename"}, {"stage", "s"}, {"name", "N"}},
      {{"type", "stage.update"}, {"stage", "s"}, {"set", {{"probability", 5}}}},
      {{"type", "stage.duplicate"}, {"stage", "s"}, {"name", "Copy"}},
      {{"type", "stage.delete"}, {"stage", "s"}, {"move_to", "t"}},
      {{"type", "stage.reorder"}, {"stage", "s"}, {"index", 3}},
      {{"type", "deal.create"}, {"deal", {{"title", "T"}, {"pipeline", "p"}}}},
      {{"type", "deal.update"}, {"deal", "d"}, {"set", {{"title", "T"}}}},
      {{"type", "deal.delete"}, {"deal", "d"}},
      {{"type", "deal.move"}, {"deal", "d"}, {"stage", "s"}, {"lost_reason", "r"}},
      {{"type", "deal.win"}, {"deal", "d"}},
      {{"type", "deal.lose"}, {"deal", "d"}, {"reason", "r"}},
      {{"type", "deal.reopen"}, {"deal", "d"}, {"stage", "s"}},
      {{"type", "deals.move"}, {"deals", {"a", "b"}}, {"pipeline", "p"}, {"stage_map", {{"x", "y"}}}, {"lost_reason", "r"}},
      {{"type", "deals.update"}, {"deals", {"a"}}, {"set", {{"owner", "u"}}}},
      {{"type", "deals.delete"}, {"deals", {"a", "b"}}},
      {{"type", "field.create"}, {"field", {{"name", "F"}, {"type", "text"}}}},
      {{"type", "field.update"}, {"field", "f"}, {"name", "N"}, {"options", {"a"}}, {"rename_options", {{"b", "a"}}}},
      {{"type", "field.delete"}, {"field", "f"}},
      {{"type", "person.create"}, {"person", {{"name", "P"}}}},
      {{"type", "person.update"}, {"person", "u"}, {"set", {{"name", "N"}}}},
      {{"type", "person.delete"}, {"person", "u"}, {"reassign_to", "v"}, {"unassign", true}},
      {{"type", "view.create"}, {"view", {{"name", "V"}}}},
      {{"type", "view.update"}, {"view", "v"}, {"set", {{"name", "N"}}}},
      {{"type", "view.delete"}, {"view", "v"}},
      {{"type", "template.import"}, {"template", {{"format", "pipeboard.template"}}}, {"name", "T"}},
      {{"type", "workspace.import"}, {"workspace", {{"format", "pipeboard.workspace"}}}},
  };
  std::set<std::string> seen;
  for (const json& j : samples) {
    INFO(j.dump());
    Issues issues;
    Command c;
    REQUIRE(parse_command(j, c, issues));
    CHECK(issues.ok());
    CHECK(command_type(c) == j["type"].get<std::string>());
    CHECK(to_json(c) == j);
    seen.insert(std::string(command_type(c)));
  }
  // The samples cover every type there is.
  const auto types = command_types();
  CHECK(types.size() == 33);
  CHECK(seen.size() == types.size());
  for (auto t : types) CHECK_MESSAGE(seen.count(std::string(t)) == 1, t);
}
