// What the user sees of storage: the save indicator in the top bar, a banner when something needs
// attention (save failures, no storage, set-aside records), the storage details window and the
// conflict dialog. Draw functions read a snapshot and return what the user asked for.
#pragma once
#include <string>
#include <vector>

#include "autosave.hpp"
#include "ui_state.hpp"

namespace pb::ui {

struct StorageSnapshot {
  SaveState state = SaveState::Saved;
  std::string error;
  std::size_t pending = 0;
  bool persisted = false;
  double usage = -1, quota = -1;
  std::size_t quarantined = 0;
  std::string quarantine_note;
  std::string notice;
  const std::vector<Conflict>* conflicts = nullptr;
};

struct StorageUi {
  bool show_details = false;
  bool view_both = false;     // the conflict dialog shows both versions side by side
  bool notice_dismissed = false;
};

// "Saved" / "Saving…" / "Not saved"; a click opens the details.
void draw_save_indicator(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui);
// A strip under the top bar when something needs the user; returns whether it drew anything.
bool draw_storage_banner(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui, Actions& actions);
void draw_storage_details(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui, Actions& actions);
void draw_conflict_dialog(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui, Actions& actions);

}  // namespace pb::ui
