// Every figure of one pipeline's report (p1 "Sales" of report_fixture.hpp), worked out by hand,
// in the report of every pipeline for March and April 2026. Other pipelines, scopes and the
// click-through: test_reports_scopes.cpp.
#include "report_fixture.hpp"

using namespace pb;
using namespace pb::test;

TEST_CASE("reports: p1 summary") {
  const Workspace ws = report_workspace();
  const ReportSummary s = section(report_of(ws, march_april()), "p1").summary;
  // Open now: d1, d4, d5, d6, d8, d9 (whatever the period; d4 was won, then reopened).
  CHECK(s.open_count == 6);
  // EUR 100000 (d1) + 30000 (d4) + 40000 (d6) + 60000 (d8) + 20005 (d9) = 250005; USD 10000 (d5): never added to EUR.
  CHECK(money(s.open_value) == "EUR 250005, USD 10000");
  // EUR 100000*60 + 30000*30 + 40000*30 + 60000*60 + 20005*10 = 6000000 + 900000 + 1200000 + 3600000 + 200050
  // = 11900050, / 100 = 119000.5, half away from zero: 119001. USD 10000*10 / 100 = 1000.
  CHECK(money(s.weighted_value) == "EUR 119001, USD 1000");
  // Won in the period: d2 (03-11), d7 (03-09), d12 (04-05: its last won entry). d10 closed 02-20, outside.
  CHECK(s.won_count == 3);
  CHECK(money(s.won_value) == "EUR 380000");  // 200000 + 80000 + 100000
  // Lost in the period: d3 (03-05), d11 (no lost entry: its updated, 04-02).
  CHECK(s.lost_count == 2);
  CHECK(ratio(s.win_rate) == "6000");  // 3 / (3 + 2) = 0.6
  CHECK(money(s.avg_won_value) == "EUR 126667");  // 380000 / 3 = 126666.67 -> 126667
  // Cycles, created -> closed at: d2 03-01 00:00 -> 03-11 12:00 = 10.5 days; d7 03-03 -> 03-09 = 6;
  // d12 02-15 -> 04-05 = 13 (to 02-28) + 1 + 31 + 4 = 49. Median 10.5; mean 65.5 / 3 = 21.8333 -> 21.83.
  CHECK(days(s.cycle_days_median) == "1050");
  CHECK(days(s.cycle_days_mean) == "2183");
}

TEST_CASE("reports: p1 forecast") {
  const Workspace ws = report_workspace();
  const Forecast f = section(report_of(ws, march_april()), "p1").forecast;
  REQUIRE(f.months.size() == 2);
  CHECK(f.months[0].month == "2026-03");
  // Open, expected in March: d1 (03-20) and d9 (03-31). d2's expected close does not count: it is won.
  // Weighted 100000*60 + 20005*10 = 6200050, / 100 = 62000.5 -> 62001; best case 100000 + 20005.
  CHECK(money(f.months[0].weighted) == "EUR 62001");
  CHECK(money(f.months[0].best_case) == "EUR 120005");
  CHECK(money(f.months[0].won) == "EUR 280000");  // d2 200000 (03-11) + d7 80000 (03-09)
  CHECK(f.months[1].month == "2026-04");
  // d8 (04-30): 60000*60 / 100 = 36000 EUR; d5 (04-10): 10000*10 / 100 = 1000 USD. d6 (05-10) is after the period.
  CHECK(money(f.months[1].weighted) == "EUR 36000, USD 1000");
  CHECK(money(f.months[1].best_case) == "EUR 60000, USD 10000");
  CHECK(money(f.months[1].won) == "EUR 100000");  // d12 (04-05)
  // Open without an expected close: d4 only.
  CHECK(f.no_date.count == 1);
  CHECK(money(f.no_date.value) == "EUR 30000");
  // Open and expected before now's day (04-15): d1 03-20, d9 03-31, d5 04-10; not d8 (04-30) nor d6 (05-10).
  CHECK(f.overdue.count == 3);
  CHECK(money(f.overdue.value) == "EUR 120005, USD 10000");  // 100000 + 20005; 10000
}

TEST_CASE("reports: p1 funnel") {
  const Workspace ws = report_workspace();
  const auto funnel = section(report_of(ws, march_april()), "p1").funnel;
  // Cohort, created in the period: d1, d2, d4, d6, d7, d8, d9 (7). Furthest open stage in p1's history:
  // d1 nego; d2 won (every stage); d4 pres (its won entry is no open stage, and it is open now);
  // d6 pres (its p2 entries are not p1's); d7 won; d8 nego (created there: it reached new and pres too);
  // d9 nego (moved back to new: it still reached nego).
  REQUIRE(funnel.size() == 3);  // open stages only, in pipeline order
  CHECK(funnel[0].stage == "s_new");
  CHECK(funnel[0].name == "New");
  CHECK(funnel[0].reached == 7);              // all 7
  CHECK(ratio(funnel[0].to_next) == "10000");  // 7 / 7
  CHECK(ratio(funnel[0].to_won) == "2857");    // won d2, d7: 2 / 7 = 0.285714 -> 0.2857
  CHECK(funnel[1].stage == "s_pres");
  CHECK(funnel[1].reached == 7);              // every one reached pres or later
  CHECK(ratio(funnel[1].to_next) == "7143");   // 5 / 7 = 0.714286 -> 0.7143
  CHECK(ratio(funnel[1].to_won) == "2857");    // 2 / 7
  CHECK(funnel[2].stage == "s_nego");
  CHECK(funnel[2].reached == 5);              // d1, d2, d7, d8, d9
  CHECK(ratio(funnel[2].to_next) == "4000");   // the next step is won: 2 / 5
  CHECK(ratio(funnel[2].to_won) == "4000");    // 2 / 5
}

TEST_CASE("reports: p1 stage time and bottleneck") {
  const Workspace ws = report_workspace();
  const PipelineReport p = section(report_of(ws, march_april()), "p1");
  REQUIRE(p.stage_time.size() == 3);
  // Visits to new whose next entry falls in the period: d1 03-02 -> 03-04 = 2 days; d2 03-01 -> 03-11 12:00
  // = 10.5; d3 02-10 -> 03-01 = 19 (it began before the period and ended in it); d4 03-10 -> 03-12 = 2
  // (ended by its won entry); d7 03-03 -> 03-05 = 2 (ended by the deleted stage's entry); d9 03-05 -> 03-06
  // = 1. Not counted: d10 and d12 (ended 02-20, 02-25), d5, d11 and d9's second visit (still there).
  CHECK(p.stage_time[0].stage == "s_new");
  CHECK(p.stage_time[0].visits == 6);
  CHECK(days(p.stage_time[0].median_days) == "200");  // 1, 2, 2, 2, 10.5, 19: (2 + 2) / 2
  CHECK(days(p.stage_time[0].mean_days) == "608");    // 36.5 / 6 = 6.0833
  // pres: d1 03-04 -> 03-07 12:00 = 3.5; d3 03-01 -> 03-05 = 4; d12 03-02 -> 04-05 = 34. d4 and d6 are still there.
  CHECK(p.stage_time[1].visits == 3);
  CHECK(days(p.stage_time[1].median_days) == "400");
  CHECK(days(p.stage_time[1].mean_days) == "1383");  // 41.5 / 3 = 13.8333
  // nego: d9 03-06 -> 03-09 12:00 = 3.5. d1 and d8 are still there.
  CHECK(p.stage_time[2].visits == 1);
  CHECK(days(p.stage_time[2].median_days) == "350");
  CHECK(days(p.stage_time[2].mean_days) == "350");
  // Largest median: pres 4 > nego 3.5 > new 2.
  CHECK(p.bottleneck == std::optional<Id>("s_pres"));
}

TEST_CASE("reports: p1 lost reasons, by owner, by source") {
  const Workspace ws = report_workspace();
  const PipelineReport p = section(report_of(ws, march_april()), "p1");
  // Lost in the period: d3 "Price" 50000, d11 no reason 15000; one each, so by reason, none last.
  REQUIRE(p.lost_reasons.size() == 2);
  CHECK(p.lost_reasons[0].reason == std::optional<std::string>("Price"));
  CHECK(p.lost_reasons[0].count == 1);
  CHECK(money(p.lost_reasons[0].value) == "EUR 50000");
  CHECK_FALSE(p.lost_reasons[1].reason.has_value());
  CHECK(money(p.lost_reasons[1].value) == "EUR 15000");

  // Owners of deals open now or closed in the period (u3's only deal, d10, closed before it: no row).
  // u2: open d4 + d9 = 30000 + 20005; won d7 + d12 = 80000 + 100000; lost d3; 2 / 3 = 0.6667.
  // u1: open d1 + d6 + d8 = 100000 + 40000 + 60000; won d2; lost d11; 1 / 2.
  // none: open d5 (USD). Most won first.
  REQUIRE(p.by_owner.size() == 3);
  const BreakdownRow& u2 = p.by_owner[0];
  CHECK(u2.key == std::optional<std::string>("u2"));
  CHECK(u2.label == "Łukasz");
  CHECK(u2.open_count == 2);
  CHECK(money(u2.open_value) == "EUR 50005");
  CHECK(u2.won_count == 2);
  CHECK(money(u2.won_value) == "EUR 180000");
  CHECK(u2.lost_count == 1);
  CHECK(ratio(u2.win_rate) == "6667");
  const BreakdownRow& u1 = p.by_owner[1];
  CHECK(u1.key == std::optional<std::string>("u1"));
  CHECK(u1.open_count == 3);
  CHECK(money(u1.open_value) == "EUR 200000");
  CHECK(u1.won_count == 1);
  CHECK(money(u1.won_value) == "EUR 200000");
  CHECK(u1.lost_count == 1);
  CHECK(ratio(u1.win_rate) == "5000");
  const BreakdownRow& none = p.by_owner[2];
  CHECK_FALSE(none.key.has_value());
  CHECK(none.label == "None");
  CHECK(none.open_count == 1);
  CHECK(money(none.open_value) == "USD 10000");
  CHECK(none.won_count == 0);
  CHECK(money(none.won_value) == "{}");
  CHECK(ratio(none.win_rate) == "null");  // nothing won or lost: null, not 0

  // Web: open d1, d5, d8 (100000 + 60000 EUR, 10000 USD), won d2, lost d11: 1 / 2.
  // Event: open d6, won d12: 1 / 1. Referral: open d9, won d7, lost d3: 1 / 2. None: open d4.
  // Cold (d10) closed before the period: no row. Won 1, 1, 1, 0; then open 3, 1, 1; then Event < Referral.
  REQUIRE(p.by_source.size() == 4);
  CHECK(p.by_source[0].key == std::optional<std::string>("Web"));
  CHECK(p.by_source[0].open_count == 3);
  CHECK(money(p.by_source[0].open_value) == "EUR 160000, USD 10000");
  CHECK(p.by_source[0].won_count == 1);
  CHECK(money(p.by_source[0].won_value) == "EUR 200000");
  CHECK(p.by_source[0].lost_count == 1);
  CHECK(ratio(p.by_source[0].win_rate) == "5000");
  CHECK(p.by_source[1].key == std::optional<std::string>("Event"));
  CHECK(money(p.by_source[1].open_value) == "EUR 40000");
  CHECK(money(p.by_source[1].won_value) == "EUR 100000");
  CHECK(ratio(p.by_source[1].win_rate) == "10000");
  CHECK(p.by_source[2].key == std::optional<std::string>("Referral"));
  CHECK(money(p.by_source[2].open_value) == "EUR 20005");
  CHECK(money(p.by_source[2].won_value) == "EUR 80000");
  CHECK(p.by_source[2].lost_count == 1);
  CHECK(ratio(p.by_source[2].win_rate) == "5000");
  CHECK_FALSE(p.by_source[3].key.has_value());
  CHECK(p.by_source[3].open_count == 1);
  CHECK(money(p.by_source[3].open_value) == "EUR 30000");
  CHECK(ratio(p.by_source[3].win_rate) == "null");
}
