// [SECTION] Index
// - Overview: summary tiles (click: the deals behind them), the summary table per pipeline
// - Forecast: stacked won / weighted / best case per month, no date and overdue
// - Funnel, Stage time (bottleneck marked), Lost reasons
// - Owners and Sources: one row per owner or source
// - Comparison: pipelines side by side, and channels (sources across every pipeline)
#include "report_sections.hpp"

#include <imgui.h>

#include <algorithm>
#include <map>

#include "bar_chart.hpp"
#include "format.hpp"
#include "item_registry.hpp"
#include "report_format.hpp"
#include "sortable_table.hpp"
#include "theme.hpp"

namespace pb::ui {
namespace {

constexpr ImU32 kWon = IM_COL32(47, 182, 124, 255);
constexpr ImU32 kWeighted = IM_COL32(79, 124, 255, 255);
constexpr ImU32 kBestCase = IM_COL32(79, 124, 255, 110);
constexpr ImU32 kOpen = IM_COL32(122, 162, 247, 255);
constexpr ImU32 kLost = IM_COL32(224, 86, 91, 255);
constexpr ImU32 kStage = IM_COL32(187, 154, 247, 255);

ReportFigure figure(const SectionInput& in, FigureDeals deals) {
  ReportFigure f;
  f.pipeline = in.pipeline.id;
  f.deals = deals;
  return f;
}

FigureClick click(std::string title, ReportFigure f) { return FigureClick{std::move(title), {std::move(f)}}; }

std::function<std::string(double)> money_axis(const std::string& currency) {
  return [currency](double major) {
    double minor = major;
    for (int i = currency_exponent(currency); i > 0; --i) minor *= 10.0;
    return compact_money(Money{static_cast<std::int64_t>(minor + 0.5), currency});
  };
}

std::string count_text(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void heading(const Ctx& ctx, const char* text, const char* hint = "") {
  ImGui::Dummy(ImVec2(0, ctx.px(6)));
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  if (*hint) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", hint);
  }
}

TableCell money_cell(const MoneyTotals& totals, const std::string& currency) {
  return number_cell(exact_totals(totals), static_cast<double>(amount_in(totals, currency)));
}
TableCell ratio_cell(const std::optional<Ratio>& r) { return r ? number_cell(percent_text(r), r->value()) : missing_cell(); }
TableCell days_cell(const std::optional<Days>& d) { return d ? number_cell(days_text(d), d->value()) : missing_cell(); }

// [SECTION] Overview

struct Tile {
  const char* name;  // item "kpi:<name>"
  const char* label;
  std::string value;
  std::string detail;
  std::optional<FigureDeals> deals;  // what a click lists
};

std::optional<FigureClick> draw_tiles(const Ctx& ctx, const SectionInput& in, const std::vector<Tile>& tiles) {
  std::optional<FigureClick> clicked;
  const float gap = ctx.px(10), tile_h = ctx.px(84);
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>((avail + gap) / (ctx.px(200) + gap)));
  const float tile_w = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const Tile& t = tiles[i];
    if (i % per_row != 0) ImGui::SameLine(0, gap);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(t.name, ImVec2(tile_w, tile_h));
    items().add_last_item(std::string("kpi:") + t.name);
    const bool hovered = t.deals && ImGui::IsItemHovered();
    if (t.deals && ImGui::IsItemClicked()) clicked = click(t.label, figure(in, *t.deals));
    if (hovered) ImGui::SetTooltip("%s: %s\n%s\nClick for the deals", t.label, t.value.c_str(), t.detail.c_str());
    dl->AddRectFilled(p, ImVec2(p.x + tile_w, p.y + tile_h),
                      ImGui::GetColorU32(hovered ? ImGuiCol_ButtonHovered : ImGuiCol_FrameBg), ctx.px(8));
    const float pad = ctx.px(12);
    ImGui::PushFont(ctx.fonts.small);
    dl->AddText(ImVec2(p.x + pad, p.y + pad), ImGui::GetColorU32(ImGuiCol_TextDisabled), t.label);
    ImGui::PopFont();
    dl->PushClipRect(p, ImVec2(p.x + tile_w - pad * 0.5f, p.y + tile_h), true);
    ImGui::PushFont(ctx.fonts.large);
    dl->AddText(ImVec2(p.x + pad, p.y + pad + ctx.px(18)), ImGui::GetColorU32(ImGuiCol_Text), t.value.c_str());
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.small);
    dl->AddText(ImVec2(p.x + pad, p.y + tile_h - pad - ctx.px(14)), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                t.detail.c_str());
    ImGui::PopFont();
    dl->PopClipRect();
  }
  return clicked;
}

SortableTable summary_table(const Report& report, const std::string& currency) {
  SortableTable t{"summary", {"Pipeline", "Open", "Open value", "Weighted", "Won", "Won value", "Lost", "Win rate",
                              "Avg won", "Cycle median", "Cycle mean"}, {}};
  for (const PipelineReport& p : report.pipelines) {
    const ReportSummary& s = p.summary;
    t.rows.push_back({p.id, {text_cell(p.name), count_cell(s.open_count), money_cell(s.open_value, currency),
                             money_cell(s.weighted_value, currency), count_cell(s.won_count), money_cell(s.won_value, currency),
                             count_cell(s.lost_count), ratio_cell(s.win_rate),
                             s.avg_won_value ? money_cell(*s.avg_won_value, currency) : missing_cell(),
                             days_cell(s.cycle_days_median), days_cell(s.cycle_days_mean)}});
  }
  return t;
}

std::optional<FigureClick> draw_overview(const Ctx& ctx, const SectionInput& in) {
  const ReportSummary& s = in.pipeline.summary;
  const Forecast& f = in.pipeline.forecast;
  const std::vector<Tile> tiles = {
      {"open", "Open deals", std::to_string(s.open_count), exact_totals(s.open_value), FigureDeals::Open},
      {"weighted", "Weighted value", compact_totals(s.weighted_value), exact_totals(s.weighted_value), FigureDeals::Open},
      {"won", "Won in period", std::to_string(s.won_count), exact_totals(s.won_value), FigureDeals::Won},
      {"lost", "Lost in period", std::to_string(s.lost_count), "", FigureDeals::Lost},
      {"win_rate", "Win rate", percent_text(s.win_rate), "won / (won + lost)", std::nullopt},
      {"avg_won", "Average won deal", s.avg_won_value ? compact_totals(*s.avg_won_value) : "–",
       s.avg_won_value ? exact_totals(*s.avg_won_value) : "no deals won", FigureDeals::Won},
      {"cycle", "Sales cycle (median)", days_text(s.cycle_days_median), "mean " + days_text(s.cycle_days_mean),
       FigureDeals::Won},
      {"overdue", "Overdue", std::to_string(f.overdue.count), exact_totals(f.overdue.value), FigureDeals::Overdue},
      {"no_date", "No expected close", std::to_string(f.no_date.count), exact_totals(f.no_date.value), FigureDeals::NoDate},
  };
  std::optional<FigureClick> clicked = draw_tiles(ctx, in, tiles);
  heading(ctx, "Summary", "one row per pipeline of the report");
  const SortableTable t = summary_table(in.report, in.currency);
  if (const int row = draw_sortable_table(t); row >= 0) {
    ReportFigure fig = figure(in, FigureDeals::Open);
    fig.pipeline = in.report.pipelines[row].id;
    clicked = click(in.report.pipelines[row].name + ": open deals", fig);
  }
  return clicked;
}

// [SECTION] Forecast

std::optional<FigureClick> draw_forecast(const Ctx& ctx, const SectionInput& in) {
  const Forecast& f = in.pipeline.forecast;
  BarChart chart{"forecast", BarLayout::Stacked,
                 {{"Won", kWon}, {"Weighted (expected to close)", kWeighted}, {"Best case (full value)", kBestCase}}};
  chart.axis_label = money_axis(in.currency);
  chart.empty_text = "No deals expected or won in this period";
  for (const ForecastMonth& m : f.months) {
    const std::int64_t won = amount_in(m.won, in.currency), weighted = amount_in(m.weighted, in.currency);
    const std::int64_t best = amount_in(m.best_case, in.currency);
    chart.bars.push_back({m.month, m.month,
                          {major_units(won, in.currency), major_units(weighted, in.currency),
                           major_units(std::max<std::int64_t>(best - weighted, 0), in.currency)},
                          "Won: " + exact_totals(m.won) + "\nWeighted: " + exact_totals(m.weighted) +
                              "\nBest case: " + exact_totals(m.best_case) + "\nClick a segment for its deals"});
  }
  heading(ctx, "Forecast", ("in " + in.currency + "; weighted by stage probability").c_str());
  std::optional<FigureClick> clicked;
  if (const ChartHit hit = draw_vertical_bars(ctx, chart, ctx.px(240)); hit.clicked) {
    const std::string& month = f.months[hit.bar].month;
    ReportFigure fig = figure(in, hit.series == 0 ? FigureDeals::WonInMonth : FigureDeals::ExpectedInMonth);
    fig.month = month;
    clicked = click((hit.series == 0 ? "Won in " : "Expected to close in ") + month, fig);
  }
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  auto side_figure = [&](const char* name, const char* label, const CountAndValue& cv, FigureDeals deals) {
    const std::string text = std::string(label) + ": " + count_text(cv.count, "deal", "deals") + ", " + exact_totals(cv.value);
    if (ImGui::SmallButton(text.c_str())) clicked = click(label, figure(in, deals));
    items().add_last_item(std::string("forecast:") + name);
  };
  side_figure("no_date", "Open without an expected close", f.no_date, FigureDeals::NoDate);
  ImGui::SameLine();
  side_figure("overdue", "Overdue (expected before today)", f.overdue, FigureDeals::Overdue);
  SortableTable t{"forecast", {"Month", "Weighted", "Best case", "Won"}, {}};
  for (const ForecastMonth& m : f.months)
    t.rows.push_back({m.month, {text_cell(m.month), money_cell(m.weighted, in.currency), money_cell(m.best_case, in.currency),
                                money_cell(m.won, in.currency)}});
  if (const int row = draw_sortable_table(t); row >= 0) {
    ReportFigure fig = figure(in, FigureDeals::ExpectedInMonth);
    fig.month = f.months[row].month;
    clicked = click("Expected to close in " + fig.month, fig);
  }
  return clicked;
}

// [SECTION] Funnel, stage time, lost reasons

std::optional<FigureClick> draw_funnel(const Ctx& ctx, const SectionInput& in) {
  const PipelineReport& p = in.pipeline;
  BarChart chart{"funnel", BarLayout::Funnel, {{"Deals that reached the stage", kWeighted}}};
  chart.empty_text = "No deals were created in this period";
  for (const FunnelStep& s : p.funnel)
    chart.bars.push_back({s.stage, s.name, {static_cast<double>(s.reached)},
                          count_text(s.reached, "deal", "deals") + " reached it\nTo next: " + percent_text(s.to_next) +
                              "\nTo won: " + percent_text(s.to_won),
                          std::to_string(s.reached) + " · " + percent_text(s.to_next) + " to next"});
  heading(ctx, "Funnel", "deals created in the period, by the furthest open stage they reached");
  std::optional<FigureClick> clicked;
  if (const ChartHit hit = draw_horizontal_bars(ctx, chart); hit.clicked) {
    ReportFigure fig = figure(in, FigureDeals::Reached);
    fig.stage = p.funnel[hit.bar].stage;
    clicked = click("Reached " + p.funnel[hit.bar].name, fig);
  }
  if (ImGui::SmallButton("Won deals of this cohort")) clicked = click("Created in the period and won", figure(in, FigureDeals::CohortWon));
  items().add_last_item("funnel:won");
  SortableTable t{"funnel", {"Stage", "Reached", "To next", "To won"}, {}};
  for (const FunnelStep& s : p.funnel)
    t.rows.push_back({s.stage, {text_cell(s.name), count_cell(s.reached), ratio_cell(s.to_next), ratio_cell(s.to_won)}});
  if (const int row = draw_sortable_table(t); row >= 0) {
    ReportFigure fig = figure(in, FigureDeals::Reached);
    fig.stage = p.funnel[row].stage;
    clicked = click("Reached " + p.funnel[row].name, fig);
  }
  return clicked;
}

std::optional<FigureClick> draw_stage_time(const Ctx& ctx, const SectionInput& in) {
  const PipelineReport& p = in.pipeline;
  BarChart chart{"stage_time", BarLayout::Stacked, {{"Median days in stage", kStage}}};
  chart.mark_label = "Bottleneck";
  chart.empty_text = "No stage visits ended in this period";
  for (const StageTime& s : p.stage_time)
    chart.bars.push_back({s.stage, s.name, {s.median_days ? s.median_days->value() : 0.0},
                          "Median: " + days_text(s.median_days) + "\nMean: " + days_text(s.mean_days) + "\n" +
                              count_text(s.visits, "visit", "visits") + " ended in the period",
                          days_text(s.median_days) + " median · " + std::to_string(s.visits) + " visits",
                          p.bottleneck && *p.bottleneck == s.stage});
  const std::string hint = p.bottleneck ? "bottleneck: the stage with the longest median" : "no bottleneck: no visits";
  heading(ctx, "Time in stage", hint.c_str());
  std::optional<FigureClick> clicked;
  if (const ChartHit hit = draw_horizontal_bars(ctx, chart); hit.clicked) {
    ReportFigure fig = figure(in, FigureDeals::Visited);
    fig.stage = p.stage_time[hit.bar].stage;
    clicked = click("Visits to " + p.stage_time[hit.bar].name + " that ended in the period", fig);
  }
  SortableTable t{"stage_time", {"Stage", "Visits", "Median", "Mean"}, {}};
  for (const StageTime& s : p.stage_time)
    t.rows.push_back({s.stage, {text_cell(s.name + (p.bottleneck && *p.bottleneck == s.stage ? "  (bottleneck)" : "")),
                                count_cell(s.visits), days_cell(s.median_days), days_cell(s.mean_days)}});
  if (const int row = draw_sortable_table(t); row >= 0) {
    ReportFigure fig = figure(in, FigureDeals::Visited);
    fig.stage = p.stage_time[row].stage;
    clicked = click("Visits to " + p.stage_time[row].name + " that ended in the period", fig);
  }
  return clicked;
}

std::string reason_label(const std::optional<std::string>& reason) { return reason ? *reason : "(no reason given)"; }

std::optional<FigureClick> draw_lost_reasons(const Ctx& ctx, const SectionInput& in) {
  const PipelineReport& p = in.pipeline;
  BarChart chart{"lost_reasons", BarLayout::Stacked, {{"Deals lost", kLost}}};
  chart.empty_text = "No deals were lost in this period";
  for (std::size_t i = 0; i < p.lost_reasons.size(); ++i) {
    const LostReasonRow& r = p.lost_reasons[i];
    chart.bars.push_back({std::to_string(i), reason_label(r.reason), {static_cast<double>(r.count)},
                          count_text(r.count, "deal", "deals") + "\n" + exact_totals(r.value),
                          std::to_string(r.count) + " · " + exact_totals(r.value)});
  }
  heading(ctx, "Lost reasons", "deals lost in the period");
  std::optional<FigureClick> clicked;
  auto lost_row = [&](std::size_t i) {
    ReportFigure fig = figure(in, FigureDeals::Lost);
    fig.row = FigureRow::LostReason;
    fig.key = p.lost_reasons[i].reason;
    clicked = click("Lost: " + reason_label(fig.key), fig);
  };
  if (const ChartHit hit = draw_horizontal_bars(ctx, chart); hit.clicked) lost_row(static_cast<std::size_t>(hit.bar));
  SortableTable t{"lost_reasons", {"Reason", "Deals", "Value"}, {}};
  for (std::size_t i = 0; i < p.lost_reasons.size(); ++i) {
    const LostReasonRow& r = p.lost_reasons[i];
    t.rows.push_back({std::to_string(i), {text_cell(reason_label(r.reason)), count_cell(r.count), money_cell(r.value, in.currency)}});
  }
  if (const int row = draw_sortable_table(t); row >= 0) lost_row(static_cast<std::size_t>(row));
  return clicked;
}

// [SECTION] Owners, sources, comparison

// The deals a breakdown row counts: open now, won and lost in the period.
FigureClick row_click(const std::string& title, const Id& pipeline, FigureRow row, const std::optional<std::string>& key) {
  FigureClick c{title + ": open now, won and lost in the period", {}};
  for (FigureDeals d : {FigureDeals::Open, FigureDeals::Won, FigureDeals::Lost}) {
    ReportFigure f;
    f.pipeline = pipeline;
    f.deals = d;
    f.row = row;
    f.key = key;
    c.figures.push_back(std::move(f));
  }
  return c;
}

std::optional<FigureClick> draw_breakdown(const Ctx& ctx, const SectionInput& in, const std::string& id, const char* title,
                                          const char* column, const std::vector<BreakdownRow>& rows, FigureRow kind,
                                          const Id& pipeline) {
  BarChart chart{id, BarLayout::Stacked, {{"Won in period", kWon}, {"Open now", kOpen}}};
  chart.empty_text = "No deals open now or closed in this period";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BreakdownRow& r = rows[i];
    chart.bars.push_back({std::to_string(i), r.label,
                          {major_units(amount_in(r.won_value, in.currency), in.currency),
                           major_units(amount_in(r.open_value, in.currency), in.currency)},
                          "Won: " + count_text(r.won_count, "deal", "deals") + ", " + exact_totals(r.won_value) +
                              "\nOpen: " + count_text(r.open_count, "deal", "deals") + ", " + exact_totals(r.open_value) +
                              "\nLost: " + std::to_string(r.lost_count) + "\nWin rate: " + percent_text(r.win_rate),
                          compact_money(Money{amount_in(r.won_value, in.currency), in.currency}) + " won · " +
                              percent_text(r.win_rate)});
  }
  heading(ctx, title, ("value in " + in.currency).c_str());
  std::optional<FigureClick> clicked;
  if (const ChartHit hit = draw_horizontal_bars(ctx, chart); hit.clicked) {
    const BreakdownRow& r = rows[hit.bar];
    FigureClick c = row_click(r.label, pipeline, kind, r.key);
    if (hit.series >= 0) {  // a segment: only its deals
      c.figures = {c.figures[hit.series == 0 ? 1 : 0]};
      c.title = r.label + (hit.series == 0 ? ": won in the period" : ": open now");
    }
    clicked = std::move(c);
  }
  SortableTable t{id, {column, "Open", "Open value", "Won", "Won value", "Lost", "Win rate"}, {}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BreakdownRow& r = rows[i];
    t.rows.push_back({std::to_string(i), {text_cell(r.label), count_cell(r.open_count), money_cell(r.open_value, in.currency),
                                          count_cell(r.won_count), money_cell(r.won_value, in.currency),
                                          count_cell(r.lost_count), ratio_cell(r.win_rate)}});
  }
  if (const int row = draw_sortable_table(t); row >= 0) clicked = row_click(rows[row].label, pipeline, kind, rows[row].key);
  return clicked;
}

std::optional<FigureClick> draw_owners(const Ctx& ctx, const SectionInput& in) {
  return draw_breakdown(ctx, in, "by_owner", "By owner", "Owner", in.pipeline.by_owner, FigureRow::Owner, in.pipeline.id);
}

std::optional<FigureClick> draw_sources(const Ctx& ctx, const SectionInput& in) {
  return draw_breakdown(ctx, in, "by_source", "By source", "Source", in.pipeline.by_source, FigureRow::Source, in.pipeline.id);
}

std::optional<FigureClick> draw_comparison(const Ctx& ctx, const SectionInput& in) {
  const Report& report = in.report;
  std::optional<FigureClick> clicked;
  if (report.pipelines.size() < 2)
    ImGui::TextDisabled("This report has one pipeline. Choose \"All pipelines\" above to compare pipelines and channels.");
  BarChart chart{"comparison", BarLayout::Grouped,
                 {{"Open value", kOpen}, {"Weighted", kWeighted}, {"Won in period", kWon}}};
  chart.axis_label = money_axis(in.currency);
  for (const PipelineReport& p : report.pipelines) {
    const ReportSummary& s = p.summary;
    chart.bars.push_back({p.id, p.name,
                          {major_units(amount_in(s.open_value, in.currency), in.currency),
                           major_units(amount_in(s.weighted_value, in.currency), in.currency),
                           major_units(amount_in(s.won_value, in.currency), in.currency)},
                          "Open: " + count_text(s.open_count, "deal", "deals") + ", " + exact_totals(s.open_value) +
                              "\nWeighted: " + exact_totals(s.weighted_value) + "\nWon: " +
                              count_text(s.won_count, "deal", "deals") + ", " + exact_totals(s.won_value) +
                              "\nLost: " + std::to_string(s.lost_count) + "\nWin rate: " + percent_text(s.win_rate) +
                              "\nCycle median: " + days_text(s.cycle_days_median)});
  }
  heading(ctx, "Pipelines side by side", ("value in " + in.currency).c_str());
  if (const ChartHit hit = draw_vertical_bars(ctx, chart, ctx.px(220)); hit.clicked) {
    const PipelineReport& p = report.pipelines[hit.bar];
    ReportFigure fig = figure(in, hit.series == 2 ? FigureDeals::Won : FigureDeals::Open);
    fig.pipeline = p.id;
    clicked = click(p.name + (hit.series == 2 ? ": won in the period" : ": open deals"), fig);
  }
  const SortableTable summary = summary_table(report, in.currency);
  if (const int row = draw_sortable_table(summary); row >= 0) {
    ReportFigure fig = figure(in, FigureDeals::Open);
    fig.pipeline = report.pipelines[row].id;
    clicked = click(report.pipelines[row].name + ": open deals", fig);
  }
  if (auto c = draw_breakdown(ctx, in, "channels", "Channels: by source across every pipeline", "Source", report.by_source,
                              FigureRow::Source, ""))
    clicked = std::move(c);
  return clicked;
}

}  // namespace

const std::vector<ReportTab>& report_tabs() {
  static const std::vector<ReportTab> tabs = {
      {"overview", "Overview", "summary", draw_overview},
      {"forecast", "Forecast", "forecast", draw_forecast},
      {"funnel", "Funnel", "funnel", draw_funnel},
      {"stage_time", "Time in stage", "stage_time", draw_stage_time},
      {"lost_reasons", "Lost reasons", "lost_reasons", draw_lost_reasons},
      {"by_owner", "Owners", "by_owner", draw_owners},
      {"by_source", "Sources", "by_source", draw_sources},
      {"comparison", "Comparison", "channels", draw_comparison},
  };
  return tabs;
}

std::vector<std::string> report_currencies(const PipelineReport& p) {
  std::map<std::string, std::size_t> uses;
  auto count = [&](const MoneyTotals& t) {
    for (const Money& m : t) ++uses[m.currency];
  };
  count(p.summary.open_value);
  count(p.summary.won_value);
  for (const ForecastMonth& m : p.forecast.months) count(m.best_case), count(m.won);
  std::vector<std::string> out;
  for (const auto& [code, n] : uses) out.push_back(code);
  std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) { return uses[a] > uses[b]; });
  return out;
}

}  // namespace pb::ui
