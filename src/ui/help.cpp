#include "help.hpp"

#include <imgui.h>

#include "item_registry.hpp"

namespace pb::ui {

void draw_help(const Ctx& ctx, UiState& ui) {
  if (!ui.show_help) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ctx.px(520), 0));
  ImGui::Begin("Keyboard shortcuts", &ui.show_help,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize);
  items().add("overlay:help", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                                   ImGui::GetWindowSize().y});
  static const std::pair<const char*, const char*> kKeys[] = {
      {"N", "New deal in the first column"},
      {"/", "Search"},
      {"Esc", "Close the panel, dialog or this help"},
      {"Arrow keys", "Move between cards"},
      {"Shift + Left / Right", "Move the focused deal to the previous / next column"},
      {"Enter", "Open the focused deal"},
      {"W / L", "Mark the focused deal won / lost"},
      {"Ctrl + Z", "Undo"},
      {"Ctrl + Shift + Z, Ctrl + Y", "Redo"},
      {"?", "Show or hide this help"},
  };
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    for (auto [key, what] : kKeys) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(key);
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", what);
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Drag cards between columns, or onto Won / Lost at the bottom while dragging.");
  ImGui::End();
}

}  // namespace pb::ui
