// The running app: the session (workspace + history), UI state, cached query results and
// frame statistics. Shared by the main loop and the JavaScript API.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <memory>

#include "autosave.hpp"
#include "session.hpp"
#include "trial_web.hpp"
#include "ui/dialogs.hpp"
#include "ui/import_dialog.hpp"
#include "ui/share_dialog.hpp"
#include "ui/storage_panel.hpp"
#include "ui/theme.hpp"
#include "ui/tour_state.hpp"
#include "ui/ui_state.hpp"
#include "view_model.hpp"

struct GLFWwindow;

namespace pb::app {

struct FrameStats {
  std::uint64_t rendered = 0;
  std::vector<double> cpu_ms;  // ring of recent frame times
  std::size_t next = 0;
  void add(double ms);
  double last = 0;
  double first_frame_at = 0;  // performance.now() when the first frame was drawn
  double board_frame_at = 0;  // ... and the first with the loaded workspace's deals (shell/bench first run)
};

// What the app knows about its storage beyond the autosave queue.
struct StorageInfo {
  bool loaded = false;         // the workspace came from storage (or storage gave up)
  bool persist_requested = false;
  bool persisted = false;      // navigator.storage.persist() granted
  double usage = -1, quota = -1;  // bytes, from navigator.storage.estimate(); -1 unknown
  std::size_t quarantined = 0;  // rows set aside, now and from earlier starts
  std::string quarantine_note;  // shown until dismissed
  std::string notice;           // e.g. "your data was upgraded"
  std::size_t external_changes = 0;  // changes applied from other tabs
  int flush_waiters = 0;        // pipeboard.flush() promises waiting
  // load_ms: from C++ asking for its data to having loaded it. The database is opened and read
  // from page start, while the WebAssembly starts, so this is only the part the app waits for.
  double open_started_at = 0, load_ms = 0;
  double ready_at = 0;  // when it had loaded: ms since the page began loading (performance.now())
  // Phases of the load, wherever they fall: opening the database, reading every store, handing
  // the rows to C++, C++ building the workspace.
  double open_ms = 0, read_ms = 0, assemble_ms = 0, parse_ms = 0;
  // The last transaction: from handing it to IndexedDB to complete, and of that the time spent
  // preparing its writes (the rest is waiting for IndexedDB and for the page's main thread).
  double last_commit_ms = 0, last_commit_work_ms = 0;
};

struct SourceImportState;  // source_import_web.cpp

struct App {
  Session session;
  std::unique_ptr<Persistence> persist;  // set by start_storage()
  StorageInfo storage;
  ui::UiState ui;
  ui::StorageUi storage_ui;
  ui::Fonts fonts;
  std::vector<ui::GalleryItem> gallery;  // the user's templates, then the built-in ones
  std::vector<json> user_templates;       // template documents, saved in storage's meta store
  ui::ImportUi import_ui;
  ui::ShareUi share_ui;
  GLFWwindow* window = nullptr;
  float scale = 1.0f;         // the UI scale the fonts were built for: devicePixelRatio x zoom
  float device_pixel_ratio = 1.0f;  // the page's, which maps device pixels to CSS pixels
  int width = 0, height = 0;  // backbuffer size in device pixels
  bool dark_applied = true;

  std::uint64_t revision = 0;           // bumped on every change to the workspace
  std::uint64_t rendered_revision = ~0ull;
  int pending_frames = 3;               // frames still to draw (request_redraw)
  FrameStats stats;
  int pending_shortcut = 0;             // 1 undo, 2 redo: from the keyboard, applied next frame

  // Board query cache: recomputed when the workspace or the query changes.
  QueryResult board;
  std::vector<PipelineSummary> summaries;
  std::uint64_t cached_revision = ~0ull;
  std::string cached_query_key;
  std::int64_t cached_past_key = -1;  // the past day the board was computed for (-1: today)
  TrialState trial;           // the free trial and the licence (trial_web.hpp)
  ui::LicenceUi licence_ui;
  ui::TourUi tours;           // guided tours: playing, recording, the menu's list (tours_web.hpp)
  // The revision right after a first visit loaded the demo: choosing "demo" on the welcome
  // screen then has nothing to replace.
  std::uint64_t fresh_demo_revision = ~0ull;
  ReportCache report_cache;  // the Reports view's (view_model.hpp)
  PastCache past_cache;      // the board on a past day
  std::shared_ptr<SourceImportState> source_import;  // another tool's file being mapped (source_import_web.hpp)
  json csv_mappings = json::object();  // header set -> the mapping screen's answers, remembered
};

App& the_app();
// The app's time: the wall clock (moved by pipeboard.setNow), never earlier than the latest time
// the trial has seen (trial_web.hpp).
Timestamp now_ms();
// Applies a command from the UI or the API; returns "" or the error.
std::string dispatch(App& app, const Command& c);
std::string dispatch_json(App& app, std::string_view json_text);
Outcome undo(App& app);
Outcome redo(App& app);
// Starts a session on `ws` whose changes are saved (history starts afresh).
void install_session(App& app, Workspace ws);
// The same, and storage is made to hold exactly `ws`.
void replace_workspace(App& app, Workspace ws);
// Replaces the workspace with a generated demo one (refused, with the reason said, when read-only).
bool load_demo(App& app, std::size_t deals, bool one_pipeline);
// The one follow-up after anything changed the workspace: commands from the UI or the API,
// undo and redo, imports, other tabs' changes and resolved conflicts. Bumps the revision (the
// board is recomputed), draws again and keeps selections valid.
void workspace_changed(App& app);
// Draws the next `frames` frames even when idle; ImGui settles a change in 2-3 frames.
void request_redraw(App& app, int frames = 3);
// Shows `text` in the top bar's message line.
void say(App& app, std::string text, bool error);

}  // namespace pb::app
