// The story demo workspace (src/core/demo/stories.hpp): deterministic, valid, round-trips, and
// shaped so that every board, view and report has something to show.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "query.hpp"
#include "report.hpp"
#include "stories.hpp"
#include "test_helpers.hpp"
#include "validate.hpp"

using namespace pb;
using namespace pb::test;

namespace {

const Workspace& story() {
  static const Workspace ws = make_story_workspace(kNow);
  return ws;
}

const StageKind* kind_of(const Workspace& ws, const Deal& d) {
  const Pipeline* p = ws.pipelines.find(d.pipeline);
  const Stage* s = p ? p->stage(d.stage) : nullptr;
  return s ? &s->kind : nullptr;
}

Report last_12_months(const Workspace& ws) {
  ReportParams params;
  params.scope = ReportScope::All;
  params.period = preset_period(PeriodPreset::Last12Months, kNow);
  Report report;
  std::string error;
  INFO(error);
  REQUIRE(compute_report(ws, params, report, error));
  return report;
}

const PipelineReport& of(const Report& r, std::string_view pipeline) {
  for (const PipelineReport& p : r.pipelines)
    if (p.id == pipeline) return p;
  FAIL("no report for pipeline " << pipeline);
  return r.pipelines.front();
}

}  // namespace

TEST_CASE("stories: the same seed gives the same workspace, another seed another") {
  const Workspace a = make_story_workspace(kNow, 7), b = make_story_workspace(kNow, 7);
  CHECK(a == b);
  CHECK(save_workspace(a) == save_workspace(b));
  CHECK(a == story());  // 7 is the default seed
  const Workspace c = make_story_workspace(kNow, 8);
  CHECK_FALSE(a == c);
  CHECK(a.pipelines == c.pipelines);  // only the deals depend on the seed
  CHECK(a.views == c.views);
}

TEST_CASE("stories: eight pipelines with open, won and lost stages") {
  const Workspace& ws = story();
  std::vector<Id> ids;
  for (const Pipeline& p : ws.pipelines) ids.push_back(p.id);
  CHECK(ids == std::vector<Id>{"smb", "enterprise", "inbound", "outbound", "amazon-fba", "web-store", "marketplaces",
                               "past-clients"});
  CHECK(ws.pipelines.find("smb")->name == "SMB self-serve");
  CHECK(ws.pipelines.find("enterprise")->name == "Enterprise & consulting");
  CHECK(ws.pipelines.find("amazon-fba")->name == "Amazon FBA");
  CHECK(ws.pipelines.find("web-store")->name == "Own web store");
  CHECK(ws.pipelines.find("marketplaces")->name == "Other marketplaces");
  CHECK(ws.pipelines.find("past-clients")->name == "Past clients");
  std::set<Id> stage_ids;
  for (const Pipeline& p : ws.pipelines) {
    INFO(p.id);
    REQUIRE(p.first_of_kind(StageKind::Open));
    REQUIRE(p.first_of_kind(StageKind::Won));
    REQUIRE(p.first_of_kind(StageKind::Lost));
    int last_probability = -1;
    for (const Stage& s : p.stages) {
      CHECK(stage_ids.insert(s.id).second);  // unique across the workspace
      if (s.kind != StageKind::Open) continue;
      CHECK(s.probability > last_probability);  // further along, likelier to close
      last_probability = s.probability;
    }
  }
  CHECK(ws.people.size() >= 5);
  CHECK(ws.people.size() <= 8);
  for (const Person& p : ws.people) CHECK(p.email.find('@') != std::string::npos);
  REQUIRE(ws.fields.find("meetings"));
  CHECK(ws.fields.find("meetings")->type == FieldType::Number);
  CHECK(ws.fields.find("meetings")->name == "Meetings");
}

TEST_CASE("stories: the saved views other code relies on") {
  const Workspace& ws = story();
  CHECK(ws.views.size() >= 5);
  CHECK(ws.views.size() <= 8);
  for (const View& v : ws.views) CHECK((v.pipeline.empty() || ws.pipelines.contains(v.pipeline)));
  const View* big = ws.views.find("enterprise-big");
  const View* smb = ws.views.find("smb-by-manager");
  const View* channels = ws.views.find("channels-by-source");
  const View* products = ws.views.find("marketplace-products");
  REQUIRE(big);
  REQUIRE(smb);
  REQUIRE(channels);
  REQUIRE(products);
  CHECK(big->pipeline == "enterprise");
  CHECK(big->filter == json::parse(R"({"field": "value", "op": "ge", "value": 5000000})"));  // $50,000.00 in cents
  CHECK(smb->pipeline == "smb");
  CHECK(smb->group_by == "owner");
  CHECK(channels->pipeline.empty());
  CHECK(channels->group_by == "source");
  CHECK(products->pipeline == "marketplaces");
  CHECK(products->group_by == "product");

  // Each view shows deals, in more than one column where it groups.
  for (const View& v : ws.views) {
    INFO(v.id);
    const QueryResult r = run_query(ws, query_of(v));
    CHECK(r.error.empty());
    CHECK(r.totals.count > 0);
  }
  const QueryResult by_source = run_query(ws, query_of(*channels));
  std::set<std::string> sources;
  for (const Group& g : by_source.groups)
    if (!g.deals.empty()) sources.insert(g.key);
  for (const char* s : {"Web form", "Webinar", "Cold call", "Email campaign", "Trade show", "Referral", "eBay", "Etsy"})
    CHECK(sources.count(s) == 1);
  for (const Group& g : run_query(ws, query_of(*big)).groups)
    for (const Deal* d : g.deals) CHECK((d->pipeline == "enterprise" && d->value.amount >= 5'000'000));
}

TEST_CASE("stories: every deal's history agrees with where it stands") {
  const Workspace& ws = story();
  CHECK(ws.deals.size() >= 300);
  CHECK(ws.deals.size() <= 600);
  const Timestamp year_ago = kNow - 366LL * 86'400'000;
  for (const Deal& d : ws.deals) {
    INFO(d.id);
    const Pipeline* p = ws.pipelines.find(d.pipeline);
    REQUIRE(p);
    REQUIRE(!d.history.empty());
    CHECK(d.created == d.history.front().at);
    for (std::size_t i = 0; i < d.history.size(); ++i) {
      const StageVisit& h = d.history[i];
      CHECK(h.pipeline == d.pipeline);
      CHECK(p->stage(h.stage));
      CHECK(h.at >= d.created);
      if (i > 0) CHECK(h.at >= d.history[i - 1].at);  // oldest first
      if (i + 1 < d.history.size()) CHECK(p->stage(h.stage)->kind == StageKind::Open);
    }
    CHECK(d.history.back().stage == d.stage);
    CHECK(d.history.back().at <= d.updated);
    CHECK(d.updated <= kNow);
    CHECK(d.value.currency == p->currency);
    CHECK(d.value.amount > 0);
    CHECK(!d.title.empty());
    CHECK(ws.people.contains(d.owner));
    const StageKind kind = *kind_of(ws, d);
    CHECK(kind == (d.status == DealStatus::Won ? StageKind::Won
                   : d.status == DealStatus::Lost ? StageKind::Lost : StageKind::Open));
    if (d.status != DealStatus::Open) CHECK(d.history.back().at >= year_ago);  // closed in the last 12 months
    if (d.pipeline == "past-clients") CHECK(!d.property.empty());
    if (d.pipeline == "smb" || d.pipeline == "enterprise") {
      REQUIRE(d.custom.count("meetings") == 1);
      const double m = std::get<double>(d.custom.at("meetings"));
      if (d.pipeline == "smb") CHECK((m >= 0 && m <= 2));
      else CHECK((m >= 4 && m <= 15));
    } else {
      CHECK(d.custom.empty());
    }
  }
}

TEST_CASE("stories: the workspace validates and round-trips through the document") {
  const Workspace& ws = story();
  Issues issues;
  check_workspace(ws, issues);
  INFO(issues.summary());
  CHECK(issues.ok());
  for (ReadPath path : {ReadPath::Fast, ReadPath::Plain}) {
    Workspace back;
    Issues load_issues;
    INFO(load_issues.summary());
    CHECK(load_workspace(save_workspace(ws), back, load_issues, path));
    CHECK(back == ws);
  }
}

TEST_CASE("stories: every report of the last 12 months has something to show") {
  const Workspace& ws = story();
  const Report report = last_12_months(ws);
  REQUIRE(report.pipelines.size() == 8);
  const Date today = date_of(kNow);
  for (const PipelineReport& p : report.pipelines) {
    INFO(p.id);
    CHECK(p.summary.won_count > 0);
    CHECK(p.summary.lost_count > 0);
    CHECK(p.summary.open_count > 0);
    CHECK(p.summary.win_rate);
    CHECK(p.summary.cycle_days_median);
    CHECK(!p.funnel.empty());
    CHECK(!p.lost_reasons.empty());
    CHECK(!p.by_source.empty());
    REQUIRE(p.forecast.months.size() == 12);
    for (const ForecastMonth& m : p.forecast.months) {
      INFO(m.month);
      CHECK(!m.won.empty());  // won in each month
    }
  }
  // Lost in each month too, per pipeline (by the day of the deal's last entry, as reports close it).
  std::map<Id, std::set<int>> lost_months;
  for (const Deal& d : ws.deals)
    if (d.status == DealStatus::Lost) lost_months[d.pipeline].insert(month_number(date_of(d.history.back().at)));
  for (const Pipeline& p : ws.pipelines) CHECK(lost_months[p.id].size() == 12);

  // Open deals: expected in coming months, overdue, and without a date.
  std::set<int> coming;
  std::size_t overdue = 0, no_date = 0;
  for (const Deal& d : ws.deals) {
    if (d.status != DealStatus::Open) continue;
    if (!d.expected_close) ++no_date;
    else if (*d.expected_close < today) ++overdue;
    else coming.insert(month_number(*d.expected_close));
  }
  CHECK(coming.size() >= 3);
  CHECK(overdue > 0);
  CHECK(no_date > 0);
}

TEST_CASE("stories: enterprise deals take months, SMB deals days") {
  const Report report = last_12_months(story());
  const auto smb = of(report, "smb").summary.cycle_days_median;
  const auto ent = of(report, "enterprise").summary.cycle_days_median;
  REQUIRE(smb);
  REQUIRE(ent);
  CHECK(smb->value() < 14);
  CHECK(ent->value() > 60);
  CHECK(ent->value() > 10 * smb->value());
}

// Pinned from the generator (seed 7, now = kNow = 2026-09-21T14:13:20Z): a change to these is a
// change to the demo everyone sees, so it should be deliberate. Update them with the generator.
TEST_CASE("stories: pinned figures for seed 7") {
  const Workspace& ws = story();
  const Report report = last_12_months(ws);
  std::size_t smb_won = 0;
  for (const Deal& d : ws.deals) smb_won += d.pipeline == "smb" && d.status == DealStatus::Won;
  CHECK(ws.deals.size() == 433);
  CHECK(smb_won == 48);
  CHECK(of(report, "smb").summary.won_count == 48);  // every closed deal closed in the last 12 months
  CHECK(of(report, "enterprise").summary.won_count == 15);
  CHECK(of(report, "smb").summary.cycle_days_median == Days{680});  // 6.80 days
  CHECK(of(report, "enterprise").summary.cycle_days_median == Days{14738});  // 147.38 days
  CHECK(run_query(ws, query_of(*ws.views.find("enterprise-big"))).totals.count == 35);
  CHECK(ws.deals.at(0).title == "Tidewater Logistics: Enterprise Plus rollout");
}
