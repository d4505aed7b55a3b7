// The browser around the app: facts the C++ side reads (page size, devicePixelRatio, clocks,
// randomness, the query string) and the glue between the page, GLFW and ImGui (canvas size,
// fonts for the pixel ratio, the wheel, the clipboard, typed text, the built-in templates).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ui/dialogs.hpp"

namespace pb::app {

struct App;

constexpr const char* kFontPath = "/fonts/ui.ttf";

struct Viewport {
  int css_width = 0, css_height = 0;
  float device_pixel_ratio = 1.0f;
};

Viewport read_viewport();
// Tells the page the app is ready (resolves pipeboard.ready).
void announce_ready();
// Wall-clock time (Date.now()).
double date_now_ms();
// Monotonic time (performance.now()), for timers and measurements.
double now_precise_ms();
// 64 random bits from crypto.getRandomValues.
std::uint64_t random_u64();
// A positive integer from the page's query string (?demo=10000), or 0.
int url_int(const char* name);
// Whether the query string has name=value (?start=demo).
bool url_is(const char* name, const char* value);
// A file of the embedded file system (/templates, /tours), or "" when it is missing.
std::string read_text(const std::string& path);

// [SECTION] Glue (needs ImGui and the GLFW window)

// devicePixelRatio times the presenter's zoom (UiState::zoom_percent).
float ui_scale(const App& app, const Viewport& v);
// Follows the page's size, devicePixelRatio, the zoom and the theme: canvas backbuffer, fonts, style.
void sync_viewport(App& app);
// After ImGui's GLFW backend: the wheel on the canvas, the page's clipboard and text input.
void install_input_glue(App& app);
// The built-in templates embedded at /templates, in the order of index.json.
std::vector<ui::GalleryItem> load_builtin_gallery();

}  // namespace pb::app
