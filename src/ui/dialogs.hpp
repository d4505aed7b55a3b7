#pragma once
#include "ui_state.hpp"

namespace pb::ui {

// A template (built-in or the user's) as the gallery shows it.
struct GalleryItem {
  std::string name, description, category;
  std::vector<std::pair<std::string, unsigned int>> stages;  // name, color
  json doc;
  bool user = false;     // one of the user's own templates
  int user_index = -1;   // its index among them
};

// The modal dialogs: new / rename / delete pipeline, lost reason, save view, delete deals,
// delete view, and the template gallery. Invalid input is explained in place.
// Opens a modal popup on its first frame (fixed width, height following the content); returns
// false when it is not showing.
// `recentre`: kept in the middle of the page every frame, for dialogs whose height changes as
// they fill in (the mapping screen's live preview).
bool begin_dialog(const Ctx& ctx, UiState& ui, const char* title, float width, bool recentre = false);
// begin_dialog that also registers the dialog's rectangle under `item_name` (for tests and tours).
bool begin_modal(const Ctx& ctx, UiState& ui, const char* title, float width, const char* item_name,
                 bool recentre = false);
// Closes the popup (and the dialog) when `close` or on Escape outside a text field.
void end_modal(UiState& ui, bool close);
// Wrapped text in the error colour.
void error_text(const std::string& text);
void draw_dialogs(const Ctx& ctx, const std::vector<GalleryItem>& gallery, UiState& ui, Actions& actions);

}  // namespace pb::ui
