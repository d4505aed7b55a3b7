#include "sidebar.hpp"

#include <imgui.h>

#include "format.hpp"
#include "item_registry.hpp"
#include "theme.hpp"

namespace pb::ui {
namespace {

void select_pipeline(UiState& ui, const Id& id) {
  if (ui.pipeline == id && ui.view.empty()) return;
  ui.pipeline = id;
  reset_board_settings(ui);
}

void pipeline_menu(const Ctx& ctx, const Pipeline& p, std::size_t index, UiState& ui, Actions& actions) {
  if (!ImGui::BeginPopupContextItem("menu")) return;
  if (ImGui::MenuItem("Edit stages and fields…")) {
    select_pipeline(ui, p.id);
    open_dialog(ui, Dialog::PipelineEditor, p.id);
  }
  if (ImGui::MenuItem("Rename…")) {
    open_dialog(ui, Dialog::RenamePipeline, p.id);
    std::snprintf(ui.dialog.text.data(), ui.dialog.text.size(), "%s", p.name.c_str());
  }
  if (ImGui::MenuItem("Duplicate")) actions.push(cmd::PipelineDuplicate{p.id, "", false});
  if (ImGui::MenuItem("Duplicate with deals")) actions.push(cmd::PipelineDuplicate{p.id, "", true});
  if (ImGui::MenuItem("Move up", nullptr, false, index > 0))
    actions.push(cmd::PipelineReorder{p.id, static_cast<std::int64_t>(index - 1)});
  if (ImGui::MenuItem("Move down", nullptr, false, index + 1 < ctx.ws.pipelines.size()))
    actions.push(cmd::PipelineReorder{p.id, static_cast<std::int64_t>(index + 1)});
  ImGui::Separator();
  if (ImGui::MenuItem("Export as template…")) open_dialog(ui, Dialog::Share, p.id);
  items().add_last_item("menu:share");
  if (ImGui::MenuItem("Copy share link…")) open_dialog(ui, Dialog::Share, p.id);
  if (ImGui::MenuItem("Save as template")) actions.effect(effect::SaveUserTemplate{p.id});
  items().add_last_item("menu:saveastemplate");
  ImGui::Separator();
  if (ImGui::MenuItem("Delete…")) open_dialog(ui, Dialog::DeletePipeline, p.id);
  ImGui::EndPopup();
}

void view_row(const Ctx& ctx, const View& v, UiState& ui) {
  ImGui::PushID(v.id.c_str());
  ImGui::Indent(ctx.px(14));
  if (ImGui::Selectable(("•  " + v.name).c_str(), ui.view == v.id)) select_view(ctx, v, ui);
  items().add_last_item("view:" + v.id);
  if (ImGui::BeginPopupContextItem("viewmenu")) {
    if (ImGui::MenuItem("Delete view…")) open_dialog(ui, Dialog::DeleteView, v.id);
    ImGui::EndPopup();
  }
  ImGui::Unindent(ctx.px(14));
  ImGui::PopID();
}

}  // namespace

void select_view(const Ctx& ctx, const View& v, UiState& ui) {
  ui.pipeline = v.pipeline.empty() ? ui.pipeline : v.pipeline;
  reset_board_settings(ui);
  ui.view = v.id;
  ui.group_by = v.group_by;
  ui.sort = v.sort;
  ui.hidden_stages = v.hidden_stages;
  if (auto q = quick_filter_of(v.filter)) {
    ui.filter.owner = q->owner;
    ui.filter.fields = q->fields;
    ui.filter.status = q->status;
    ui.filter.custom = q->custom;
    const Pipeline* p = ctx.ws.pipelines.find(ui.pipeline);
    const std::string currency = p ? p->currency : "USD";
    auto put_amount = [&](TextBuffer& buf, const std::optional<std::int64_t>& v) {
      if (v) std::snprintf(buf.data(), buf.size(), "%s", format_amount(*v, currency).c_str());
    };
    put_amount(ui.filter.min_value, q->min_value);
    put_amount(ui.filter.max_value, q->max_value);
    if (q->close_from) std::snprintf(ui.filter.close_from.data(), ui.filter.close_from.size(), "%s", format_date(*q->close_from).c_str());
    if (q->close_to) std::snprintf(ui.filter.close_to.data(), ui.filter.close_to.size(), "%s", format_date(*q->close_to).c_str());
  } else {
    ui.filter.extra = v.filter;
  }
}

void draw_sidebar(const Ctx& ctx, const std::vector<PipelineSummary>& summaries, UiState& ui, Actions& actions) {
  const Workspace& ws = ctx.ws;
  ImGui::PushFont(ctx.fonts.small);
  ImGui::TextDisabled("PIPELINES");
  ImGui::PopFont();
  for (std::size_t i = 0; i < ws.pipelines.size() && i < summaries.size(); ++i) {
    const Pipeline& p = ws.pipelines.at(i);
    const PipelineSummary& s = summaries[i];
    ImGui::PushID(p.id.c_str());
    const bool selected = ui.pipeline == p.id && ui.view.empty();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_h = ImGui::GetTextLineHeight() * 2.2f + style.FramePadding.y;
    if (ImGui::Selectable("##pipeline", selected, 0, ImVec2(0, row_h))) select_pipeline(ui, p.id);
    items().add_last_item("pipeline:" + p.id);
    pipeline_menu(ctx, p, i, ui, actions);
    const ImVec2 min = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = style.FramePadding.x;
    dl->AddText(ImVec2(min.x + pad, min.y + style.FramePadding.y * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), p.name.c_str());
    const std::string detail = std::to_string(s.deals) + " deals  ·  " + compact_totals(s.open_value) + " open";
    ImGui::PushFont(ctx.fonts.small);
    dl->AddText(ImVec2(min.x + pad, min.y + style.FramePadding.y * 0.5f + ImGui::GetTextLineHeight() * 1.5f),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), detail.c_str());
    ImGui::PopFont();
    for (const auto& v : ws.views)
      if (v.pipeline == p.id) view_row(ctx, v, ui);
    ImGui::PopID();
  }
  bool any_global = false;
  for (const auto& v : ws.views) any_global = any_global || v.pipeline.empty();
  if (any_global) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("ALL PIPELINES");
    ImGui::PopFont();
    for (const auto& v : ws.views)
      if (v.pipeline.empty()) view_row(ctx, v, ui);
  }
  ImGui::Spacing();
  if (ImGui::Button("+ New pipeline", ImVec2(-1, 0))) open_dialog(ui, Dialog::NewPipeline);
  items().add_last_item("button:newpipeline");
  if (ImGui::Button("From a template…", ImVec2(-1, 0))) open_dialog(ui, Dialog::Templates);
  items().add_last_item("button:templates");
}

}  // namespace pb::ui
