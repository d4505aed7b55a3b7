// Reports of p2 (a zero-probability stage), p3 (empty), every pipeline side by side (the channel
// comparison), one pipeline, saved views; and the deals behind a figure. Fixture: report_fixture.hpp.
#include "demo.hpp"
#include "report_fixture.hpp"

using namespace pb;
using namespace pb::test;

TEST_CASE("reports: p2, with a zero-probability stage and a deal that moved out") {
  const Workspace ws = report_workspace();
  const PipelineReport p = section(report_of(ws, march_april()), "p2");
  // d6 began in p2 but is in p1 now: it is none of p2's deals. Open: e1 (t_qual, 0%), e2 (t_demo, 50%).
  const ReportSummary& s = p.summary;
  CHECK(s.open_count == 2);
  CHECK(money(s.open_value) == "USD 133333");      // 100000 + 33333
  CHECK(money(s.weighted_value) == "USD 16667");   // 100000*0 + 33333*50 = 1666650, / 100 = 16666.5 -> 16667
  CHECK(s.won_count == 1);                         // e3
  CHECK(money(s.won_value) == "USD 50000");
  CHECK(s.lost_count == 1);                        // e4
  CHECK(ratio(s.win_rate) == "5000");
  CHECK(money(s.avg_won_value) == "USD 50000");
  CHECK(days(s.cycle_days_median) == "150");       // e3: 03-02 -> 03-03 12:00
  CHECK(days(s.cycle_days_mean) == "150");

  const Forecast& f = p.forecast;
  REQUIRE(f.months.size() == 2);
  CHECK(money(f.months[0].weighted) == "USD 0");   // e1 (03-15) at 0%: weighed, and worth 0
  CHECK(money(f.months[0].best_case) == "USD 100000");
  CHECK(money(f.months[0].won) == "USD 50000");    // e3
  CHECK(money(f.months[1].weighted) == "USD 16667");  // e2 (04-20)
  CHECK(money(f.months[1].best_case) == "USD 33333");
  CHECK(money(f.months[1].won) == "{}");
  CHECK(f.no_date.count == 0);
  CHECK(money(f.no_date.value) == "{}");
  CHECK(f.overdue.count == 1);                     // e1: 03-15 < 04-15
  CHECK(money(f.overdue.value) == "USD 100000");

  // Cohort e1..e4. Furthest: e1 qual, e2 demo, e3 won (all), e4 qual (then lost).
  REQUIRE(p.funnel.size() == 2);
  CHECK(p.funnel[0].reached == 4);
  CHECK(ratio(p.funnel[0].to_next) == "5000");  // 2 / 4
  CHECK(ratio(p.funnel[0].to_won) == "2500");   // 1 / 4
  CHECK(p.funnel[1].reached == 2);              // e2, e3
  CHECK(ratio(p.funnel[1].to_next) == "5000");  // won 1 / 2
  CHECK(ratio(p.funnel[1].to_won) == "5000");

  // qual: e2 03-05 -> 03-08 = 3 days, e3 03-02 -> 03-03 12:00 = 1.5, e4 03-20 -> 03-21 = 1. demo: e2 is still there.
  REQUIRE(p.stage_time.size() == 2);
  CHECK(p.stage_time[0].visits == 3);
  CHECK(days(p.stage_time[0].median_days) == "150");
  CHECK(days(p.stage_time[0].mean_days) == "183");  // 5.5 / 3 = 1.8333
  CHECK(p.stage_time[1].visits == 0);
  CHECK(days(p.stage_time[1].median_days) == "null");
  CHECK(days(p.stage_time[1].mean_days) == "null");
  CHECK(p.bottleneck == std::optional<Id>("t_qual"));  // the only stage with a median

  REQUIRE(p.lost_reasons.size() == 1);
  CHECK(p.lost_reasons[0].reason == std::optional<std::string>("Price"));
  CHECK(money(p.lost_reasons[0].value) == "USD 20000");
  // u1: open e1, won e3, lost e4; u2: open e2.
  REQUIRE(p.by_owner.size() == 2);
  CHECK(p.by_owner[0].key == std::optional<std::string>("u1"));
  CHECK(ratio(p.by_owner[0].win_rate) == "5000");
  CHECK(p.by_owner[1].key == std::optional<std::string>("u2"));
  CHECK(money(p.by_owner[1].open_value) == "USD 33333");
  // Amazon won 1 (e3); Web: open e1 + e2, lost e4: a win rate of 0 / 1 is 0, not null.
  REQUIRE(p.by_source.size() == 2);
  CHECK(p.by_source[0].key == std::optional<std::string>("Amazon"));
  CHECK(ratio(p.by_source[0].win_rate) == "10000");
  CHECK(p.by_source[1].key == std::optional<std::string>("Web"));
  CHECK(money(p.by_source[1].open_value) == "USD 133333");
  CHECK(p.by_source[1].lost_count == 1);
  CHECK(ratio(p.by_source[1].win_rate) == "0");
}

TEST_CASE("reports: an empty pipeline measures nothing: zero counts, empty sums, null ratios and days") {
  const Workspace ws = report_workspace();
  const PipelineReport p = section(report_of(ws, march_april()), "p3");
  CHECK(p.name == "Empty");
  const ReportSummary& s = p.summary;
  CHECK(s.open_count == 0);
  CHECK(money(s.open_value) == "{}");
  CHECK(money(s.weighted_value) == "{}");
  CHECK(s.won_count == 0);
  CHECK(s.lost_count == 0);
  CHECK(ratio(s.win_rate) == "null");
  CHECK(money(s.avg_won_value) == "null");
  CHECK(days(s.cycle_days_median) == "null");
  CHECK(days(s.cycle_days_mean) == "null");
  REQUIRE(p.forecast.months.size() == 2);  // every month of the period, even empty
  CHECK(money(p.forecast.months[1].best_case) == "{}");
  CHECK(p.forecast.overdue.count == 0);
  REQUIRE(p.funnel.size() == 1);
  CHECK(p.funnel[0].reached == 0);
  CHECK(ratio(p.funnel[0].to_next) == "null");
  CHECK(ratio(p.funnel[0].to_won) == "null");
  REQUIRE(p.stage_time.size() == 1);
  CHECK(p.stage_time[0].visits == 0);
  CHECK_FALSE(p.bottleneck.has_value());
  CHECK(p.lost_reasons.empty());
  CHECK(p.by_owner.empty());
  CHECK(p.by_source.empty());
}

TEST_CASE("reports: every pipeline side by side, and by source across them (the channel comparison)") {
  const Workspace ws = report_workspace();
  const Report r = report_of(ws, march_april());
  REQUIRE(r.pipelines.size() == 3);
  CHECK(r.pipelines[0].id == "p1");
  CHECK(r.pipelines[1].id == "p2");
  CHECK(r.pipelines[2].id == "p3");
  // Web: p1 (open d1, d5, d8; won d2; lost d11) + p2 (open e1, e2; lost e4):
  //   open 5: EUR 100000 + 60000, USD 10000 + 100000 + 33333 = 143333; won 1; lost 2: 1 / 3 = 0.3333.
  // Event: open d6 40000, won d12 100000. Referral: open d9, won d7, lost d3. Amazon: won e3 USD 50000.
  // None: open d4. Order: won (1, 1, 1, 1, 0), then open (5, 1, 1, 0), then Event < Referral.
  REQUIRE(r.by_source.size() == 5);
  CHECK(r.by_source[0].key == std::optional<std::string>("Web"));
  CHECK(r.by_source[0].open_count == 5);
  CHECK(money(r.by_source[0].open_value) == "EUR 160000, USD 143333");
  CHECK(r.by_source[0].won_count == 1);
  CHECK(money(r.by_source[0].won_value) == "EUR 200000");
  CHECK(r.by_source[0].lost_count == 2);
  CHECK(ratio(r.by_source[0].win_rate) == "3333");
  CHECK(r.by_source[1].key == std::optional<std::string>("Event"));
  CHECK(r.by_source[2].key == std::optional<std::string>("Referral"));
  CHECK(r.by_source[3].key == std::optional<std::string>("Amazon"));
  CHECK(r.by_source[3].open_count == 0);
  CHECK(money(r.by_source[3].won_value) == "USD 50000");
  CHECK_FALSE(r.by_source[4].key.has_value());
  CHECK(money(r.by_source[4].open_value) == "EUR 30000");
}

TEST_CASE("reports: one pipeline's report is its section of every pipeline's") {
  const Workspace ws = report_workspace();
  const Report all = report_of(ws, march_april());
  for (const char* id : {"p1", "p2", "p3"}) {
    const Report one = report_of(ws, march_april(ReportScope::Pipeline, id));
    REQUIRE(one.pipelines.size() == 1);
    CHECK(one.pipelines[0] == section(all, id));
    CHECK(one.by_source == one.pipelines[0].by_source);  // across the scope: that one pipeline
  }
}

TEST_CASE("reports: a saved view's deals, through its filter, not its hidden stages") {
  const Workspace ws = report_workspace();
  // v_ana: p1, owner u1: d1, d2, d6, d8, d11 (d11 sits in s_lost, which the view hides: it still counts).
  const Report ana = report_of(ws, march_april(ReportScope::View, "v_ana"));
  REQUIRE(ana.pipelines.size() == 1);
  const PipelineReport& p = ana.pipelines[0];
  CHECK(p.id == "p1");
  CHECK(p.summary.open_count == 3);                                 // d1, d6, d8
  CHECK(money(p.summary.open_value) == "EUR 200000");
  CHECK(money(p.summary.weighted_value) == "EUR 108000");           // (6000000 + 1200000 + 3600000) / 100
  CHECK(p.summary.won_count == 1);                                  // d2
  CHECK(p.summary.lost_count == 1);                                 // d11
  CHECK(ratio(p.summary.win_rate) == "5000");
  CHECK(days(p.summary.cycle_days_mean) == "1050");
  // Cohort d1, d2, d6, d8 (d11 was created 02-01): reached new 4, pres 4, nego 3 (d1, d2, d8); won 1.
  REQUIRE(p.funnel.size() == 3);
  CHECK(p.funnel[2].reached == 3);
  CHECK(ratio(p.funnel[1].to_next) == "7500");  // 3 / 4
  CHECK(ratio(p.funnel[2].to_next) == "3333");  // 1 / 3
  REQUIRE(ana.by_source.size() == 2);  // Web (open d1, d8; won d2; lost d11), Event (open d6)
  CHECK(ana.by_source[0].key == std::optional<std::string>("Web"));
  CHECK(ana.by_source[1].key == std::optional<std::string>("Event"));

  // v_web: every pipeline, source Web. p2's Web deals: e1, e2 open, e4 lost: won 0 of 1 is a rate of 0.
  const Report web = report_of(ws, march_april(ReportScope::View, "v_web"));
  REQUIRE(web.pipelines.size() == 3);
  CHECK(section(web, "p2").summary.won_count == 0);
  CHECK(ratio(section(web, "p2").summary.win_rate) == "0");
  CHECK(section(web, "p1").summary.open_count == 3);  // d1, d5, d8
  REQUIRE(web.by_source.size() == 1);
  CHECK(web.by_source[0] == report_of(ws, march_april()).by_source[0]);  // the Web row, whichever way it is asked
}

TEST_CASE("reports: the deals behind a figure") {
  const Workspace ws = report_workspace();
  const ReportParams params = march_april();
  auto behind = [&](ReportFigure fig) {
    std::vector<const Deal*> deals;
    std::string error;
    if (!report_deals(ws, params, fig, deals, error)) return "error: " + error;
    return deal_ids(deals);
  };
  auto fig = [](const char* pipeline, FigureDeals deals) {
    ReportFigure f;
    f.pipeline = pipeline;
    f.deals = deals;
    return f;
  };
  // The same deals as the hand-worked figures above.
  CHECK(behind(fig("p1", FigureDeals::Open)) == "d1,d4,d5,d6,d8,d9");
  CHECK(behind(fig("p1", FigureDeals::Won)) == "d2,d7,d12");
  CHECK(behind(fig("p1", FigureDeals::Lost)) == "d3,d11");
  ReportFigure month = fig("p1", FigureDeals::ExpectedInMonth);
  month.month = "2026-03";
  CHECK(behind(month) == "d1,d9");
  month.deals = FigureDeals::WonInMonth;
  CHECK(behind(month) == "d2,d7");
  month.month = "2026-04";
  CHECK(behind(month) == "d12");
  CHECK(behind(fig("p1", FigureDeals::NoDate)) == "d4");
  CHECK(behind(fig("p1", FigureDeals::Overdue)) == "d1,d5,d9");
  ReportFigure stage = fig("p1", FigureDeals::Reached);
  stage.stage = "s_nego";
  CHECK(behind(stage) == "d1,d2,d7,d8,d9");
  CHECK(behind(fig("p1", FigureDeals::CohortWon)) == "d2,d7");
  stage.deals = FigureDeals::Visited;
  stage.stage = "s_pres";
  CHECK(behind(stage) == "d1,d3,d12");
  stage.stage = "s_new";
  CHECK(behind(stage) == "d1,d2,d3,d4,d7,d9");  // 6 visits, one each
  // Rows: u2's won deals; the lost deals without a reason; Web's open deals across every pipeline.
  ReportFigure row = fig("p1", FigureDeals::Won);
  row.row = FigureRow::Owner;
  row.key = "u2";
  CHECK(behind(row) == "d7,d12");
  row.deals = FigureDeals::Lost;
  row.row = FigureRow::LostReason;
  row.key.reset();
  CHECK(behind(row) == "d11");
  row = fig("", FigureDeals::Open);
  row.row = FigureRow::Source;
  row.key = "Web";
  CHECK(behind(row) == "d1,d5,d8,e1,e2");
  row.key.reset();  // the row of none
  CHECK(behind(row) == "d4");

  // Mistakes are errors, not empty lists.
  CHECK(behind(fig("p9", FigureDeals::Open)) == "error: pipeline \"p9\" is not in the report's scope");
  stage = fig("p1", FigureDeals::Reached);
  stage.stage = "s_won";
  CHECK(behind(stage) == "error: stage \"s_won\" is not an open stage of the figure's pipeline");
  month.month = "2026-13";
  CHECK(behind(month) == "error: month: expected a month like 2026-03, got \"2026-13\"");
  std::vector<const Deal*> deals;
  std::string error;
  CHECK_FALSE(report_deals(ws, march_april(ReportScope::Pipeline, "p2"), fig("p1", FigureDeals::Open), deals, error));
}

TEST_CASE("reports: the deals behind each figure add up to it, on a generated workspace") {
  // A check of the click-through against the figures (both are the report's code; the hand-worked
  // answers are above): every count of the report equals the number of deals behind it.
  const Workspace ws = make_demo_workspace(DemoOptions{.deals = 2000});
  for (ReportScope scope : {ReportScope::All, ReportScope::View}) {
    ReportParams params;
    params.scope = scope;
    if (scope == ReportScope::View) params.view = "view_hot";
    params.period = ReportPeriod{day("2026-06-01"), day("2026-09-30"), DemoOptions{}.now};
    const Report r = report_of(ws, params);
    CHECK(r.pipelines.front().summary.open_count > 0);
    for (const PipelineReport& p : r.pipelines) {
      auto count = [&](FigureDeals deals, const std::string& stage = "", const std::string& month = "") {
        ReportFigure f;
        f.pipeline = p.id;
        f.deals = deals;
        f.stage = stage;
        f.month = month;
        std::vector<const Deal*> out;
        std::string error;
        REQUIRE(report_deals(ws, params, f, out, error));
        return out.size();
      };
      CAPTURE(p.id);
      CHECK(count(FigureDeals::Open) == p.summary.open_count);
      CHECK(count(FigureDeals::Won) == p.summary.won_count);
      CHECK(count(FigureDeals::Lost) == p.summary.lost_count);
      CHECK(count(FigureDeals::NoDate) == p.forecast.no_date.count);
      CHECK(count(FigureDeals::Overdue) == p.forecast.overdue.count);
      for (const FunnelStep& s : p.funnel) CHECK(count(FigureDeals::Reached, s.stage) == s.reached);
      for (const StageTime& s : p.stage_time) CHECK(count(FigureDeals::Visited, s.stage) <= s.visits);
    }
  }
}
