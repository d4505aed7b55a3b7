// The web main loop: GLFW (Emscripten's) + Dear ImGui + WebGL2. Each frame syncs the canvas
// with the page size and devicePixelRatio, draws the views, then applies their actions.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

#include "app.hpp"
#include "demo.hpp"
#include "platform_web.hpp"
#include "ui/board.hpp"
#include "ui/item_registry.hpp"
#include "ui/sidebar.hpp"
#include "ui/theme.hpp"

namespace pb::app {
namespace {

constexpr const char* kFontPath = "/fonts/ui.ttf";

void sync_viewport(App& app) {
  const Viewport v = read_viewport();
  const int w = static_cast<int>(v.css_width * v.device_pixel_ratio + 0.5f);
  const int h = static_cast<int>(v.css_height * v.device_pixel_ratio + 0.5f);
  if (w != app.width || h != app.height) {
    app.width = w;
    app.height = h;
    glfwSetWindowSize(app.window, w, h);  // sets the canvas backbuffer; CSS keeps it at 100vw x 100vh
  }
  if (v.device_pixel_ratio != app.scale) {
    app.scale = v.device_pixel_ratio;
    app.fonts = ui::load_fonts(kFontPath, app.scale);
    ui::apply_theme(app.ui.dark, app.scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void refresh_board(App& app) {
  const std::string key = app.ui.pipeline + "\n" + app.ui.group_by + "\n" + app.ui.search;
  if (app.cached_revision == app.revision && app.cached_query_key == key) return;
  Query q;
  q.pipeline = app.ui.pipeline;
  q.group_by = app.ui.group_by;
  q.text = app.ui.search;
  q.sort = {SortKey{"updated", true}};
  app.board = run_query(app.session.workspace(), q);
  app.summaries = summarize_pipelines(app.session.workspace());
  app.cached_revision = app.revision;
  app.cached_query_key = key;
}

void draw_top_bar(App& app, ui::Actions& actions) {
  ImGui::PushFont(app.fonts.large);
  ImGui::TextUnformatted("Pipeboard");
  ImGui::PopFont();
  ImGui::SameLine(0, 24 * app.scale);
  ImGui::BeginDisabled(!app.session.can_undo());
  if (ImGui::Button("Undo")) actions.undo = true;
  ui::items().add_last_item("button:undo");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!app.session.can_redo());
  if (ImGui::Button("Redo")) actions.redo = true;
  ui::items().add_last_item("button:redo");
  ImGui::EndDisabled();
  ImGui::SameLine(0, 24 * app.scale);
  ImGui::SetNextItemWidth(260 * app.scale);
  ImGui::InputTextWithHint("##search", "Search deals", app.ui.search, sizeof app.ui.search);
  ui::items().add_last_item("input:search");
  if (!app.ui.message.empty()) {
    ImGui::SameLine(0, 24 * app.scale);
    ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "%s", app.ui.message.c_str());
  }
}

void apply_actions(App& app, ui::Actions& actions) {
  for (const Command& c : actions.commands) {
    std::string error = dispatch(app, c);
    app.ui.message = error;
    if (!error.empty()) break;
  }
  if (actions.undo && app.session.undo().ok) ++app.revision;
  if (actions.redo && app.session.redo().ok) ++app.revision;
  if (actions.undo || actions.redo) fix_selection(app);
}

void frame() {
  App& app = the_app();
  sync_viewport(app);
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ui::items().begin_frame();
  refresh_board(app);

  ui::Actions actions;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("Pipeboard", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoSavedSettings);
  draw_top_bar(app, actions);
  ImGui::BeginChild("sidebar", ImVec2(250 * app.scale, 0), false);
  ui::draw_sidebar(app.session.workspace(), app.summaries, app.fonts, app.ui, actions);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ui::draw_board(app.session.workspace(), app.board, app.fonts, app.scale, app.ui, actions);
  ImGui::EndGroup();
  ImGui::End();

  ImGui::Render();
  glViewport(0, 0, app.width, app.height);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  apply_actions(app, actions);
}

}  // namespace
}  // namespace pb::app

int main() {
  using namespace pb::app;
  App& app = the_app();
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
  app.window = glfwCreateWindow(app.width, app.height, "Pipeboard", nullptr, nullptr);
  if (!app.window) {
    std::fprintf(stderr, "could not create a WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(app.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // settings live in memory (and later in IndexedDB)
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  app.scale = v.device_pixel_ratio;
  app.fonts = pb::ui::load_fonts(kFontPath, app.scale);
  pb::ui::apply_theme(app.ui.dark, app.scale);
  ImGui_ImplGlfw_InitForOpenGL(app.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  // Until storage lands, a new visitor starts from the demo workspace.
  const std::uint64_t seed = static_cast<std::uint64_t>(date_now_ms()) ^
                             (static_cast<std::uint64_t>(emscripten_random() * 4294967296.0) << 32);
  app.session = pb::Session(pb::make_demo_workspace(pb::DemoOptions{.deals = 240, .now = now_ms()}), seed);
  fix_selection(app);

  announce_ready();
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
