#include "root_layout.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "deal_editor.hpp"
#include "field_errors.hpp"
#include "filter_bar.hpp"
#include "help.hpp"
#include "past_day_bar.hpp"
#include "sidebar.hpp"
#include "top_bar.hpp"
#include "views.hpp"
#include "presenter_bar.hpp"
#include "tour_overlay.hpp"
#include "tour_recorder.hpp"
#include "welcome.hpp"

namespace pb::ui {
namespace {

// The dialogs of share_dialog.hpp, import_dialog.hpp, source_mapping_dialog.hpp and
// csv_export_dialog.hpp; the others are in dialogs.hpp.
void draw_share_import_dialogs(const Ctx& ctx, const Screen& screen, ScreenState state, Actions& actions) {
  switch (state.ui.dialog.kind) {
    case Dialog::Share: draw_share_dialog(ctx, state.ui, state.share, actions); break;
    case Dialog::ImportPaste: draw_import_paste(ctx, state.ui, state.import, actions); break;
    case Dialog::ImportPreview: draw_import_preview(ctx, state.ui, state.import, actions); break;
    case Dialog::SourceMapping: draw_source_mapping(ctx, state.ui, state.import.mapping_screen, actions); break;
    case Dialog::ExportCsv: draw_csv_export(ctx, screen.board, state.ui, state.import.csv_export, actions); break;
    default: break;
  }
}

// Global keys; text fields keep theirs. Undo and redo come from the page (pb_on_shortcut).
void shortcuts(const Ctx& ctx, const Screen& screen, UiState& ui, Actions& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = io.KeyCtrl || io.KeySuper;
  // Escape leaves a text field first (ImGui reverts it), then closes the deal panel.
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    if (ui.show_help) ui.show_help = false;
    else if (io.WantTextInput) ImGui::ClearActiveID();
    else if (!ui.open_deal.empty() && ui.dialog.kind == Dialog::None) ui.open_deal.clear();
  }
  if (io.WantTextInput || ctrl || ui.dialog.kind != Dialog::None || ui.show_welcome || ImGui::GetTopMostPopupModal()) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Slash, false)) {
    if (io.KeyShift) ui.show_help = !ui.show_help;
    else ui.focus_request = "search";
    return;
  }
  if (const ViewDef& view = current_view(ui); view.keyboard) view.keyboard(ctx, screen.board, ui, actions);
}

}  // namespace

Actions draw_root_layout(const Ctx& ctx, const Screen& screen, ScreenState state) {
  Actions actions;
  UiState& ui = state.ui;
  forget_closed_forms(ui);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("Pipeboard", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
  draw_top_bar(ctx, screen, state, actions);
  draw_storage_banner(ctx, screen.storage, state.storage, actions);
  draw_trial_banner(ctx, screen.trial, state.licence);
  draw_presenter_bar(ctx, ui, state.tours, actions);
  ImGui::BeginChild("sidebar", ImVec2(ctx.px(250), 0), false);
  draw_sidebar(ctx, screen.summaries, ui, actions);
  ImGui::EndChild();
  ImGui::SameLine();
  const bool panel = !ui.open_deal.empty();
  const float panel_w = ctx.px(380);
  ImGui::BeginChild("main", ImVec2(panel ? -panel_w - ImGui::GetStyle().ItemSpacing.x : 0, 0), false);
  draw_filter_bar(ctx, screen.board, ui, actions);
  const ViewDef& view = current_view(ui);
  const ViewData data{screen.board, screen.report, view.replays_past ? screen.past : nullptr, screen.first_day};
  if (view.replays_past) draw_past_day_bar(ctx, data, ui);
  view.draw(ctx, data, ui, actions);
  ImGui::EndChild();
  if (panel) {
    ImGui::SameLine();
    draw_deal_editor(ctx, ui, actions);
  }
  draw_dialogs(ctx, screen.gallery, ui, actions);
  draw_share_import_dialogs(ctx, screen, state, actions);
  draw_help(ctx, ui);
  draw_licence_dialog(ctx, screen.trial, state.licence, actions);
  draw_welcome(ctx, ui, actions);
  draw_storage_details(ctx, screen.storage, state.storage, actions);
  draw_conflict_dialog(ctx, screen.storage, state.storage, actions);
  if (!tour_has_keyboard(state.tours)) shortcuts(ctx, screen, ui, actions);
  draw_tour_overlay(ctx, ui, state.tours);
  draw_tour_recorder(ctx, state.tours, actions);
  ImGui::End();
  return actions;
}

}  // namespace pb::ui
