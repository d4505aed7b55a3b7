// Sharing one pipeline: download it as a template file, copy a share link, or save it into the
// user's own templates. The dialog is about ui.dialog.target; "include deals" is its option.
#pragma once
#include <string>

#include "ui_state.hpp"

namespace pb::ui {

struct ShareUi {
  bool include_deals = false;
  std::string status;        // what the last action did ("Link copied", "too long…")
  bool status_is_error = false;
  std::string link;          // the last share link made
  bool offer_download = false;  // the link was too long: the file is offered instead
};

void draw_share_dialog(const Ctx& ctx, UiState& ui, ShareUi& share, Actions& actions);

}  // namespace pb::ui
