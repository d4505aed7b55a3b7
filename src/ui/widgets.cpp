#include "widgets.hpp"

#include <imgui.h>
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

bool edit_int(const char* label, int value, int min, int max, int& out) {
  int v = value;
  ImGui::InputInt(label, &v, 0, 0);
  if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
  out = std::clamp(v, min, max);
  return out != value;
}

}  // namespace pb::ui
