#include "report_text.hpp"

#include <algorithm>
#include <vector>

namespace pb::cli {
namespace {

// "1,250.00 EUR, 300 JPY"; "-" for none.
std::string money_list(const MoneyTotals& totals) {
  std::string out;
  for (const Money& m : totals) out += (out.empty() ? "" : ", ") + format_money(m);
  return out.empty() ? "-" : out;
}
std::string money_list(const std::optional<MoneyTotals>& totals) { return totals ? money_list(*totals) : "-"; }

// A ratio as a percentage with 2 decimals (its 4 decimals): 0.7143 is "71.43%".
std::string percent(const std::optional<Ratio>& r) { return r ? fixed_point(r->ten_thousandths, 2) + "%" : "-"; }
std::string days(const std::optional<Days>& d) { return d ? fixed_point(d->hundredths, 2) + " days" : "-"; }
std::string deals(std::size_t n) { return std::to_string(n) + (n == 1 ? " deal" : " deals"); }

// Characters, not bytes, so names in any script line up.
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Columns padded to their widest cell: the first left-aligned, the others right-aligned.
class Table {
 public:
  explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string str(const std::string& indent) const {
    std::vector<std::size_t> widths;
    for (const auto& r : rows_)
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (widths.size() <= i) widths.push_back(0);
        widths[i] = std::max(widths[i], width(r[i]));
      }
    std::string out;
    for (const auto& r : rows_) {
      std::string line = indent;
      for (std::size_t i = 0; i < r.size(); ++i) {
        const std::string pad(widths[i] - width(r[i]), ' ');
        line += (i ? "  " : "") + (i ? pad + r[i] : r[i] + pad);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

std::vector<std::string> breakdown_cells(const std::string& label, const BreakdownRow& r) {
  return {label, std::to_string(r.open_count), money_list(r.open_value), std::to_string(r.won_count),
          money_list(r.won_value), std::to_string(r.lost_count), percent(r.win_rate)};
}
std::string breakdown(const std::string& what, const std::vector<BreakdownRow>& rows, const std::string& indent) {
  if (rows.empty()) return indent + "By " + what + ": no deals open now or closed in the period\n";
  Table t({"By " + what, "Open", "Open value", "Won", "Won value", "Lost", "Win rate"});
  for (const BreakdownRow& r : rows) t.row(breakdown_cells(r.key ? r.label : "(none)", r));
  return t.str(indent);
}

std::string pipeline_text(const PipelineReport& p) {
  const std::string in = "  ";
  const ReportSummary& s = p.summary;
  std::string out = p.name + " (" + p.id + ")\n";
  Table summary({"Summary", "Deals", "Value"});
  summary.row({"Open now", std::to_string(s.open_count), money_list(s.open_value)});
  summary.row({"Weighted", "", money_list(s.weighted_value)});
  summary.row({"Won", std::to_string(s.won_count), money_list(s.won_value)});
  summary.row({"Lost", std::to_string(s.lost_count), ""});
  summary.row({"Average won", "", money_list(s.avg_won_value)});
  out += summary.str(in);
  out += in + "Win rate " + percent(s.win_rate) + "; sales cycle median " + days(s.cycle_days_median) + ", mean " +
         days(s.cycle_days_mean) + "\n\n";

  Table forecast({"Forecast", "Weighted", "Best case", "Won"});
  for (const ForecastMonth& m : p.forecast.months)
    forecast.row({m.month, money_list(m.weighted), money_list(m.best_case), money_list(m.won)});
  out += forecast.str(in);
  out += in + "Open without an expected close: " + deals(p.forecast.no_date.count) + ", " +
         money_list(p.forecast.no_date.value) + "\n";
  out += in + "Overdue: " + deals(p.forecast.overdue.count) + ", " + money_list(p.forecast.overdue.value) + "\n\n";

  Table funnel({"Funnel (created in the period)", "Reached", "To next", "To won"});
  for (const FunnelStep& f : p.funnel) funnel.row({f.name, std::to_string(f.reached), percent(f.to_next), percent(f.to_won)});
  out += funnel.str(in) + "\n";

  Table time({"Stage time (visits ended in the period)", "Visits", "Median", "Mean", ""});
  for (const StageTime& t : p.stage_time)
    time.row({t.name, std::to_string(t.visits), days(t.median_days), days(t.mean_days),
              p.bottleneck == t.stage ? "bottleneck" : ""});
  out += time.str(in) + "\n";

  if (p.lost_reasons.empty()) {
    out += in + "Lost reasons: no deals lost in the period\n";
  } else {
    Table lost({"Lost reason", "Deals", "Value"});
    for (const LostReasonRow& r : p.lost_reasons) lost.row({r.reason.value_or("(none)"), std::to_string(r.count), money_list(r.value)});
    out += lost.str(in);
  }
  out += "\n" + breakdown("owner", p.by_owner, in) + "\n" + breakdown("source", p.by_source, in);
  return out;
}

}  // namespace

std::string report_text(const Report& report) {
  const ReportParams& params = report.params;
  std::string scope = "every pipeline";
  if (params.scope == ReportScope::Pipeline) scope = "pipeline " + params.pipeline;
  if (params.scope == ReportScope::View) scope = "view " + params.view;
  std::string out = "Report for " + format_date(params.period.from) + " to " + format_date(params.period.to) + ", " +
                    scope + " (now " + format_timestamp(params.period.now) + ")\n";
  for (const PipelineReport& p : report.pipelines) out += "\n" + pipeline_text(p);
  if (report.pipelines.size() > 1) {
    Table side({"Pipelines side by side", "Open", "Open value", "Weighted", "Won", "Won value", "Lost", "Win rate",
                "Cycle (median)"});
    for (const PipelineReport& p : report.pipelines) {
      const ReportSummary& s = p.summary;
      side.row({p.name, std::to_string(s.open_count), money_list(s.open_value), money_list(s.weighted_value),
                std::to_string(s.won_count), money_list(s.won_value), std::to_string(s.lost_count), percent(s.win_rate),
                days(s.cycle_days_median)});
    }
    out += "\n" + side.str("") + "\nChannels (by source, every pipeline of the report)\n" +
           breakdown("source", report.by_source, "  ");
  }
  return out;
}

}  // namespace pb::cli
