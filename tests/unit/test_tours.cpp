// Guided tours (src/core/tour): the built-in tour loads and names only items the UI registers, a
// tour survives its JSON, every rejection names the bad value's JSON Pointer, and the warnings
// against a workspace name what it lacks. The schema's lists are pinned to the reader's.
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "query.hpp"
#include "test_helpers.hpp"
#include "tour.hpp"

using namespace pb;
using namespace pb::test;

namespace {

json parse(const std::string& text) {
  json doc;
  std::string error;
  INFO(error);
  REQUIRE(parse_json(text, doc, error));
  return doc;
}

// A small valid tour: a centred card, an action, an event, a past day.
json base_doc() {
  return parse(R"({"format": "pipeboard.tour", "version": 1, "tour": {"id": "t", "name": "Test tour", "steps": [
    {"title": "Hello", "text": "A card in the middle."},
    {"title": "SMB", "text": "Switch.", "target": "pipeline:smb", "action": {"kind": "pipeline", "value": "smb"}},
    {"title": "Save", "text": "Save a view.", "target": "button:saveview", "advance": {"event": "view_saved"}},
    {"title": "Past", "text": "A day ago.", "action": {"kind": "past_day", "value": "2026-09-01"}, "advance": "next"}
  ]}})");
}

std::vector<std::string> issues_of(const json& doc) {
  Tour t;
  t.id = "untouched";
  Issues issues;
  const bool ok = read_tour(doc, t, issues);
  CHECK(ok == issues.ok());
  if (!ok) CHECK(t.id == "untouched");  // left alone on any issue
  std::vector<std::string> out;
  for (const Issue& i : issues.list()) out.push_back(i.str());
  return out;
}

// The one issue a document has, which must start with `want`.
void rejects(const json& doc, const std::string& want) {
  const std::vector<std::string> got = issues_of(doc);
  INFO(want);
  REQUIRE(got.size() == 1);
  INFO(got[0]);
  CHECK(got[0].rfind(want, 0) == 0);
}

json& step(json& doc, std::size_t i) { return doc["tour"]["steps"][i]; }

// Records for a workspace, by id: all the warnings look at.
template <class T>
void add_record(Table<T>& table, const std::string& id, FieldType type = FieldType::Text) {
  T r;
  r.id = id;
  r.name = id;
  if constexpr (std::is_same_v<T, FieldDef>) r.type = type;
  table.insert(table.size(), std::make_shared<const T>(std::move(r)));
}

}  // namespace

TEST_CASE("tours: the built-in intro tour loads, is short and names items the UI registers") {
  Tour t;
  Issues issues;
  const std::string text = read_file("assets/tours/intro.json");
  REQUIRE_FALSE(text.empty());
  INFO(issues.summary());
  REQUIRE(load_tour(text, t, issues));
  CHECK(t.id == "intro");
  CHECK(t.steps.size() >= 10);
  CHECK(t.steps.size() <= 14);
  std::size_t events = 0;
  for (const TourStep& s : t.steps) events += !s.advance.on_next();
  CHECK(events >= 2);  // mostly Next, so it never waits for ever
  CHECK(events <= 3);

  // Every target, or its prefix up to the last ':' for names built at run time ("pipeline:" + id),
  // is a string literal of src/ui: a renamed item fails here, not in a user's tour.
  std::string ui;
  for (const std::string& f : files_in("src/ui"))
    if (f.ends_with(".cpp")) ui += read_file(f);
  REQUIRE_FALSE(ui.empty());
  for (const TourStep& s : t.steps) {
    if (s.target.empty()) continue;
    INFO(s.target);
    const bool literal = ui.find('"' + s.target + '"') != std::string::npos;
    const std::string prefix = s.target.substr(0, s.target.rfind(':') + 1);
    CHECK((literal || ui.find('"' + prefix + '"') != std::string::npos));
  }
}

TEST_CASE("tours: tour_to_json and read_tour round-trip") {
  Tour t;
  Issues issues;
  REQUIRE(load_tour(read_file("assets/tours/intro.json"), t, issues));
  // The file leaves out what tour_to_json leaves out (no advance for Next), so they are the same JSON.
  CHECK(tour_to_json(t) == parse(read_file("assets/tours/intro.json")));

  Tour every;
  every.id = "every";
  every.name = "Every action and event";
  every.description = "Þorsteinn's tour";
  for (std::size_t k = 0; k < 6; ++k) {
    TourStep s{"Step " + std::to_string(k), "Text", "button:x", TourAction{static_cast<TourActionKind>(k), ""}, {}};
    if (s.action->kind == TourActionKind::Pipeline || s.action->kind == TourActionKind::View) s.action->value = "p";
    if (s.action->kind == TourActionKind::Group) s.action->value = "custom.f";
    every.steps.push_back(s);  // past_day with "" (back to today) and reports with "" both survive
  }
  for (TourEvent e : {TourEvent::DealMoved, TourEvent::TemplateShared})
    every.steps.push_back(TourStep{"Wait", "For it.", "", std::nullopt, TourAdvance{e}});
  Tour back;
  Issues back_issues;
  INFO(tour_to_json(every).dump());
  REQUIRE(read_tour(tour_to_json(every), back, back_issues));
  CHECK(back == every);
  REQUIRE(load_tour(tour_to_json(every).dump(2), back, back_issues));
  CHECK(back == every);
}

TEST_CASE("tours: names of actions and events") {
  for (std::size_t i = 0; i < kTourEventNames.size(); ++i) {
    const auto e = tour_event_from(kTourEventNames[i]);
    REQUIRE(e);
    CHECK(to_string(*e) == kTourEventNames[i]);
  }
  CHECK_FALSE(tour_event_from("next"));
  CHECK(to_string(TourActionKind::PastDay) == "past_day");
  CHECK(tour_action_kind("reports") == TourActionKind::Reports);
  CHECK_FALSE(tour_action_kind("fly"));
}

TEST_CASE("tours: each rejection names its JSON Pointer") {
  CHECK(issues_of(base_doc()).empty());
  json d;

  // The document.
  rejects(parse("[]"), "/: expected a JSON object, got an array");
  d = base_doc(), d["format"] = "pipeboard.template";
  rejects(d, "/format: expected \"pipeboard.tour\", got \"pipeboard.template\"");
  d = base_doc(), d.erase("format");
  rejects(d, "/format: is required and must be \"pipeboard.tour\"");
  d = base_doc(), d["version"] = 2;
  rejects(d, "/version: this file is from a newer Pipeboard (version 2); this app reads version 1");
  d = base_doc(), d["version"] = 0;
  rejects(d, "/version: must be between 1 and");
  d = base_doc(), d["version"] = "1";
  rejects(d, "/version: expected an integer, got a string");
  d = base_doc(), d["colour"] = "red";
  rejects(d, "/colour: unknown field");
  d = base_doc(), d.erase("tour");
  rejects(d, "/tour: is required");
  d = base_doc(), d["tour"]["colour"] = "red";
  rejects(d, "/tour/colour: unknown field");
  d = base_doc(), d["tour"]["id"] = "";
  rejects(d, "/tour/id: must not be empty");
  d = base_doc(), d["tour"]["name"] = " ";
  rejects(d, "/tour/name: must not be empty");

  // The steps.
  d = base_doc(), d["tour"]["steps"] = json::array();
  rejects(d, "/tour/steps: a tour needs at least one step");
  d = base_doc(), d["tour"]["steps"] = json::array();
  for (int i = 0; i < 61; ++i) d["tour"]["steps"].push_back(base_doc()["tour"]["steps"][0]);
  rejects(d, "/tour/steps: has 61 steps; the limit is 60");
  d["tour"]["steps"].erase(60);
  CHECK(issues_of(d).empty());  // 60 is fine
  d = base_doc(), step(d, 2) = "a step";
  rejects(d, "/tour/steps/2: expected an object, got a string");
  d = base_doc(), step(d, 1).erase("title");
  rejects(d, "/tour/steps/1/title: is required");
  d = base_doc(), step(d, 1)["title"] = "";
  rejects(d, "/tour/steps/1/title: must not be empty");
  d = base_doc(), step(d, 1)["title"] = " \t";
  rejects(d, "/tour/steps/1/title: must not be empty");
  d = base_doc(), step(d, 0)["text"] = std::string(601, 'x');
  rejects(d, "/tour/steps/0/text: is too long (601 characters, at most 600)");
  std::string six_hundred;
  for (int i = 0; i < 600; ++i) six_hundred += "é";  // 1,200 bytes: the limit counts characters
  d = base_doc(), step(d, 0)["text"] = six_hundred;
  CHECK(issues_of(d).empty());
  d = base_doc(), step(d, 0)["text"] = six_hundred + "é";
  rejects(d, "/tour/steps/0/text: is too long (601 characters, at most 600)");
  d = base_doc(), step(d, 0)["title"] = std::string(5000, 'x');  // past read_string's byte limit too
  rejects(d, "/tour/steps/0/title: is too long (5000 characters, at most 120)");
  d = base_doc(), step(d, 0)["colour"] = "red";
  rejects(d, "/tour/steps/0/colour: unknown field");
  d = base_doc(), step(d, 0)["target"] = "Save view";
  rejects(d, "/tour/steps/0/target: expected an item name like \"button:saveview\", got \"Save view\"");
  d = base_doc(), step(d, 0)["target"] = "button:";
  rejects(d, "/tour/steps/0/target: expected an item name");

  // Actions.
  d = base_doc(), step(d, 3)["action"]["kind"] = "fly";
  rejects(d, "/tour/steps/3/action/kind: unknown action \"fly\" (one of pipeline, group, view, reports, board, past_day)");
  d = base_doc(), step(d, 3)["action"] = "board";
  rejects(d, "/tour/steps/3/action: expected an object, got a string");
  d = base_doc(), step(d, 3)["action"]["value"] = "01.09.2026";
  rejects(d, "/tour/steps/3/action/value: expected a date like 2026-03-31");
  d = base_doc(), step(d, 3)["action"]["value"] = "2026-02-30";
  rejects(d, "/tour/steps/3/action/value: expected a date like 2026-03-31");
  d = base_doc(), step(d, 3)["action"]["value"] = "";
  CHECK(issues_of(d).empty());  // back to today
  d = base_doc(), step(d, 3)["action"].erase("value");
  rejects(d, "/tour/steps/3/action/value: is required");
  d = base_doc(), step(d, 1)["action"]["value"] = "";
  rejects(d, "/tour/steps/1/action/value: must not be empty");
  d = base_doc(), step(d, 1)["action"]["speed"] = 2;
  rejects(d, "/tour/steps/1/action/speed: unknown field");
  d = base_doc(), step(d, 1)["action"] = {{"kind", "group"}, {"value", "colour"}};
  rejects(d, "/tour/steps/1/action/value: cannot group by \"colour\" (one of stage, owner, product,");
  d = base_doc(), step(d, 1)["action"] = {{"kind", "group"}, {"value", "custom.region"}};
  CHECK(issues_of(d).empty());  // checked against a workspace by tour_warnings
  d = base_doc(), step(d, 1)["action"] = {{"kind", "board"}, {"value", "smb"}};
  rejects(d, "/tour/steps/1/action/value: the board action takes no value");
  d = base_doc(), step(d, 1)["action"] = {{"kind", "reports"}};
  CHECK(issues_of(d).empty());

  // Advancing.
  d = base_doc(), step(d, 2)["advance"]["event"] = "teleported";
  rejects(d, "/tour/steps/2/advance/event: unknown event \"teleported\" (one of deal_moved, view_saved,");
  d = base_doc(), step(d, 2)["advance"] = "view_saved";
  rejects(d, "/tour/steps/2/advance: expected \"next\" or {\"event\": \"view_saved\"}, got \"view_saved\"");
  d = base_doc(), step(d, 2)["advance"] = 1;
  rejects(d, "/tour/steps/2/advance: expected \"next\" or {\"event\": \"view_saved\"}, got an integer");
  d = base_doc(), step(d, 2)["advance"] = json::object();
  rejects(d, "/tour/steps/2/advance/event: is required");

  // Every problem, each at its own step.
  d = base_doc();
  step(d, 0)["title"] = "";
  step(d, 3)["action"]["kind"] = "fly";
  const std::vector<std::string> both = issues_of(d);
  REQUIRE(both.size() == 2);
  CHECK(both[0].rfind("/tour/steps/0/title:", 0) == 0);
  CHECK(both[1].rfind("/tour/steps/3/action/kind:", 0) == 0);
}

TEST_CASE("tours: text that is not a tour document says so at \"/\"") {
  for (const char* text : {"", "{\"format\": \"pipeboard.tour\", ", "not json at all"}) {
    Tour t;
    Issues issues;
    CHECK_FALSE(load_tour(text, t, issues));
    REQUIRE(issues.count() == 1);
    CHECK(issues.list()[0].str() == "/: not valid JSON");
  }
  Tour t;
  Issues issues;
  CHECK_FALSE(load_tour(std::string(kMaxTourBytes + 1, ' '), t, issues));
  CHECK(issues.summary().rfind("/: the file is 1048577 bytes; the limit is 1 MB", 0) == 0);
  CHECK(is_tour_document(base_doc()));
  CHECK_FALSE(is_tour_document(parse(R"({"format": "pipeboard.template"})")));
  CHECK_FALSE(is_tour_document(parse("[]")));
}

TEST_CASE("tours: warnings name what the workspace lacks") {
  Workspace ws;
  add_record(ws.pipelines, "smb");
  add_record(ws.views, "smb-by-manager");
  add_record(ws.fields, "region");
  add_record(ws.fields, "fee", FieldType::Money);

  json d = base_doc();  // steps 0-3 refer only to "smb"
  auto add = [&](json action, std::string target = "") {
    json s{{"title", "T"}, {"text", "X"}, {"action", std::move(action)}};
    if (!target.empty()) s["target"] = target;
    d["tour"]["steps"].push_back(std::move(s));
  };
  add({{"kind", "pipeline"}, {"value", "enterprise"}}, "pipeline:enterprise");           // 4
  add({{"kind", "view"}, {"value", "smb-by-manager"}}, "view:gone");                     // 5
  add({{"kind", "reports"}, {"value", "all"}}, "report:pipeline:smb");                   // 6
  add({{"kind", "reports"}, {"value", "outbound"}});                                     // 7
  add({{"kind", "group"}, {"value", "custom.region"}});                                  // 8
  add({{"kind", "group"}, {"value", "custom.fee"}});                                     // 9
  add({{"kind", "group"}, {"value", "custom.nope"}});                                    // 10
  Tour t;
  Issues issues;
  INFO(issues.summary());
  REQUIRE(read_tour(d, t, issues));
  std::vector<std::string> got;
  for (const Issue& w : tour_warnings(t, ws)) got.push_back(w.str());
  const std::vector<std::string> want = {
      "/tour/steps/4/action/value: step 5 refers to pipeline \"enterprise\", which this workspace lacks",
      "/tour/steps/4/target: step 5 refers to pipeline \"enterprise\", which this workspace lacks",
      "/tour/steps/5/target: step 6 refers to saved view \"gone\", which this workspace lacks",
      "/tour/steps/7/action/value: step 8 refers to pipeline \"outbound\", which this workspace lacks",
      "/tour/steps/9/action/value: step 10 groups by \"custom.fee\", a money field, which cannot be grouped by",
      "/tour/steps/10/action/value: step 11 refers to custom field \"nope\", which this workspace lacks",
  };
  CHECK(got == want);

  // The intro tour is written for the demo's pipelines and views.
  Tour intro;
  REQUIRE(load_tour(read_file("assets/tours/intro.json"), intro, issues));
  add_record(ws.pipelines, "enterprise");
  CHECK(tour_warnings(intro, ws).empty());
  CHECK(tour_warnings(intro, Workspace{}).size() >= 2);
}

TEST_CASE("tours: the JSON Schema lists the reader's action kinds, events and group keys") {
  const json schema = parse(read_file("assets/schema/tour.schema.json"));
  const json& defs = schema["$defs"];
  std::set<std::string> kinds, events, groups;
  for (const json& a : defs["action"]["oneOf"]) kinds.insert(a["properties"]["kind"]["const"].get<std::string>());
  for (const json& e : defs["advance"]["oneOf"][1]["properties"]["event"]["enum"]) events.insert(e.get<std::string>());
  for (const json& a : defs["action"]["oneOf"])
    if (a["properties"]["kind"]["const"] == "group")
      for (const json& g : a["properties"]["value"]["anyOf"][0]["enum"]) groups.insert(g.get<std::string>());
  std::set<std::string> want_kinds, want_events, want_groups;
  for (std::size_t k = 0; k < 6; ++k) want_kinds.insert(std::string(to_string(static_cast<TourActionKind>(k))));
  for (auto e : kTourEventNames) want_events.insert(std::string(e));
  for (const std::string& g : groupable_keys(Table<FieldDef>{})) want_groups.insert(g);
  CHECK(kinds == want_kinds);
  CHECK(events == want_events);
  CHECK(groups == want_groups);
  CHECK(defs["step"]["properties"]["text"]["maxLength"] == kMaxTourText);
  CHECK(defs["step"]["properties"]["title"]["maxLength"] == kMaxTourTitle);
  CHECK(defs["tour"]["properties"]["steps"]["maxItems"] == kMaxTourSteps);
}
