// The workspace behind the report tests (tests/unit/test_reports_*.cpp and tests/cli), in
// tests/fixtures/reports-workspace.json. Every expected figure is worked out by hand from this
// table, for the period 2026-03-01 .. 2026-04-30 with now = 2026-04-15T12:00:00Z.
//
// Pipelines: p1 Sales (EUR): s_new 10%, s_pres 30%, s_nego 60% (open), s_won, s_lost.
//            p2 Enterprise (USD): t_qual 0%, t_demo 50% (open), t_won, t_lost.
//            p3 Empty (EUR): e_new 20%, e_won, e_lost; no deals.
// People: u1 Ana, u2 Łukasz, u3 Zoe. Views: v_ana (p1, owner = u1, hides s_lost), v_web (every
// pipeline, source = Web). Times are 00:00Z unless given; history entries are in p1 unless said.
//
//  id   stage   status value        owner source   expected    created  history
//  d1   s_nego  open   1000.00 EUR  u1    Web      2026-03-20  03-02    new 03-02, pres 03-04, nego 03-07 12:00
//  d2   s_won   won    2000.00 EUR  u1    Web      2026-03-15  03-01    new 03-01, won 03-11 12:00 (updated 03-12)
//  d3   s_lost  lost    500.00 EUR  u2    Referral -           02-10    new 02-10, pres 03-01, lost 03-05 ("Price")
//  d4   s_pres  open    300.00 EUR  u2    -        -           03-10    new 03-10, won 03-12, pres 03-20 (reopened)
//  d5   s_new   open    100.00 USD  -     Web      2026-04-10  01-05    new 01-05
//  d6   s_pres  open    400.00 EUR  u1    Event    2026-05-10  03-15    p2 t_qual 03-15, p2 t_demo 03-16, pres 03-18 (moved from p2)
//  d7   s_won   won     800.00 EUR  u2    Referral -           03-03    new 03-03, s_gone 03-05 (a deleted stage), won 03-09
//  d8   s_nego  open    600.00 EUR  u1    Web      2026-04-30  04-01    nego 04-01 (created straight into a later stage)
//  d9   s_new   open    200.05 EUR  u2    Referral 2026-03-31  03-05    new 03-05, nego 03-06, new 03-09 12:00 (moved back)
//  d10  s_won   won     900.00 EUR  u3    Cold     -           01-10    new 01-10, won 02-20 (before the period)
//  d11  s_lost  lost    150.00 EUR  u1    Web      -           02-01    new 02-01 (no lost entry, no reason; updated 04-02 10:00)
//  d12  s_won   won    1000.00 EUR  u2    Event    -           02-15    new 02-15, won 02-25, pres 03-02, won 04-05 (won again)
//  e1   t_qual  open   1000.00 USD  u1    Web      2026-03-15  03-01    p2: qual 03-01
//  e2   t_demo  open    333.33 USD  u2    Web      2026-04-20  03-05    p2: qual 03-05, demo 03-08
//  e3   t_won   won     500.00 USD  u1    Amazon   -           03-02    p2: qual 03-02, won 03-03 12:00
//  e4   t_lost  lost    200.00 USD  u1    Web      -           03-20    p2: qual 03-20, lost 03-21 ("Price")
//
// Closed at (the last entry of the deal's status kind, else `updated`): d2 03-11 12:00, d3 03-05,
// d7 03-09, d10 02-20 (outside), d11 04-02 10:00 (updated), d12 04-05, e3 03-03 12:00, e4 03-21.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "documents.hpp"
#include "report.hpp"
#include "test_helpers.hpp"

namespace pb::test {

inline Workspace report_workspace() {
  Workspace ws;
  Issues issues;
  const bool loaded = load_workspace(read_file("tests/fixtures/reports-workspace.json"), ws, issues);
  INFO(issues.summary());
  REQUIRE(loaded);
  return ws;
}

inline Timestamp at(const char* iso) { return *parse_timestamp(iso); }
inline Date day(const char* ymd) { return *parse_date(ymd); }

inline ReportParams march_april(ReportScope scope = ReportScope::All, const Id& id = "") {
  ReportParams p;
  p.scope = scope;
  if (scope == ReportScope::Pipeline) p.pipeline = id;
  if (scope == ReportScope::View) p.view = id;
  p.period = ReportPeriod{day("2026-03-01"), day("2026-04-30"), at("2026-04-15T12:00:00Z")};
  return p;
}

inline Report report_of(const Workspace& ws, const ReportParams& params) {
  Report r;
  std::string error;
  const bool ok = compute_report(ws, params, r, error);
  INFO(error);
  REQUIRE(ok);
  return r;
}

// "EUR 250005, USD 10000" (minor units), "{}" for none: short to compare and to read in a failure.
inline std::string money(const MoneyTotals& totals) {
  std::string out;
  for (const Money& m : totals) out += (out.empty() ? "" : ", ") + m.currency + " " + std::to_string(m.amount);
  return out.empty() ? "{}" : out;
}
inline std::string money(const std::optional<MoneyTotals>& totals) { return totals ? money(*totals) : "null"; }
// Ratios in ten-thousandths and days in hundredths, "null" for nothing to measure.
inline std::string ratio(const std::optional<Ratio>& r) { return r ? std::to_string(r->ten_thousandths) : "null"; }
inline std::string days(const std::optional<Days>& d) { return d ? std::to_string(d->hundredths) : "null"; }

inline const PipelineReport& section(const Report& r, const std::string& id) {
  for (const auto& p : r.pipelines)
    if (p.id == id) return p;
  FAIL("no pipeline " << id << " in the report");
  return r.pipelines.front();
}

inline std::string deal_ids(const std::vector<const Deal*>& deals) {
  std::string out;
  for (const Deal* d : deals) out += (out.empty() ? "" : ",") + d->id;
  return out;
}

}  // namespace pb::test
