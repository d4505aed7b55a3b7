// Small input helpers for editing model values: the model is const while drawing, so edits go
// through a buffer kept in UiState and become a command when the field is committed.
#pragma once
#include <string>

#include "ui_state.hpp"

namespace pb::ui {

// Text input showing `value`; returns true on commit (Enter or focus leaving after an edit),
// with the new text in `out`.
bool edit_text(const char* label, const std::string& value, std::map<std::string, TextBuffer>& buffers,
               const std::string& key, std::string& out, const char* hint = "", bool multiline = false,
               float height = 0);
// Call right after the text field named `name`: focuses it when ui.focus_request names it.
void focus_claim(UiState& ui, const std::string& name);
// After a field submitted with Enter: lets go of it and takes focus back next frame, empty.
void refocus_after_submit(UiState& ui, const std::string& name);

// Integer input; returns true on commit with the new value in `out`.
bool edit_int(const char* label, int value, int min, int max, int& out);

}  // namespace pb::ui
