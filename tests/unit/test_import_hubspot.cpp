// HubSpot v3 answers to workspaces: the real fixtures, stage kinds from metadata only, quirks.
#include <doctest/doctest.h>

#include "hubspot.hpp"
#include "import_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {

json stage(const char* id, const char* label, int order, const char* closed, const char* probability) {
  return {{"id", id}, {"label", label}, {"displayOrder", order},
          {"metadata", {{"isClosed", closed}, {"probability", probability}}}};
}

json deal(const char* id, json properties, bool archived = false) {
  return {{"id", id}, {"properties", std::move(properties)}, {"archived", archived}};
}

}  // namespace

TEST_CASE("hubspot: the v3 fixtures, figures computed independently") {
  auto pipelines = shared_fixture("hubspot/pipelines-deals-v3.json");
  auto deals = shared_fixture("hubspot/deals-v3.json");
  if (!pipelines || !deals) return;
  SourceImport r = import_hubspot({*deals, *pipelines}, {}, kImportNow);
  loads(r);
  const json& doc = r.document;
  // python3: one pipeline "Sales Pipeline", stages by displayOrder 0..6; closedwon is isClosed "true"
  // with probability "1.0", closedlost "true" with "0.0"; the others are open, probability x 100.
  REQUIRE(doc["pipelines"].size() == 1);
  const json& stages = doc["pipelines"][0]["stages"];
  REQUIRE(stages.size() == 7);
  CHECK(stages[0]["name"] == "Appointment Scheduled");
  CHECK(stages[0]["probability"] == 20);
  CHECK(stages[4]["name"] == "Contract Sent");
  CHECK(stages[4]["probability"] == 90);
  CHECK(stages[5]["kind"] == "won");
  CHECK(stages[6]["kind"] == "lost");
  for (int i = 0; i < 5; ++i) CHECK(stages[i]["kind"] == "open");
  // 14 deals: 3 with dealstage "contractsent", 11 with none (first open stage); amounts sum to
  // 26000.00 (sum of float(amount or 0) * 100 = 2600000); 5 have no dealname; one owner id 902942351.
  REQUIRE(doc["deals"].size() == 14);
  int contract = 0, first = 0, untitled = 0;
  std::int64_t total = 0;
  for (const auto& d : doc["deals"]) {
    contract += d["stage"] == stages[4]["id"];
    first += d["stage"] == stages[0]["id"];
    untitled += d["title"] == "Untitled deal";
    total += d["value"]["amount"].get<std::int64_t>();
    CHECK(d["value"]["currency"] == "USD");
  }
  CHECK(contract == 3);
  CHECK(first == 11);
  CHECK(untitled == 5);
  CHECK(total == 2600000);
  const json& d0 = doc["deals"][0];
  CHECK(d0["title"] == "Mock testing Update-1");
  CHECK(d0["expected_close"] == "2025-10-07");
  CHECK(d0["created"] == "2024-10-07T05:01:20.320Z");  // createdate, to the millisecond
  CHECK(d0["updated"] == "2024-10-09T12:21:23.651Z");
  REQUIRE(doc["people"].size() == 1);
  CHECK(doc["people"][0]["name"] == "Owner 902942351");
  CHECK(has_mapping(r, "person", "902942351", "owner ids only"));
  CHECK(has_mapping(r, "stage", "Closed Won", "(won)"));
  CHECK(has_issue(r.warnings, "", "11 deals have no dealstage"));

  HubspotInspection in = inspect_hubspot({*pipelines, *deals});
  CHECK(in.texts == std::vector<std::string>{"pipelines", "deals"});
  CHECK(in.deals == 14);
  CHECK(in.without_stage == 11);
  CHECK(in.pipelines[0].stages[5].kind == "won");
  CHECK(in.owners == std::vector<std::string>{"902942351"});
}

TEST_CASE("hubspot: displayOrder, kinds from metadata only, closed stages that are neither") {
  json pipeline = {{"id", "p1"}, {"label", "Sales"}, {"displayOrder", 0},
                   {"stages", {stage("won", "Won it", 3, "true", "1.0"), stage("b", "Second", 1, "false", "0.5"),
                               stage("a", "First", 1, "false", "0.25"), stage("lost", "Closed Won (really lost)", 4, "true", "0.0"),
                               stage("odd", "Closed maybe", 2, "true", "0.6"), stage("x", "Won", 0, "false", "0.9")}}};
  SourceImport r = import_hubspot({pipeline.dump()}, {}, kImportNow);  // one pipeline object
  loads(r);
  const json& stages = r.document["pipelines"][0]["stages"];
  std::vector<std::string> names, kinds;
  for (const auto& s : stages) {
    names.push_back(s["name"].get<std::string>());
    kinds.push_back(s["kind"].get<std::string>());
  }
  CHECK(names == std::vector<std::string>{"Won", "Second", "First", "Closed maybe", "Won it", "Closed Won (really lost)"});
  CHECK(kinds == std::vector<std::string>{"open", "open", "open", "open", "won", "lost"});  // never from a label
  CHECK(stages[2]["probability"] == 25);
  CHECK(has_issue(r.warnings, "/stages/4/metadata", "kept as an open stage"));
}

TEST_CASE("hubspot: deals by stage and pipeline ids, unknown ones, amounts, archived, chosen pipelines") {
  json pipelines = {{"results", {{{"id", "p2"}, {"label", "Second"}, {"displayOrder", 2}, {"stages", {stage("s2", "S2", 0, "false", "0.1")}}},
                                 {{"id", "p1"}, {"label", "First"}, {"displayOrder", 1},
                                  {"stages", {stage("s1", "S1", 0, "false", "0.1"), stage("w1", "W1", 1, "true", "1.0")}}}}}};
  json deals = {{"results",
                 {deal("1", {{"dealname", "A"}, {"amount", "1500.50"}, {"dealstage", "s1"}, {"pipeline", "p1"},
                             {"closedate", "2026-06-30T22:00:00.000Z"}, {"deal_currency_code", "EUR"}}),
                  deal("2", {{"dealname", "B"}, {"amount", "0.125"}, {"dealstage", "w1"}, {"closedate", "2026-01-01T00:00:00Z"}}),
                  deal("3", {{"dealname", "C"}, {"dealstage", "zz"}, {"pipeline", "p2"}, {"amount", "12,5"}}),
                  deal("4", {{"dealname", "D"}, {"pipeline", "p9"}, {"amount", "99999999999999999999.9999"}}),
                  deal("5", {{"dealname", "E"}, {"dealstage", "s1"}}, true)}},
                {"paging", {{"next", {{"after", "999999999999"}}}}}};
  SourceImport r = import_hubspot({deals.dump(), pipelines.dump()}, {}, kImportNow);
  loads(r);
  const json& doc = r.document;
  CHECK(doc["pipelines"][0]["name"] == "First");  // displayOrder
  REQUIRE(doc["deals"].size() == 4);
  CHECK(doc["deals"][0]["value"] == json({{"amount", 150050}, {"currency", "EUR"}}));
  CHECK(doc["deals"][0]["expected_close"] == "2026-06-30");
  CHECK(doc["deals"][1]["status"] == "won");  // found by its stage id alone
  CHECK(doc["deals"][1]["value"]["amount"] == 13);  // 0.125 rounds half away from zero
  CHECK_FALSE(doc["deals"][1].contains("expected_close"));  // closed: closedate is when, not a forecast
  CHECK(has_issue(r.warnings, "/results/2/properties/dealstage", "no pipelines file names stage \"zz\""));
  CHECK(has_issue(r.warnings, "/results/2/properties/amount", "not an amount"));
  CHECK(has_issue(r.warnings, "/results/3/properties/pipeline", "\"p9\""));
  CHECK(has_issue(r.warnings, "/results/3/properties/amount", "not an amount"));  // past the limit, no overflow
  CHECK(r.skipped == 1);
  CHECK(has_mapping(r, "deals", "1 archived deals", "skipped (archived)"));

  HubspotOptions o;
  o.pipelines = {"Second"};
  o.include_archived = true;
  SourceImport c = import_hubspot({deals.dump(), pipelines.dump()}, o, kImportNow);
  loads(c);
  CHECK(c.document["pipelines"].size() == 1);
  CHECK(c.document["deals"].size() == 1);  // C
  CHECK(c.skipped == 4);

  SourceImport alone = import_hubspot({deals.dump()}, {}, kImportNow);  // no pipelines file
  loads(alone);
  CHECK(has_issue(alone.warnings, "/results/0/properties/pipeline", "no pipelines file names pipeline \"p1\""));
}

TEST_CASE("hubspot: wrong files and wrong types, with paths") {
  CHECK(has_issue(import_hubspot({R"({"results":"x"})"}, {}, 0).errors, "/results", "expected an array"));
  CHECK(has_issue(import_hubspot({R"({"status":"error","message":"bad"})"}, {}, 0).errors, "", "not a HubSpot answer"));
  CHECK(has_issue(import_hubspot({R"([{"a":1}])"}, {}, 0).errors, "", "no HubSpot pipelines or deals"));
  CHECK_FALSE(import_hubspot({}, {}, 0).ok);
  json deals = {{"results", {deal("1", {{"dealname", {1}}, {"amount", 5}, {"createdate", "yesterday"}}), deal("2", "x"), 3}}};
  json pipelines = {{"results", {{{"id", "p"}, {"label", "P"}, {"stages", "none"}}}}};
  SourceImport r = import_hubspot({deals.dump(), pipelines.dump()}, {}, kImportNow);
  loads(r);
  CHECK(has_issue(r.warnings, "/results/0/properties/dealname", "file 1: expected text"));
  CHECK(has_issue(r.warnings, "/results/0/properties/amount", "expected text"));
  CHECK(has_issue(r.warnings, "/results/0/properties/createdate", "not a time"));
  CHECK(has_issue(r.warnings, "/results/1/properties", "expected an object"));
  CHECK(has_issue(r.errors, "/results/2", "left out"));
  CHECK(has_issue(r.warnings, "/results/0/stages", "file 2: expected an array"));

  HubspotOptions back;
  Issues issues;
  CHECK_FALSE(hubspot_options_from_json(json{{"include_archived", "yes"}}, back, issues));
  CHECK(has_issue(issues, "/include_archived", "expected true or false"));
  HubspotOptions o{{"p1"}, "GBP", true};
  Issues fine;
  REQUIRE(hubspot_options_from_json(to_json(o), back, fine));
  CHECK(back == o);
}
