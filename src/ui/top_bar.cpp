#include "top_bar.hpp"

#include <imgui.h>

#include "item_registry.hpp"
#include "theme.hpp"
#include "tour_recorder.hpp"

namespace pb::ui {
namespace {

void export_import_menu(const Ctx& ctx, UiState& ui, Actions& actions) {
  if (ImGui::Button("Export / Import")) ImGui::OpenPopup("exportimport");
  items().add_last_item("button:import");
  if (!ImGui::BeginPopup("exportimport")) return;
  if (ImGui::MenuItem("Import from file…")) actions.effect(effect::PickImportFile{});
  items().add_last_item("menu:import-file");
  if (ImGui::MenuItem("Import (paste JSON)…")) actions.effect(effect::OpenPaste{});
  items().add_last_item("menu:import-paste");
  // The same picker: the file says what it is (Pipeboard JSON, a Trello, Pipedrive or HubSpot
  // export, or CSV) and the mapping screen opens for other tools' files.
  if (ImGui::MenuItem("Import from Trello, Pipedrive, HubSpot or CSV…")) actions.effect(effect::PickImportFile{});
  items().add_last_item("menu:import-other");
  ImGui::Separator();
  const Pipeline* p = ctx.ws.pipelines.find(ui.pipeline);
  if (ImGui::MenuItem("Export this pipeline as a template…", nullptr, false, p != nullptr))
    open_dialog(ui, Dialog::Share, p->id);
  items().add_last_item("menu:export-template");
  if (ImGui::MenuItem("Export deals as CSV…")) actions.effect(effect::OpenCsvExport{});
  items().add_last_item("menu:export-csv");
  if (ImGui::MenuItem("Download backup (everything)")) actions.effect(effect::DownloadBackup{});
  items().add_last_item("menu:backup");
  ImGui::EndPopup();
}

// The first line of `text` cut to `width` with an ellipsis (never inside a UTF-8 character).
std::string fit_text(const std::string& text, float width) {
  std::string line = text.substr(0, text.find('\n'));
  if (ImGui::CalcTextSize(line.c_str()).x <= width && line.size() == text.size()) return line;
  const float room = width - ImGui::CalcTextSize("…").x;
  if (room <= 0) return "";
  // The font stops measuring where the width runs out, at a character boundary.
  const char* stop = nullptr;
  ImFont* font = ImGui::GetFont();
  font->CalcTextSizeA(font->FontSize, room, 0.0f, line.data(), line.data() + line.size(), &stop);
  return line.substr(0, static_cast<std::size_t>(stop - line.data())) + "…";
}

// Undo or Redo, disabled when there is nothing to do, with what it would do as its tooltip.
void history_button(const char* label, bool enabled, const char* item, const char* keys, const std::string& what,
                    Effect effect, Actions& actions) {
  ImGui::BeginDisabled(!enabled);
  if (ImGui::Button(label)) actions.effect(std::move(effect));
  items().add_last_item(item);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && enabled) ImGui::SetTooltip("%s %s  (%s)", label, what.c_str(), keys);
  ImGui::EndDisabled();
}

// The ? menu: tours, shortcuts, the welcome screen, presenter mode and the licence.
void help_menu(UiState& ui, LicenceUi& licence, TourUi& tours) {
  if (!ImGui::BeginPopup("helpmenu")) return;
  for (std::size_t i = 0; i < tours.tours.size(); ++i) {
    const std::string label = (i < tours.builtin ? "Take the tour: " : "Play: ") + tours.tours[i].name;
    if (ImGui::MenuItem(label.c_str())) start_tour(tours, tours.tours[i]);
    items().add_last_item("menu:tour:" + std::to_string(i));
  }
  if (ImGui::MenuItem("Record a tour…")) start_recording(tours);
  items().add_last_item("menu:tour-record");
  ImGui::Separator();
  if (ImGui::MenuItem("Keyboard shortcuts", "?")) ui.show_help = true;
  items().add_last_item("menu:help-shortcuts");
  if (ImGui::MenuItem("Welcome screen…")) ui.show_welcome = true;
  items().add_last_item("menu:help-welcome");
  if (ImGui::MenuItem("Licence…")) open_licence_dialog(licence);
  items().add_last_item("menu:help-licence");
  if (ImGui::MenuItem("Presenter mode", nullptr, ui.presenter)) {
    ui.presenter = !ui.presenter;
    if (!ui.presenter) ui.zoom_percent = 100;
  }
  items().add_last_item("menu:presenter");
  ImGui::EndPopup();
}

}  // namespace

void draw_top_bar(const Ctx& ctx, const Screen& screen, ScreenState state, Actions& actions) {
  UiState& ui = state.ui;
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted("Pipeboard");
  ImGui::PopFont();
  ImGui::SameLine(0, ctx.px(28));
  if (const Pipeline* p = ctx.ws.pipelines.find(ui.pipeline)) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(p->name.c_str());
    if (const View* v = ctx.ws.views.find(ui.view)) {
      ImGui::SameLine();
      ImGui::TextDisabled("/  %s", v->name.c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button("Edit pipeline")) open_dialog(ui, Dialog::PipelineEditor, p->id);
    items().add_last_item("button:editpipeline");
    ImGui::SameLine(0, ctx.px(20));
  }
  const History& h = screen.history;
  history_button("Undo", h.can_undo, "button:undo", "Ctrl+Z", h.undo_label, effect::Undo{}, actions);
  ImGui::SameLine();
  history_button("Redo", h.can_redo, "button:redo", "Ctrl+Shift+Z", h.redo_label, effect::Redo{}, actions);
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (!ui.message.empty()) {
    ImGui::SameLine(0, ctx.px(20));
    ImGui::AlignTextToFramePadding();
    // Up to the trial badge and the menus; the whole message is in the tooltip.
    const float badge = screen.trial.hidden ? 0.0f : ImGui::CalcTextSize(trial_badge_label(screen.trial).c_str()).x + ctx.px(24);
    const float room = right - ctx.px(404) - badge - ImGui::GetCursorPosX();
    const std::string shown = fit_text(ui.message, room);
    ImGui::TextColored(ui.message_is_error ? ImVec4(1.0f, 0.55f, 0.5f, 1.0f) : ImVec4(0.6f, 0.85f, 0.7f, 1.0f), "%s",
                       shown.c_str());
    items().add_last_item("text:message");
    if (shown.size() != ui.message.size() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.message.c_str());
  }
  const float left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;  // where the left part ends
  if (!screen.trial.hidden) {  // the quiet trial button, left of the menus, when there is room for it
    const std::string label = trial_badge_label(screen.trial);
    const float x = right - ctx.px(404) - ImGui::CalcTextSize(label.c_str()).x - ImGui::GetStyle().FramePadding.x * 2;
    if (x > left_end + ctx.px(12)) {
      ImGui::SameLine(x);
      draw_trial_badge(ctx, screen.trial, state.licence);
    }
  }
  ImGui::SameLine(right - ctx.px(392));
  export_import_menu(ctx, ui, actions);
  ImGui::SameLine(right - ctx.px(252));
  draw_save_indicator(ctx, screen.storage, state.storage);
  ImGui::SameLine(right - ctx.px(140));
  if (ImGui::Button(ui.dark ? "Light" : "Dark", ImVec2(ctx.px(70), 0))) ui.dark = !ui.dark;
  items().add_last_item("button:theme");
  ImGui::SameLine();
  if (ImGui::Button("?", ImVec2(ctx.px(34), 0))) ImGui::OpenPopup("helpmenu");
  items().add_last_item("button:help");
  help_menu(ui, state.licence, state.tours);
}

}  // namespace pb::ui
