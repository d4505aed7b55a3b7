// Queries: every filter operator on every kind of field, nesting, text search and filter errors.
// Grouping, sorting and totals: test_query_groups.cpp. Both use the fixture in query_fixture.hpp.
#include "query_fixture.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// Ids of the deals a filter matches, sorted, comma-separated; or the query's error.
std::string match(const Workspace& ws, const json& filter, const std::string& text = "") {
  Query q;
  q.filter = filter;
  q.text = text;
  q.group_by = "pipeline";
  QueryResult r = run_query(ws, q);
  if (!r.error.empty()) return "error: " + r.error;
  std::vector<std::string> ids;
  for (const auto& g : r.groups)
    for (const Deal* d : g.deals) ids.push_back(d->id);
  std::sort(ids.begin(), ids.end());
  return join(ids);
}

json cond(const std::string& field, const std::string& op, json value = nullptr) {
  json c{{"field", field}, {"op", op}};
  if (!value.is_null()) c["value"] = std::move(value);
  return c;
}

}  // namespace

TEST_CASE("filters on text fields: every operator") {
  const Workspace ws = query_workspace();
  CHECK(match(ws, nullptr) == "d1,d2,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("title", "eq", "Zeta")) == "d6");
  CHECK(match(ws, cond("company", "ne", "Acme GmbH")) == "d2,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("title", "lt", "Delta")) == "d1,d2");  // byte order: "delta expansion" is lower case
  CHECK(match(ws, cond("title", "le", "Beta renewal")) == "d1,d2");
  CHECK(match(ws, cond("title", "gt", "Theta")) == "d4,d6");
  CHECK(match(ws, cond("title", "ge", "Theta")) == "d4,d6,d8");
  // contains and starts_with ignore case.
  CHECK(match(ws, cond("title", "contains", "ROLL")) == "d1");
  CHECK(match(ws, cond("company", "contains", "ELTA")) == "d4");
  CHECK(match(ws, cond("company", "starts_with", "BETA")) == "d2");
  CHECK(match(ws, cond("title", "starts_with", "e")) == "d5,d7");
  CHECK(match(ws, cond("title", "starts_with", "Epsilon and more")) == "");
  CHECK(match(ws, cond("product", "in", {"CRM", "Consulting"})) == "d1,d3,d5,d7");
  CHECK(match(ws, cond("product", "in", json::array())) == "");
  CHECK(match(ws, cond("product", "empty")) == "d4,d8");
  CHECK(match(ws, cond("product", "not_empty")) == "d1,d2,d3,d5,d6,d7");
  CHECK(match(ws, cond("owner", "eq", "u1")) == "d1,d3,d6,d8");
  CHECK(match(ws, cond("owner", "empty")) == "d4");
  CHECK(match(ws, cond("status", "eq", "won")) == "d5");
  CHECK(match(ws, cond("status", "in", {"won", "lost"})) == "d5,d6");
  CHECK(match(ws, cond("stage", "eq", "s_pres")) == "d2,d3");
  CHECK(match(ws, cond("pipeline", "eq", "p2")) == "d7,d8");
  CHECK(match(ws, cond("currency", "eq", "USD")) == "d3,d7,d8");
  CHECK(match(ws, cond("lost_reason", "not_empty")) == "d6");
  CHECK(match(ws, cond("contact_email", "contains", "@acme")) == "d1");
  CHECK(match(ws, cond("notes", "contains", "MONDAY")) == "d1");
  CHECK(match(ws, cond("plan", "eq", "Team")) == "d1,d3");
  CHECK(match(ws, cond("property", "not_empty")) == "d1,d5");
  CHECK(match(ws, cond("source", "ne", "Web")) == "d2,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("contact_name", "starts_with", "jane")) == "d1");
}

TEST_CASE("filters on money compare minor units") {
  const Workspace ws = query_workspace();
  CHECK(match(ws, cond("value", "gt", 250000)) == "d4,d5,d7");
  CHECK(match(ws, cond("value", "ge", 250000)) == "d2,d4,d5,d7");
  CHECK(match(ws, cond("value", "lt", 40000)) == "d8");
  CHECK(match(ws, cond("value", "le", 40000)) == "d3,d8");
  CHECK(match(ws, cond("value", "eq", 70000)) == "d6");
  CHECK(match(ws, cond("value", "ne", 70000)) == "d1,d2,d3,d4,d5,d7,d8");
  CHECK(match(ws, cond("value", "in", {100000, 20000})) == "d1,d8");
  CHECK(match(ws, cond("value", "not_empty")) == "d1,d2,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("value", "gt", 1.5)) ==
        "error: /filter/value: expected an integer, got a fraction or a number out of range");
  CHECK(match(ws, cond("value", "gt", "1000")) == "error: /filter/value: expected an integer, got a string");
  CHECK(match(ws, cond("value", "contains", "1")) == "error: /filter/op: \"contains\" works on text fields only");
  // Custom money fields too.
  CHECK(match(ws, cond("custom.f_budget", "gt", 60000)) == "d2");
  CHECK(match(ws, cond("custom.f_budget", "eq", 50000)) == "d1");
  CHECK(match(ws, cond("custom.f_budget", "empty")) == "d3,d4,d5,d6,d7,d8");
}

TEST_CASE("filters on dates and timestamps") {
  const Workspace ws = query_workspace();
  CHECK(match(ws, cond("expected_close", "lt", "2026-10-31")) == "d1,d5");
  CHECK(match(ws, cond("expected_close", "le", "2026-10-31")) == "d1,d2,d5");
  CHECK(match(ws, cond("expected_close", "gt", "2026-10-31")) == "d3,d7");
  CHECK(match(ws, cond("expected_close", "ge", "2026-10-31")) == "d2,d3,d7");
  CHECK(match(ws, cond("expected_close", "eq", "2026-10-31")) == "d2");
  CHECK(match(ws, cond("expected_close", "ne", "2026-10-31")) == "d1,d3,d4,d5,d6,d7,d8");  // unset is "not equal"
  CHECK(match(ws, cond("expected_close", "in", {"2026-10-15", "2026-12-01"})) == "d1,d7");
  CHECK(match(ws, cond("expected_close", "empty")) == "d4,d6,d8");
  CHECK(match(ws, cond("expected_close", "not_empty")) == "d1,d2,d3,d5,d7");
  CHECK(match(ws, cond("expected_close", "gt", "2026-02-30")) ==
        "error: /filter/value: expected a date like 2026-03-31, got \"2026-02-30\"");
  CHECK(match(ws, cond("expected_close", "starts_with", "2026")) == "error: /filter/op: \"starts_with\" works on text fields only");
  // Timestamps compare by whole UTC days: "eq 2026-09-02" is all of that day.
  CHECK(match(ws, cond("created", "eq", "2026-09-02")) == "d2,d3");
  CHECK(match(ws, cond("created", "lt", "2026-09-02")) == "d1");
  CHECK(match(ws, cond("created", "le", "2026-09-01")) == "d1");
  CHECK(match(ws, cond("created", "ge", "2026-09-02")) == "d2,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("created", "gt", "2026-09-02")) == "d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("created", "in", {"2026-09-01", "2026-09-21"})) == "d1,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("updated", "eq", "2026-09-21")) == "d1,d2,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("created", "ge", "2026-09-02T00:00:00Z")) ==
        "error: /filter/value: expected a date like 2026-03-31, got \"2026-09-02T00:00:00Z\"");
  // Custom dates.
  CHECK(match(ws, cond("custom.f_start", "ge", "2026-12-01")) == "d7");
  CHECK(match(ws, cond("custom.f_start", "lt", "2026-12-01")) == "d1");
  CHECK(match(ws, cond("custom.f_start", "empty")) == "d2,d3,d4,d5,d6,d8");
}

TEST_CASE("filters on custom number, choice and text fields") {
  const Workspace ws = query_workspace();
  CHECK(match(ws, cond("custom.f_seats", "gt", 9)) == "d1,d2");
  CHECK(match(ws, cond("custom.f_seats", "ge", 2.5)) == "d1,d2,d4");
  CHECK(match(ws, cond("custom.f_seats", "lt", 10)) == "d4");
  CHECK(match(ws, cond("custom.f_seats", "le", 10)) == "d1,d4");
  CHECK(match(ws, cond("custom.f_seats", "eq", 25)) == "d2");
  CHECK(match(ws, cond("custom.f_seats", "ne", 25)) == "d1,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("custom.f_seats", "in", {5, 10})) == "d1,d4");
  CHECK(match(ws, cond("custom.f_seats", "empty")) == "d3,d5,d6,d7,d8");
  CHECK(match(ws, cond("custom.f_seats", "not_empty")) == "d1,d2,d4");
  CHECK(match(ws, cond("custom.f_seats", "gt", "ten")) == "error: /filter/value: expected a number, got a string");
  CHECK(match(ws, cond("custom.f_ind", "eq", "Tech")) == "d2,d3");
  CHECK(match(ws, cond("custom.f_ind", "ne", "Tech")) == "d1,d4,d5,d6,d7,d8");
  CHECK(match(ws, cond("custom.f_ind", "in", {"Retail", "Health"})) == "d1,d7");
  CHECK(match(ws, cond("custom.f_ind", "contains", "TEC")) == "d2,d3");
  CHECK(match(ws, cond("custom.f_ind", "empty")) == "d4,d5,d6,d8");
  CHECK(match(ws, cond("custom.f_ref", "starts_with", "ref")) == "d1,d3");
  CHECK(match(ws, cond("custom.f_ref", "eq", "REF-1")) == "d1");
  CHECK(match(ws, cond("custom.f_ref", "not_empty")) == "d1,d3");
}

TEST_CASE("all / any / not nest; text search ignores case") {
  const Workspace ws = query_workspace();
  CHECK(match(ws, {{"all", {cond("owner", "eq", "u1"), cond("value", "ge", 50000)}}}) == "d1,d6");
  CHECK(match(ws, {{"any", {cond("status", "eq", "won"), cond("stage", "eq", "s_nego")}}}) == "d4,d5");
  CHECK(match(ws, {{"not", cond("owner", "eq", "u1")}}) == "d2,d4,d5,d7");
  CHECK(match(ws, {{"all", {{{"any", {cond("product", "eq", "CRM"), cond("product", "eq", "Consulting")}}},
                            {{"not", cond("currency", "eq", "USD")}}}}}) == "d1,d5");
  CHECK(match(ws, {{"not", {{"not", cond("pipeline", "eq", "p2")}}}}) == "d7,d8");
  CHECK(match(ws, {{"all", json::array()}}) == "d1,d2,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, {{"any", {cond("title", "eq", "nothing"), {{"all", {cond("owner", "eq", "u2"), cond("status", "eq", "open")}}}}}}) == "d2,d7");
  // Search looks at title, company, contact, email, product and notes.
  CHECK(match(ws, {{"text", "ACME"}}) == "d1");
  CHECK(match(ws, {{"text", "jane@"}}) == "d1");
  CHECK(match(ws, {{"text", "monday"}}) == "d1");
  CHECK(match(ws, {{"text", "crm"}}) == "d1,d3,d5");
  CHECK(match(ws, {{"text", "Roe"}}) == "d1");
  CHECK(match(ws, {{"text", "Referral"}}) == "");  // source is not searched
  CHECK(match(ws, {{"text", ""}}) == "d1,d2,d3,d4,d5,d6,d7,d8");
  CHECK(match(ws, {{"all", {{{"text", "a"}}, cond("pipeline", "eq", "p2")}}}) == "d7,d8");
  // The quick search combines with the filter.
  CHECK(match(ws, nullptr, "BETA") == "d2");
  CHECK(match(ws, cond("owner", "eq", "u1"), "pilot") == "d3");
}

TEST_CASE("invalid filters, groupings, sorts and pipelines name the path") {
  const Workspace ws = query_workspace();
  CHECK(match(ws, cond("colour", "eq", "red")) == "error: /filter/field: unknown field \"colour\"");
  CHECK(match(ws, cond("custom.f_zz", "eq", "x")) == "error: /filter/field: unknown field \"custom.f_zz\"");
  CHECK(match(ws, {{"all", {cond("value", "gt", "big")}}}) == "error: /filter/all/0/value: expected an integer, got a string");
  CHECK(match(ws, {{"any", {cond("title", "eq", "x"), json::object()}}}) ==
        "error: /filter/any/1/field: is required (and 1 more)");
  CHECK(match(ws, cond("title", "like", "x")) == "error: /filter/op: unknown operator \"like\"");
  CHECK(match(ws, cond("title", "eq")) == "error: /filter/value: is required");
  CHECK(match(ws, cond("title", "in", "x")) == "error: /filter/value: expected an array, got a string");
  CHECK(match(ws, cond("title", "in", {"x", 3})) == "error: /filter/value/1: expected a string, got an integer");
  CHECK(match(ws, {{"not", 5}}) == "error: /filter/not: expected an object, got an integer");
  CHECK(match(ws, {{"all", json::object()}}) == "error: /filter/all: expected an array, got an object");
  CHECK(match(ws, {{"text", 5}}) == "error: /filter/text: expected a string, got an integer");
  CHECK(match(ws, {{"field", "title"}, {"op", "eq"}, {"value", "x"}, {"extra", 1}}) == "error: /filter/extra: unknown field");
  CHECK(match(ws, "title = x") == "error: /filter: expected an object, got a string");
  json deep = cond("title", "eq", "x");
  for (int i = 0; i < 17; ++i) deep = json{{"not", deep}};
  CHECK(match(ws, deep).find("filter is nested deeper than 16 levels") != std::string::npos);
  json too_deep = cond("title", "eq", "Zeta");
  for (int i = 0; i < 16; ++i) too_deep = json{{"not", {{"not", too_deep}}}};
  CHECK(match(ws, too_deep).find("error") == 0);  // 32 levels: too deep as well
  json fine = cond("title", "eq", "Zeta");
  for (int i = 0; i < 8; ++i) fine = json{{"not", {{"not", fine}}}};
  CHECK(match(ws, fine) == "d6");

  Query q;
  q.group_by = "colour";
  CHECK(run_query(ws, q).error == "/group_by: unknown field \"colour\"");
  q.group_by = "value";
  CHECK(run_query(ws, q).error == "/group_by: cannot group by \"value\"");
  q.group_by = "stage";
  q.sort = {SortKey{"size", false}};
  CHECK(run_query(ws, q).error == "/sort/0/field: unknown field \"size\"");
  q.sort.clear();
  q.pipeline = "p9";
  const QueryResult r = run_query(ws, q);
  CHECK(r.error == "/pipeline: no pipeline has id \"p9\"");
  CHECK(r.groups.empty());
  // Views are checked the same way, at the view's path.
  Issues issues;
  View v;
  v.name = "V";
  v.filter = cond("value", "gt", "big");
  check_view(ws, v, JsonPath() / "views" / 3, issues);
  CHECK(issues.summary() == "/views/3/filter/value: expected an integer, got a string");
}

TEST_CASE("field keys: labels, groupable keys, views as queries") {
  const Workspace ws = query_workspace();
  CHECK(field_label(ws.fields, "owner") == "Owner");
  CHECK(field_label(ws.fields, "expected_close") == "Expected close");
  CHECK(field_label(ws.fields, "custom.f_ind") == "Industry");
  CHECK(field_label(ws.fields, "custom.nope") == "custom.nope");
  const auto keys = groupable_keys(ws.fields);
  for (const char* k : {"stage", "owner", "product", "plan", "property", "source", "status", "expected_close", "pipeline",
                        "custom.f_ind", "custom.f_seats", "custom.f_start", "custom.f_ref"})
    CHECK_MESSAGE(std::find(keys.begin(), keys.end(), k) != keys.end(), k);
  for (const char* k : {"title", "value", "notes", "contact_email", "custom.f_budget"})
    CHECK_MESSAGE(std::find(keys.begin(), keys.end(), k) == keys.end(), k);
  View v;
  v.pipeline = "p1";
  v.filter = cond("owner", "eq", "u1");
  v.group_by = "owner";
  v.sort = {SortKey{"value", true}};
  v.hidden_stages = {"s_lost"};
  const Query q = query_of(v);
  CHECK(q.pipeline == "p1");
  CHECK(q.filter == v.filter);
  CHECK(q.group_by == "owner");
  CHECK(q.sort == v.sort);
  CHECK(q.hidden_stages == v.hidden_stages);
  CHECK(q.text.empty());
}
