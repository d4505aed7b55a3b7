// The board's pure helpers: the filter bar's QuickFilter <-> filter expression, amount parsing,
// and what dragging a card between grouped columns does (regroup_command).
#include "query.hpp"
#include "quick_filter.hpp"
#include "regroup.hpp"
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

TEST_CASE("a quick filter becomes a filter expression and comes back") {
  QuickFilter q;
  q.owner = "u1";
  q.status = "open";
  q.min_value = 100000;
  q.close_to = parse_date("2026-12-31");
  q.custom["f_ind"] = "Tech";
  const json f = to_filter(q);
  CHECK(f == json::parse(R"({"all":[{"field":"owner","op":"eq","value":"u1"},{"field":"status","op":"eq","value":"open"},
    {"field":"value","op":"ge","value":100000},{"field":"expected_close","op":"le","value":"2026-12-31"},
    {"field":"custom.f_ind","op":"eq","value":"Tech"}]})"));
  auto back = quick_filter_of(f);
  REQUIRE(back);
  CHECK(*back == q);
  CHECK(to_filter(QuickFilter{}).is_null());
  CHECK(quick_filter_of(nullptr) == QuickFilter{});
  QuickFilter none;
  none.owner = std::string(kNoOwner);
  CHECK(quick_filter_of(to_filter(none)) == none);
}

TEST_CASE("filters the bar cannot show are reported as such") {
  CHECK_FALSE(quick_filter_of(json::parse(R"({"any":[{"field":"owner","op":"eq","value":"u1"}]})")));
  CHECK_FALSE(quick_filter_of(json::parse(R"({"all":[{"field":"title","op":"contains","value":"x"}]})")));
  // The same condition twice would lose one on the way back.
  CHECK_FALSE(quick_filter_of(json::parse(
      R"({"all":[{"field":"owner","op":"eq","value":"u1"},{"field":"owner","op":"eq","value":"u2"}]})")));
}

TEST_CASE("the bar's filter selects the same deals as the hand-written expression") {
  Session s = small_session();
  ok(s, deal("d1", "Small", 5000));
  ok(s, deal("d2", "Large", 900000));
  ok(s, {{"type", "deal.update"}, {"deal", "d2"}, {"set", {{"owner", "u1"}}}});
  QuickFilter q;
  q.owner = "u1";
  q.min_value = 100000;
  Query query;
  query.pipeline = "p1";
  query.filter = to_filter(q);
  const QueryResult r = run_query(s.workspace(), query);
  REQUIRE(r.error.empty());
  CHECK(r.totals.count == 1);
  std::vector<std::string> ids;
  for (const auto& g : r.groups)
    for (const Deal* d : g.deals) ids.push_back(d->id);
  CHECK(ids == std::vector<std::string>{"d2"});
}

TEST_CASE("amounts typed by people parse to minor units in the currency's decimals") {
  CHECK(parse_amount("1,250.50", "EUR") == 125050);
  CHECK(parse_amount("1250.5", "EUR") == 125050);
  CHECK(parse_amount("1250", "EUR") == 125000);
  CHECK(parse_amount(" -3.25 ", "USD") == -325);
  CHECK(parse_amount("1500", "JPY") == 1500);
  CHECK(parse_amount("1.234", "KWD") == 1234);
  CHECK_FALSE(parse_amount("1.5", "JPY"));       // yen has no decimals
  CHECK_FALSE(parse_amount("1.005", "EUR"));     // more precision than cents
  CHECK_FALSE(parse_amount("12abc", "EUR"));
  CHECK_FALSE(parse_amount("", "EUR"));
  CHECK_FALSE(parse_amount("99999999999999", "EUR"));  // past the 10^12 minor-unit limit
}

TEST_CASE("typed amounts that are not amounts say why") {
  CHECK(read_amount("1,250.50", "EUR").amount == 125050);
  CHECK(read_amount("1,250.50", "EUR").problem.empty());
  CHECK(read_amount("abc", "EUR").problem == "is not an amount like 1,250.50");
  CHECK(read_amount("", "EUR").problem == "is not an amount like 1,250.50");
  CHECK(read_amount("12 34", "EUR").problem == "is not an amount like 1,250.50");
  CHECK(read_amount("1.005", "EUR").problem == "has more decimals than EUR has (2)");
  CHECK(read_amount("1.5", "JPY").problem == "JPY amounts have no decimals");
  CHECK(read_amount("10,000,000,000.01", "EUR").problem == "is too large (at most 10,000,000,000.00)");
  CHECK(read_amount("99999999999999999999999", "EUR").problem == "is too large (at most 10,000,000,000.00)");
  CHECK(read_amount("10,000,000,000", "EUR").amount == 1'000'000'000'000);
  CHECK(read_amount("-3", "EUR").amount == -300);  // credit notes
}

TEST_CASE("dragging between grouped columns maps to the command for that field") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 1000));
  const Workspace& ws = s.workspace();
  const Deal& d = *ws.deals.find("d1");

  SUBCASE("stage") {
    Regroup r = regroup_command(ws, d, "stage", "s_nego");
    REQUIRE(r.command);
    CHECK(command_type(*r.command) == "deal.move");
    CHECK_FALSE(r.needs_lost_reason);
    CHECK(regroup_command(ws, d, "stage", "s_lost").needs_lost_reason);
    CHECK_FALSE(regroup_command(ws, d, "stage", "s_new").command);  // same column: nothing
  }
  SUBCASE("owner, and back to no owner") {
    Regroup r = regroup_command(ws, d, "owner", "u2");
    REQUIRE(r.command);
    ok(s, to_json(*r.command));
    CHECK(s.workspace().deals.find("d1")->owner == "u2");
    Regroup clear = regroup_command(s.workspace(), *s.workspace().deals.find("d1"), "owner", "");
    REQUIRE(clear.command);
    ok(s, to_json(*clear.command));
    CHECK(s.workspace().deals.find("d1")->owner.empty());
  }
  SUBCASE("status") {
    CHECK(command_type(*regroup_command(ws, d, "status", "won").command) == "deal.win");
    Regroup lost = regroup_command(ws, d, "status", "lost");
    CHECK(command_type(*lost.command) == "deal.lose");
    CHECK(lost.needs_lost_reason);
    CHECK_FALSE(regroup_command(ws, d, "status", "open").command);
  }
  SUBCASE("expected-close month keeps the day, clamped to the month") {
    ok(s, {{"type", "deal.update"}, {"deal", "d1"}, {"set", {{"expected_close", "2026-01-31"}}}});
    const Deal& dated = *s.workspace().deals.find("d1");
    Regroup r = regroup_command(s.workspace(), dated, "expected_close", "2026-02");
    REQUIRE(r.command);
    ok(s, to_json(*r.command));
    CHECK(format_date(*s.workspace().deals.find("d1")->expected_close) == "2026-02-28");
  }
  SUBCASE("custom choice field") {
    Regroup r = regroup_command(ws, d, "custom.f_ind", "Tech");
    REQUIRE(r.command);
    ok(s, to_json(*r.command));
    CHECK(std::get<std::string>(s.workspace().deals.find("d1")->custom.at("f_ind")) == "Tech");
  }
  SUBCASE("fields that cannot change by dragging say so") {
    CHECK_FALSE(regroup_command(ws, d, "created", "2026-01").error.empty());
    CHECK_FALSE(regroup_command(ws, d, "nope", "x").error.empty());
  }
}
