#include "widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "item_registry.hpp"
#include "theme.hpp"

namespace pb::ui {

bool named_button(const char* label, const char* name, float width) {
  const bool pressed = ImGui::Button(label, ImVec2(width, 0));
  items().add_last_item(name);
  return pressed;
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

// [SECTION] Fields with in-place errors

namespace {
// Grows the std::string behind an InputText as the text grows (as imgui_stdlib does).
int resize_string(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
}  // namespace

bool field_text(const Ctx& ctx, UiState& ui, FieldTarget& field, const std::string& value, const FieldLook& look) {
  std::string& buf = ui.field_texts[field.name];
  const std::string label = "##" + field.name;
  const auto error = ui.field_errors.find(field.name);
  const bool rejected = error != ui.field_errors.end();
  // While the field is being edited the buffer is the truth; otherwise it shows the model's value,
  // or the rejected text so it can be corrected rather than typed again. "Being edited" includes
  // the frame after: a click into a field drawn earlier takes focus before this one reads its
  // text to commit it.
  const ImGuiID id = ImGui::GetID(label.c_str());
  if (ImGui::GetActiveID() != id && GImGui->ActiveIdPreviousFrame != id) buf = rejected ? error->second.text : value;
  if (rejected) ImGui::PushStyleColor(ImGuiCol_FrameBg, error_field_bg());
  // capacity() + 1: std::string always keeps room for its terminating zero.
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
  if (look.multiline)
    ImGui::InputTextMultiline(label.c_str(), buf.data(), buf.capacity() + 1, ImVec2(-1, look.height), flags, resize_string, &buf);
  else ImGui::InputTextWithHint(label.c_str(), look.hint, buf.data(), buf.capacity() + 1, flags, resize_string, &buf);
  if (rejected) ImGui::PopStyleColor();
  items().add_last_item(field.name);
  // ImGui reverts a field on Escape and reports the revert as an edit: Escape means "never mind".
  const bool escaped = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  const bool committed = ImGui::IsItemDeactivatedAfterEdit() && !escaped;
  frame_if_rejected(ctx, ui, field.name);
  field_error_text(ui, field.name);
  if (escaped && rejected) ui.field_errors.erase(field.name);
  if (!committed) return false;
  field.text = buf.c_str();
  if (field.text != value) return true;
  ui.field_errors.erase(field.name);  // back to the saved value: nothing left to fix
  return false;
}

void frame_if_rejected(const Ctx& ctx, const UiState& ui, const std::string& name) {
  if (!ui.field_errors.count(name)) return;
  ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), error_color(),
                                      ImGui::GetStyle().FrameRounding, 0, ctx.px(1.5f));
}

void field_error_text(const UiState& ui, const std::string& name) {
  const auto it = ui.field_errors.find(name);
  if (it == ui.field_errors.end()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, error_color());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(it->second.message.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  items().add_last_item("error:" + name);
}

}  // namespace pb::ui
