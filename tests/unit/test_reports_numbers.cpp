// Reports: rounding (half away from zero, once per figure, negative amounts), days, ties, the
// order of rows, periods and their months. Small workspaces built here; the big fixture is in
// report_fixture.hpp.
#include <memory>

#include "report_fixture.hpp"
#include "string_index_internal.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// Pipeline "q" with open stages q_a (30%) and q_b (10%), won q_won and lost q_lost.
Workspace tiny(const std::vector<Deal>& deals) {
  Workspace ws;
  Pipeline q{"q", "Q", "", "EUR",
             {Stage{"q_a", "A", "#4f7cff", 30, StageKind::Open, 0}, Stage{"q_b", "B", "#4f7cff", 10, StageKind::Open, 0},
              Stage{"q_won", "Won", "#4f7cff", 100, StageKind::Won, 0},
              Stage{"q_lost", "Lost", "#4f7cff", 0, StageKind::Lost, 0}}};
  ws.pipelines.insert(0, std::make_shared<const Pipeline>(q));
  for (const Deal& d : deals) ws.deals.insert(ws.deals.size(), std::make_shared<const Deal>(d));
  return ws;
}

// A deal of q created at `created`, entering each of `stages` at the matching time of `times`.
Deal make(const std::string& id, DealStatus status, std::int64_t amount, const std::string& currency, const char* created,
          const std::vector<std::pair<const char*, const char*>>& visits) {
  Deal d;
  d.id = id;
  d.title = id;
  d.pipeline = "q";
  d.status = status;
  d.value = Money{amount, currency};
  d.created = d.updated = at(created);
  for (const auto& v : visits) d.history.push_back(StageVisit{"q", v.first, at(v.second)});
  if (!d.history.empty()) {
    d.stage = d.history.back().stage;
    d.updated = d.history.back().at;
  }
  return d;
}

ReportParams params_q(const char* from = "2026-03-01", const char* to = "2026-03-31") {
  ReportParams p;
  p.scope = ReportScope::Pipeline;
  p.pipeline = "q";
  p.period = ReportPeriod{day(from), day(to), at("2026-03-31T12:00:00Z")};
  return p;
}

constexpr const char* kMar1 = "2026-03-01T00:00:00Z";

}  // namespace

TEST_CASE("reports: divide_rounded rounds half away from zero") {
  CHECK(divide_rounded(5, 2) == 3);     // 2.5
  CHECK(divide_rounded(-5, 2) == -3);   // -2.5
  CHECK(divide_rounded(7, 2) == 4);     // 3.5
  CHECK(divide_rounded(-7, 2) == -4);
  CHECK(divide_rounded(4, 3) == 1);     // 1.33
  CHECK(divide_rounded(5, 3) == 2);     // 1.67
  CHECK(divide_rounded(-5, 3) == -2);
  CHECK(divide_rounded(-4, 3) == -1);
  CHECK(divide_rounded(0, 7) == 0);
  CHECK(divide_rounded(-149, 100) == -1);
  CHECK(divide_rounded(-150, 100) == -2);
  // Past 64 bits on the way: 10^12 x 100 x 10^6 deals, / 100.
  const __int128 big = static_cast<__int128>(1'000'000'000'000LL) * 100 * 1'000'000;
  CHECK(divide_rounded(big + 50, 100) == 1'000'000'000'000'000'001LL);
}

TEST_CASE("reports: ratios to 4 decimals and days to 2, null when there is nothing to measure") {
  CHECK(ratio(ratio_of(2, 3)) == "6667");  // 0.66666
  CHECK(ratio(ratio_of(1, 6)) == "1667");  // 0.16666
  CHECK(ratio(ratio_of(1, 8)) == "1250");
  CHECK(ratio(ratio_of(1, 20000)) == "1");  // 0.00005 -> 0.0001
  CHECK(ratio(ratio_of(1, 20001)) == "0");  // 0.0000499975
  CHECK(ratio(ratio_of(0, 5)) == "0");      // measured: 0
  CHECK(ratio(ratio_of(0, 0)) == "null");   // nothing to measure
  CHECK(ratio_of(2, 3)->value() == doctest::Approx(0.6667));

  constexpr std::int64_t kDay = 86'400'000;
  std::vector<std::int64_t> none;
  CHECK(days(mean_days(none)) == "null");
  CHECK(days(median_days(none)) == "null");
  std::vector<std::int64_t> odd = {3 * kDay, kDay, kDay / 2};  // 0.5, 1, 3
  CHECK(days(median_days(odd)) == "100");
  CHECK(days(mean_days(odd)) == "150");  // 4.5 / 3
  std::vector<std::int64_t> even = {kDay, 2 * kDay, 4 * kDay, 10 * kDay};
  CHECK(days(median_days(even)) == "300");  // (2 + 4) / 2
  CHECK(days(mean_days(even)) == "425");    // 17 / 4
  // 1 hour = 0.041666 days -> 0.04; 18 minutes less than 1.5 days = 1.4875 -> 1.49 (from the milliseconds).
  std::vector<std::int64_t> hour = {3'600'000};
  CHECK(days(mean_days(hour)) == "4");
  std::vector<std::int64_t> almost = {kDay * 3 / 2 - 18 * 60'000};
  CHECK(days(median_days(almost)) == "149");
  std::vector<std::int64_t> half = {kDay / 200};  // 0.005 days -> 0.01
  CHECK(days(mean_days(half)) == "1");
}

TEST_CASE("reports: weighted money is rounded once per figure, half away from zero, negative amounts too") {
  // Open in q_a (30%): EUR 5 and 5 minor units: 5*30 + 5*30 = 300, / 100 = 3 (per deal 1.5 + 1.5 would be 2 + 2 = 4).
  // USD -25 (a credit note): -25*30 = -750, / 100 = -7.5 -> -8. GBP 25: 7.5 -> 8. JPY -5*30 = -150 -> -1.5 -> -2.
  const Workspace ws = tiny({make("a", DealStatus::Open, 5, "EUR", kMar1, {{"q_a", kMar1}}),
                             make("b", DealStatus::Open, 5, "EUR", kMar1, {{"q_a", kMar1}}),
                             make("c", DealStatus::Open, -25, "USD", kMar1, {{"q_a", kMar1}}),
                             make("d", DealStatus::Open, 25, "GBP", kMar1, {{"q_a", kMar1}}),
                             make("e", DealStatus::Open, -5, "JPY", kMar1, {{"q_a", kMar1}})});
  const ReportSummary s = report_of(ws, params_q()).pipelines[0].summary;
  CHECK(money(s.weighted_value) == "EUR 3, GBP 8, JPY -2, USD -8");  // sorted by code
  CHECK(money(s.open_value) == "EUR 10, GBP 25, JPY -5, USD -25");
  // Past what the reader accepts (10^12), built in C++: 9 x 10^18 x 30 overflows 64 bits on the way; / 100 = 2.7 x 10^18.
  const Workspace huge = tiny({make("h", DealStatus::Open, 9'000'000'000'000'000'000LL, "CHF", kMar1, {{"q_a", kMar1}})});
  CHECK(money(report_of(huge, params_q()).pipelines[0].summary.weighted_value) == "CHF 2700000000000000000");
}

TEST_CASE("reports: average won value per currency, rounded half away from zero") {
  // Won 03-10: EUR 1 and 2 -> 3 / 2 = 1.5 -> 2; USD -1 and -2 -> -1.5 -> -2; JPY 10, 10, 11 -> 31 / 3 = 10.33 -> 10.
  std::vector<Deal> deals;
  const std::vector<std::pair<const char*, const char*>> won = {{"q_a", kMar1}, {"q_won", "2026-03-10T00:00:00Z"}};
  int n = 0;
  for (auto [amount, currency] : std::vector<std::pair<std::int64_t, const char*>>{
           {1, "EUR"}, {2, "EUR"}, {-1, "USD"}, {-2, "USD"}, {10, "JPY"}, {10, "JPY"}, {11, "JPY"}})
    deals.push_back(make("w" + std::to_string(++n), DealStatus::Won, amount, currency, kMar1, won));
  const ReportSummary s = report_of(tiny(deals), params_q()).pipelines[0].summary;
  CHECK(s.won_count == 7);
  CHECK(money(s.won_value) == "EUR 3, JPY 31, USD -3");
  CHECK(money(s.avg_won_value) == "EUR 2, JPY 10, USD -2");
  CHECK(ratio(s.win_rate) == "10000");  // 7 / 7
  CHECK(days(s.cycle_days_median) == "900");  // each 03-01 -> 03-10
}

TEST_CASE("reports: the bottleneck on a tie is the earlier stage, compared as shown") {
  // q_a visits: 2 days; q_b visits: 2 days + 1 minute = 2.0007 -> 2.00. Equal as shown: the earlier, q_a.
  const Workspace ws = tiny({make("a", DealStatus::Open, 1, "EUR", kMar1,
                                  {{"q_a", kMar1}, {"q_b", "2026-03-03T00:00:00Z"}, {"q_a", "2026-03-05T00:01:00Z"}})});
  const PipelineReport p = report_of(ws, params_q()).pipelines[0];
  CHECK(days(p.stage_time[0].median_days) == "200");
  CHECK(days(p.stage_time[1].median_days) == "200");
  CHECK(p.bottleneck == std::optional<Id>("q_a"));
  // 9 more minutes in q_b (2.0069 -> 2.01): now q_b.
  const Workspace longer = tiny({make("a", DealStatus::Open, 1, "EUR", kMar1,
                                      {{"q_a", kMar1}, {"q_b", "2026-03-03T00:00:00Z"}, {"q_a", "2026-03-05T00:10:00Z"}})});
  CHECK(report_of(longer, params_q()).pipelines[0].bottleneck == std::optional<Id>("q_b"));
}

TEST_CASE("reports: lost reasons by count, then by reason, none last; breakdown rows by won, open, key") {
  const std::vector<std::pair<const char*, const char*>> lost = {{"q_a", kMar1}, {"q_lost", "2026-03-02T00:00:00Z"}};
  auto lose = [&](const std::string& id, const std::string& reason, const std::string& owner) {
    Deal d = make(id, DealStatus::Lost, 100, "EUR", kMar1, lost);
    d.lost_reason = reason;
    d.owner = owner;
    return d;
  };
  Deal open = make("o1", DealStatus::Open, 7, "EUR", kMar1, {{"q_a", kMar1}});
  open.owner = "zed";
  const Workspace ws = tiny({lose("l1", "Timing", "amy"), lose("l2", "", "amy"), lose("l3", "Price", "bob"),
                             lose("l4", "Timing", ""), lose("l5", "", "bob"), lose("l6", "Budget", "bob"), open});
  const PipelineReport p = report_of(ws, params_q()).pipelines[0];
  // Timing 2, none 2, Budget 1, Price 1: on 2 "Timing" before none; on 1 "Budget" < "Price".
  REQUIRE(p.lost_reasons.size() == 4);
  CHECK(p.lost_reasons[0].reason == std::optional<std::string>("Timing"));
  CHECK(p.lost_reasons[0].count == 2);
  CHECK(money(p.lost_reasons[0].value) == "EUR 200");
  CHECK_FALSE(p.lost_reasons[1].reason.has_value());
  CHECK(p.lost_reasons[1].count == 2);
  CHECK(p.lost_reasons[2].reason == std::optional<std::string>("Budget"));
  CHECK(p.lost_reasons[3].reason == std::optional<std::string>("Price"));
  // Owners: none won; zed has 1 open, the rest none: zed first, then amy < bob, none last.
  REQUIRE(p.by_owner.size() == 4);
  CHECK(p.by_owner[0].key == std::optional<std::string>("zed"));
  CHECK(p.by_owner[0].label == "zed (unknown)");  // no such person
  CHECK(p.by_owner[1].key == std::optional<std::string>("amy"));
  CHECK(p.by_owner[2].key == std::optional<std::string>("bob"));
  CHECK(p.by_owner[2].lost_count == 3);
  CHECK(ratio(p.by_owner[2].win_rate) == "0");  // 0 won of 3 closed: 0, not null
  CHECK_FALSE(p.by_owner[3].key.has_value());
}

TEST_CASE("reports: periods: the presets, month keys, and months cut to the period") {
  auto period = [](PeriodPreset preset, const char* now) {
    const ReportPeriod p = preset_period(preset, at(now));
    return format_date(p.from) + " " + format_date(p.to);
  };
  CHECK(period(PeriodPreset::ThisMonth, "2026-12-15T23:59:59Z") == "2026-12-01 2026-12-31");
  CHECK(period(PeriodPreset::ThisMonth, "2028-02-10T00:00:00Z") == "2028-02-01 2028-02-29");  // a leap year
  CHECK(period(PeriodPreset::ThisQuarter, "2026-02-10T00:00:00Z") == "2026-01-01 2026-03-31");
  CHECK(period(PeriodPreset::ThisQuarter, "2026-06-30T23:59:59Z") == "2026-04-01 2026-06-30");
  CHECK(period(PeriodPreset::ThisQuarter, "2026-12-15T00:00:00Z") == "2026-10-01 2026-12-31");
  CHECK(period(PeriodPreset::Last12Months, "2026-02-10T00:00:00Z") == "2025-03-01 2026-02-28");
  CHECK(period(PeriodPreset::Last12Months, "2026-12-31T12:00:00Z") == "2026-01-01 2026-12-31");
  PeriodPreset preset;
  CHECK(parse_period_preset("last_12_months", preset));
  CHECK(preset == PeriodPreset::Last12Months);
  CHECK_FALSE(parse_period_preset("this_year", preset));
  CHECK(month_key(month_number(day("2026-03-31"))) == "2026-03");
  CHECK(month_number(day("2026-01-01")) - month_number(day("2025-12-31")) == 1);

  // 2025-11-15 .. 2026-02-03: four months. Open deals expected 11-10 (before the period: no month), 11-15
  // and 02-03 (its first and last days); won 02-03 counted, won 02-04 (after) not.
  auto expect = [](Deal d, const char* date) {
    d.expected_close = day(date);
    return d;
  };
  const char* created = "2025-10-01T00:00:00Z";
  const Workspace ws = tiny(
      {expect(make("a", DealStatus::Open, 100, "EUR", created, {{"q_a", created}}), "2025-11-10"),
       expect(make("b", DealStatus::Open, 200, "EUR", created, {{"q_a", created}}), "2025-11-15"),
       expect(make("c", DealStatus::Open, 400, "EUR", created, {{"q_b", created}}), "2026-02-03"),
       make("w", DealStatus::Won, 800, "EUR", created, {{"q_a", created}, {"q_won", "2026-02-03T23:59:59Z"}}),
       make("x", DealStatus::Won, 1600, "EUR", created, {{"q_a", created}, {"q_won", "2026-02-04T00:00:00Z"}})});
  ReportParams p = params_q("2025-11-15", "2026-02-03");
  p.period.now = at("2026-01-20T08:00:00Z");
  const Forecast f = report_of(ws, p).pipelines[0].forecast;
  REQUIRE(f.months.size() == 4);
  CHECK(f.months[0].month == "2025-11");
  CHECK(f.months[1].month == "2025-12");
  CHECK(f.months[2].month == "2026-01");
  CHECK(f.months[3].month == "2026-02");
  CHECK(money(f.months[0].best_case) == "EUR 200");  // b only
  CHECK(money(f.months[0].weighted) == "EUR 60");    // 200*30 / 100
  CHECK(money(f.months[3].best_case) == "EUR 400");  // c
  CHECK(money(f.months[3].weighted) == "EUR 40");    // 400*10 / 100
  CHECK(money(f.months[3].won) == "EUR 800");        // w; x closed the day after the period
  // Overdue (before 2026-01-20) whatever the period: a 11-10 and b 11-15.
  CHECK(f.overdue.count == 2);
  CHECK(money(f.overdue.value) == "EUR 300");
}

TEST_CASE("reports: the string index compares every byte, at every length") {
  using report_detail::same_text;
  const std::string base = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    const std::string a = base.substr(0, n);
    CAPTURE(n);
    CHECK(same_text(a, std::string(a)));
    for (std::size_t i = 0; i < n; ++i) {  // one byte different, anywhere
      std::string b = a;
      b[i] = '_';
      CHECK_FALSE(same_text(a, b));
    }
    if (n > 0) CHECK_FALSE(same_text(a, a.substr(0, n - 1)));
  }
  // Keys that share their first and last 8 bytes, and enough of them to grow the table.
  std::vector<std::string> keys;
  for (int i = 0; i < 300; ++i) keys.push_back("prefix__" + std::to_string(i) + "__suffix");
  keys.push_back("");
  report_detail::StringIndex index;
  for (std::size_t i = 0; i < keys.size(); ++i) CHECK(index.insert(keys[i], static_cast<int>(i)) == static_cast<int>(i));
  CHECK(index.insert(keys[7], 99) == 7);  // present: kept
  CHECK(index.size() == keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) CHECK(index.find(keys[i]) == static_cast<int>(i));
  CHECK(index.find("prefix__300__suffix") == -1);
  CHECK(report_detail::StringIndex().find("x") == -1);
}
