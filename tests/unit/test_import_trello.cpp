// Trello board exports to workspaces: the real fixture, and each quirk with a small board.
#include <doctest/doctest.h>

#include "import_helpers.hpp"
#include "trello.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// The names of a document's stages (of its first pipeline) and its deals' titles, in order.
std::vector<std::string> stage_names(const json& doc) {
  std::vector<std::string> out;
  for (const auto& s : doc["pipelines"][0]["stages"]) out.push_back(s["name"].get<std::string>());
  return out;
}
std::vector<std::string> titles(const json& doc) {
  std::vector<std::string> out;
  for (const auto& d : doc["deals"]) out.push_back(d["title"].get<std::string>());
  return out;
}
std::string stage_name(const json& doc, const json& deal) {
  for (const auto& s : doc["pipelines"][0]["stages"])
    if (s["id"] == deal["stage"]) return s["name"].get<std::string>();
  return "";
}

json list(const char* id, const char* name, json pos, bool closed = false) {
  return {{"id", id}, {"name", name}, {"pos", pos}, {"closed", closed}};
}
json card(const char* id, const char* name, const char* list_id, json pos, bool closed = false) {
  return {{"id", id}, {"name", name}, {"idList", list_id}, {"pos", pos}, {"closed", closed}};
}

// Ids are ObjectIds: 5eb3ae8a... is 2020-05-07T06:45:30Z.
json small_board() {
  return {{"name", "Sales"},
          {"lists", {list("5eb3ae8acc62d96f281ce001", "Lead", 2), list("5eb3ae8acc62d96f281ce002", "Won", 3),
                     list("5eb3ae8acc62d96f281ce003", "Old", 1, true)}},
          {"cards", {card("5eb3ae8acc62d96f281cef01", "Acme", "5eb3ae8acc62d96f281ce001", 5),
                     card("5eb3ae8acc62d96f281cef02", "Beta", "5eb3ae8acc62d96f281ce001", 1),
                     card("5eb3ae8acc62d96f281cef03", "Gone", "5eb3ae8acc62d96f281ce001", 0, true),
                     card("5eb3ae8acc62d96f281cef04", "In old list", "5eb3ae8acc62d96f281ce003", 0),
                     card("5eb3ae8acc62d96f281cef05", "Closed", "5eb3ae8acc62d96f281ce002", 0)}}};
}

}  // namespace

TEST_CASE("trello: the web-development fixture, figures computed independently") {
  auto text = shared_fixture("trello/web-development.json");
  if (!text) return;
  SourceImport r = import_trello(*text, {}, kImportNow);
  loads(r);
  // python3: lists sorted by (float(pos), index), not closed -> names; every list has 1 open card;
  // cards sorted by (float(pos), index), grouped by list in list order -> titles.
  CHECK(stage_names(r.document) ==
        std::vector<std::string>{"Backlog", "New Features", "Running Tasks", "Fix & Upgrade", "Phase 1 Testing",
                                 "Phase 2 Testing", "Ready", "Done and Deployed"});
  CHECK(titles(r.document) == std::vector<std::string>{
                                  "Upcomming / Planned features", "Queued Features or Tasks to do",
                                  "Features / Tasks under Development",
                                  "Any task which fails and required to fix after Phase-1 or phase-2 Testing",
                                  "Testing for Development Stage.", "Testing for Pre-production Stage",
                                  "Ready to move to Production after both phases of testing",
                                  "Deployed on Production and Feature running live and fine."});
  CHECK(r.document["pipelines"][0]["name"] == "Web Development");
  CHECK(r.skipped == 0);  // no card or list is closed
  const json& first = r.document["deals"][0];
  CHECK(first["status"] == "open");
  CHECK(stage_name(r.document, first) == "Backlog");
  CHECK(first["created"] == "2020-05-07T06:45:30Z");   // int("5eb3ae8a", 16) = 1588833930
  CHECK(first["updated"] == "2020-05-07T06:45:30.506Z");  // dateLastActivity, to the millisecond
  CHECK(first["history"][0]["at"] == "2020-05-07T06:45:30.542Z");  // its createCard action's date
  CHECK(r.document["people"].size() == 2);  // Prashant Omer, Trello Inspiration
  CHECK(has_mapping(r, "person", "Prashant Omer", "person"));

  TrelloInspection in = inspect_trello(*text);
  REQUIRE(in.ok);
  CHECK(in.lists.size() == 8);
  CHECK(in.lists[0].name == "Backlog");
  CHECK(in.lists[0].pos == 32767.5);
  CHECK(in.cards == 8);
  CHECK(in.labels.size() == 6);  // all unnamed: shown by color
  CHECK(in.labels[0].name == "purple");
  CHECK(in.custom_fields.empty());
}

TEST_CASE("trello: pos order with ties, fractions and strings; archived lists and cards skipped") {
  json b = {{"name", "Board"},
            {"lists", {list("l1", "C", "300"), list("l2", "A", 1.5), list("l3", "B", 1.5), list("l4", "Z", 0.25)}},
            {"cards", {card("c1", "second", "l2", 7), card("c2", "first", "l2", "6.5"), card("c3", "third", "l2", 7)}}};
  SourceImport r = import_trello(b.dump(), {}, kImportNow);
  loads(r);
  CHECK(stage_names(r.document) == std::vector<std::string>{"Z", "A", "B", "C"});  // ties keep array order
  CHECK(titles(r.document) == std::vector<std::string>{"first", "second", "third"});
  for (const auto& s : r.document["pipelines"][0]["stages"]) CHECK(s["kind"] == "open");

  SourceImport s = import_trello(small_board().dump(), {}, kImportNow);
  loads(s);
  CHECK(stage_names(s.document) == std::vector<std::string>{"Lead", "Won"});  // no won/lost unless asked
  CHECK(titles(s.document) == std::vector<std::string>{"Beta", "Acme", "Closed"});
  CHECK(s.skipped == 3);  // list "Old", card "Gone", the card of list "Old"
  CHECK(has_mapping(s, "stage", "Old", "skipped (archived)"));
  CHECK(has_mapping(s, "cards", "2 archived cards", "skipped (archived)"));
}

TEST_CASE("trello: include_archived, won and lost lists") {
  TrelloOptions o;
  o.include_archived = true;
  o.won_lists = {"Won"};                        // by name
  o.lost_lists = {"5eb3ae8acc62d96f281ce003"};  // by id
  SourceImport r = import_trello(small_board().dump(), o, kImportNow);
  loads(r);
  CHECK(r.skipped == 0);
  CHECK(stage_names(r.document) == std::vector<std::string>{"Old", "Lead", "Won"});
  const json& stages = r.document["pipelines"][0]["stages"];
  CHECK(stages[0]["kind"] == "lost");
  CHECK(stages[2]["kind"] == "won");
  CHECK(titles(r.document) == std::vector<std::string>{"In old list", "Gone", "Beta", "Acme", "Closed"});
  CHECK(r.document["deals"][0]["status"] == "lost");
  CHECK(r.document["deals"][4]["status"] == "won");
  CHECK(has_mapping(r, "stage", "Won", "(won)"));
  CHECK(r.document["deals"][0]["created"] == "2020-05-07T06:45:30Z");  // from the card id

  TrelloInspection in = inspect_trello(small_board().dump());
  CHECK(in.archived_lists == 1);
  CHECK(in.archived_cards == 2);
  CHECK(in.suggested.won_lists == std::vector<std::string>{"5eb3ae8acc62d96f281ce002"});
}

TEST_CASE("trello: custom fields, the value field as string numbers, labels, members, due, history") {
  json b = small_board();
  b["customFields"] = {
      {{"id", "f1"}, {"name", "Deal value"}, {"type", "number"}},
      {{"id", "f2"}, {"name", "Seats"}, {"type", "number"}},
      {{"id", "f3"}, {"name", "Tier"}, {"type", "list"},
       {"options", {{{"id", "o1"}, {"value", {{"text", "Gold"}}}}, {{"id", "o2"}, {"value", {{"text", "Silver"}}}}}}},
      {{"id", "f4"}, {"name", "Signed"}, {"type", "checkbox"}},
      {{"id", "f5"}, {"name", "Kick-off"}, {"type", "date"}},
      {{"id", "f6"}, {"name", "Note"}, {"type", "text"}}};
  b["members"] = {{{"id", "m1"}, {"fullName", "Ana Lima"}}};
  b["labels"] = {{{"id", "g1"}, {"name", "Hot"}, {"color", "red"}}, {{"id", "g2"}, {"name", ""}, {"color", "blue"}}};
  json& acme = b["cards"][0];
  acme["desc"] = "Call back";
  acme["due"] = "2026-03-31T23:30:00.000Z";
  acme["idMembers"] = {"m1"};
  acme["idLabels"] = {"g2", "g1"};
  acme["dateLastActivity"] = "2026-04-01T10:00:00.000Z";
  acme["customFieldItems"] = {{{"idCustomField", "f1"}, {"value", {{"number", "1500.50"}}}},
                              {{"idCustomField", "f2"}, {"value", {{"number", "12"}}}},
                              {{"idCustomField", "f3"}, {"idValue", "o2"}},
                              {{"idCustomField", "f4"}, {"value", {{"checked", "true"}}}},
                              {{"idCustomField", "f5"}, {"value", {{"date", "2026-02-01T09:00:00.000Z"}}}},
                              {{"idCustomField", "f6"}, {"value", {{"text", "VIP"}}}}};
  b["cards"][1]["customFieldItems"] = {{{"idCustomField", "f1"}, {"value", {{"number", "abc"}}}}};
  b["actions"] = {
      {{"type", "updateCard"}, {"date", "2026-01-02T00:00:00.000Z"},
       {"data", {{"card", {{"id", "5eb3ae8acc62d96f281cef01"}}}, {"listBefore", {{"id", "x"}}},
                 {"listAfter", {{"id", "5eb3ae8acc62d96f281ce001"}}}}}},
      {{"type", "createCard"}, {"date", "2026-01-01T00:00:00.000Z"},
       {"data", {{"card", {{"id", "5eb3ae8acc62d96f281cef01"}}}, {"list", {{"id", "5eb3ae8acc62d96f281ce002"}}}}}}};
  TrelloOptions o;
  o.value_field = "Deal value";
  o.currency = "EUR";
  SourceImport r = import_trello(b.dump(), o, kImportNow);
  loads(r);
  const json& doc = r.document;
  const json& d = doc["deals"][1];  // Acme, after Beta
  REQUIRE(d["title"] == "Acme");
  CHECK(d["value"] == json({{"amount", 150050}, {"currency", "EUR"}}));
  CHECK(d["notes"] == "Call back");
  CHECK(d["expected_close"] == "2026-03-31");
  CHECK(d["updated"] == "2026-04-01T10:00:00Z");
  CHECK(d["owner"] == doc["people"][0]["id"]);
  CHECK(doc["people"][0]["name"] == "Ana Lima");
  std::map<std::string, json> by_name;
  for (const auto& f : doc["fields"]) by_name[f["name"].get<std::string>()] = f;
  CHECK_FALSE(by_name.count("Deal value"));  // it is the deals' value
  CHECK(by_name["Seats"]["type"] == "number");
  CHECK(by_name["Tier"]["options"] == json({"Gold", "Silver"}));
  CHECK(by_name["Signed"]["type"] == "choice");
  const json& custom = d["custom"];
  CHECK(custom[by_name["Seats"]["id"].get<std::string>()] == 12.0);
  CHECK(custom[by_name["Tier"]["id"].get<std::string>()] == "Silver");
  CHECK(custom[by_name["Signed"]["id"].get<std::string>()] == "Yes");
  CHECK(custom[by_name["Kick-off"]["id"].get<std::string>()] == "2026-02-01");
  CHECK(custom[by_name["Note"]["id"].get<std::string>()] == "VIP");
  CHECK(custom[by_name["Label"]["id"].get<std::string>()] == "blue");  // the first label; unnamed: its color
  CHECK(custom[by_name["All labels"]["id"].get<std::string>()] == "blue, Hot");
  REQUIRE(d["history"].size() == 2);  // oldest first
  CHECK(d["history"][0]["stage"] == doc["pipelines"][0]["stages"][1]["id"]);  // created in "Won"
  CHECK(d["history"][1]["at"] == "2026-01-02T00:00:00Z");
  CHECK(has_issue(r.warnings, "/cards/1/customFieldItems", "not an amount"));  // Beta's "abc"
  CHECK(has_mapping(r, "field", "Deal value", "deal value (EUR)"));
  CHECK(has_mapping(r, "label", "Hot", "option"));
}

TEST_CASE("trello: files that are no board get a clear error") {
  SourceImport account = import_trello(R"({"id":"me","fullName":"Ana","boards":[{"id":"b1"},{"id":"b2"}]})", {}, 0);
  CHECK_FALSE(account.ok);
  CHECK(account.document.is_null());
  CHECK(has_issue(account.errors, "/boards", "Trello account export with 2 boards"));
  CHECK(has_issue(account.errors, "/boards", "Export as JSON"));
  CHECK_FALSE(inspect_trello(R"({"boards":[]})").ok);

  CHECK(has_issue(import_trello(R"({"format":"something"})", {}, 0).errors, "", "not a Trello board"));
  CHECK(has_issue(import_trello("[1,2]", {}, 0).errors, "", "JSON object"));
  CHECK(has_issue(import_trello("{nope", {}, 0).errors, "", "not JSON"));
  CHECK(has_issue(import_trello(R"({"lists":[]})", {}, 0).errors, "/lists", "no lists"));
  SourceImport closed = import_trello(R"({"lists":[{"id":"a","name":"A","closed":true}]})", {}, 0);
  CHECK(has_issue(closed.errors, "/lists", "no open lists"));
  CHECK(has_issue(import_trello(std::string(70, '[') + std::string(70, ']'), {}, 0).errors, "", "deeper"));
}

TEST_CASE("trello: wrong types are reported with their paths and never crash") {
  SourceImport r = import_trello(R"({"lists":"Lead"})", {}, 0);
  CHECK_FALSE(r.ok);
  CHECK(has_issue(r.errors, "/lists", "expected an array"));
  SourceImport w = import_trello(
      R"({"lists":[{"id":"l","name":"L","pos":{"x":1}},7],"cards":[{"id":"c","idList":"l","pos":[1],"name":3,
          "idMembers":"m","customFieldItems":{"a":1}},"x",{"id":"d","idList":"nowhere"}],
          "members":{"m":1},"customFields":[{"id":5}],"actions":[1,{"type":"createCard","date":7}]})",
      {}, 0);
  loads(w);
  CHECK(has_issue(w.warnings, "/lists/0/pos", "expected a number"));
  CHECK(has_issue(w.errors, "/lists/1"));
  CHECK(has_issue(w.warnings, "/cards/0/pos"));
  CHECK(has_issue(w.warnings, "/cards/0/name", "expected text"));
  CHECK(has_issue(w.warnings, "/cards/0/idMembers"));
  CHECK(has_issue(w.warnings, "/members", "expected an array"));
  CHECK(has_issue(w.errors, "/cards/1", "expected a card"));
  CHECK(has_issue(w.errors, "/cards/2/idList", "no list has the id"));
  CHECK(w.skipped == 1);
}

TEST_CASE("trello: options round-trip through JSON, with clear errors") {
  TrelloOptions o;
  o.won_lists = {"Done"};
  o.value_field = "Value";
  o.currency = "JPY";
  o.include_archived = true;
  TrelloOptions back;
  Issues issues;
  REQUIRE(trello_options_from_json(to_json(o), back, issues));
  CHECK(back == o);
  Issues bad;
  CHECK_FALSE(trello_options_from_json(json{{"currency", "Euro"}, {"won_lists", "Done"}, {"extra", 1}}, back, bad));
  CHECK(has_issue(bad, "/currency", "not an ISO 4217"));
  CHECK(has_issue(bad, "/won_lists", "expected an array"));
  CHECK(has_issue(bad, "/extra", "unknown"));
  CHECK(back == o);  // left alone
}

TEST_CASE("trello: a huge claimed count in a tiny file costs nothing") {
  SourceImport r = import_trello(
      R"({"lists":[{"id":"l","name":"L","pos":1e308}],"cards":[{"id":"c","idList":"l","pos":-1e308,
          "badges":{"comments":99999999999999},"idShort":18446744073709551615,"limits":{"cards":{"disableAt":1e18}}}]})",
      {}, kImportNow);
  Workspace ws = loads(r);
  CHECK(ws.deals.size() == 1);
}
