// The running app: the session (workspace + history), UI state, cached query results and
// frame statistics. Shared by the main loop and the JavaScript API.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "session.hpp"
#include "ui/dialogs.hpp"
#include "ui/theme.hpp"
#include "ui/ui_state.hpp"

struct GLFWwindow;

namespace pb::app {

struct FrameStats {
  std::uint64_t rendered = 0;
  std::vector<double> cpu_ms;  // ring of recent frame times
  std::size_t next = 0;
  void add(double ms);
  double last = 0;
  double first_frame_at = 0;  // performance.now() when the first frame was drawn
};

struct App {
  Session session;
  ui::UiState ui;
  ui::Fonts fonts;
  std::vector<ui::GalleryItem> gallery;
  GLFWwindow* window = nullptr;
  float scale = 1.0f;         // devicePixelRatio the fonts were built for
  int width = 0, height = 0;  // backbuffer size in device pixels
  bool dark_applied = true;

  std::uint64_t revision = 0;           // bumped on every change to the workspace
  std::uint64_t rendered_revision = ~0ull;
  int pending_frames = 3;               // frames still to draw after a change (ImGui settles in 2-3)
  FrameStats stats;
  int pending_shortcut = 0;             // 1 undo, 2 redo: from the keyboard, applied next frame

  // Board query cache: recomputed when the workspace or the query changes.
  QueryResult board;
  std::vector<PipelineSummary> summaries;
  std::uint64_t cached_revision = ~0ull;
  std::string cached_query_key;
};

App& the_app();
Timestamp now_ms();
// Applies a command from the UI or the API; returns "" or the error.
std::string dispatch(App& app, const Command& c);
std::string dispatch_json(App& app, std::string_view json_text);
Outcome undo(App& app);
Outcome redo(App& app);
// Replaces the workspace with a generated demo one (history starts afresh).
void load_demo(App& app, std::size_t deals, bool one_pipeline);
// Keeps selections valid after changes (deleted pipeline or deal, import, undo).
void fix_selection(App& app);

}  // namespace pb::app
