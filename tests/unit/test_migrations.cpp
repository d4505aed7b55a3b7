// Document versions: each sample in tests/samples loads, the version 1 samples equal the version 2
// samples of the same data, every sample round-trips, and bad version 1 input is reported.
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// A sample file read by `load` (load_workspace or load_template), which must accept it.
template <class T, class Load>
T load_sample(const std::string& name, Load load) {
  const std::string text = read_file("tests/samples/" + name);
  REQUIRE_MESSAGE(!text.empty(), name);
  T out;
  Issues issues;
  const bool loaded = load(text, out, issues);
  INFO(name);
  INFO(issues.summary());
  REQUIRE(loaded);
  return out;
}

Workspace load_ws_sample(const std::string& name) {
  return load_sample<Workspace>(name, [](const std::string& t, Workspace& ws, Issues& i) { return load_workspace(t, ws, i); });
}

Template load_template_sample(const std::string& name) {
  return load_sample<Template>(name, [](const std::string& t, Template& tp, Issues& i) { return load_template(t, tp, i); });
}

json sample_json(const std::string& name) {
  json doc;
  std::string error;
  REQUIRE(parse_json(read_file("tests/samples/" + name), doc, error));
  return doc;
}

std::string v1_error(const json& doc) {
  Workspace out;
  Issues issues;
  CHECK_FALSE(read_workspace(doc, out, issues));
  CHECK(out == Workspace{});
  return issues.summary();
}

}  // namespace

TEST_CASE("workspace v1 sample migrates to exactly the v2 sample") {
  const Workspace v1 = load_ws_sample("workspace-v1.json");
  const Workspace v2 = load_ws_sample("workspace-v2.json");
  CHECK(v1 == v2);
  // Spot checks against the hand-written v1 values.
  const Pipeline& sales = *v1.pipelines.find("p_sales");
  CHECK(sales.stages[0].probability == 10);
  CHECK(sales.stages[1].probability == 35);
  CHECK(sales.stages[2].probability == 70);
  CHECK(sales.stages[3].kind == StageKind::Won);
  CHECK(sales.stages[3].probability == 100);
  CHECK(sales.stages[4].kind == StageKind::Lost);
  CHECK(sales.stages[1].kind == StageKind::Open);
  CHECK(v1.pipelines.find("p_tokyo")->stages[2].kind == StageKind::Lost);  // "won": false, "lost": true
  CHECK(v1.deals.find("d_1001")->value == Money{28'500'000, "EUR"});     // 285000.00 EUR
  CHECK(v1.deals.find("d_1002")->value == Money{125'000'050, "EUR"});    // 1250000.5 EUR
  CHECK(v1.deals.find("d_1003")->value == Money{95'075, "EUR"});         // 950.75 EUR
  CHECK(v1.deals.find("d_2001")->value == Money{15'000'000, "JPY"});     // yen have no minor unit
  CHECK(v1.deals.find("d_2002")->value == Money{12'500'125, "KWD"});     // dinars have three
  // A v1 deal's history is its creation in its current stage.
  const Deal& villa = *v1.deals.find("d_1002");
  CHECK(villa.created == *parse_timestamp("2026-06-11T06:00:00Z"));
  CHECK(villa.history == std::vector<StageVisit>{{"p_sales", "st_signed", villa.created}});
  CHECK(v1.deals.find("d_1003")->history.at(0).at == *parse_timestamp("2026-07-01T10:30:00.250Z"));
}

TEST_CASE("template v1 sample migrates to exactly the v2 sample") {
  const Template v1 = load_template_sample("template-v1.json");
  const Template v2 = load_template_sample("template-v2.json");
  CHECK(v1 == v2);
  CHECK(v1.name == "Residential lettings");
  CHECK(v1.pipeline.stages[0].probability == 5);
  CHECK(v1.pipeline.stages[3].kind == StageKind::Won);
  REQUIRE(v1.deals.size() == 2);
  CHECK(v1.deals[0].value == Money{185'000, "GBP"});
  CHECK(v1.deals[1].value == Money{92'550, "GBP"});
  CHECK(v1.deals[1].history == std::vector<StageVisit>{{"tp_let", "ts_lost", v1.deals[1].created}});
}

TEST_CASE("every sample round-trips") {
  for (const char* name : {"workspace-v1.json", "workspace-v2.json"}) {
    CAPTURE(name);
    const Workspace ws = load_ws_sample(name);
    const std::string saved = save_workspace(ws);
    CHECK(saved.find("\"version\":2") != std::string::npos);  // always written as the current version
    Workspace again;
    Issues issues;
    REQUIRE(load_workspace(saved, again, issues));
    CHECK(again == ws);
    CHECK(save_workspace(again) == saved);
  }
  for (const char* name : {"template-v1.json", "template-v2.json"}) {
    CAPTURE(name);
    const Template t = load_template_sample(name);
    const std::string saved = template_to_json(t).dump(2);
    Template again;
    Issues issues;
    REQUIRE(load_template(saved, again, issues));
    CHECK(again == t);
    CHECK(template_to_json(again).dump(2) == saved);
  }
}

TEST_CASE("version 1 documents import through commands, and undo") {
  Session s = small_session();
  const Workspace before = s.workspace();
  ok(s, {{"type", "workspace.import"}, {"workspace", sample_json("workspace-v1.json")}});
  CHECK(s.workspace() == load_ws_sample("workspace-v2.json"));
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == before);
  ok(s, {{"type", "template.import"}, {"template", sample_json("template-v1.json")}});
  REQUIRE(s.workspace().pipelines.size() == 2);
  CHECK(s.workspace().pipelines.at(1).name == "Lettings");
  CHECK(s.workspace().deals.size() == 2);
}

TEST_CASE("migrate_document steps a v1 document up and rejects what it cannot read") {
  json doc = sample_json("workspace-v1.json");
  Issues issues;
  REQUIRE(migrate_document(doc, kWorkspaceFormat, kWorkspaceVersion, issues));
  CHECK(doc["version"] == 2);
  CHECK(doc["deals"][0]["value"] == json{{"amount", 28'500'000}, {"currency", "EUR"}});
  CHECK_FALSE(doc["deals"][0].contains("currency"));
  CHECK(doc["pipelines"][0]["stages"][3]["kind"] == "won");
  CHECK_FALSE(doc["pipelines"][0]["stages"][3].contains("won"));
  // A v2 document passes unchanged.
  json v2 = sample_json("workspace-v2.json");
  const json copy = v2;
  REQUIRE(migrate_document(v2, kWorkspaceFormat, kWorkspaceVersion, issues));
  CHECK(v2 == copy);
}

TEST_CASE("bad version 1 input is reported at its path in the v1 document") {
  const json good = sample_json("workspace-v1.json");
  auto broken = [&](auto&& edit) {
    json doc = good;
    edit(doc);
    return v1_error(doc);
  };
  CHECK(broken([](json& d) { d["deals"][0]["value"] = "285000"; }) == "/deals/0/value: expected a number in a version 1 file");
  CHECK(broken([](json& d) { d["deals"][0].erase("value"); }) == "/deals/0/value: expected a number in a version 1 file");
  CHECK(broken([](json& d) { d["deals"][1].erase("currency"); }) ==
        "/deals/1/currency: expected an ISO 4217 currency code in a version 1 file");
  CHECK(broken([](json& d) { d["deals"][1]["currency"] = "EURO"; }) ==
        "/deals/1/currency: expected an ISO 4217 currency code in a version 1 file");
  CHECK(broken([](json& d) { d["deals"][0]["value"] = 2e10; }) == "/deals/0/value: is out of range");  // 2e12 cents
  CHECK(broken([](json& d) { d["pipelines"][0]["stages"][1]["probability"] = 35; }) ==
        "/pipelines/0/stages/1/probability: expected a fraction between 0 and 1 in a version 1 file");
  CHECK(broken([](json& d) { d["pipelines"][0]["stages"][1]["probability"] = -0.1; }) ==
        "/pipelines/0/stages/1/probability: expected a fraction between 0 and 1 in a version 1 file");
  // Flags that are not booleans are reported, not thrown on.
  CHECK(broken([](json& d) { d["pipelines"][0]["stages"][3]["won"] = "yes"; }) ==
        "/pipelines/0/stages/3/won: expected true or false in a version 1 file, got a string");
  CHECK(broken([](json& d) { d["pipelines"][1]["stages"][2]["lost"] = 1; }) ==
        "/pipelines/1/stages/2/lost: expected true or false in a version 1 file, got an integer");
  // Problems the v2 reader finds after migrating are reported too.
  CHECK(broken([](json& d) { d["deals"][0]["stage"] = "jp_new"; }) ==
        "/deals/0/stage: pipeline \"Residential sales\" has no stage with id \"jp_new\"");
  CHECK(broken([](json& d) { d["deals"][1]["status"] = "open"; }) ==
        "/deals/1/status: a deal in won stage \"Signed\" must have status won");
  // Templates too.
  json t = sample_json("template-v1.json");
  t["pipeline"]["stages"][0]["probability"] = 5;
  Template out;
  Issues issues;
  CHECK_FALSE(read_template(t, out, issues));
  CHECK(issues.summary() == "/pipeline/stages/0/probability: expected a fraction between 0 and 1 in a version 1 file");
}
