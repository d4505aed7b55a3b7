// Each report table as CSV: quoting, formulas neutralised (numbers left alone), a column per
// currency, and the exact text of every table for the hand-worked fixture (report_fixture.hpp).
#include <memory>

#include "report_csv.hpp"
#include "report_fixture.hpp"

using namespace pb;
using namespace pb::test;

namespace {

std::string csv(const Report& r, const char* table) {
  std::string out, error;
  const bool ok = report_csv(r, table, out, error);
  INFO(error);
  REQUIRE(ok);
  return out;
}

}  // namespace

TEST_CASE("report CSV: text cells are quoted and neutralised") {
  CHECK(csv_text_cell("Sales") == "Sales");
  CHECK(csv_text_cell("") == "");
  CHECK(csv_text_cell("a,b") == "\"a,b\"");
  CHECK(csv_text_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_text_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_text_cell("cr\r") == "\"cr\r\"");
  CHECK(csv_text_cell("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  CHECK(csv_text_cell("+1 555") == "'+1 555");
  CHECK(csv_text_cell("-2+3") == "'-2+3");
  CHECK(csv_text_cell("@cmd") == "'@cmd");
  CHECK(csv_text_cell("\tTab") == "'\tTab");
  CHECK(csv_text_cell("=1,2") == "\"'=1,2\"");   // neutralised, then quoted
  CHECK(csv_text_cell("a=b") == "a=b");           // only a leading sign matters
  CHECK(csv_text_cell("Łódź") == "Łódź");
}

TEST_CASE("report CSV: the summary, one row per pipeline, a column per currency") {
  const Workspace ws = report_workspace();
  // p1: open 2500.05 EUR + 100.00 USD, weighted 1190.01 + 10.00, won 3800.00 EUR, 0.6, avg 1266.67, 10.5 / 21.83 days.
  // p2: open 1333.33 USD, weighted 166.67, won 500.00, 0.5, avg 500.00, 1.5 / 1.5. p3: nothing, so empty cells.
  CHECK(csv(report_of(ws, march_april()), "summary") ==
        "pipeline_id,pipeline,open_count,open_value_EUR,open_value_USD,weighted_value_EUR,weighted_value_USD,won_count,"
        "won_value_EUR,won_value_USD,lost_count,win_rate,avg_won_value_EUR,avg_won_value_USD,cycle_days_median,"
        "cycle_days_mean\r\n"
        "p1,Sales,6,2500.05,100.00,1190.01,10.00,3,3800.00,,2,0.6000,1266.67,,10.50,21.83\r\n"
        "p2,Enterprise,2,,1333.33,,166.67,1,,500.00,1,0.5000,,500.00,1.50,1.50\r\n"
        "p3,Empty,0,,,,,0,,,0,,,,,\r\n");
}

TEST_CASE("report CSV: every other table of p2, and p1's lost reasons") {
  const Workspace ws = report_workspace();
  const Report p2 = report_of(ws, march_april(ReportScope::Pipeline, "p2"));
  // Months, then the open deals without a date (none) and the overdue ones (e1) with their count and value.
  CHECK(csv(p2, "forecast") ==
        "pipeline_id,pipeline,month,count,weighted_USD,best_case_USD,won_USD\r\n"
        "p2,Enterprise,2026-03,,0.00,1000.00,500.00\r\n"
        "p2,Enterprise,2026-04,,166.67,333.33,\r\n"
        "p2,Enterprise,no date,0,,,\r\n"
        "p2,Enterprise,overdue,1,,1000.00,\r\n");
  CHECK(csv(p2, "funnel") ==
        "pipeline_id,pipeline,stage_id,stage,reached,to_next,to_won\r\n"
        "p2,Enterprise,t_qual,Qualified,4,0.5000,0.2500\r\n"
        "p2,Enterprise,t_demo,Demo,2,0.5000,0.5000\r\n");
  CHECK(csv(p2, "stage_time") ==
        "pipeline_id,pipeline,stage_id,stage,visits,median_days,mean_days,bottleneck\r\n"
        "p2,Enterprise,t_qual,Qualified,3,1.50,1.83,yes\r\n"
        "p2,Enterprise,t_demo,Demo,0,,,\r\n");
  CHECK(csv(p2, "by_owner") ==
        "pipeline_id,pipeline,owner_id,owner,open_count,open_value_USD,won_count,won_value_USD,lost_count,win_rate\r\n"
        "p2,Enterprise,u1,Ana,1,1000.00,1,500.00,1,0.5000\r\n"
        "p2,Enterprise,u2,Łukasz,1,333.33,0,,0,\r\n");
  CHECK(csv(p2, "by_source") ==
        "pipeline_id,pipeline,source,open_count,open_value_USD,won_count,won_value_USD,lost_count,win_rate\r\n"
        "p2,Enterprise,Amazon,0,,1,500.00,0,1.0000\r\n"
        "p2,Enterprise,Web,2,1333.33,0,,1,0.0000\r\n");
  CHECK(csv(p2, "channels") ==
        "source,open_count,open_value_USD,won_count,won_value_USD,lost_count,win_rate\r\n"
        "Amazon,0,,1,500.00,0,1.0000\r\n"
        "Web,2,1333.33,0,,1,0.0000\r\n");
  CHECK(csv(report_of(ws, march_april(ReportScope::Pipeline, "p1")), "lost_reasons") ==
        "pipeline_id,pipeline,reason,count,value_EUR\r\n"
        "p1,Sales,Price,1,500.00\r\n"
        "p1,Sales,,1,150.00\r\n");  // no reason: an empty cell
  std::string out, error;
  CHECK_FALSE(report_csv(p2, "deals", out, error));
  CHECK(error ==
        "no table \"deals\"; the tables are summary forecast funnel stage_time lost_reasons by_owner by_source channels");
}

TEST_CASE("report CSV: names that look like formulas are escaped, negative amounts stay numbers") {
  Workspace ws = report_workspace();
  auto edit_deal = [&](const char* id, auto change) {
    Deal d = *ws.deals.find(id);
    change(d);
    ws.deals.replace(std::make_shared<const Deal>(std::move(d)));
  };
  edit_deal("e1", [](Deal& d) { d.source = "=HYPERLINK(\"http://x\",\"y\")"; });
  edit_deal("e2", [](Deal& d) { d.value.amount = -33333; });  // a credit note
  Pipeline p2 = *ws.pipelines.find("p2");
  p2.name = "@Enterprise, \"big\"";
  ws.pipelines.replace(std::make_shared<const Pipeline>(p2));
  const Report r = report_of(ws, march_april(ReportScope::Pipeline, "p2"));
  // e1 and e2 are no longer one source: Amazon (won), then the formula (open e1), Web (open e2, lost e4).
  CHECK(csv(r, "channels") ==
        "source,open_count,open_value_USD,won_count,won_value_USD,lost_count,win_rate\r\n"
        "Amazon,0,,1,500.00,0,1.0000\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1,1000.00,0,,0,\r\n"
        "Web,1,-333.33,0,,1,0.0000\r\n");
  CHECK(csv(r, "funnel").find("\r\np2,\"'@Enterprise, \"\"big\"\"\",t_qual,") != std::string::npos);
}
