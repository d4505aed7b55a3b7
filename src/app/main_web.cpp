// The web main loop: GLFW (Emscripten's) + Dear ImGui + WebGL2. Each frame syncs the canvas
// with the page size and devicePixelRatio, draws the views, then applies their actions.
// When nothing changes for a second it stops drawing, so an idle tab costs nothing.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "app.hpp"
#include "effects.hpp"
#include "demo.hpp"
#include "documents.hpp"
#include "platform_web.hpp"
#include "ui/board.hpp"
#include "ui/deal_editor.hpp"
#include "ui/dialogs.hpp"
#include "ui/field_errors.hpp"
#include "ui/filter_bar.hpp"
#include "ui/format.hpp"
#include "ui/help.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_view.hpp"
#include "ui/import_dialog.hpp"
#include "ui/share_dialog.hpp"
#include "ui/sidebar.hpp"
#include "share_web.hpp"
#include "ui/storage_panel.hpp"
#include "storage_web.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

extern "C" {
void pb_platform_init();
double pb_ms_since_activity();
void pb_clipboard_set(const char* text);
void pb_set_text_input(int active);
void pb_set_canvas_size(int width, int height);
const char* pb_clipboard_get();
}

namespace pb::app {
namespace {

constexpr const char* kFontPath = "/fonts/ui.ttf";
constexpr double kIdleAfterMs = 1000.0;

// [SECTION] Platform

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
  if (v.device_pixel_ratio != app.scale || app.dark_applied != app.ui.dark) {
    if (v.device_pixel_ratio != app.scale) {
      app.scale = v.device_pixel_ratio;
      app.fonts = ui::load_fonts(kFontPath, app.scale);
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ui::apply_theme(app.ui.dark, app.scale);
    app.dark_applied = app.ui.dark;
    request_redraw(app);
  }
}

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

void move_wheel_listener_to_canvas() {
  emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The built-in templates embedded at /templates, in the order of index.json.
std::vector<ui::GalleryItem> load_gallery() {
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

// [SECTION] Frame

void refresh_board(App& app) {
  Query q = ui::build_query(app.session.workspace(), app.ui);
  if (const char* g = ui::current_view(app.ui).group_by; *g) q.group_by = g;
  const std::string key = to_json(cmd::ViewCreate{json{{"q", q.pipeline}, {"f", q.filter}, {"g", q.group_by},
                                                      {"t", q.text}, {"h", q.hidden_stages}}})
                              .dump() +
                          (q.sort.empty() ? "" : q.sort.front().field + (q.sort.front().descending ? "-" : "+"));
  if (app.cached_revision == app.revision && app.cached_query_key == key) return;
  app.board = run_query(app.session.workspace(), q);
  if (app.cached_revision != app.revision) app.summaries = summarize_pipelines(app.session.workspace());
  app.cached_revision = app.revision;
  app.cached_query_key = key;
}

ui::StorageSnapshot storage_snapshot(const App& app) {
  ui::StorageSnapshot s;
  if (app.persist) {
    s.state = app.persist->state();
    s.error = app.persist->error();
    s.pending = app.persist->pending_batches();
    s.conflicts = &app.persist->conflicts();
  }
  s.persisted = app.storage.persisted;
  s.usage = app.storage.usage;
  s.quota = app.storage.quota;
  s.quarantined = app.storage.quarantined;
  s.quarantine_note = app.storage.quarantine_note;
  s.notice = app.storage.notice;
  return s;
}

// The top bar's Export / Import menu.
void export_import_menu(App& app, const ui::Ctx& ctx, ui::Actions& actions) {
  if (ImGui::Button("Export / Import")) ImGui::OpenPopup("exportimport");
  ui::items().add_last_item("button:import");
  if (!ImGui::BeginPopup("exportimport")) return;
  if (ImGui::MenuItem("Import from file…")) actions.effect(ui::effect::PickImportFile{});
  ui::items().add_last_item("menu:import-file");
  if (ImGui::MenuItem("Import (paste JSON)…")) actions.effect(ui::effect::OpenPaste{});
  ui::items().add_last_item("menu:import-paste");
  ImGui::Separator();
  const Pipeline* p = ctx.ws.pipelines.find(app.ui.pipeline);
  if (ImGui::MenuItem("Export this pipeline as a template…", nullptr, false, p != nullptr))
    ui::open_dialog(app.ui, ui::Dialog::Share, p->id);
  ui::items().add_last_item("menu:export-template");
  if (ImGui::MenuItem("Download backup (everything)")) actions.effect(ui::effect::DownloadBackup{});
  ui::items().add_last_item("menu:backup");
  ImGui::EndPopup();
}

void draw_top_bar(App& app, const ui::Ctx& ctx, const ui::StorageSnapshot& storage, ui::Actions& actions) {
  ImGui::PushFont(app.fonts.large);
  ImGui::TextUnformatted("Pipeboard");
  ImGui::PopFont();
  ImGui::SameLine(0, ctx.px(28));
  if (const Pipeline* p = ctx.ws.pipelines.find(app.ui.pipeline)) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(p->name.c_str());
    if (const View* v = ctx.ws.views.find(app.ui.view)) {
      ImGui::SameLine();
      ImGui::TextDisabled("/  %s", v->name.c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button("Edit pipeline")) ui::open_dialog(app.ui, ui::Dialog::PipelineEditor, p->id);
    ui::items().add_last_item("button:editpipeline");
    ImGui::SameLine(0, ctx.px(20));
  }
  ImGui::BeginDisabled(!app.session.can_undo());
  if (ImGui::Button("Undo")) actions.effect(ui::effect::Undo{});
  ui::items().add_last_item("button:undo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && app.session.can_undo())
    ImGui::SetTooltip("Undo %s  (Ctrl+Z)", app.session.undo_label().c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!app.session.can_redo());
  if (ImGui::Button("Redo")) actions.effect(ui::effect::Redo{});
  ui::items().add_last_item("button:redo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && app.session.can_redo())
    ImGui::SetTooltip("Redo %s  (Ctrl+Shift+Z)", app.session.redo_label().c_str());
  ImGui::EndDisabled();
  if (!app.ui.message.empty()) {
    ImGui::SameLine(0, ctx.px(20));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(app.ui.message_is_error ? ImVec4(1.0f, 0.55f, 0.5f, 1.0f) : ImVec4(0.6f, 0.85f, 0.7f, 1.0f), "%s",
                       app.ui.message.c_str());
  }
  const float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(right - ctx.px(392));
  export_import_menu(app, ctx, actions);
  ImGui::SameLine(right - ctx.px(252));
  ui::draw_save_indicator(ctx, storage, app.storage_ui);
  ImGui::SameLine(right - ctx.px(140));
  if (ImGui::Button(app.ui.dark ? "Light" : "Dark", ImVec2(ctx.px(70), 0))) app.ui.dark = !app.ui.dark;
  ui::items().add_last_item("button:theme");
  ImGui::SameLine();
  if (ImGui::Button("?", ImVec2(ctx.px(34), 0))) app.ui.show_help = !app.ui.show_help;
  ui::items().add_last_item("button:help");
}

// Global shortcuts; text fields keep their keys.
void shortcuts(App& app, const ui::Ctx& ctx, ui::Actions& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = io.KeyCtrl || io.KeySuper;
  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y arrive through pb_on_shortcut (web/lib_platform.js).
  if (app.pending_shortcut == 1) actions.effect(ui::effect::Undo{});
  if (app.pending_shortcut == 2) actions.effect(ui::effect::Redo{});
  app.pending_shortcut = 0;
  // Escape leaves a text field first (ImGui reverts it), then closes the deal panel.
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    if (app.ui.show_help) app.ui.show_help = false;
    else if (io.WantTextInput) ImGui::ClearActiveID();
    else if (!app.ui.open_deal.empty() && app.ui.dialog.kind == ui::Dialog::None) app.ui.open_deal.clear();
  }
  if (io.WantTextInput || ctrl || app.ui.dialog.kind != ui::Dialog::None) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Slash, false)) {
    if (io.KeyShift) app.ui.show_help = !app.ui.show_help;
    else app.ui.focus_request = "search";
    return;
  }
  if (const ui::ViewDef& view = ui::current_view(app.ui); view.keyboard) view.keyboard(ctx, app.board, app.ui, actions);
}

void draw(App& app, ui::Actions& actions) {
  const ui::Ctx ctx{app.session.workspace(), app.fonts, app.scale, now_ms()};
  ui::forget_closed_forms(app.ui);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("Pipeboard", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
  const ui::StorageSnapshot storage = storage_snapshot(app);
  draw_top_bar(app, ctx, storage, actions);
  ui::draw_storage_banner(ctx, storage, app.storage_ui, actions);
  ImGui::BeginChild("sidebar", ImVec2(ctx.px(250), 0), false);
  ui::draw_sidebar(ctx, app.summaries, app.ui, actions);
  ImGui::EndChild();
  ImGui::SameLine();
  const bool panel = !app.ui.open_deal.empty();
  const float panel_w = ctx.px(380);
  ImGui::BeginChild("main", ImVec2(panel ? -panel_w - ImGui::GetStyle().ItemSpacing.x : 0, 0), false);
  ui::draw_filter_bar(ctx, app.board, app.ui, actions);
  ui::current_view(app.ui).draw(ctx, app.board, app.ui, actions);
  ImGui::EndChild();
  if (panel) {
    ImGui::SameLine();
    ui::draw_deal_editor(ctx, app.ui, actions);
  }
  ui::draw_dialogs(ctx, app.gallery, app.ui, actions);
  switch (app.ui.dialog.kind) {
    case ui::Dialog::Share: ui::draw_share_dialog(ctx, app.ui, app.share_ui, actions); break;
    case ui::Dialog::ImportPaste: ui::draw_import_paste(ctx, app.ui, app.import_ui, actions); break;
    case ui::Dialog::ImportPreview: ui::draw_import_preview(ctx, app.ui, app.import_ui, actions); break;
    default: break;
  }
  ui::draw_help(ctx, app.ui);
  ui::draw_storage_details(ctx, storage, app.storage_ui, actions);
  ui::draw_conflict_dialog(ctx, storage, app.storage_ui, actions);
  shortcuts(app, ctx, actions);
  ImGui::End();
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
  const bool active = pb_ms_since_activity() < kIdleAfterMs || !GImGui->InputEventsQueue.empty();
  if (!active && app.pending_frames <= 0 && app.rendered_revision == app.revision) return;  // idle: draw nothing
  const double start = emscripten_get_now();
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ui::items().begin_frame();
  refresh_board(app);
  ui::Actions actions;
  draw(app, actions);
  ImGui::Render();
  glViewport(0, 0, app.width, app.height);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  pb_set_text_input(ImGui::GetIO().WantTextInput ? 1 : 0);
  app.rendered_revision = app.revision;
  if (app.pending_frames > 0) --app.pending_frames;
  apply_actions(app, std::move(actions));
  if (app.stats.rendered == 0) app.stats.first_frame_at = emscripten_get_now();
  app.stats.add(emscripten_get_now() - start);
}

const char* get_clipboard(void*) { return pb_clipboard_get(); }
void set_clipboard(void*, const char* text) { pb_clipboard_set(text); }

}  // namespace
}  // namespace pb::app

// Undo (1) or redo (2) from the keyboard, taken by the page before GLFW sees the keys.
extern "C" EMSCRIPTEN_KEEPALIVE void pb_on_shortcut(int which) { pb::app::the_app().pending_shortcut = which; }

// Typed text from the page's hidden textarea (see pb_set_text_input in web/lib_platform.js).
extern "C" EMSCRIPTEN_KEEPALIVE void pb_on_text(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

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
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // settings live in memory (and later in IndexedDB)
  app.scale = v.device_pixel_ratio;
  app.fonts = pb::ui::load_fonts(kFontPath, app.scale);
  pb::ui::apply_theme(app.ui.dark, app.scale);
  ImGui_ImplGlfw_InitForOpenGL(app.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  move_wheel_listener_to_canvas();
  // After the GLFW backend, which installs its own (Emscripten's GLFW has no real clipboard).
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  glfwSetCharCallback(app.window, nullptr);  // text comes from web/lib_platform.js (IME-safe)
  app.gallery = load_gallery();

  // The workspace comes from IndexedDB; pipeboard.ready resolves once it has loaded.
  start_storage(app);
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
