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

// An array of one object per row; ordered_json keeps each object's keys in the order written.
template <class Row, class ToJson>
ojson array_of(const std::vector<Row>& rows, ToJson to_json) {
  ojson out = ojson::array();
  for (const Row& r : rows) out.push_back(to_json(r));
  return out;
}

ojson count_and_value(const CountAndValue& c) { return ojson{{"count", c.count}, {"value", money(c.value)}}; }

ojson summary(const ReportSummary& s) {
  return ojson{{"open_count", s.open_count},
               {"open_value", money(s.open_value)},
               {"weighted_value", money(s.weighted_value)},
               {"won_count", s.won_count},
               {"won_value", money(s.won_value)},
               {"lost_count", s.lost_count},
               {"win_rate", ratio(s.win_rate)},
               {"avg_won_value", money_or_null(s.avg_won_value)},
               {"cycle_days_median", days(s.cycle_days_median)},
               {"cycle_days_mean", days(s.cycle_days_mean)}};
}

ojson forecast(const Forecast& f) {
  ojson months = array_of(f.months, [](const ForecastMonth& m) {
    return ojson{{"month", m.month}, {"weighted", money(m.weighted)}, {"best_case", money(m.best_case)}, {"won", money(m.won)}};
  });
  return ojson{{"months", std::move(months)}, {"no_date", count_and_value(f.no_date)}, {"overdue", count_and_value(f.overdue)}};
}

ojson breakdown(const std::vector<BreakdownRow>& rows, const char* key) {
  return array_of(rows, [key](const BreakdownRow& r) {
    return ojson{{key, text_or_null(r.key)},         {"open_count", r.open_count}, {"open_value", money(r.open_value)},
                 {"won_count", r.won_count},         {"won_value", money(r.won_value)},
                 {"lost_count", r.lost_count},       {"win_rate", ratio(r.win_rate)}};
  });
}

ojson pipeline(const PipelineReport& p) {
  ojson funnel = array_of(p.funnel, [](const FunnelStep& s) {
    return ojson{{"stage", s.stage}, {"reached", s.reached}, {"to_next", ratio(s.to_next)}, {"to_won", ratio(s.to_won)}};
  });
  ojson stage_time = array_of(p.stage_time, [](const StageTime& t) {
    return ojson{{"stage", t.stage}, {"visits", t.visits}, {"median_days", days(t.median_days)}, {"mean_days", days(t.mean_days)}};
  });
  ojson lost = array_of(p.lost_reasons, [](const LostReasonRow& r) {
    return ojson{{"reason", text_or_null(r.reason)}, {"count", r.count}, {"value", money(r.value)}};
  });
  return ojson{{"id", p.id},
               {"name", p.name},
               {"summary", summary(p.summary)},
               {"forecast", forecast(p.forecast)},
               {"funnel", std::move(funnel)},
               {"stage_time", std::move(stage_time)},
               {"bottleneck", text_or_null(p.bottleneck)},
               {"lost_reasons", std::move(lost)},
               {"by_owner", breakdown(p.by_owner, "owner")},
               {"by_source", breakdown(p.by_source, "source")}};
}

}  // namespace

nlohmann::ordered_json report_to_json(const Report& report) {
  const ReportParams& params = report.params;
  return ojson{{"format", kReportFormat},
               {"version", kReportVersion},
               {"from", format_date(params.period.from)},
               {"to", format_date(params.period.to)},
               {"now", format_timestamp(params.period.now)},
               {"scope", to_string(params.scope)},
               {"view", params.scope == ReportScope::View ? ojson(params.view) : ojson(nullptr)},
               {"pipelines", array_of(report.pipelines, pipeline)},
               {"by_source", breakdown(report.by_source, "source")}};
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
