// Small input helpers for editing model values: the model is const while drawing, so edits go
// through a buffer kept in UiState and become a command when the field is committed.
#pragma once
#include <string>

#include "ui_state.hpp"

namespace pb::ui {

// Call right after the text field named `name`: focuses it when ui.focus_request names it.
void focus_claim(UiState& ui, const std::string& name);
// After a field submitted with Enter: lets go of it and takes focus back next frame, empty.
void refocus_after_submit(UiState& ui, const std::string& name);
// A button registered under `name` in the item registry (width 0: fits its label).
bool named_button(const char* label, const char* name, float width = 0);

// [SECTION] Fields with in-place errors (field_errors.hpp)

struct FieldLook {
  const char* hint = "";
  bool multiline = false;
  float height = 0;
};
// A text field bound to a model value, named field.name (item name and buffer key). While the
// field has a rejected edit it shows the rejected text, framed in the error colour, with the
// reason under it. Returns true on commit of a changed value, with the text in field.text.
// Committing the model's value again, or Escape, drops the rejected edit.
bool field_text(const Ctx& ctx, UiState& ui, FieldTarget& field, const std::string& value, const FieldLook& look = {});
// Right after any field: frames it in the error colour when it has a rejected edit.
void frame_if_rejected(const Ctx& ctx, const UiState& ui, const std::string& name);
// The reason for a rejected edit, in the error colour (item "error:<name>"); nothing otherwise.
void field_error_text(const UiState& ui, const std::string& name);

}  // namespace pb::ui
