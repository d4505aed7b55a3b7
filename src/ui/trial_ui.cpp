#include "trial_ui.hpp"

#include <imgui.h>

#include <cfloat>

#include "item_registry.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pb::ui {

void open_licence_dialog(LicenceUi& licence) {
  licence.open = true;
  licence.just_opened = true;
  if (!licence.checking) licence.status.clear();
}

std::string trial_badge_label(const TrialView& trial) {
  // Short: the banner under the bar says the rest once the trial is ending or over.
  switch (trial.phase) {
    case TrialPhase::Licensed: return "Licensed";
    case TrialPhase::Expired: return "Trial ended: read-only";
    default: return trial.text;
  }
}

void draw_trial_badge(const Ctx& ctx, const TrialView& trial, LicenceUi& licence) {
  if (trial.hidden) return;
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  if (trial.phase != TrialPhase::Licensed) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const std::string label = trial_badge_label(trial);
  if (named_button(label.c_str(), "button:trial")) open_licence_dialog(licence);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trial.phase == TrialPhase::Licensed ? trial.text.c_str() : "Enter a licence key");
  if (trial.phase != TrialPhase::Licensed) ImGui::PopStyleColor();
  ImGui::PopStyleColor();
  (void)ctx;
}

bool draw_trial_banner(const Ctx& ctx, const TrialView& trial, LicenceUi& licence) {
  if (trial.hidden || (trial.phase != TrialPhase::Ending && trial.phase != TrialPhase::Expired)) return false;
  const bool expired = trial.phase == TrialPhase::Expired;
  // Amber while days are left, a deep red once read-only: both read with white text.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, expired ? ImVec4(0.52f, 0.14f, 0.14f, 1.0f) : ImVec4(0.55f, 0.36f, 0.05f, 1.0f));
  ImGui::BeginChild("trial-banner", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + ctx.px(8)), false);
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  items().add("banner:trial", Rect{pos.x, pos.y, size.x, size.y});
  ImGui::SetCursorPos(ImVec2(ctx.px(10), ctx.px(4)));
  ImGui::AlignTextToFramePadding();
  const std::string text = expired ? trial.text
                                   : trial.text + ". Everything you add stays yours; a licence key keeps it editable.";
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", text.c_str());
  items().add_last_item("text:trial-banner");
  ImGui::SameLine();
  if (named_button("Enter licence key", "button:trial-licence")) open_licence_dialog(licence);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return true;
}

void draw_licence_dialog(const Ctx& ctx, const TrialView& trial, LicenceUi& licence, Actions& actions) {
  if (!licence.open) return;
  if (licence.just_opened) {
    ImGui::OpenPopup("Licence");
    licence.just_opened = false;
  }
  ImGui::SetNextWindowSizeConstraints(ImVec2(ctx.px(560), 0), ImVec2(ctx.px(560), FLT_MAX));
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool open = true;
  if (!ImGui::BeginPopupModal("Licence", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    licence.open = false;
    return;
  }
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  items().add("dialog:licence", Rect{pos.x, pos.y, size.x, size.y});
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextWrapped("%s", trial.text.c_str());  // the expired text is longer than the dialog
  ImGui::PopFont();
  items().add_last_item("text:licence-state");
  ImGui::TextWrapped(
      "A licence key makes Pipeboard yours for good, with no account and no server: paste the key you were sent. "
      "It is checked here in the browser and kept with your data.");
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool submit = ImGui::InputTextWithHint("##licencekey", "Paste your licence key", licence.key.data(), licence.key.size(),
                                               ImGuiInputTextFlags_EnterReturnsTrue);
  items().add_last_item("input:licence");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(-1);
  if (!licence.status.empty()) {
    if (licence.status_is_error) ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextWrapped("%s", licence.status.c_str());
    if (licence.status_is_error) ImGui::PopStyleColor();
    items().add_last_item("text:licence-status");
  }
  ImGui::Spacing();
  ImGui::BeginDisabled(licence.checking || licence.key[0] == '\0');
  if (named_button(licence.checking ? "Checking…" : "Use this key", "button:licence-apply", ctx.px(160)) || submit)
    if (!licence.checking && licence.key[0] != '\0') {
      licence.checking = true;
      licence.status.clear();
      actions.effect(effect::ActivateLicence{licence.key.data()});
    }
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool close = named_button("Close", "button:licence-close", ctx.px(100));
  if (close || (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput) || !open) {
    licence.open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace pb::ui
