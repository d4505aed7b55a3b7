// The running app: the session (workspace + history), UI state and cached query results.
// Shared by the main loop and the JavaScript API.
#pragma once
#include <cstdint>
#include <string>

#include "session.hpp"
#include "ui/theme.hpp"
#include "ui/ui_state.hpp"

struct GLFWwindow;

namespace pb::app {

struct App {
  Session session;
  ui::UiState ui;
  ui::Fonts fonts;
  GLFWwindow* window = nullptr;
  float scale = 1.0f;       // devicePixelRatio the fonts were built for
  int width = 0, height = 0;  // backbuffer size in device pixels

  std::uint64_t revision = 0;  // bumped on every change to the workspace
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
// Keeps the selected pipeline valid after changes (deleted pipeline, import, undo).
void fix_selection(App& app);

}  // namespace pb::app
