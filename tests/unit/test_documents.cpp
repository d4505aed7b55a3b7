// JSON documents: exact round trips, and every class of error with its JSON Pointer, leaving the
// output untouched.
#include "demo.hpp"
#include "query_fixture.hpp"

using namespace pb;
using namespace pb::test;

namespace {

json with_owner(json command, const char* owner) {
  command["deal"]["owner"] = owner;
  return command;
}

// Sales (p1, default stages of small_session) and Enterprise (p2: t_a, t_b); three deals:
// deals[0] d1 open in s_new, deals[1] d2 won, deals[2] d3 lost.
json base() {
  Session s = small_session();
  ok(s, {{"type", "pipeline.create"},
         {"pipeline", {{"id", "p2"}, {"name", "Enterprise"}, {"stages", {{{"id", "t_a"}, {"name", "A"}}, {{"id", "t_b"}, {"name", "B"}}}}}}});
  ok(s, with_owner(deal("d1", "Acme", 1000), "u1"));
  ok(s, deal("d2", "Beta", 2000, "s_won"));
  json lost = deal("d3", "Gamma", 3000, "s_lost");
  lost["deal"]["lost_reason"] = "Price";
  ok(s, lost);
  ok(s, {{"type", "view.create"}, {"view", {{"id", "v1"}, {"name", "Mine"}, {"pipeline", "p1"}, {"hidden_stages", {"s_lost"}}}}});
  return workspace_to_json(s.workspace());
}

// The sentinel a failed load must leave alone.
const Workspace& sentinel() {
  static const Workspace ws = make_demo_workspace({.deals = 3});
  return ws;
}

// Loads text that must fail; checks the output is untouched and returns the summary.
std::string load_text_error(std::string_view text) {
  Workspace out = sentinel();
  Issues issues;
  CHECK_FALSE(load_workspace(text, out, issues));
  CHECK_FALSE(issues.ok());
  CHECK(out == sentinel());
  return issues.summary();
}
std::string load_error(const json& doc) { return load_text_error(doc.dump()); }

std::string template_error(const json& doc) {
  Template out;
  out.name = "untouched";
  Issues issues;
  CHECK_FALSE(load_template(doc.dump(), out, issues));
  CHECK(out.name == "untouched");
  CHECK(out.deals.empty());
  return issues.summary();
}

}  // namespace

// [SECTION] Round trips

TEST_CASE("a 500-deal demo workspace round-trips exactly") {
  const Workspace ws = make_demo_workspace({.deals = 500});
  for (int indent : {-1, 2}) {
    CAPTURE(indent);
    const std::string text = save_workspace(ws, indent);
    Workspace loaded;
    Issues issues;
    REQUIRE(load_workspace(text, loaded, issues));
    CHECK(issues.summary() == "");
    CHECK(loaded == ws);
    CHECK(save_workspace(loaded, indent) == text);
    // The text writer agrees byte for byte with the JSON form, and the DOM reader with the text reader.
    CHECK(text == workspace_to_json(ws).dump(indent));
    Workspace from_dom;
    REQUIRE(read_workspace(workspace_to_json(ws), from_dom, issues));
    CHECK(from_dom == ws);
  }
}

TEST_CASE("every field kind round-trips: custom values of each type, milliseconds, lost reasons, views") {
  Session s(query_workspace());
  ok(s, {{"type", "deal.move"}, {"deal", "d1"}, {"stage", "s_pres"}}, kNow + 1234);  // a visit with milliseconds
  ok(s, {{"type", "view.create"},
         {"view", {{"id", "v"}, {"name", "Everything"}, {"group_by", "custom.f_ind"}, {"hidden_stages", {"t_lost"}},
                   {"sort", {{{"field", "value"}, {"desc", true}}, {{"field", "title"}, {"desc", false}}}},
                   {"filter", {{"any", {{{"field", "custom.f_seats"}, {"op", "ge"}, {"value", 2.5}}, {{"text", "Łódź"}}}}}}}}});
  const Workspace& ws = s.workspace();
  const std::string text = save_workspace(ws);
  Workspace loaded;
  Issues issues;
  REQUIRE(load_workspace(text, loaded, issues));
  CHECK(loaded == ws);
  CHECK(save_workspace(loaded) == text);
  CHECK(save_workspace(ws, 4) == workspace_to_json(ws).dump(4));
  const Deal& d1 = *loaded.deals.find("d1");
  CHECK(d1.history.back().at == kNow + 1234);
  CHECK(std::get<Money>(d1.custom.at("f_budget")) == Money{50000, "EUR"});
  CHECK(std::get<Date>(d1.custom.at("f_start")) == *parse_date("2026-11-01"));
  CHECK(std::get<double>(d1.custom.at("f_seats")) == 10.0);
  CHECK(text.find("\"2026-09-21T14:13:21.234Z\"") != std::string::npos);
  // An empty workspace, too.
  Workspace empty;
  REQUIRE(load_workspace(save_workspace(Workspace{}), empty, issues));
  CHECK(empty == Workspace{});
}

TEST_CASE("templates round-trip") {
  const Workspace ws = make_demo_workspace({.deals = 120});
  for (bool deals : {false, true}) {
    const Template t = make_template(ws, "pipe_sales", deals);
    CHECK(t.pipeline == *ws.pipelines.find("pipe_sales"));
    CHECK(t.views.size() == 1);
    CHECK(deals == !t.deals.empty());
    const std::string text = template_to_json(t).dump();
    Template loaded;
    Issues issues;
    REQUIRE(load_template(text, loaded, issues));
    CHECK(loaded == t);
    CHECK(template_to_json(loaded).dump() == text);
  }
  // A deal that visited another pipeline keeps only this pipeline's visits.
  Session s(ws);
  ok(s, {{"type", "deal.move"}, {"deal", "deal_000001"}, {"stage", "st_in_qual"}});
  const Template t = make_template(s.workspace(), "pipe_in", true);
  for (const auto& d : t.deals)
    for (const auto& h : d.history) CHECK(h.pipeline == "pipe_in");
}

// [SECTION] Error paths

TEST_CASE("documents that are not workspace JSON at all") {
  CHECK(load_text_error(std::string_view("{\"format\": ")) == "/: not valid JSON");
  CHECK(load_text_error(std::string_view("")) == "/: not valid JSON");
  CHECK(load_error(json::array()) == "/: expected a JSON object, got an array");
  CHECK(load_error(json("workspace")) == "/: expected a JSON object, got a string");
  json doc = base();
  doc.erase("format");
  CHECK(load_error(doc) == "/format: is required and must be \"pipeboard.workspace\"");
  doc["format"] = 5;
  CHECK(load_error(doc) == "/format: is required and must be \"pipeboard.workspace\"");
  doc["format"] = "pipeboard.template";
  CHECK(load_error(doc) == "/format: expected \"pipeboard.workspace\", got \"pipeboard.template\"");
}

TEST_CASE("versions: future, zero, missing, wrong type") {
  json doc = base();
  doc["version"] = 3;
  CHECK(load_error(doc) == "/version: this file is from a newer Pipeboard (version 3); this app reads versions 1 to 2");
  doc["version"] = 0;
  CHECK(load_error(doc) == "/version: must be between 1 and 1000000");
  doc["version"] = -1;
  CHECK(load_error(doc) == "/version: must be between 1 and 1000000");
  doc["version"] = "2";
  CHECK(load_error(doc) == "/version: expected an integer, got a string");
  doc["version"] = 2.0;
  CHECK(load_error(doc) == "/version: expected an integer, got a fraction or a number out of range");
  doc.erase("version");
  CHECK(load_error(doc) == "/version: is required");
}

TEST_CASE("wrong types, unknown fields and missing fields are reported at their path") {
  auto broken = [](auto&& edit) {
    json doc = base();
    edit(doc);
    return load_error(doc);
  };
  CHECK(broken([](json& d) { d["pipelines"] = json::object(); }) == "/pipelines: expected an array, got an object");
  CHECK(broken([](json& d) { d["deals"][0]["title"] = 7; }) == "/deals/0/title: expected a string, got an integer");
  CHECK(broken([](json& d) { d["deals"][2]["value"] = 5; }) == "/deals/2/value: expected an object, got an integer");
  CHECK(broken([](json& d) { d["deals"][0]["value"]["amount"] = "1000"; }) ==
        "/deals/0/value/amount: expected an integer, got a string");
  CHECK(broken([](json& d) { d["people"][0]["email"] = true; }) == "/people/0/email: expected a string, got a boolean");
  CHECK(broken([](json& d) { d["pipelines"][0]["stages"][1]["probability"] = "30%"; }) ==
        "/pipelines/0/stages/1/probability: expected an integer, got a string");
  CHECK(broken([](json& d) { d["deals"][0]["history"] = "none"; }) == "/deals/0/history: expected an array, got a string");
  CHECK(broken([](json& d) { d["deals"][0]["history"][0]["at"] = "yesterday"; }) ==
        "/deals/0/history/0/at: expected a UTC time like 2026-03-31T09:30:00Z, got \"yesterday\"");
  CHECK(broken([](json& d) { d["views"][0]["sort"] = {{{"field", "title"}, {"desc", "yes"}}}; }) ==
        "/views/0/sort/0/desc: expected true or false, got a string");

  CHECK(broken([](json& d) { d["colour"] = "red"; }) == "/colour: unknown field");
  CHECK(broken([](json& d) { d["deals"][1]["colour"] = "red"; }) == "/deals/1/colour: unknown field");
  CHECK(broken([](json& d) { d["pipelines"][0]["stages"][3]["won"] = true; }) == "/pipelines/0/stages/3/won: unknown field");
  CHECK(broken([](json& d) { d["deals"][0]["value"]["cents"] = 1; }) == "/deals/0/value/cents: unknown field");
  CHECK(broken([](json& d) { d["deals"][0]["history"][0]["by"] = "u1"; }) == "/deals/0/history/0/by: unknown field");

  CHECK(broken([](json& d) { d["deals"][0].erase("created"); }) == "/deals/0/created: is required");
  CHECK(broken([](json& d) { d["deals"][0].erase("value"); }) == "/deals/0/value: is required");
  CHECK(broken([](json& d) { d["deals"][0].erase("stage"); }) == "/deals/0/stage: is required");
  CHECK(broken([](json& d) { d["deals"][0].erase("id"); }) == "/deals/0/id: is required");
  CHECK(broken([](json& d) { d["deals"][0]["value"].erase("currency"); }) == "/deals/0/value/currency: is required");
  CHECK(broken([](json& d) { d["pipelines"][1].erase("stages"); }) == "/pipelines/1/stages: is required");
  CHECK(broken([](json& d) { d["pipelines"][1]["stages"] = json::array(); }) == "/pipelines/1/stages: a pipeline needs at least one stage");
  CHECK(broken([](json& d) { d["people"][1].erase("id"); }) == "/people/1/id: is required");
  CHECK(broken([](json& d) { d["people"][1]["name"] = " "; }) == "/people/1/name: must not be empty");
  CHECK(broken([](json& d) { d["fields"][0].erase("type"); }).find("/fields/0/type: is required") == 0);
  CHECK(broken([](json& d) { d["views"][0].erase("name"); }) == "/views/0/name: is required");
  // Everything is reported, the first one in the summary.
  CHECK(broken([](json& d) {
          d["deals"][0]["title"] = 1;
          d["deals"][1]["title"] = 2;
          d["deals"][2]["title"] = 3;
        }) == "/deals/0/title: expected a string, got an integer (and 2 more)");
}

TEST_CASE("ids and references: duplicates, missing pipeline, stage, owner, custom field") {
  auto broken = [](auto&& edit) {
    json doc = base();
    edit(doc);
    return load_error(doc);
  };
  CHECK(broken([](json& d) { d["deals"][1]["id"] = "d1"; }) == "/deals/1/id: repeats id \"d1\"");
  CHECK(broken([](json& d) { d["people"][1]["id"] = "u1"; }) == "/people/1/id: repeats id \"u1\"");
  CHECK(broken([](json& d) { d["pipelines"][1]["id"] = "p1"; }).find("/pipelines/1/id: repeats id \"p1\"") == 0);
  CHECK(broken([](json& d) { d["deals"][0]["pipeline"] = "p9"; }) == "/deals/0/pipeline: no pipeline has id \"p9\"");
  CHECK(broken([](json& d) { d["deals"][0]["stage"] = "t_a"; }) == "/deals/0/stage: pipeline \"Sales\" has no stage with id \"t_a\"");
  CHECK(broken([](json& d) { d["deals"][0]["owner"] = "u9"; }) == "/deals/0/owner: no person has id \"u9\"");
  CHECK(broken([](json& d) { d["deals"][0]["custom"] = {{"f_zz", "x"}}; }) == "/deals/0/custom/f_zz: no custom field has this id");
  CHECK(broken([](json& d) { d["deals"][0]["custom"] = {{"f_ind", "Mining"}}; }) ==
        "/deals/0/custom/f_ind: \"Mining\" is not an option of field \"Industry\"");
  CHECK(broken([](json& d) { d["pipelines"][1]["stages"][0]["id"] = "s_new"; }) ==
        "/pipelines/1/stages/0/id: stage id \"s_new\" is already used in pipeline \"Sales\"");
  CHECK(broken([](json& d) { d["pipelines"][1]["stages"][1]["id"] = "t_a"; }) == "/pipelines/1/stages/1/id: repeats stage id \"t_a\"");
  CHECK(broken([](json& d) { d["views"][0]["pipeline"] = "p9"; }) == "/views/0/pipeline: no pipeline has id \"p9\"");
  CHECK(broken([](json& d) { d["views"][0]["hidden_stages"] = {"t_a"}; }) ==
        "/views/0/hidden_stages/0: no stage with id \"t_a\" in this view's pipeline");
  CHECK(broken([](json& d) { d["views"][0]["filter"] = {{"field", "nope"}, {"op", "eq"}, {"value", 1}}; }) ==
        "/views/0/filter/field: unknown field \"nope\"");
}

TEST_CASE("status must agree with the stage kind; only lost deals have a reason") {
  auto broken = [](auto&& edit) {
    json doc = base();
    edit(doc);
    return load_error(doc);
  };
  CHECK(broken([](json& d) { d["deals"][1]["status"] = "open"; }) == "/deals/1/status: a deal in won stage \"Won\" must have status won");
  CHECK(broken([](json& d) { d["deals"][2]["status"] = "won"; }) ==
        "/deals/2/status: a deal in lost stage \"Lost\" must have status lost (and 1 more)");
  CHECK(broken([](json& d) { d["deals"][0]["lost_reason"] = "x"; }) == "/deals/0/lost_reason: only lost deals have a lost reason");
  CHECK(broken([](json& d) { d["deals"][0]["status"] = "closed"; }) ==
        "/deals/0/status: must be one of open, won, lost, got \"closed\"");
  CHECK(broken([](json& d) { d["deals"][0]["updated"] = "2020-01-01T00:00:00Z"; }) == "/deals/0/updated: is earlier than created");
}

TEST_CASE("dates, timestamps and money are checked strictly") {
  auto broken = [](auto&& edit) {
    json doc = base();
    edit(doc);
    return load_error(doc);
  };
  CHECK(broken([](json& d) { d["deals"][0]["expected_close"] = "2026-02-30"; }) ==
        "/deals/0/expected_close: expected a date like 2026-03-31, got \"2026-02-30\" (or a day that does not exist)");
  CHECK(broken([](json& d) { d["deals"][0]["expected_close"] = "2025-02-29"; }).find("/deals/0/expected_close:") == 0);
  CHECK(broken([](json& d) { d["deals"][0]["created"] = "2026-09-21 14:00:00"; }) ==
        "/deals/0/created: expected a UTC time like 2026-03-31T09:30:00Z, got \"2026-09-21 14:00:00\"");
  CHECK(broken([](json& d) { d["deals"][0]["created"] = "2026-09-21T25:00:00Z"; }).find("/deals/0/created:") == 0);
  CHECK(broken([](json& d) { d["deals"][0]["value"]["amount"] = 1'000'000'000'001; }) ==
        "/deals/0/value/amount: must be between -1000000000000 and 1000000000000");
  CHECK(broken([](json& d) { d["deals"][0]["value"]["amount"] = -1'000'000'000'001; }) ==
        "/deals/0/value/amount: must be between -1000000000000 and 1000000000000");
  CHECK(broken([](json& d) { d["deals"][0]["value"]["amount"] = 1e13; }) ==
        "/deals/0/value/amount: expected an integer, got a fraction or a number out of range");
  CHECK(broken([](json& d) { d["deals"][0]["value"]["amount"] = 10.5; }) ==
        "/deals/0/value/amount: expected an integer, got a fraction or a number out of range");
  CHECK(broken([](json& d) { d["deals"][0]["value"]["currency"] = "XYZ"; }) ==
        "/deals/0/value/currency: is not an ISO 4217 currency code: \"XYZ\"");
  CHECK(broken([](json& d) { d["deals"][0]["value"]["currency"] = "eur"; }) ==
        "/deals/0/value/currency: is not an ISO 4217 currency code: \"eur\"");
  CHECK(broken([](json& d) { d["pipelines"][0]["currency"] = "EURO"; }) ==
        "/pipelines/0/currency: is not an ISO 4217 currency code: \"EURO\"");
  // The limits themselves are fine.
  json doc = base();
  doc["deals"][0]["value"]["amount"] = kMaxMoneyMinor;
  doc["deals"][1]["value"]["amount"] = -kMaxMoneyMinor;
  Workspace ws;
  Issues issues;
  CHECK(load_workspace(doc.dump(), ws, issues));
  CHECK(issues.summary() == "");
  // A huge integer must not wrap around into range.
  std::string text = doc.dump();
  const std::string max = std::to_string(kMaxMoneyMinor);
  text.replace(text.find(max), max.size(), "18446744073709551611");
  CHECK(load_text_error(text) == "/deals/0/value/amount: must be between -1000000000000 and 1000000000000");
}

TEST_CASE("length limits and value types inside deals; null optional fields read as absent") {
  auto broken = [](auto&& edit) {
    json doc = base();
    edit(doc);
    return load_error(doc);
  };
  CHECK(broken([](json& d) { d["deals"][0]["title"] = std::string(201, 'x'); }) ==
        "/deals/0/title: is too long (201 bytes, at most 200)");
  CHECK(broken([](json& d) { d["deals"][2]["lost_reason"] = std::string(201, 'x'); }) ==
        "/deals/2/lost_reason: is too long (201 bytes, at most 200)");
  CHECK(broken([](json& d) { d["deals"][0]["owner"] = std::string(65, 'u'); }) ==
        "/deals/0/owner: is too long (65 bytes, at most 64)");
  CHECK(broken([](json& d) { d["deals"][0]["notes"] = std::string(100'001, 'n'); }) ==
        "/deals/0/notes: is too long (100001 bytes, at most 100000)");
  CHECK(broken([](json& d) { d["deals"][0]["custom"] = {{"f_ind", 5}}; }) ==
        "/deals/0/custom/f_ind: expected a string, got an integer");
  CHECK(broken([](json& d) { d["deals"][0]["custom"] = {{"f_ind", nullptr}}; }) ==
        "/deals/0/custom/f_ind: expected a value, got null");
  CHECK(broken([](json& d) { d["deals"][0]["custom"] = json::array(); }) == "/deals/0/custom: expected an object, got an array");
  // Limits are inclusive.
  json doc = base();
  doc["deals"][0]["title"] = std::string(200, 'x');
  doc["deals"][0]["notes"] = std::string(100'000, 'n');
  Workspace ws;
  Issues issues;
  CHECK(load_workspace(doc.dump(), ws, issues));
  CHECK(ws.deals.find("d1")->title.size() == 200);
  // null for an optional field is the same as leaving it out.
  json with_nulls = base(), without = base();
  for (const char* key : {"owner", "expected_close", "notes", "company"}) with_nulls["deals"][0][key] = nullptr;
  without["deals"][0].erase("owner");
  Workspace a, b;
  REQUIRE(load_workspace(with_nulls.dump(), a, issues));
  REQUIRE(load_workspace(without.dump(), b, issues));
  CHECK(a == b);
  CHECK(a.deals.find("d1")->owner.empty());
}

TEST_CASE("text that is not UTF-8, nesting, size") {
  std::string text = base().dump();
  const std::size_t at = text.find("Acme");
  REQUIRE(at != std::string::npos);
  text[at + 1] = '\xC3';
  CHECK(load_text_error(text) == "/: not valid JSON (the text is not valid UTF-8)");
  // A document built in C++ skips the parser's check; the reader catches it at its path.
  json doc = base();
  doc["deals"][0]["title"] = "Ac\xC3" "me";
  Workspace out = sentinel();
  Issues issues;
  CHECK_FALSE(read_workspace(doc, out, issues));
  CHECK(issues.summary() == "/deals/0/title: is not valid UTF-8 text");
  CHECK(out == sentinel());
  // Nesting deeper than 64 levels.
  json deep = {{"field", "title"}, {"op", "eq"}, {"value", "x"}};
  for (int i = 0; i < 70; ++i) deep = json{{"not", deep}};
  doc = base();
  doc["views"][0]["filter"] = deep;
  CHECK(load_text_error(doc.dump()) == "/: nesting is deeper than 64 levels");
  // Over-size input is refused before parsing.
  json parsed;
  std::string error;
  const std::string big = save_workspace(make_demo_workspace({.deals = 20}));
  CHECK_FALSE(parse_json(big, parsed, error, ParseLimits{4096, 64}));
  CHECK(error == "the file is " + std::to_string(big.size()) + " bytes; the limit is 4096 bytes");
  CHECK(parse_json(big, parsed, error, ParseLimits{big.size(), 64}));
}

TEST_CASE("template documents: structure and references") {
  const Template t = make_template(make_demo_workspace({.deals = 30}), "pipe_sales", true);
  const json good = template_to_json(t);
  auto broken = [&](auto&& edit) {
    json doc = good;
    edit(doc);
    return template_error(doc);
  };
  CHECK(broken([](json& d) { d["format"] = "pipeboard.workspace"; }) ==
        "/format: expected \"pipeboard.template\", got \"pipeboard.workspace\"");
  CHECK(broken([](json& d) { d["version"] = 9; }) ==
        "/version: this file is from a newer Pipeboard (version 9); this app reads versions 1 to 2");
  CHECK(broken([](json& d) { d.erase("name"); }) == "/name: is required");
  CHECK(broken([](json& d) { d.erase("pipeline"); }) == "/pipeline: is required");
  CHECK(broken([](json& d) { d["pipeline"]["stages"][0]["kind"] = "won"; d["pipeline"]["stages"][1]["kind"] = "won";
                             d["pipeline"]["stages"][2]["kind"] = "won"; }).find("/pipeline/stages: a pipeline needs at least one open stage") == 0);
  CHECK(broken([](json& d) { d["views"][0]["pipeline"] = "pipe_other"; }).find("/views/0/pipeline: ") == 0);
  CHECK(broken([](json& d) { d["deals"][0]["pipeline"] = "pipe_other"; }) == "/deals/0/pipeline: no pipeline has id \"pipe_other\"");
  CHECK(broken([](json& d) { d["deals"][0]["owner"] = "u_nobody"; }) == "/deals/0/owner: no person has id \"u_nobody\"");
  CHECK(broken([](json& d) { d["extra"] = 1; }) == "/extra: unknown field");
  Template out;
  Issues issues;
  CHECK_FALSE(load_template("[1, 2", out, issues));
  CHECK(issues.summary() == "/: not valid JSON");
}
