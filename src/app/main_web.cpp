// The web main loop: GLFW (Emscripten's) + Dear ImGui + WebGL2. Each frame syncs the canvas
// with the page, draws the screen (ui/root_layout.hpp), then applies what it asked for
// (effects.hpp). When nothing changes for a second it stops drawing, so an idle tab costs nothing.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

#include "app.hpp"
#include "effects.hpp"
#include "frame_model.hpp"
#include "platform_web.hpp"
#include "source_import_web.hpp"
#include "storage_web.hpp"
#include "tours_web.hpp"
#include "ui/item_registry.hpp"
#include "ui/theme.hpp"

extern "C" {
void pb_platform_init();
double pb_ms_since_activity();
void pb_set_text_input(int active);
}

namespace pb::app {
namespace {

constexpr double kIdleAfterMs = 1000.0;

// Draws the screen and returns what it asked for.
ui::Actions draw(App& app) {
  // While the board shows a past day, every view reads that day's workspace (read-only).
  const ui::Ctx ctx{shown_workspace(app), app.fonts, app.scale, now_ms()};
  const ui::StorageSnapshot storage = storage_snapshot(app);
  const ui::History undo_history = history(app);
  const std::optional<ui::PastDay> past = past_day_view(app);
  const ui::TrialView trial = trial_view(app);
  const ui::Screen screen{app.board,   app.report_cache.result, past ? &*past : nullptr, app.past_cache.first_day,
                          app.summaries, app.gallery, storage, undo_history, trial};
  ui::Actions actions = ui::draw_root_layout(ctx, screen, {app.ui, app.storage_ui, app.import_ui, app.share_ui, app.licence_ui, app.tours});
  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y arrive through pb_on_shortcut (web/lib_platform.js).
  if (app.pending_shortcut == 1) actions.effect(ui::effect::Undo{});
  if (app.pending_shortcut == 2) actions.effect(ui::effect::Redo{});
  app.pending_shortcut = 0;
  return actions;
}

void render(const App& app) {
  ImGui::Render();
  glViewport(0, 0, app.width, app.height);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void frame() {
  App& app = the_app();
  // Until the workspace has loaded the page shows its loading screen; a frame would only hold up
  // IndexedDB's callbacks on this thread (each costs tens of ms with software WebGL).
  if (!app.storage.loaded) return;
  tick_storage(app);
  sync_viewport(app);
  // Input ImGui has queued but not yet processed (it trickles fast typing over several frames)
  // keeps the loop going too.
  // Play on the past-day bar steps on its own, without input.
  // So does an import converting a large file a slice per frame.
  const bool active = pb_ms_since_activity() < kIdleAfterMs || !GImGui->InputEventsQueue.empty() || app.ui.past.playing ||
                      source_import_running(app);
  if (!active && app.pending_frames <= 0 && app.rendered_revision == app.revision) return;  // idle: draw nothing
  const double start = emscripten_get_now();
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ui::items().begin_frame();
  refresh_board(app);
  ui::Actions actions = draw(app);
  render(app);
  pb_set_text_input(ImGui::GetIO().WantTextInput ? 1 : 0);
  app.rendered_revision = app.revision;
  if (app.pending_frames > 0) --app.pending_frames;
  apply_actions(app, std::move(actions));
  step_source_import(app);  // the mapping screen's live preview, or the next slice of an import
  save_trial_clock(app);  // an hour on, so a clock set back later still finds the time seen
  if (app.stats.rendered == 0) app.stats.first_frame_at = emscripten_get_now();
  if (app.stats.board_frame_at == 0 && app.storage.loaded && !app.session.workspace().deals.empty())
    app.stats.board_frame_at = emscripten_get_now();
  app.stats.add(emscripten_get_now() - start);
}

}  // namespace
}  // namespace pb::app

int main() {
  using namespace pb::app;
  App& app = the_app();
  pb_platform_init();
  if (!glfwInit()) {
    std::fprintf(stderr, "glfwInit failed\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  const Viewport v = read_viewport();
  app.width = static_cast<int>(v.css_width * v.device_pixel_ratio + 0.5f);
  app.height = static_cast<int>(v.css_height * v.device_pixel_ratio + 0.5f);
  app.window = glfwCreateWindow(app.width, app.height, "Pipeboard", nullptr, nullptr);  // no monitor: never full screen
  if (!app.window) {
    std::fprintf(stderr, "could not create a WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(app.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // settings live in memory (and later in IndexedDB)
  app.device_pixel_ratio = v.device_pixel_ratio;
  app.scale = ui_scale(app, v);
  app.fonts = pb::ui::load_fonts(kFontPath, app.scale);
  pb::ui::apply_theme(app.ui.dark, app.scale);
  ImGui_ImplGlfw_InitForOpenGL(app.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  install_input_glue(app);
  app.gallery = load_builtin_gallery();
  load_builtin_tours(app);

  // The workspace comes from IndexedDB; pipeboard.ready resolves once it has loaded.
  start_storage(app);
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
