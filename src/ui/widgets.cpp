#include "widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

namespace pb::ui {

bool edit_text(const char* label, const std::string& value, std::map<std::string, TextBuffer>& buffers,
               const std::string& key, std::string& out, const char* hint, bool multiline, float height) {
  TextBuffer& buf = buffers[key];
  // While the field is being edited the buffer is the truth; otherwise it mirrors the model.
  if (ImGui::GetActiveID() != ImGui::GetID(label)) std::snprintf(buf.data(), buf.size(), "%s", value.c_str());
  if (multiline) ImGui::InputTextMultiline(label, buf.data(), buf.size(), ImVec2(-1, height));
  else ImGui::InputTextWithHint(label, hint, buf.data(), buf.size());
  if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
  out = buf.data();
  return out != value;
}

void focus_claim(UiState& ui, const std::string& name) {
  if (ui.focus_request != name) return;
  // Activates the field as keyboard input next frame. SetKeyboardFocusHere() does not reach text
  // fields in child windows of the board's unfocused main window.
  ImGui::FocusWindow(ImGui::GetCurrentWindow());
  ImGui::ActivateItemByID(ImGui::GetItemID());
  GImGui->NavNextActivateFlags |= ImGuiActivateFlags_PreferInput;
  ui.focus_request.clear();
}

void refocus_after_submit(UiState& ui, const std::string& name) {
  ImGui::ClearActiveID();
  ui.focus_request = name;
}

bool edit_int(const char* label, int value, int min, int max, int& out) {
  int v = value;
  ImGui::InputInt(label, &v, 0, 0);
  if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
  out = std::clamp(v, min, max);
  return out != value;
}

}  // namespace pb::ui
