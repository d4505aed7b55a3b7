#include "report_csv.hpp"

#include <algorithm>
#include <functional>

namespace pb {
namespace {

// "1250.00", no grouping, so a spreadsheet reads a number; "300" for JPY.
std::string amount_cell(std::int64_t minor, std::string_view currency) {
  return fixed_point(minor, currency_exponent(currency));
}

std::string ratio_cell(const std::optional<Ratio>& r) { return r ? fixed_point(r->ten_thousandths, 4) : ""; }
std::string days_cell(const std::optional<Days>& d) { return d ? fixed_point(d->hundredths, 2) : ""; }
std::string count_cell(std::size_t n) { return std::to_string(n); }

// Rows of cells (already escaped), a money figure spread over a column per currency of the table.
class CsvTable {
 public:
  // Every currency of the table's money figures, collected before the rows are written.
  void note(const MoneyTotals& totals) {
    for (const Money& m : totals)
      if (std::find(currencies_.begin(), currencies_.end(), m.currency) == currencies_.end()) currencies_.push_back(m.currency);
  }
  void note(const std::optional<MoneyTotals>& totals) {
    if (totals) note(*totals);
  }
  void sort_currencies() { std::sort(currencies_.begin(), currencies_.end()); }

  void text(std::string_view s) { cells_.push_back(csv_text_cell(s)); }
  void number(std::string s) { cells_.push_back(std::move(s)); }
  void money(const MoneyTotals* totals) {
    for (const std::string& c : currencies_) {
      const Money* found = nullptr;
      if (totals)
        for (const Money& m : *totals)
          if (m.currency == c) found = &m;
      number(found ? amount_cell(found->amount, c) : "");
    }
  }
  void money(const MoneyTotals& totals) { money(&totals); }
  void money(const std::optional<MoneyTotals>& totals) { money(totals ? &*totals : nullptr); }
  // Header cells: a name, or a money figure's name once per currency.
  void header(std::string_view name) { text(name); }
  void money_header(std::string_view name) {
    for (const std::string& c : currencies_) text(std::string(name) + "_" + c);
  }
  void end_row() {
    for (std::size_t i = 0; i < cells_.size(); ++i) out_ += (i ? "," : "") + cells_[i];
    out_ += "\r\n";
    cells_.clear();
  }
  std::string take() { return std::move(out_); }

 private:
  std::vector<std::string> currencies_;
  std::vector<std::string> cells_;
  std::string out_;
};

// A table's header and rows. The rows are visited twice: noting their currencies (the money
// columns), then writing their cells under the header.
struct TableSpec {
  std::function<void(CsvTable&)> header;
  std::function<void(CsvTable&, bool noting)> rows;
};

std::string write(const TableSpec& spec) {
  CsvTable t;
  spec.rows(t, true);
  t.sort_currencies();
  spec.header(t);
  t.end_row();
  spec.rows(t, false);
  return t.take();
}

void pipeline_cells(CsvTable& t, const PipelineReport& p) {
  t.text(p.id);
  t.text(p.name);
}

void breakdown_header(CsvTable& t) {
  t.header("open_count");
  t.money_header("open_value");
  t.header("won_count");
  t.money_header("won_value");
  t.header("lost_count");
  t.header("win_rate");
}

void breakdown_cells(CsvTable& t, const BreakdownRow& r, bool noting) {
  if (noting) {
    t.note(r.open_value);
    t.note(r.won_value);
    return;
  }
  t.number(count_cell(r.open_count));
  t.money(r.open_value);
  t.number(count_cell(r.won_count));
  t.money(r.won_value);
  t.number(count_cell(r.lost_count));
  t.number(ratio_cell(r.win_rate));
  t.end_row();
}

TableSpec summary_table(const Report& report) {
  return {[](CsvTable& t) {
            for (auto h : {"pipeline_id", "pipeline", "open_count"}) t.header(h);
            t.money_header("open_value");
            t.money_header("weighted_value");
            t.header("won_count");
            t.money_header("won_value");
            t.header("lost_count");
            t.header("win_rate");
            t.money_header("avg_won_value");
            t.header("cycle_days_median");
            t.header("cycle_days_mean");
          },
          [&report](CsvTable& t, bool noting) {
            for (const PipelineReport& p : report.pipelines) {
              const ReportSummary& s = p.summary;
              if (noting) {
                for (const MoneyTotals* m : {&s.open_value, &s.weighted_value, &s.won_value}) t.note(*m);
                t.note(s.avg_won_value);
                continue;
              }
              pipeline_cells(t, p);
              t.number(count_cell(s.open_count));
              t.money(s.open_value);
              t.money(s.weighted_value);
              t.number(count_cell(s.won_count));
              t.money(s.won_value);
              t.number(count_cell(s.lost_count));
              t.number(ratio_cell(s.win_rate));
              t.money(s.avg_won_value);
              t.number(days_cell(s.cycle_days_median));
              t.number(days_cell(s.cycle_days_mean));
              t.end_row();
            }
          }};
}

// Months, then a "no date" and an "overdue" row with their count and (best case) value.
TableSpec forecast_table(const Report& report) {
  return {[](CsvTable& t) {
            for (auto h : {"pipeline_id", "pipeline", "month", "count"}) t.header(h);
            t.money_header("weighted");
            t.money_header("best_case");
            t.money_header("won");
          },
          [&report](CsvTable& t, bool noting) {
            for (const PipelineReport& p : report.pipelines) {
              const Forecast& f = p.forecast;
              for (const ForecastMonth& m : f.months) {
                if (noting) {
                  for (const MoneyTotals* v : {&m.weighted, &m.best_case, &m.won}) t.note(*v);
                  continue;
                }
                pipeline_cells(t, p);
                t.text(m.month);
                t.number("");
                t.money(m.weighted);
                t.money(m.best_case);
                t.money(m.won);
                t.end_row();
              }
              const std::pair<const char*, const CountAndValue*> extra[] = {{"no date", &f.no_date}, {"overdue", &f.overdue}};
              for (const auto& e : extra) {
                if (noting) {
                  t.note(e.second->value);
                  continue;
                }
                pipeline_cells(t, p);
                t.text(e.first);
                t.number(count_cell(e.second->count));
                t.money(nullptr);
                t.money(e.second->value);
                t.money(nullptr);
                t.end_row();
              }
            }
          }};
}

TableSpec funnel_table(const Report& report) {
  return {[](CsvTable& t) {
            for (auto h : {"pipeline_id", "pipeline", "stage_id", "stage", "reached", "to_next", "to_won"}) t.header(h);
          },
          [&report](CsvTable& t, bool noting) {
            if (noting) return;
            for (const PipelineReport& p : report.pipelines)
              for (const FunnelStep& s : p.funnel) {
                pipeline_cells(t, p);
                t.text(s.stage);
                t.text(s.name);
                t.number(count_cell(s.reached));
                t.number(ratio_cell(s.to_next));
                t.number(ratio_cell(s.to_won));
                t.end_row();
              }
          }};
}

TableSpec stage_time_table(const Report& report) {
  return {[](CsvTable& t) {
            for (auto h : {"pipeline_id", "pipeline", "stage_id", "stage", "visits", "median_days", "mean_days", "bottleneck"})
              t.header(h);
          },
          [&report](CsvTable& t, bool noting) {
            if (noting) return;
            for (const PipelineReport& p : report.pipelines)
              for (const StageTime& s : p.stage_time) {
                pipeline_cells(t, p);
                t.text(s.stage);
                t.text(s.name);
                t.number(count_cell(s.visits));
                t.number(days_cell(s.median_days));
                t.number(days_cell(s.mean_days));
                t.text(p.bottleneck == s.stage ? "yes" : "");
                t.end_row();
              }
          }};
}

TableSpec lost_reasons_table(const Report& report) {
  return {[](CsvTable& t) {
            for (auto h : {"pipeline_id", "pipeline", "reason", "count"}) t.header(h);
            t.money_header("value");
          },
          [&report](CsvTable& t, bool noting) {
            for (const PipelineReport& p : report.pipelines)
              for (const LostReasonRow& r : p.lost_reasons) {
                if (noting) {
                  t.note(r.value);
                  continue;
                }
                pipeline_cells(t, p);
                t.text(r.reason.value_or(""));
                t.number(count_cell(r.count));
                t.money(r.value);
                t.end_row();
              }
          }};
}

// by_owner, by_source (a row per pipeline and key) and channels (by_source across the scope).
TableSpec breakdown_table(const Report& report, bool owners, bool per_pipeline) {
  return {[owners, per_pipeline](CsvTable& t) {
            if (per_pipeline) {
              t.header("pipeline_id");
              t.header("pipeline");
            }
            if (owners) {
              t.header("owner_id");
              t.header("owner");
            } else {
              t.header("source");
            }
            breakdown_header(t);
          },
          [&report, owners, per_pipeline](CsvTable& t, bool noting) {
            auto rows = [&](const PipelineReport* p, const std::vector<BreakdownRow>& list) {
              for (const BreakdownRow& r : list) {
                if (!noting) {
                  if (p) pipeline_cells(t, *p);
                  t.text(r.key.value_or(""));
                  if (owners) t.text(r.label);
                }
                breakdown_cells(t, r, noting);
              }
            };
            if (!per_pipeline) return rows(nullptr, report.by_source);
            for (const PipelineReport& p : report.pipelines) rows(&p, owners ? p.by_owner : p.by_source);
          }};
}

}  // namespace

const std::vector<std::string_view>& report_csv_tables() {
  static const std::vector<std::string_view> tables = {"summary", "forecast", "funnel", "stage_time",
                                                       "lost_reasons", "by_owner", "by_source", "channels"};
  return tables;
}

bool report_csv(const Report& report, std::string_view table, std::string& out, std::string& error) {
  if (table == "summary") out = write(summary_table(report));
  else if (table == "forecast") out = write(forecast_table(report));
  else if (table == "funnel") out = write(funnel_table(report));
  else if (table == "stage_time") out = write(stage_time_table(report));
  else if (table == "lost_reasons") out = write(lost_reasons_table(report));
  else if (table == "by_owner") out = write(breakdown_table(report, true, true));
  else if (table == "by_source") out = write(breakdown_table(report, false, true));
  else if (table == "channels") out = write(breakdown_table(report, false, false));
  else return check_report_csv_table(table, error);
  return true;
}

bool check_report_csv_table(std::string_view table, std::string& error) {
  const auto& tables = report_csv_tables();
  if (std::find(tables.begin(), tables.end(), table) != tables.end()) return true;
  error = "no table \"" + std::string(table.substr(0, 64)) + "\"; the tables are";
  for (auto name : tables) error += " " + std::string(name);
  return false;
}

std::string csv_text_cell(std::string_view text) {
  std::string cell;
  // A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) cell = "'";
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace pb
