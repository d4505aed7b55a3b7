#include "report_params.hpp"

#include "json_read.hpp"
#include "query.hpp"

namespace pb {
namespace {

bool read_scope(const std::optional<std::string>& text, ReportScope& out, std::vector<ParamProblem>& problems) {
  if (!text) return false;
  if (*text == "pipeline") out = ReportScope::Pipeline;
  else if (*text == "all") out = ReportScope::All;
  else if (*text == "view") out = ReportScope::View;
  else problems.push_back({"scope", "expected \"pipeline\", \"all\" or \"view\", got " + quoted_excerpt(*text)});
  return true;
}

std::optional<Date> read_day(const char* param, const std::string& text, std::vector<ParamProblem>& problems) {
  auto day = parse_date(text);
  if (!day) problems.push_back({param, "expected a date like 2026-03-31, got " + quoted_excerpt(text) + " (or a day that does not exist)"});
  return day;
}

}  // namespace

std::string_view to_string(ReportScope s) {
  switch (s) {
    case ReportScope::Pipeline: return "pipeline";
    case ReportScope::All: return "all";
    case ReportScope::View: return "view";
  }
  return "all";
}

bool read_report_params(const Workspace& ws, const ReportParamText& text, Timestamp clock_now, ReportParams& out,
                        std::vector<ParamProblem>& problems) {
  const std::size_t before = problems.size();
  ReportParams p;
  if (!read_scope(text.scope, p.scope, problems))
    p.scope = text.view ? ReportScope::View : text.pipeline ? ReportScope::Pipeline : ReportScope::All;
  // A pipeline or view that the scope would ignore is a mistake worth saying.
  if (text.pipeline && p.scope != ReportScope::Pipeline)
    problems.push_back({"pipeline", "is only for the scope \"pipeline\" (the scope is \"" + std::string(to_string(p.scope)) + "\")"});
  if (text.view && p.scope != ReportScope::View)
    problems.push_back({"view", "is only for the scope \"view\" (the scope is \"" + std::string(to_string(p.scope)) + "\")"});
  if (p.scope == ReportScope::Pipeline && !text.pipeline) problems.push_back({"pipeline", "is required for the scope \"pipeline\""});
  if (p.scope == ReportScope::View && !text.view) problems.push_back({"view", "is required for the scope \"view\""});
  if (text.pipeline) p.pipeline = *text.pipeline;
  if (text.view) p.view = *text.view;

  p.period.now = clock_now;
  if (text.now) {
    if (auto now = parse_timestamp(*text.now)) p.period.now = *now;
    else problems.push_back({"now", "expected a time like 2026-03-31T12:00:00Z, got " + quoted_excerpt(*text.now)});
  }
  PeriodPreset preset = PeriodPreset::ThisMonth;
  if (text.period && !parse_period_preset(*text.period, preset))
    problems.push_back({"period", "expected \"this_month\", \"this_quarter\" or \"last_12_months\", got " +
                                      quoted_excerpt(*text.period)});
  if (text.period && (text.from || text.to)) problems.push_back({"period", "give either period, or from and to"});
  p.period = preset_period(preset, p.period.now);
  if (text.from && !text.to) problems.push_back({"to", "is required with from"});
  if (text.to && !text.from) problems.push_back({"from", "is required with to"});
  if (text.from && text.to) {
    const auto from = read_day("from", *text.from, problems);
    const auto to = read_day("to", *text.to, problems);
    if (from && to) {
      p.period.from = *from;
      p.period.to = *to;
    }
  }
  if (problems.size() != before) return false;
  for (auto& problem : check_report_params(ws, p)) problems.push_back(std::move(problem));
  if (problems.size() != before) return false;
  out = std::move(p);
  return true;
}

std::vector<ParamProblem> check_report_params(const Workspace& ws, const ReportParams& p) {
  std::vector<ParamProblem> problems;
  if (p.scope == ReportScope::Pipeline && !ws.pipelines.contains(p.pipeline))
    problems.push_back({"pipeline", "no pipeline has id " + quoted_excerpt(p.pipeline)});
  if (p.scope == ReportScope::View) {
    if (const View* v = ws.views.find(p.view)) {
      Issues issues;
      CompiledFilter unused;
      if (!compile_filter(v->filter, ws.fields, unused, JsonPath() / "filter", issues))
        problems.push_back({"view", "the view's filter is invalid: " + issues.summary()});
      if (!v->pipeline.empty() && !ws.pipelines.contains(v->pipeline))
        problems.push_back({"view", "the view's pipeline " + quoted_excerpt(v->pipeline) + " does not exist"});
    } else {
      problems.push_back({"view", "no view has id " + quoted_excerpt(p.view)});
    }
  }
  if (p.period.to < p.period.from) {
    problems.push_back({"to", format_date(p.period.to) + " is before from (" + format_date(p.period.from) + ")"});
  } else if (const int months = month_number(p.period.to) - month_number(p.period.from) + 1; months > kMaxReportMonths) {
    // The forecast has a row per month: a bound on its size, wide enough for any "all time".
    problems.push_back({"to", "the period spans " + std::to_string(months) + " months; at most " +
                                  std::to_string(kMaxReportMonths) + " (100 years)"});
  }
  return problems;
}

bool parse_report_params(const Workspace& ws, std::string_view json_text, Timestamp clock_now, ReportParams& out,
                         std::string& error) {
  json j;
  if (!parse_json(json_text, j, error, ParseLimits{1u << 20, 16})) {
    error = "/: " + error;
    return false;
  }
  if (j.is_null()) j = json::object();  // no params: every default
  const JsonPath root;
  Issues issues;
  ReportParamText text;
  if (expect_object(j, root, issues)) {
    reject_unknown_keys(j, {"scope", "pipeline", "view", "from", "to", "now", "period"}, root, issues);
    auto read = [&](const char* key, std::optional<std::string>& field) {
      std::string s;
      if (read_string(j, key, s, root, issues, Need::Optional, 200)) field = std::move(s);
    };
    read("scope", text.scope);
    read("pipeline", text.pipeline);
    read("view", text.view);
    read("from", text.from);
    read("to", text.to);
    read("now", text.now);
    read("period", text.period);
  }
  std::vector<ParamProblem> problems;
  if (issues.ok() && read_report_params(ws, text, clock_now, out, problems)) return true;
  error.clear();
  for (const auto& i : issues.list()) error += (error.empty() ? "" : "; ") + i.str();
  for (const auto& p : problems) error += (error.empty() ? "" : "; ") + ("/" + p.param + ": " + p.message);
  return false;
}

}  // namespace pb
