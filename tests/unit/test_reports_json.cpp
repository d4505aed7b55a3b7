// The report's JSON (its exact text: key order, numbers, nulls) and its params: defaults, every
// error, and the JS API's one call giving the same bytes as the CLI's path. Fixture: report_fixture.hpp.
#include "report_fixture.hpp"
#include "report_json.hpp"

using namespace pb;
using namespace pb::test;

TEST_CASE("reports JSON: the empty pipeline, every key in order, null where nothing is measured") {
  const Workspace ws = report_workspace();
  const std::string text = report_json_text(report_of(ws, march_april(ReportScope::Pipeline, "p3")));
  CHECK(text == R"({
  "format": "pipeboard.report",
  "version": 1,
  "from": "2026-03-01",
  "to": "2026-04-30",
  "now": "2026-04-15T12:00:00Z",
  "scope": "pipeline",
  "view": null,
  "pipelines": [
    {
      "id": "p3",
      "name": "Empty",
      "summary": {
        "open_count": 0,
        "open_value": {},
        "weighted_value": {},
        "won_count": 0,
        "won_value": {},
        "lost_count": 0,
        "win_rate": null,
        "avg_won_value": null,
        "cycle_days_median": null,
        "cycle_days_mean": null
      },
      "forecast": {
        "months": [
          {
            "month": "2026-03",
            "weighted": {},
            "best_case": {},
            "won": {}
          },
          {
            "month": "2026-04",
            "weighted": {},
            "best_case": {},
            "won": {}
          }
        ],
        "no_date": {
          "count": 0,
          "value": {}
        },
        "overdue": {
          "count": 0,
          "value": {}
        }
      },
      "funnel": [
        {
          "stage": "e_new",
          "reached": 0,
          "to_next": null,
          "to_won": null
        }
      ],
      "stage_time": [
        {
          "stage": "e_new",
          "visits": 0,
          "median_days": null,
          "mean_days": null
        }
      ],
      "bottleneck": null,
      "lost_reasons": [],
      "by_owner": [],
      "by_source": []
    }
  ],
  "by_source": []
}
)");
}

TEST_CASE("reports JSON: numbers as rounded, money by currency, in p2's figures") {
  const Workspace ws = report_workspace();
  const std::string compact = report_to_json(report_of(ws, march_april(ReportScope::Pipeline, "p2"))).dump();
  // The figures of test_reports_scopes.cpp: 0.5, 1.5 days, 16667 from 16666.5.
  CHECK(compact.find(R"("summary":{"open_count":2,"open_value":{"USD":133333},"weighted_value":{"USD":16667},)"
                     R"("won_count":1,"won_value":{"USD":50000},"lost_count":1,"win_rate":0.5,"avg_won_value":{"USD":50000},)"
                     R"("cycle_days_median":1.5,"cycle_days_mean":1.5})") != std::string::npos);
  CHECK(compact.find(R"("months":[{"month":"2026-03","weighted":{"USD":0},"best_case":{"USD":100000},"won":{"USD":50000}},)"
                     R"({"month":"2026-04","weighted":{"USD":16667},"best_case":{"USD":33333},"won":{}}],)"
                     R"("no_date":{"count":0,"value":{}},"overdue":{"count":1,"value":{"USD":100000}}})") != std::string::npos);
  CHECK(compact.find(R"("funnel":[{"stage":"t_qual","reached":4,"to_next":0.5,"to_won":0.25},)"
                     R"({"stage":"t_demo","reached":2,"to_next":0.5,"to_won":0.5}])") != std::string::npos);
  CHECK(compact.find(R"("stage_time":[{"stage":"t_qual","visits":3,"median_days":1.5,"mean_days":1.83},)"
                     R"({"stage":"t_demo","visits":0,"median_days":null,"mean_days":null}],"bottleneck":"t_qual")") !=
        std::string::npos);
  CHECK(compact.find(R"("lost_reasons":[{"reason":"Price","count":1,"value":{"USD":20000}}])") != std::string::npos);
  CHECK(compact.find(R"("by_owner":[{"owner":"u1","open_count":1,"open_value":{"USD":100000},"won_count":1,)"
                     R"("won_value":{"USD":50000},"lost_count":1,"win_rate":0.5},{"owner":"u2","open_count":1,)"
                     R"("open_value":{"USD":33333},"won_count":0,"won_value":{},"lost_count":0,"win_rate":null}])") !=
        std::string::npos);
  CHECK(compact.find(R"({"source":"Amazon","open_count":0,"open_value":{},"won_count":1,"won_value":{"USD":50000},)"
                     R"("lost_count":0,"win_rate":1.0})") != std::string::npos);
  // A view's report names it; 0.7143 and 0.3333 keep their 4 decimals.
  const std::string ana = report_to_json(report_of(ws, march_april(ReportScope::View, "v_ana"))).dump();
  CHECK(ana.find(R"("scope":"view","view":"v_ana","pipelines":[{"id":"p1","name":"Sales",)") != std::string::npos);
  const std::string all = report_to_json(report_of(ws, march_april())).dump();
  CHECK(all.find(R"("to_next":0.7143)") != std::string::npos);
  CHECK(all.find(R"("win_rate":0.3333)") != std::string::npos);
  CHECK(all.find(R"("cycle_days_mean":21.83)") != std::string::npos);
}

TEST_CASE("report params: defaults") {
  const Workspace ws = report_workspace();
  const Timestamp clock = at("2026-04-15T12:00:00Z");
  ReportParams p;
  std::vector<ParamProblem> problems;
  REQUIRE(read_report_params(ws, ReportParamText{}, clock, p, problems));
  CHECK(p.scope == ReportScope::All);
  CHECK(format_date(p.period.from) == "2026-04-01");  // the month of now
  CHECK(format_date(p.period.to) == "2026-04-30");
  CHECK(p.period.now == clock);
  ReportParamText text;
  text.pipeline = "p2";
  text.now = "2026-02-03T04:05:06+02:00";
  REQUIRE(read_report_params(ws, text, clock, p, problems));
  CHECK(p.scope == ReportScope::Pipeline);
  CHECK(p.pipeline == "p2");
  CHECK(format_timestamp(p.period.now) == "2026-02-03T02:05:06Z");
  CHECK(format_date(p.period.to) == "2026-02-28");  // the month of the given now
  text = ReportParamText{};
  text.view = "v_web";
  REQUIRE(read_report_params(ws, text, clock, p, problems));
  CHECK(p.scope == ReportScope::View);
  CHECK(problems.empty());

  std::string error;
  REQUIRE(parse_report_params(ws, R"({"period": "this_quarter", "now": "2026-05-02T00:00:00Z"})", clock, p, error));
  CHECK(format_date(p.period.from) == "2026-04-01");
  CHECK(format_date(p.period.to) == "2026-06-30");
  REQUIRE(parse_report_params(ws, "null", clock, p, error));
  CHECK(p.scope == ReportScope::All);
  REQUIRE(parse_report_params(ws, R"({"scope": "pipeline", "pipeline": "p1", "from": "2026-03-01", "to": "2026-03-01"})",
                              clock, p, error));
  CHECK(p == ReportParams{ReportScope::Pipeline, "p1", "", ReportPeriod{day("2026-03-01"), day("2026-03-01"), clock}});
}

TEST_CASE("report params: every mistake is named") {
  const Workspace ws = report_workspace();
  auto error_of = [&](const std::string& text) {
    ReportParams p;
    std::string error;
    return parse_report_params(ws, text, 0, p, error) ? std::string("ok") : error;
  };
  CHECK(error_of(R"({"scope": "team"})") == R"(/scope: expected "pipeline", "all" or "view", got "team")");
  CHECK(error_of(R"({"scope": "pipeline"})") == R"(/pipeline: is required for the scope "pipeline")");
  CHECK(error_of(R"({"scope": "view"})") == R"(/view: is required for the scope "view")");
  CHECK(error_of(R"({"pipeline": "p9"})") == R"(/pipeline: no pipeline has id "p9")");
  CHECK(error_of(R"({"scope": "all", "pipeline": "p1"})") ==
        R"(/pipeline: is only for the scope "pipeline" (the scope is "all"))");
  CHECK(error_of(R"({"pipeline": "p1", "view": "v_ana"})") ==
        R"(/pipeline: is only for the scope "pipeline" (the scope is "view"))");
  CHECK(error_of(R"({"view": "nope"})") == R"(/view: no view has id "nope")");
  CHECK(error_of(R"({"from": "2026-03-01"})") == "/to: is required with from");
  CHECK(error_of(R"({"to": "2026-03-01"})") == "/from: is required with to");
  CHECK(error_of(R"({"from": "2026-02-30", "to": "2026-03-01"})") ==
        R"(/from: expected a date like 2026-03-31, got "2026-02-30" (or a day that does not exist))");
  CHECK(error_of(R"({"from": "2026-04-01", "to": "2026-03-01"})") == "/to: 2026-03-01 is before from (2026-04-01)");
  CHECK(error_of(R"({"from": "1950-01-01", "to": "2049-12-31"})") == "ok");  // 1200 months
  CHECK(error_of(R"({"from": "1950-01-01", "to": "2050-01-01"})") ==
        "/to: the period spans 1201 months; at most 1200 (100 years)");
  CHECK(error_of(R"({"period": "this_year"})") ==
        R"(/period: expected "this_month", "this_quarter" or "last_12_months", got "this_year")");
  CHECK(error_of(R"({"period": "this_month", "from": "2026-03-01", "to": "2026-03-31"})") ==
        "/period: give either period, or from and to");
  CHECK(error_of(R"({"now": "yesterday"})") == R"(/now: expected a time like 2026-03-31T12:00:00Z, got "yesterday")");
  CHECK(error_of(R"({"from": 20260301, "to": "2026-03-31"})") == "/from: expected a string, got an integer");
  CHECK(error_of(R"({"form": "2026-03-01"})") == "/form: unknown field");
  CHECK(error_of("[1]") == "/: expected an object, got an array");
  CHECK(error_of("{") == "/: not valid JSON");
  // Every problem, not just the first.
  CHECK(error_of(R"({"scope": "pipeline", "from": "x", "to": "y"})") ==
        R"(/pipeline: is required for the scope "pipeline"; /from: expected a date like 2026-03-31, got "x" )"
        R"((or a day that does not exist); /to: expected a date like 2026-03-31, got "y" (or a day that does not exist))");

  // Params built in code get the same checks.
  ReportParams p = march_april(ReportScope::Pipeline, "gone");
  p.period.to = day("2026-02-01");
  const auto problems = check_report_params(ws, p);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].param == "pipeline");
  CHECK(problems[1].message == "2026-02-01 is before from (2026-03-01)");
  Report r;
  std::string error;
  CHECK_FALSE(compute_report(ws, p, r, error));
  CHECK(error == R"(pipeline: no pipeline has id "gone")");
}

TEST_CASE("reports JSON: the JS API's call gives the bytes of the CLI's path") {
  const Workspace ws = report_workspace();
  // The CLI reads its flags into ReportParamText; the JS API passes JSON. Same params, same text.
  ReportParamText text;
  text.pipeline = "p1";
  text.from = "2026-03-01";
  text.to = "2026-04-30";
  text.now = "2026-04-15T12:00:00Z";
  ReportParams params;
  std::vector<ParamProblem> problems;
  REQUIRE(read_report_params(ws, text, 0, params, problems));
  const std::string cli = report_json_text(report_of(ws, params));
  const ReportText js = report_json_for_params(
      ws, R"({"pipeline": "p1", "from": "2026-03-01", "to": "2026-04-30", "now": "2026-04-15T12:00:00Z"})", 0);
  REQUIRE(js.ok);
  CHECK(js.text == cli);
  CHECK(cli.back() == '\n');
  const ReportText bad = report_json_for_params(ws, R"({"pipeline": "p9"})", 0);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error == R"(/pipeline: no pipeline has id "p9")");
  CHECK(bad.text.empty());
}
