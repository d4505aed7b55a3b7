// Pipedrive API answers to workspaces: the real fixtures, statuses as stages, v2 names, quirks.
#include <doctest/doctest.h>

#include "import_helpers.hpp"
#include "pipedrive.hpp"

using namespace pb;
using namespace pb::test;

namespace {

const json* stage_named(const json& doc, const std::string& pipeline_name, const std::string& stage) {
  for (const auto& p : doc["pipelines"])
    if (p["name"] == pipeline_name)
      for (const auto& s : p["stages"])
        if (s["name"] == stage) return &s;
  return nullptr;
}

std::vector<std::string> stage_names(const json& pipeline) {
  std::vector<std::string> out;
  for (const auto& s : pipeline["stages"]) out.push_back(s["name"].get<std::string>());
  return out;
}

json wrap(json data) { return {{"success", true}, {"data", std::move(data)}, {"additional_data", {{"pagination", {{"limit", 1e15}}}}}}; }

}  // namespace

TEST_CASE("pipedrive: the v1 fixtures in any order, figures computed independently") {
  auto deals = shared_fixture("pipedrive/deals-v1.json");
  auto stages = shared_fixture("pipedrive/stages-v1.json");
  auto pipelines = shared_fixture("pipedrive/pipelines-v1.json");
  if (!deals || !stages || !pipelines) return;
  SourceImport r = import_pipedrive({*deals, *stages, *pipelines}, {}, kImportNow);
  loads(r);
  const json& doc = r.document;
  // python3: pipelines sorted by (order_nr, index): 7, with three named "Nango Test Pipeline";
  // stages of each sorted by (order_nr, index): pipeline 1 has six (order_nr 0..5), pipeline 2 one (order_nr 1).
  REQUIRE(doc["pipelines"].size() == 7);
  CHECK(doc["pipelines"][0]["name"] == "Pipeline");
  CHECK(stage_names(doc["pipelines"][0]) == std::vector<std::string>{"Qualified Lead Updated", "Contact Made",
                                                                     "Prospect Qualified", "Needs Defined",
                                                                     "Proposal Made", "Negotiations Started"});
  CHECK(stage_names(doc["pipelines"][1]) == std::vector<std::string>{"Prospect Qualified"});
  CHECK(stage_names(doc["pipelines"][2]) == std::vector<std::string>{"Open"});  // no stages: the builder's
  int nango = 0;
  for (const auto& p : doc["pipelines"]) nango += p["name"] == "Nango Test Pipeline";
  CHECK(nango == 3);
  CHECK(doc["pipelines"][0]["stages"][0]["probability"] == 100);
  CHECK(doc["pipelines"][1]["stages"][0]["probability"] == 30);
  // 8 deals, all open: deal 1 in "Prospect Qualified" of "Pipeline" at 50000 USD, deal 2 at 25000 USD.
  REQUIRE(doc["deals"].size() == 8);
  const json& d1 = doc["deals"][0];
  CHECK(d1["title"] == "Test Deal Update");
  REQUIRE(stage_named(doc, "Pipeline", "Prospect Qualified"));
  CHECK(d1["stage"] == (*stage_named(doc, "Pipeline", "Prospect Qualified"))["id"]);
  CHECK(d1["value"] == json({{"amount", 5000000}, {"currency", "USD"}}));
  CHECK(d1["company"] == "Test Organization Updated");
  CHECK(d1["contact_name"] == "Jane Smith Updated via Direct API");
  CHECK(d1["contact_email"] == "jane.smith@acme.com");
  CHECK(d1["created"] == "2026-05-15T09:55:02Z");
  CHECK(d1["updated"] == "2026-05-15T10:27:31Z");
  CHECK(doc["deals"][1]["value"]["amount"] == 2500000);
  std::int64_t total = 0;
  for (const auto& d : doc["deals"]) {
    CHECK(d["status"] == "open");
    total += d["value"]["amount"].get<std::int64_t>();
  }
  CHECK(total == 7500000);  // sum(value) * 100
  REQUIRE(doc["people"].size() == 1);
  CHECK(doc["people"][0]["name"] == "Nango");
  CHECK(doc["people"][0]["email"] == "api@nango.dev");
  CHECK(d1["owner"] == doc["people"][0]["id"]);
  CHECK(r.warnings.count() == 0);

  PipedriveInspection in = inspect_pipedrive({*pipelines, *deals, *stages});
  CHECK(in.ok);
  CHECK(in.texts == std::vector<std::string>{"pipelines", "deals", "stages"});
  CHECK(in.pipelines.size() == 7);
  CHECK(in.pipelines[0].stages == 6);
  CHECK(in.pipelines[0].deals == 7);
  CHECK(in.open == 8);
  CHECK(in.users.size() == 1);
}

TEST_CASE("pipedrive: won and lost deals go to added won/lost stages and keep their stage as history") {
  json stages = json::array({{{"id", 10}, {"order_nr", 2}, {"name", "Demo"}, {"pipeline_id", 1}},
                             {{"id", 11}, {"order_nr", 1}, {"name", "Lead"}, {"pipeline_id", 1}, {"rotten_flag", true},
                              {"rotten_days", 14}},
                             {{"id", 12}, {"order_nr", 1}, {"name", "Lead 2"}, {"pipeline_id", 1}}});
  json deals = json::array(
      {{{"id", 1}, {"title", "Won one"}, {"stage_id", 10}, {"pipeline_id", 1}, {"status", "won"}, {"value", 1500.5},
        {"currency", "EUR"}, {"add_time", "2026-01-01 10:00:00"}, {"stage_change_time", "2026-01-05 10:00:00"},
        {"won_time", "2026-01-09 10:00:00"}, {"user_id", 7}, {"owner_name", "Ana"}},
       {{"id", 2}, {"title", "Lost one"}, {"stage_id", 11}, {"pipeline_id", 1}, {"status", "lost"},
        {"lost_reason", "Price"}, {"value", 0}, {"currency", "JPY"}, {"add_time", "2026-01-02T08:00:00Z"},
        {"owner_id", 8}, {"org_id", {{"name", "Org"}, {"value", 3}}}, {"expected_close_date", "2026-02-28"}},
       {{"id", 3}, {"title", "Gone"}, {"stage_id", 11}, {"status", "deleted"}}});
  SourceImport r = import_pipedrive({wrap(deals).dump(), stages.dump()}, {}, kImportNow);
  loads(r);
  const json& doc = r.document;
  const json& p = doc["pipelines"][0];
  CHECK(p["name"] == "Pipeline 1");  // no pipelines file: named by its id
  CHECK(stage_names(p) == std::vector<std::string>{"Lead", "Lead 2", "Demo", "Won", "Lost"});  // ties keep order
  CHECK(p["stages"][0]["rotting_days"] == 14);
  const json& won = doc["deals"][0];
  CHECK(won["status"] == "won");
  CHECK(won["value"]["amount"] == 150050);
  REQUIRE(won["history"].size() == 2);
  CHECK(won["history"][0]["stage"] == p["stages"][2]["id"]);  // Demo, when it entered it
  CHECK(won["history"][0]["at"] == "2026-01-05T10:00:00Z");
  CHECK(won["history"][1]["at"] == "2026-01-09T10:00:00Z");
  const json& lost = doc["deals"][1];
  CHECK(lost["status"] == "lost");
  CHECK(lost["lost_reason"] == "Price");
  CHECK(lost["company"] == "Org");
  CHECK(lost["expected_close"] == "2026-02-28");
  CHECK(lost["created"] == "2026-01-02T08:00:00Z");
  CHECK(doc["people"][0]["name"] == "Ana");
  CHECK(doc["people"][1]["name"] == "User 8");
  CHECK(r.skipped == 1);
  CHECK(has_mapping(r, "status", "won", "won stage"));
  CHECK(has_mapping(r, "status", "deleted", "skipped"));
}

TEST_CASE("pipedrive: deals without a stages file, v2 names, pipelines chosen") {
  json deals = json::array({{{"id", 1}, {"title", "A"}, {"stage_id", 12}, {"pipeline_id", 4}, {"status", "open"}},
                            {{"id", 2}, {"title", "B"}, {"stage_id", 12}, {"pipeline_id", 4}, {"status", "open"}},
                            {{"id", 3}, {"title", "C"}, {"stage_id", 20}, {"pipeline_id", 5}, {"status", "open"}}});
  json pipelines = json::array({{{"id", 4}, {"name", "Main"}, {"order_nr", 1}}, {{"id", 5}, {"name", "Other"}, {"order_nr", 2}}});
  SourceImport r = import_pipedrive({deals.dump(), pipelines.dump()}, {}, kImportNow);
  loads(r);
  CHECK(stage_names(r.document["pipelines"][0]) == std::vector<std::string>{"Stage 12"});
  CHECK(has_issue(r.warnings, "/0/stage_id", "no stages file names stage \"12\""));
  CHECK(r.warnings.count() == 2);  // one per unknown stage

  PipedriveOptions only;
  only.pipelines = {"Other"};
  SourceImport o = import_pipedrive({deals.dump(), pipelines.dump()}, only, kImportNow);
  loads(o);
  CHECK(o.document["pipelines"].size() == 1);
  CHECK(o.document["deals"].size() == 1);
  CHECK(o.skipped == 2);

  json v2 = json::array({{{"id", 1}, {"order_nr", 0}, {"name", "S"}, {"pipeline_id", 4}, {"deal_probability", 40},
                          {"is_deal_rot_enabled", true}, {"days_to_rotten", 9}}});
  SourceImport s = import_pipedrive({v2.dump()}, {}, kImportNow);
  loads(s);
  CHECK(s.document["pipelines"][0]["stages"][0]["rotting_days"] == 9);
  CHECK(s.document["pipelines"][0]["stages"][0]["probability"] == 40);
}

TEST_CASE("pipedrive: wrong files and wrong types, with paths") {
  SourceImport none = import_pipedrive({R"({"success":false,"error":"Unauthorized"})"}, {}, 0);
  CHECK_FALSE(none.ok);
  CHECK(has_issue(none.errors, "/success", "file 1 is an error answer from Pipedrive"));
  CHECK(has_issue(import_pipedrive({R"({"data":"x"})"}, {}, 0).errors, "/data", "expected an array"));
  CHECK(has_issue(import_pipedrive({R"([{"foo":1}])"}, {}, 0).errors, "", "no Pipedrive pipelines"));
  CHECK(has_issue(import_pipedrive({"{"}, {}, 0).errors, "", "file 1 is not JSON"));
  CHECK_FALSE(import_pipedrive({}, {}, 0).ok);

  json deals = json::array({{{"id", 1}, {"title", "A"}, {"stage_id", 1}, {"status", "open"}, {"value", {1, 2}},
                             {"add_time", 5}, {"currency", "Euro"}},
                            {{"id", 2}, {"title", 7}, {"stage_id", {{"x", 1}}}, {"status", "open"}}, "nope"});
  SourceImport r = import_pipedrive({R"([])", wrap(deals).dump()}, {}, kImportNow);
  loads(r);
  CHECK(has_issue(r.warnings, "/data/0/value", "file 2: expected an amount, got an array"));
  CHECK(has_issue(r.warnings, "/data/0/add_time", "not a time"));
  CHECK(has_issue(r.warnings, "/data/0/currency", "not a currency code"));
  CHECK(has_issue(r.warnings, "/data/1/title", "expected text"));
  CHECK(has_issue(r.errors, "/data/2", "left out"));
  CHECK(has_issue(r.warnings, "", "file 1 holds no records"));

  PipedriveOptions back;
  Issues issues;
  CHECK_FALSE(pipedrive_options_from_json(json{{"currency", 5}}, back, issues));
  CHECK(has_issue(issues, "/currency", "expected a string"));
  PipedriveOptions o{{"Main"}, "EUR"};
  Issues fine;
  REQUIRE(pipedrive_options_from_json(to_json(o), back, fine));
  CHECK(back == o);
}
