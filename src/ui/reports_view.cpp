#include "reports_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <span>
#include <unordered_set>

#include "item_registry.hpp"
#include "report_format.hpp"
#include "report_sections.hpp"
#include "theme.hpp"

namespace pb::ui {
namespace {

struct Choice {
  const char* name;
  const char* label;
};
constexpr Choice kPeriods[] = {{"this_month", "This month"},
                               {"this_quarter", "This quarter"},
                               {"last_12_months", "Last 12 months"},
                               {"custom", "Custom"}};
constexpr Choice kScopes[] = {{"pipeline", "This pipeline"}, {"all", "All pipelines"}, {"view", "Saved view"}};

const char* label_of(std::span<const Choice> choices, const std::string& name) {
  for (const Choice& c : choices)
    if (name == c.name) return c.label;
  return choices.front().label;
}

void copy_to(TextBuffer& buf, const std::string& text) {
  const std::size_t n = std::min(text.size(), buf.size() - 1);
  std::copy_n(text.data(), n, buf.data());
  buf[n] = '\0';
}

// The pipeline of the report the charts show: the chosen one, else the selected, else the first.
const PipelineReport* shown_pipeline(const Report& report, const UiState& ui) {
  for (const Id* want : {&ui.reports.pipeline, &ui.pipeline})
    for (const PipelineReport& p : report.pipelines)
      if (p.id == *want) return &p;
  return report.pipelines.empty() ? nullptr : &report.pipelines.front();
}

void period_picker(const Ctx& ctx, const ViewData& data, UiState& ui) {
  ReportsUi& r = ui.reports;
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Period");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(150));
  if (ImGui::BeginCombo("##period", label_of(kPeriods, r.period))) {
    for (const Choice& c : kPeriods) {
      if (ImGui::Selectable(c.label, r.period == c.name)) {
        // Custom starts from the period on screen, so both days are valid at once.
        if (std::string_view(c.name) == "custom" && r.period != "custom" && data.report.ok) {
          copy_to(r.from, format_date(data.report.report.params.period.from));
          copy_to(r.to, format_date(data.report.report.params.period.to));
        }
        r.period = c.name;
      }
      items().add_last_item(std::string("report:period:") + c.name);
    }
    ImGui::EndCombo();
  }
  items().add_last_item("report:period");
  if (r.period == "custom") {
    for (auto [name, buf] : {std::pair{"from", &r.from}, std::pair{"to", &r.to}}) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(ctx.px(110));
      ImGui::InputTextWithHint((std::string("##") + name).c_str(), "YYYY-MM-DD", buf->data(), buf->size());
      items().add_last_item(std::string("report:") + name);
    }
  } else if (data.report.ok) {
    const ReportPeriod& p = data.report.report.params.period;
    ImGui::SameLine();
    ImGui::TextDisabled("%s – %s", format_date(p.from).c_str(), format_date(p.to).c_str());
  }
}

void scope_picker(const Ctx& ctx, const ViewData& data, UiState& ui) {
  ReportsUi& r = ui.reports;
  ImGui::SameLine(0, ctx.px(24));
  for (const Choice& c : kScopes) {
    const bool disabled = std::string_view(c.name) == "view" && ui.view.empty();
    ImGui::BeginDisabled(disabled);
    if (ImGui::RadioButton(c.label, r.scope == c.name)) r.scope = c.name;
    ImGui::EndDisabled();
    items().add_last_item(std::string("report:scope:") + c.name);
    if (disabled && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Open a saved view in the sidebar to report on its deals");
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (!data.report.ok) return;
  const Report& report = data.report.report;
  const PipelineReport* shown = shown_pipeline(report, ui);
  if (report.pipelines.size() > 1 && shown) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Charts for");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.px(200));
    if (ImGui::BeginCombo("##reportpipeline", shown->name.c_str())) {
      for (const PipelineReport& p : report.pipelines) {
        if (ImGui::Selectable(p.name.c_str(), &p == shown)) r.pipeline = p.id;
        items().add_last_item("report:pipeline:" + p.id);
      }
      ImGui::EndCombo();
    }
    items().add_last_item("report:pipeline");
    ImGui::SameLine();
  }
}

// The charts' currency: the chosen one when the pipeline has it, else its most used.
std::string chart_currency(const PipelineReport& p, const Workspace& ws, UiState& ui, const Ctx& ctx) {
  std::vector<std::string> codes = report_currencies(p);
  if (codes.empty()) {
    const Pipeline* pipeline = ws.pipelines.find(p.id);
    codes.push_back(pipeline && !pipeline->currency.empty() ? pipeline->currency : "EUR");
  }
  std::string chosen = std::find(codes.begin(), codes.end(), ui.reports.currency) != codes.end() ? ui.reports.currency : codes.front();
  if (codes.size() > 1) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Currency");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.px(90));
    if (ImGui::BeginCombo("##currency", chosen.c_str())) {
      for (const std::string& c : codes) {
        if (ImGui::Selectable(c.c_str(), c == chosen)) ui.reports.currency = chosen = c;
        items().add_last_item("report:currency:" + c);
      }
      ImGui::EndCombo();
    }
    items().add_last_item("report:currency");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Currencies are never added together: the charts show one at a time");
    ImGui::SameLine();
  }
  return chosen;
}

const ReportTab& current_tab(const UiState& ui) {
  for (const ReportTab& t : report_tabs())
    if (ui.reports.tab == t.name) return t;
  return report_tabs().front();
}

void tab_bar(const Ctx& ctx, UiState& ui) {
  const ReportTab& current = current_tab(ui);
  for (const ReportTab& t : report_tabs()) {
    const bool on = &t == &current;
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(on ? ImGuiCol_ButtonActive : ImGuiCol_FrameBg));
    if (ImGui::Button(t.label)) ui.reports.tab = t.name;
    ImGui::PopStyleColor();
    items().add_last_item(std::string("report:tab:") + t.name);
    ImGui::SameLine(0, ctx.px(4));
  }
  ImGui::NewLine();
}

void exports(const Ctx& ctx, const UiState& ui, Actions& actions) {
  const ReportTab& tab = current_tab(ui);
  const float w = ImGui::CalcTextSize("Export CSVExport JSON").x + ctx.px(40);
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
  if (ImGui::Button("Export CSV")) actions.effect(effect::ExportReportCsv{tab.csv});
  items().add_last_item("report:csv");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("This tab's table (%s) as CSV, for a spreadsheet", tab.csv);
  ImGui::SameLine();
  if (ImGui::Button("Export JSON")) actions.effect(effect::ExportReportJson{});
  items().add_last_item("report:json");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The whole report, every pipeline and table, as JSON");
}

// Lists the deals behind the clicked figures, each once, in workspace order per figure.
void open_drill(const Ctx& ctx, const Report& report, const FigureClick& click, UiState& ui) {
  std::vector<Id> ids;
  std::unordered_set<std::string_view> seen;
  for (const ReportFigure& f : click.figures) {
    std::vector<const Deal*> deals;
    std::string error;
    if (!report_deals(ctx.ws, report.params, f, deals, error)) {
      ui.message = error;
      ui.message_is_error = true;
      return;
    }
    for (const Deal* d : deals)
      if (seen.insert(d->id).second) ids.push_back(d->id);
  }
  ui.reports.drill = std::move(ids);
  ui.reports.drill_title = click.title;
  ui.reports.drill_open = true;
}

void drill_window(const Ctx& ctx, UiState& ui) {
  ReportsUi& r = ui.reports;
  if (!r.drill_open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->Size.x * 0.8f, ctx.px(900)), vp->Size.y * 0.6f), ImGuiCond_Appearing);
  const std::string title = r.drill_title + " (" + std::to_string(r.drill.size()) + ")###reportdeals";
  if (!ImGui::Begin(title.c_str(), &r.drill_open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  items().add("drill:window", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(),
                                   ImGui::GetWindowHeight()});
  if (r.drill.empty()) ImGui::TextDisabled("No deals behind this figure.");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_SizingStretchProp;
  if (!r.drill.empty() && ImGui::BeginTable("drilldeals", 7, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* c : {"Deal", "Company", "Pipeline", "Stage", "Status", "Value", "Owner"}) ImGui::TableSetupColumn(c);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.drill.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const Deal* d = ctx.ws.deals.find(r.drill[i]);
        if (!d) continue;  // deleted since
        ImGui::TableNextRow();
        ImGui::PushID(i);
        ImGui::TableNextColumn();
        if (ImGui::Selectable(d->title.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
          ui.open_deal = d->id;  // the deal panel, beside the report
          r.drill_open = false;
        }
        items().add_last_item("drill:" + d->id);
        const Pipeline* p = ctx.ws.pipelines.find(d->pipeline);
        const Stage* s = p ? p->stage(d->stage) : nullptr;
        const Person* owner = ctx.ws.people.find(d->owner);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d->company.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p ? p->name.c_str() : "");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s ? s->name.c_str() : d->stage.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(to_string(d->status)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_money(d->value).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(owner ? owner->name.c_str() : "");
        ImGui::PopID();
      }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace

void draw_reports_view(const Ctx& ctx, const ViewData& data, UiState& ui, Actions& actions) {
  period_picker(ctx, data, ui);
  scope_picker(ctx, data, ui);
  if (!data.report.ok) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextWrapped("%s", data.report.error.c_str());
    ImGui::PopStyleColor();
    items().add_last_item("report:error");
    return;
  }
  const Report& report = data.report.report;
  const PipelineReport* shown = shown_pipeline(report, ui);
  if (!shown) {
    ImGui::NewLine();
    ImGui::TextDisabled("No pipelines to report on yet: create one from the sidebar.");
    return;
  }
  const std::string currency = chart_currency(*shown, ctx.ws, ui, ctx);
  exports(ctx, ui, actions);
  tab_bar(ctx, ui);
  ImGui::Separator();
  ImGui::BeginChild("reportbody", ImVec2(0, 0), false);
  const SectionInput in{report, *shown, currency};
  if (std::optional<FigureClick> clicked = current_tab(ui).draw(ctx, in)) open_drill(ctx, report, *clicked, ui);
  ImGui::Dummy(ImVec2(0, ctx.px(12)));
  ImGui::EndChild();
  drill_window(ctx, ui);
}

void reports_state(const UiState& ui, json& state) {
  const ReportsUi& r = ui.reports;
  state["reports"] = {{"period", r.period},     {"scope", r.scope},
                      {"from", r.from.data()},  {"to", r.to.data()},
                      {"tab", current_tab(ui).name}, {"pipeline", r.pipeline},
                      {"currency", r.currency}, {"drill_open", r.drill_open},
                      {"drill_title", r.drill_title}, {"drill", r.drill}};
}

bool reports_params(const Workspace& ws, const UiState& ui, Timestamp now, ReportParams& out, std::string& error) {
  const ReportsUi& r = ui.reports;
  out = ReportParams{};
  if (r.scope == "view" && !ui.view.empty()) {
    out.scope = ReportScope::View;
    out.view = ui.view;
  } else if (r.scope == "all" || ui.pipeline.empty()) {
    out.scope = ReportScope::All;
  } else {
    out.scope = ReportScope::Pipeline;
    out.pipeline = ui.pipeline;
  }
  PeriodPreset preset;
  if (r.period == "custom") {
    const std::optional<Date> from = parse_date(r.from.data()), to = parse_date(r.to.data());
    if (!from || !to) {
      error = std::string("Custom period: ") + (!from ? "\"from\"" : "\"to\"") + " is not a day (YYYY-MM-DD)";
      return false;
    }
    out.period = ReportPeriod{*from, *to, now};
  } else {
    if (!parse_period_preset(r.period, preset)) preset = PeriodPreset::ThisMonth;
    out.period = preset_period(preset, now);
  }
  const std::vector<ParamProblem> problems = check_report_params(ws, out);
  if (problems.empty()) return true;
  error = r.period == "custom" ? "Custom period: " : "";
  for (std::size_t i = 0; i < problems.size(); ++i)
    error += (i ? "; " : "") + problems[i].param + ": " + problems[i].message;
  return false;
}

}  // namespace pb::ui
