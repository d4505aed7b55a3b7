#include "platform_web.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

#include "app.hpp"
#include "documents.hpp"
#include "ui/theme.hpp"

extern "C" {
void pb_clipboard_set(const char* text);
const char* pb_clipboard_get();
void pb_set_canvas_size(int width, int height);
}

// clang-format off
EM_JS(int, pb_css_width, (), { return Math.max(1, Math.floor(window.innerWidth)); });
EM_JS(int, pb_css_height, (), { return Math.max(1, Math.floor(window.innerHeight)); });
EM_JS(double, pb_date_now, (), { return Date.now(); });
EM_JS(double, pb_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, pb_url_int, (const char* name), {
  const v = new URLSearchParams(window.location.search).get(UTF8ToString(name));
  const n = v === null ? 0 : parseInt(v, 10);
  return isFinite(n) && n > 0 ? n : 0;
});
EM_JS(int, pb_url_is, (const char* name, const char* value), {
  return new URLSearchParams(window.location.search).get(UTF8ToString(name)) === UTF8ToString(value) ? 1 : 0;
});
EM_JS(double, pb_random_u32, (), { return crypto.getRandomValues(new Uint32Array(1))[0]; });
EM_JS(void, pb_announce_ready, (), { if (window.pipeboard && window.pipeboard._resolveReady) window.pipeboard._resolveReady(); });
// clang-format on

namespace pb::app {

Viewport read_viewport() {
  Viewport v;
  v.css_width = pb_css_width();
  v.css_height = pb_css_height();
  double dpr = pb_device_pixel_ratio();
  // Clamp: a zoomed-out page can report tiny ratios, and 4x is more than any screen needs.
  v.device_pixel_ratio = static_cast<float>(dpr < 0.5 ? 0.5 : (dpr > 4.0 ? 4.0 : dpr));
  return v;
}

void announce_ready() { pb_announce_ready(); }

double date_now_ms() { return pb_date_now(); }

double now_precise_ms() { return emscripten_get_now(); }

std::uint64_t random_u64() {
  return (static_cast<std::uint64_t>(pb_random_u32()) << 32) ^ static_cast<std::uint64_t>(pb_random_u32());
}

int url_int(const char* name) { return pb_url_int(name); }

bool url_is(const char* name, const char* value) { return pb_url_is(name, value) != 0; }

std::string read_text(const std::string& path) {
  // stdio, not fstream: iostreams would add their locale code to the download.
  std::string text;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[16384];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
  }
  return text;
}

// [SECTION] Glue

float ui_scale(const App& app, const Viewport& v) { return v.device_pixel_ratio * static_cast<float>(app.ui.zoom_percent) / 100.0f; }

void sync_viewport(App& app) {
  const Viewport v = read_viewport();
  const int w = static_cast<int>(v.css_width * v.device_pixel_ratio + 0.5f);
  const int h = static_cast<int>(v.css_height * v.device_pixel_ratio + 0.5f);
  if (w != app.width || h != app.height) {
    app.width = w;
    app.height = h;
    pb_set_canvas_size(w, h);  // the canvas backbuffer; CSS keeps it at 100vw x 100vh
    request_redraw(app);
  }
  app.device_pixel_ratio = v.device_pixel_ratio;
  const float scale = ui_scale(app, v);
  if (scale != app.scale || app.dark_applied != app.ui.dark) {
    if (scale != app.scale) {
      app.scale = scale;
      app.fonts = ui::load_fonts(kFontPath, app.scale);
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ui::apply_theme(app.ui.dark, app.scale);
    app.dark_applied = app.ui.dark;
    request_redraw(app);
  }
}

namespace {

// ImGui's GLFW backend listens for the wheel on the document, where Chrome makes listeners
// passive, so its preventDefault logs an error on every scroll. The same handler on the canvas
// (not passive) keeps the console clean; steps as in ImGui_ImplEmscripten_WheelCallback.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
  float multiplier = 0.0f;
  if (ev->deltaMode == DOM_DELTA_PIXEL) multiplier = 1.0f / 100.0f;  // 100 pixels make a step
  else if (ev->deltaMode == DOM_DELTA_LINE) multiplier = 1.0f / 3.0f;
  else if (ev->deltaMode == DOM_DELTA_PAGE) multiplier = 80.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(ev->deltaX) * -multiplier, static_cast<float>(ev->deltaY) * -multiplier);
  return EM_TRUE;
}

const char* get_clipboard(void*) { return pb_clipboard_get(); }
void set_clipboard(void*, const char* text) { pb_clipboard_set(text); }

}  // namespace

void install_input_glue(App& app) {
  emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
  // After the GLFW backend, which installs its own (Emscripten's GLFW has no real clipboard).
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  glfwSetCharCallback(app.window, nullptr);  // text comes from web/lib_platform.js (IME-safe)
}

std::vector<ui::GalleryItem> load_builtin_gallery() {
  std::vector<ui::GalleryItem> out;
  json index = json::parse(read_text("/templates/index.json"), nullptr, false);
  if (index.is_discarded() || !index.contains("templates")) return out;
  for (const auto& entry : index["templates"]) {
    ui::GalleryItem item;
    item.name = entry.value("name", "");
    item.description = entry.value("description", "");
    item.category = entry.value("category", "");
    item.doc = json::parse(read_text("/templates/" + entry.value("file", "")), nullptr, false);
    Template t;
    Issues issues;
    if (item.doc.is_discarded() || !read_template(item.doc, t, issues)) {
      std::fprintf(stderr, "built-in template %s: %s\n", entry.value("file", "").c_str(), issues.summary().c_str());
      continue;
    }
    for (const auto& s : t.pipeline.stages) item.stages.emplace_back(s.name, ui::color_from_hex(s.color));
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace pb::app

using pb::app::the_app;

// Undo (1) or redo (2) from the keyboard, taken by the page before GLFW sees the keys.
extern "C" EMSCRIPTEN_KEEPALIVE void pb_on_shortcut(int which) { the_app().pending_shortcut = which; }

// Typed text from the page's hidden textarea (see pb_set_text_input in web/lib_platform.js).
extern "C" EMSCRIPTEN_KEEPALIVE void pb_on_text(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }
