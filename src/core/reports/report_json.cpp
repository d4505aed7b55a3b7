#include "report_json.hpp"

namespace pb {
namespace {

using ojson = nlohmann::ordered_json;

ojson money(const MoneyTotals& totals) {
  ojson o = ojson::object();
  for (const Money& m : totals) o[m.currency] = m.amount;  // MoneyTotals is sorted by code
  return o;
}

ojson money_or_null(const std::optional<MoneyTotals>& totals) { return totals ? money(*totals) : ojson(nullptr); }
ojson ratio(const std::optional<Ratio>& r) { return r ? ojson(r->value()) : ojson(nullptr); }
ojson days(const std::optional<Days>& d) { return d ? ojson(d->value()) : ojson(nullptr); }
ojson text_or_null(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

ojson count_and_value(const CountAndValue& c) { return ojson{{"count", c.count}, {"value", money(c.value)}}; }

ojson summary(const ReportSummary& s) {
  ojson o = ojson::object();
  o["open_count"] = s.open_count;
  o["open_value"] = money(s.open_value);
  o["weighted_value"] = money(s.weighted_value);
  o["won_count"] = s.won_count;
  o["won_value"] = money(s.won_value);
  o["lost_count"] = s.lost_count;
  o["win_rate"] = ratio(s.win_rate);
  o["avg_won_value"] = money_or_null(s.avg_won_value);
  o["cycle_days_median"] = days(s.cycle_days_median);
  o["cycle_days_mean"] = days(s.cycle_days_mean);
  return o;
}

ojson forecast(const Forecast& f) {
  ojson months = ojson::array();
  for (const ForecastMonth& m : f.months) {
    ojson row = ojson::object();
    row["month"] = m.month;
    row["weighted"] = money(m.weighted);
    row["best_case"] = money(m.best_case);
    row["won"] = money(m.won);
    months.push_back(std::move(row));
  }
  ojson o = ojson::object();
  o["months"] = std::move(months);
  o["no_date"] = count_and_value(f.no_date);
  o["overdue"] = count_and_value(f.overdue);
  return o;
}

ojson breakdown(const std::vector<BreakdownRow>& rows, const char* key) {
  ojson out = ojson::array();
  for (const BreakdownRow& r : rows) {
    ojson o = ojson::object();
    o[key] = text_or_null(r.key);
    o["open_count"] = r.open_count;
    o["open_value"] = money(r.open_value);
    o["won_count"] = r.won_count;
    o["won_value"] = money(r.won_value);
    o["lost_count"] = r.lost_count;
    o["win_rate"] = ratio(r.win_rate);
    out.push_back(std::move(o));
  }
  return out;
}

ojson pipeline(const PipelineReport& p) {
  ojson funnel = ojson::array();
  for (const FunnelStep& s : p.funnel) {
    ojson o = ojson::object();
    o["stage"] = s.stage;
    o["reached"] = s.reached;
    o["to_next"] = ratio(s.to_next);
    o["to_won"] = ratio(s.to_won);
    funnel.push_back(std::move(o));
  }
  ojson stage_time = ojson::array();
  for (const StageTime& t : p.stage_time) {
    ojson o = ojson::object();
    o["stage"] = t.stage;
    o["visits"] = t.visits;
    o["median_days"] = days(t.median_days);
    o["mean_days"] = days(t.mean_days);
    stage_time.push_back(std::move(o));
  }
  ojson lost = ojson::array();
  for (const LostReasonRow& r : p.lost_reasons) {
    ojson o = ojson::object();
    o["reason"] = text_or_null(r.reason);
    o["count"] = r.count;
    o["value"] = money(r.value);
    lost.push_back(std::move(o));
  }
  ojson o = ojson::object();
  o["id"] = p.id;
  o["name"] = p.name;
  o["summary"] = summary(p.summary);
  o["forecast"] = forecast(p.forecast);
  o["funnel"] = std::move(funnel);
  o["stage_time"] = std::move(stage_time);
  o["bottleneck"] = text_or_null(p.bottleneck);
  o["lost_reasons"] = std::move(lost);
  o["by_owner"] = breakdown(p.by_owner, "owner");
  o["by_source"] = breakdown(p.by_source, "source");
  return o;
}

}  // namespace

nlohmann::ordered_json report_to_json(const Report& report) {
  const ReportParams& params = report.params;
  ojson o = ojson::object();
  o["format"] = kReportFormat;
  o["version"] = kReportVersion;
  o["from"] = format_date(params.period.from);
  o["to"] = format_date(params.period.to);
  o["now"] = format_timestamp(params.period.now);
  o["scope"] = to_string(params.scope);
  o["view"] = params.scope == ReportScope::View ? ojson(params.view) : ojson(nullptr);
  ojson pipelines = ojson::array();
  for (const PipelineReport& p : report.pipelines) pipelines.push_back(pipeline(p));
  o["pipelines"] = std::move(pipelines);
  o["by_source"] = breakdown(report.by_source, "source");
  return o;
}

// Strings were checked as UTF-8 when read; replace rather than abort (no exceptions in wasm) on any that were not.
std::string report_json_text(const Report& report) {
  return report_to_json(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

ReportText report_json_for_params(const Workspace& ws, std::string_view params_json, Timestamp clock_now) {
  ReportText out;
  ReportParams params;
  Report report;
  if (!parse_report_params(ws, params_json, clock_now, params, out.error) ||
      !compute_report(ws, params, report, out.error))
    return out;
  out.ok = true;
  out.text = report_json_text(report);
  return out;
}

}  // namespace pb
