// Queries: grouping (with the columns that exist even when empty), sorting, and totals per currency
// with probability weighting. Expected numbers are worked out by hand from query_fixture.hpp.
#include <random>

#include "demo.hpp"
#include "query_fixture.hpp"

using namespace pb;
using namespace pb::test;

namespace {

QueryResult run(const Workspace& ws, const std::string& group_by, const std::string& pipeline = "",
                std::vector<SortKey> sort = {}, std::vector<Id> hidden = {}) {
  Query q;
  q.group_by = group_by;
  q.pipeline = pipeline;
  q.sort = std::move(sort);
  q.hidden_stages = std::move(hidden);
  QueryResult r = run_query(ws, q);
  INFO(r.error);
  REQUIRE(r.error.empty());
  return r;
}

// "key=label:d1,d2 | ..." for a whole result.
std::string layout(const QueryResult& r) {
  std::string out;
  for (const auto& g : r.groups) out += (out.empty() ? "" : " | ") + g.key + "=" + g.label + ":" + ids_of(g);
  return out;
}

// "EUR 100000, USD 4000"
std::string money(const MoneyTotals& t) {
  std::string out;
  for (const auto& m : t) out += (out.empty() ? "" : ", ") + m.currency + " " + std::to_string(m.amount);
  return out;
}

std::string sorted(const Workspace& ws, std::vector<SortKey> sort) {
  const QueryResult r = run(ws, "pipeline", "p1", std::move(sort));
  for (const auto& g : r.groups)
    if (g.key == "p1") return ids_of(g);
  return "no p1 group";
}

}  // namespace

// [SECTION] Grouping

TEST_CASE("group by stage: one column per stage in stage order, even empty, hidden ones left out") {
  const Workspace ws = query_workspace();
  CHECK(layout(run(ws, "stage", "p1")) ==
        "s_new=New:d1 | s_pres=Presentation:d2,d3 | s_nego=Negotiation:d4 | s_won=Won:d5 | s_lost=Lost:d6");
  CHECK(layout(run(ws, "stage", "p2")) == "t_new=New:d8 | t_demo=Demo:d7 | t_won=Won: | t_lost=Lost:");
  const QueryResult hidden = run(ws, "stage", "p1", {}, {"s_lost", "s_new"});
  CHECK(layout(hidden) == "s_pres=Presentation:d2,d3 | s_nego=Negotiation:d4 | s_won=Won:d5");
  CHECK(hidden.totals.count == 4);  // hidden deals are not counted either
  // Across pipelines, labels name the pipeline.
  CHECK(layout(run(ws, "stage")) ==
        "s_new=Sales / New:d1 | s_pres=Sales / Presentation:d2,d3 | s_nego=Sales / Negotiation:d4 | "
        "s_won=Sales / Won:d5 | s_lost=Sales / Lost:d6 | t_new=Enterprise / New:d8 | t_demo=Enterprise / Demo:d7 | "
        "t_won=Enterprise / Won: | t_lost=Enterprise / Lost:");
}

TEST_CASE("group by owner: every person, then No owner") {
  const Workspace ws = query_workspace();
  CHECK(layout(run(ws, "owner")) == "u1=Ana:d1,d3,d6,d8 | u2=Łukasz:d2,d5,d7 | u3=Zoe: | =No owner:d4");
  CHECK(layout(run(ws, "owner", "p2")) == "u1=Ana:d8 | u2=Łukasz:d7 | u3=Zoe: | =No owner:");
}

TEST_CASE("group by free-form fields: sorted by label, None last") {
  const Workspace ws = query_workspace();
  CHECK(layout(run(ws, "product")) == "Analytics=Analytics:d2,d6 | Consulting=Consulting:d7 | CRM=CRM:d1,d3,d5 | =None:d4,d8");
  CHECK(layout(run(ws, "plan")) == "Business=Business:d2 | Team=Team:d1,d3 | =None:d4,d5,d6,d7,d8");
  CHECK(layout(run(ws, "property")) == "12 Harbour St=12 Harbour St:d1 | Villa Aurora=Villa Aurora:d5 | =None:d2,d3,d4,d6,d7,d8");
  CHECK(layout(run(ws, "source")) == "Event=Event:d4 | Referral=Referral:d2 | Web=Web:d1,d3 | =None:d5,d6,d7,d8");
  CHECK(layout(run(ws, "company", "p2")) == "=None:d7,d8");
}

TEST_CASE("group by status, pipeline, expected-close month and a custom choice field") {
  const Workspace ws = query_workspace();
  CHECK(layout(run(ws, "status")) == "open=Open:d1,d2,d3,d4,d7,d8 | won=Won:d5 | lost=Lost:d6");
  CHECK(layout(run(ws, "status", "p2")) == "open=Open:d7,d8 | won=Won: | lost=Lost:");
  CHECK(layout(run(ws, "pipeline")) == "p1=Sales:d1,d2,d3,d4,d5,d6 | p2=Enterprise:d7,d8");
  CHECK(layout(run(ws, "expected_close")) ==
        "2026-09=2026-09:d5 | 2026-10=2026-10:d1,d2 | 2026-11=2026-11:d3 | 2026-12=2026-12:d7 | =None:d4,d6,d8");
  CHECK(layout(run(ws, "custom.f_ind")) == "Retail=Retail:d1 | Tech=Tech:d2,d3 | Health=Health:d7 | =None:d4,d5,d6,d8");
  CHECK(layout(run(ws, "custom.f_ind", "p2")) == "Retail=Retail: | Tech=Tech: | Health=Health:d7 | =None:d8");
  CHECK(layout(run(ws, "custom.f_start")) == "2026-11=2026-11:d1 | 2027-01=2027-01:d7 | =None:d2,d3,d4,d5,d6,d8");
  CHECK(layout(run(ws, "created", "p1")) == "2026-09=2026-09:d1,d2,d3,d4,d5,d6");
}

// [SECTION] Totals

TEST_CASE("totals per group: count, value per currency (never mixed), weighted by stage probability") {
  const Workspace ws = query_workspace();
  const QueryResult r = run(ws, "stage", "p1");
  REQUIRE(r.groups.size() == 5);
  const Totals& new_ = r.groups[0].totals;
  CHECK(new_.count == 1);
  CHECK(money(new_.value) == "EUR 100000");
  CHECK(money(new_.weighted) == "EUR 10000");  // 1,000.00 x 10%
  // EUR and USD deals in one column: two totals.
  const Totals& pres = r.groups[1].totals;
  CHECK(pres.count == 2);
  CHECK(money(pres.value) == "EUR 250000, USD 40000");
  CHECK(money(pres.weighted) == "EUR 75000, USD 12000");  // 30% of each
  CHECK(money(r.groups[2].totals.weighted) == "EUR 300000");  // 5,000.00 x 60%
  CHECK(money(r.groups[3].totals.weighted) == "EUR 300000");  // won: 100%
  CHECK(money(r.groups[4].totals.value) == "EUR 70000");
  CHECK(money(r.groups[4].totals.weighted) == "EUR 0");       // lost: 0%
  CHECK(r.totals.count == 6);
  CHECK(money(r.totals.value) == "EUR 1220000, USD 40000");
  CHECK(money(r.totals.weighted) == "EUR 685000, USD 12000");
  // Empty columns have empty totals.
  const QueryResult p2 = run(ws, "stage", "p2");
  CHECK(p2.groups[2].totals.count == 0);
  CHECK(p2.groups[2].totals.value.empty());
  CHECK(money(p2.totals.value) == "USD 1020000");
  CHECK(money(p2.totals.weighted) == "USD 504000");  // 10,000.00 x 50% + 200.00 x 20%

  const QueryResult owners = run(ws, "owner");
  CHECK(money(owners.groups[0].totals.value) == "EUR 170000, USD 60000");
  CHECK(money(owners.groups[0].totals.weighted) == "EUR 10000, USD 16000");  // d6 is lost: 0
  CHECK(money(owners.groups[1].totals.value) == "EUR 550000, USD 1000000");
  CHECK(money(owners.groups[1].totals.weighted) == "EUR 375000, USD 500000");
  CHECK(owners.groups[2].totals.count == 0);
  CHECK(money(owners.groups[3].totals.weighted) == "EUR 300000");
  CHECK(money(owners.totals.value) == "EUR 1220000, USD 1060000");
}

TEST_CASE("won deals weigh 100% and lost deals 0%, whatever their stage's probability") {
  Session s(query_workspace());
  ok(s, {{"type", "stage.update"}, {"stage", "s_won"}, {"set", {{"probability", 40}}}});
  ok(s, {{"type", "stage.update"}, {"stage", "s_lost"}, {"set", {{"probability", 90}}}});
  const QueryResult r = run(s.workspace(), "stage", "p1");
  CHECK(money(r.groups[3].totals.weighted) == "EUR 300000");
  CHECK(money(r.groups[4].totals.weighted) == "EUR 0");
  CHECK(deal_probability(s.workspace(), *s.workspace().deals.find("d5")) == 100);
  CHECK(deal_probability(s.workspace(), *s.workspace().deals.find("d6")) == 0);
  CHECK(deal_probability(s.workspace(), *s.workspace().deals.find("d2")) == 30);
  // A pipeline without closed stages: won and lost deals stay in an open stage.
  ok(s, {{"type", "pipeline.create"},
         {"pipeline", {{"id", "p3"}, {"name", "Simple"}, {"currency", "EUR"}, {"stages", {{{"id", "x"}, {"name", "Doing"}, {"probability", 40}}}}}}});
  for (const char* id : {"a", "b", "c"})
    ok(s, {{"type", "deal.create"}, {"deal", {{"id", id}, {"title", id}, {"pipeline", "p3"}, {"value", {{"amount", 1000}, {"currency", "EUR"}}}}}});
  ok(s, {{"type", "deal.win"}, {"deal", "a"}});
  ok(s, {{"type", "deal.lose"}, {"deal", "b"}, {"reason", "No"}});
  const QueryResult simple = run(s.workspace(), "stage", "p3");
  CHECK(money(simple.totals.weighted) == "EUR 1400");  // 1000 + 0 + 400
}

TEST_CASE("weighted totals are summed exactly, then rounded half away from zero") {
  Session s;
  ok(s, {{"type", "pipeline.create"},
         {"pipeline", {{"id", "p"}, {"name", "R"}, {"currency", "EUR"},
                       {"stages", {{{"id", "half"}, {"name", "Half"}, {"probability", 50}},
                                   {{"id", "third"}, {"name", "Third"}, {"probability", 33}},
                                   {{"id", "neg"}, {"name", "Credit notes"}, {"probability", 50}}}}}}});
  auto add = [&](const std::string& id, const char* stage, std::int64_t amount) {
    ok(s, {{"type", "deal.create"},
           {"deal", {{"id", id}, {"title", id}, {"pipeline", "p"}, {"stage", stage}, {"value", {{"amount", amount}, {"currency", "EUR"}}}}}});
  };
  for (int i = 0; i < 3; ++i) add("h" + std::to_string(i), "half", 1);  // 3 x 0.5 = 1.5 -> 2 (not 3 x round(0.5))
  add("t", "third", 333);                                                 // 109.89 -> 110
  add("n", "neg", -3);                                                    // -1.5 -> -2
  const QueryResult r = run(s.workspace(), "stage", "p");
  CHECK(money(r.groups[0].totals.weighted) == "EUR 2");
  CHECK(money(r.groups[1].totals.weighted) == "EUR 110");
  CHECK(money(r.groups[2].totals.weighted) == "EUR -2");
  CHECK(money(r.totals.weighted) == "EUR 110");  // (150 + 10989 - 150) / 100 = 109.89
  CHECK(money(r.totals.value) == "EUR 333");
}

TEST_CASE("group totals add up to the overall totals on a demo workspace") {
  const Workspace ws = make_demo_workspace({.deals = 1500});
  for (const char* group_by : {"stage", "owner", "product", "status", "expected_close", "custom.f_industry", "source"}) {
    CAPTURE(group_by);
    const QueryResult r = run(ws, group_by);
    std::size_t count = 0;
    MoneyTotals value, weighted;
    for (const auto& g : r.groups) {
      count += g.totals.count;
      CHECK(g.totals.count == g.deals.size());
      for (const auto& m : g.totals.value) add_to_totals(value, m.currency, m.amount);
    }
    CHECK(count == ws.deals.size());
    CHECK(value == r.totals.value);
    // Overall totals, worked out directly from the deals.
    MoneyTotals expect_value;
    std::map<std::string, std::int64_t> weighted_x100;
    for (const Deal& d : ws.deals) {
      add_to_totals(expect_value, d.value.currency, d.value.amount);
      const Pipeline* p = ws.pipelines.find(d.pipeline);
      const int prob = d.status == DealStatus::Won ? 100 : d.status == DealStatus::Lost ? 0 : p->stage(d.stage)->probability;
      weighted_x100[d.value.currency] += d.value.amount * prob;
    }
    for (const auto& [currency, w] : weighted_x100) add_to_totals(weighted, currency, (w + 50) / 100);
    CHECK(r.totals.value == expect_value);
    CHECK(r.totals.weighted == weighted);
  }
  // Owner columns: every person and "No owner", even on a filtered board.
  Query q;
  q.group_by = "owner";
  q.filter = json{{"field", "value"}, {"op", "gt"}, {"value", 1'000'000'000'000}};
  const QueryResult none = run_query(ws, q);
  REQUIRE(none.groups.size() == ws.people.size() + 1);
  CHECK(none.groups.back().label == "No owner");
  CHECK(none.totals.count == 0);
}

// [SECTION] Sorting

TEST_CASE("sort by value, title, expected close (unset last) and several keys") {
  const Workspace ws = query_workspace();
  CHECK(sorted(ws, {}) == "d1,d2,d3,d4,d5,d6");  // board order is the deals' order
  CHECK(sorted(ws, {{"value", true}}) == "d4,d5,d2,d1,d6,d3");
  CHECK(sorted(ws, {{"value", false}}) == "d3,d6,d1,d2,d5,d4");
  CHECK(sorted(ws, {{"title", false}}) == "d1,d2,d4,d5,d3,d6");  // case-insensitive: "delta" after "Beta"
  CHECK(sorted(ws, {{"title", true}}) == "d6,d3,d5,d4,d2,d1");
  CHECK(sorted(ws, {{"expected_close", false}}) == "d5,d1,d2,d3,d4,d6");
  CHECK(sorted(ws, {{"expected_close", true}}) == "d3,d2,d1,d5,d4,d6");  // unset still last
  CHECK(sorted(ws, {{"custom.f_seats", true}}) == "d2,d1,d4,d3,d5,d6");
  CHECK(sorted(ws, {{"owner", false}, {"value", true}}) == "d4,d1,d6,d3,d5,d2");
  CHECK(sorted(ws, {{"stage", false}, {"title", true}}) == "d1,d3,d2,d4,d5,d6");
  CHECK(sorted(ws, {{"stage", true}}) == "d6,d5,d4,d2,d3,d1");
  CHECK(sorted(ws, {{"expected_close", false}, {"title", true}}) == "d5,d1,d2,d3,d6,d4");
  CHECK(sorted(ws, {{"custom.f_ind", false}, {"value", false}}) == "d6,d5,d4,d1,d3,d2");  // unset text sorts first
  CHECK(sorted(ws, {{"created", true}}) == "d4,d5,d6,d3,d2,d1");
}

namespace {

// A reference sort written independently: stable, numeric keys with unset values last in both
// directions, text keys case-insensitive (ASCII).
std::optional<double> key_number(const Deal& d, const std::string& field) {
  if (field == "value") return static_cast<double>(d.value.amount);
  if (field == "created") return static_cast<double>(d.created);
  if (field == "expected_close") return d.expected_close ? std::optional<double>(d.expected_close->days) : std::nullopt;
  auto it = d.custom.find(field.substr(7));
  if (it == d.custom.end()) return std::nullopt;
  return std::get<double>(it->second);
}
std::string folded(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}
int compare_key(const Deal& a, const Deal& b, const SortKey& k) {
  int c;
  if (k.field == "title") {
    const std::string x = folded(a.title), y = folded(b.title);
    c = x < y ? -1 : x > y ? 1 : 0;
  } else {
    const auto x = key_number(a, k.field), y = key_number(b, k.field);
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    c = *x < *y ? -1 : *x > *y ? 1 : 0;
  }
  return k.descending ? -c : c;
}

}  // namespace

TEST_CASE("sorting thousands of deals matches a reference stable sort") {
  const Workspace ws = make_demo_workspace({.deals = 3000, .one_pipeline = true});
  const std::vector<std::vector<SortKey>> sorts = {
      {{"value", true}},          {{"value", false}},         {{"expected_close", false}},
      {{"created", true}},        {{"custom.f_seats", false}}, {{"custom.f_seats", true}},
      {{"custom.f_seats", true}, {"title", false}},          {{"title", false}, {"value", true}},
      {{"expected_close", true}, {"custom.f_seats", false}, {"title", true}}};
  for (const auto& sort : sorts) {
    std::string name;
    for (const auto& k : sort) name += k.field + (k.descending ? " desc " : " asc ");
    CAPTURE(name);
    const QueryResult r = run(ws, "pipeline", "pipe_sales", sort);
    std::vector<const Deal*> expected;
    for (const Deal& d : ws.deals) expected.push_back(&d);
    std::stable_sort(expected.begin(), expected.end(), [&](const Deal* a, const Deal* b) {
      for (const auto& k : sort)
        if (int c = compare_key(*a, *b, k)) return c < 0;
      return false;
    });
    const Group* g = nullptr;
    for (const auto& group : r.groups)
      if (group.key == "pipe_sales") g = &group;
    REQUIRE(g);
    REQUIRE(g->deals.size() == expected.size());
    std::size_t first_difference = expected.size();
    for (std::size_t i = 0; i < expected.size() && first_difference == expected.size(); ++i)
      if (g->deals[i] != expected[i]) first_difference = i;
    CHECK(first_difference == expected.size());
  }
}
