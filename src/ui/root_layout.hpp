// The whole screen: top bar, storage banner, sidebar, the current view (views.hpp), the deal
// panel, dialogs and global keys. It reads the app's data as a const Screen and the UI's own
// state, and returns what the user asked for; the app applies it after the frame.
#pragma once
#include <string>
#include <vector>

#include "dialogs.hpp"
#include "import_dialog.hpp"
#include "share_dialog.hpp"
#include "storage_panel.hpp"
#include "tour_state.hpp"
#include "trial_ui.hpp"
#include "ui_state.hpp"
#include "view_data.hpp"

namespace pb::ui {

// What undo and redo would do, for the top bar's buttons.
struct History {
  bool can_undo = false, can_redo = false;
  std::string undo_label, redo_label;
};

// What the app has computed for this frame besides the workspace (which is in Ctx).
struct Screen {
  const QueryResult& board;  // the current view's query result
  const ReportResult& report;  // the Reports view's report (when it is the current view)
  const PastDay* past;         // the past day the board shows, if any
  Date first_day;              // the earliest deal's creation day
  const std::vector<PipelineSummary>& summaries;
  const std::vector<GalleryItem>& gallery;
  const StorageSnapshot& storage;
  const History& history;
  const TrialView& trial;
};

// The UI's own state, which drawing changes as the user clicks and types.
struct ScreenState {
  UiState& ui;
  StorageUi& storage;
  ImportUi& import;
  ShareUi& share;
  LicenceUi& licence;
  TourUi& tours;
};

Actions draw_root_layout(const Ctx& ctx, const Screen& screen, ScreenState state);

}  // namespace pb::ui
