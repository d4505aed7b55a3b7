#include "report_csv.hpp"

#include <algorithm>

namespace pb {
namespace {

// A cell as the table is filled; money cells become a cell per currency of the table when written.
struct Cell {
  std::string text;                  // escaped text, or a number as written
  const MoneyTotals* money = nullptr;
  bool is_money = false;             // a money figure (money == nullptr: nothing to measure)
};

Cell text(std::string_view s) { return Cell{csv_text_cell(s), nullptr, false}; }
Cell number(std::string s) { return Cell{std::move(s), nullptr, false}; }
Cell count(std::size_t n) { return number(std::to_string(n)); }
Cell ratio(const std::optional<Ratio>& r) { return number(r ? fixed_point(r->ten_thousandths, 4) : ""); }
Cell days(const std::optional<Days>& d) { return number(d ? fixed_point(d->hundredths, 2) : ""); }
Cell money(const MoneyTotals& m) { return Cell{"", &m, true}; }
Cell money(const std::optional<MoneyTotals>& m) { return Cell{"", m ? &*m : nullptr, true}; }
Cell no_money() { return Cell{"", nullptr, true}; }

// A column's name; a money column is written once per currency ("open_value_EUR").
struct Column {
  std::string name;
  bool money = false;
};
Column money_column(std::string name) { return Column{std::move(name), true}; }

class CsvTable {
 public:
  explicit CsvTable(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void row(std::vector<Cell> cells) { rows_.push_back(std::move(cells)); }

  std::string str() const {
    std::vector<std::string> currencies;  // every currency of the table's money, sorted
    for (const auto& r : rows_)
      for (const Cell& c : r)
        if (c.money)
          for (const Money& m : *c.money)
            if (std::find(currencies.begin(), currencies.end(), m.currency) == currencies.end()) currencies.push_back(m.currency);
    std::sort(currencies.begin(), currencies.end());
    std::vector<std::string> header;
    for (const Column& c : columns_) {
      if (!c.money) header.push_back(csv_text_cell(c.name));
      else
        for (const std::string& code : currencies) header.push_back(csv_text_cell(c.name + "_" + code));
    }
    std::string out = line(header);
    for (const auto& r : rows_) {
      std::vector<std::string> cells;
      for (const Cell& c : r) {
        if (!c.is_money) cells.push_back(c.text);
        else
          for (const std::string& code : currencies) cells.push_back(amount(c.money, code));
      }
      out += line(cells);
    }
    return out;
  }

 private:
  // "1250.00": major units without grouping, so a spreadsheet reads a number; "" for none of it.
  static std::string amount(const MoneyTotals* totals, const std::string& code) {
    if (totals)
      for (const Money& m : *totals)
        if (m.currency == code) return fixed_point(m.amount, currency_exponent(code));
    return "";
  }
  static std::string line(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    return out + "\r\n";
  }
  std::vector<Column> columns_;
  std::vector<std::vector<Cell>> rows_;
};

std::vector<Cell> with_pipeline(const PipelineReport* p, std::vector<Cell> cells) {
  if (p) cells.insert(cells.begin(), {text(p->id), text(p->name)});
  return cells;
}

std::string summary_csv(const Report& report) {
  CsvTable t({{"pipeline_id"}, {"pipeline"}, {"open_count"}, money_column("open_value"), money_column("weighted_value"),
              {"won_count"}, money_column("won_value"), {"lost_count"}, {"win_rate"}, money_column("avg_won_value"),
              {"cycle_days_median"}, {"cycle_days_mean"}});
  for (const PipelineReport& p : report.pipelines) {
    const ReportSummary& s = p.summary;
    t.row(with_pipeline(&p, {count(s.open_count), money(s.open_value), money(s.weighted_value), count(s.won_count),
                             money(s.won_value), count(s.lost_count), ratio(s.win_rate), money(s.avg_won_value),
                             days(s.cycle_days_median), days(s.cycle_days_mean)}));
  }
  return t.str();
}

// The months, then a "no date" and an "overdue" row with their count and (best case) value.
std::string forecast_csv(const Report& report) {
  CsvTable t({{"pipeline_id"}, {"pipeline"}, {"month"}, {"count"}, money_column("weighted"), money_column("best_case"),
              money_column("won")});
  for (const PipelineReport& p : report.pipelines) {
    for (const ForecastMonth& m : p.forecast.months)
      t.row(with_pipeline(&p, {text(m.month), number(""), money(m.weighted), money(m.best_case), money(m.won)}));
    for (const auto& [label, figure] : {std::pair("no date", &p.forecast.no_date), std::pair("overdue", &p.forecast.overdue)})
      t.row(with_pipeline(&p, {text(label), count(figure->count), no_money(), money(figure->value), no_money()}));
  }
  return t.str();
}

std::string funnel_csv(const Report& report) {
  CsvTable t({{"pipeline_id"}, {"pipeline"}, {"stage_id"}, {"stage"}, {"reached"}, {"to_next"}, {"to_won"}});
  for (const PipelineReport& p : report.pipelines)
    for (const FunnelStep& s : p.funnel)
      t.row(with_pipeline(&p, {text(s.stage), text(s.name), count(s.reached), ratio(s.to_next), ratio(s.to_won)}));
  return t.str();
}

std::string stage_time_csv(const Report& report) {
  CsvTable t({{"pipeline_id"}, {"pipeline"}, {"stage_id"}, {"stage"}, {"visits"}, {"median_days"}, {"mean_days"},
              {"bottleneck"}});
  for (const PipelineReport& p : report.pipelines)
    for (const StageTime& s : p.stage_time)
      t.row(with_pipeline(&p, {text(s.stage), text(s.name), count(s.visits), days(s.median_days), days(s.mean_days),
                               text(p.bottleneck == s.stage ? "yes" : "")}));
  return t.str();
}

std::string lost_reasons_csv(const Report& report) {
  CsvTable t({{"pipeline_id"}, {"pipeline"}, {"reason"}, {"count"}, money_column("value")});
  for (const PipelineReport& p : report.pipelines)
    for (const LostReasonRow& r : p.lost_reasons)
      t.row(with_pipeline(&p, {text(r.reason.value_or("")), count(r.count), money(r.value)}));
  return t.str();
}

// by_owner and by_source (a row per pipeline and key), channels (by_source across the scope).
enum class Breakdown { Owners, Sources, Channels };
std::string breakdown_csv(const Report& report, Breakdown kind) {
  std::vector<Column> columns;
  if (kind != Breakdown::Channels) columns = {{"pipeline_id"}, {"pipeline"}};
  if (kind == Breakdown::Owners) columns.insert(columns.end(), {{"owner_id"}, {"owner"}});
  else columns.push_back({"source"});
  columns.insert(columns.end(), {{"open_count"}, money_column("open_value"), {"won_count"}, money_column("won_value"),
                                 {"lost_count"}, {"win_rate"}});
  CsvTable t(std::move(columns));
  auto rows = [&](const PipelineReport* p, const std::vector<BreakdownRow>& list) {
    for (const BreakdownRow& r : list) {
      std::vector<Cell> cells = {text(r.key.value_or(""))};
      if (kind == Breakdown::Owners) cells.push_back(text(r.label));
      cells.insert(cells.end(), {count(r.open_count), money(r.open_value), count(r.won_count), money(r.won_value),
                                 count(r.lost_count), ratio(r.win_rate)});
      t.row(with_pipeline(p, std::move(cells)));
    }
  };
  if (kind == Breakdown::Channels) rows(nullptr, report.by_source);
  else
    for (const PipelineReport& p : report.pipelines) rows(&p, kind == Breakdown::Owners ? p.by_owner : p.by_source);
  return t.str();
}

}  // namespace

const std::vector<std::string_view>& report_csv_tables() {
  static const std::vector<std::string_view> tables = {"summary", "forecast", "funnel", "stage_time",
                                                       "lost_reasons", "by_owner", "by_source", "channels"};
  return tables;
}

bool report_csv(const Report& report, std::string_view table, std::string& out, std::string& error) {
  if (table == "summary") out = summary_csv(report);
  else if (table == "forecast") out = forecast_csv(report);
  else if (table == "funnel") out = funnel_csv(report);
  else if (table == "stage_time") out = stage_time_csv(report);
  else if (table == "lost_reasons") out = lost_reasons_csv(report);
  else if (table == "by_owner") out = breakdown_csv(report, Breakdown::Owners);
  else if (table == "by_source") out = breakdown_csv(report, Breakdown::Sources);
  else if (table == "channels") out = breakdown_csv(report, Breakdown::Channels);
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
