#include "share_web.hpp"

#include <emscripten.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

#include "app.hpp"
#include "document_format.hpp"
#include "documents.hpp"
#include "import_preview.hpp"
#include "platform_web.hpp"
#include "storage_web.hpp"
#include "source_import_web.hpp"
#include "tours_web.hpp"
#include "ui/theme.hpp"

extern "C" {
void pb_download(const char* name, const char* text);
void pb_share_link(const char* text);
void pb_import_pick_file();
void pb_import_init();
}

namespace pb::app {
namespace {

constexpr std::size_t kMaxUserTemplates = 100;

bool gallery_item(const json& doc, ui::GalleryItem& item) {
  Template t;
  Issues issues;
  if (!read_template(doc, t, issues)) return false;
  item.name = t.name;
  item.description = t.description;
  item.category = "Yours";
  item.doc = doc;
  item.user = true;
  for (const auto& s : t.pipeline.stages) item.stages.emplace_back(s.name, ui::color_from_hex(s.color));
  return true;
}

// The gallery: the user's templates first, then the built-in ones.
void rebuild_gallery(App& app) {
  std::erase_if(app.gallery, [](const ui::GalleryItem& g) { return g.user; });
  std::vector<ui::GalleryItem> mine;
  for (std::size_t i = 0; i < app.user_templates.size(); ++i) {
    ui::GalleryItem item;
    if (!gallery_item(app.user_templates[i], item)) continue;
    item.user_index = static_cast<int>(i);
    mine.push_back(std::move(item));
  }
  app.gallery.insert(app.gallery.begin(), std::make_move_iterator(mine.begin()), std::make_move_iterator(mine.end()));
  request_redraw(app);
}

void save_user_templates(App& app) {
  rebuild_gallery(app);
  save_meta(app, "Your templates", "user_templates", app.user_templates);
}

char* to_c_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

}  // namespace

void pick_import_file() { pb_import_pick_file(); }

namespace {
// A picked or dropped file's source reads "\"name.csv\"": the name alone, for telling CSV apart.
std::string file_name_of(const std::string& source) {
  if (source.size() >= 2 && source.front() == '"' && source.back() == '"') return source.substr(1, source.size() - 2);
  return "";
}
}  // namespace

void open_import(App& app, std::string_view text, std::string source) {
  // Tours travel the same ways as templates (files, drops, links) but play instead of importing.
  // Only a document that names its format early is parsed twice: workspaces can be large.
  if (text.substr(0, 65536).find("\"pipeboard.tour\"") != std::string_view::npos) {
    const json doc = json::parse(text, nullptr, false);
    if (is_tour_document(doc)) return open_tour_document(app, doc, source);
  }
  // Another tool's file goes through its mapping screen first.
  if (open_source_import(app, text, file_name_of(source))) return;
  ImportPreview preview = preview_import(app.session.workspace(), text);
  ui::open_import_preview(app.ui, app.import_ui, std::move(preview), std::move(source));
  app.ui.show_welcome = false;  // arriving with a file or a #template= link is a start chosen
  request_redraw(app);
}

void confirm_import(App& app) {
  const ImportPreview& p = app.import_ui.preview;
  Outcome o = app.session.dispatch(import_command(p, ui::import_choices(app.import_ui)), now_ms());
  if (!o.ok) {  // reopen the preview with the reason
    app.ui.dialog.kind = ui::Dialog::ImportPreview;
    app.ui.dialog.just_opened = true;
    app.ui.dialog.error = o.error;
    request_redraw(app);
    return;
  }
  if (p.kind == DocumentKind::Template && o.change) {
    // Select the imported pipeline: the one created, or the one replaced or merged into.
    Id selected;
    for (const auto& d : o.change->pipelines)
      if (!d.before && d.after) selected = d.id;
    if (selected.empty())
      for (const auto& d : o.change->pipelines)
        if (d.after) selected = d.id;
    if (!selected.empty()) {
      app.ui.pipeline = selected;
      ui::reset_board_settings(app.ui);
    }
  }
  workspace_changed(app);
  say(app, p.kind == DocumentKind::Workspace ? "Workspace replaced from the backup" : "Imported \"" + p.name + "\"", false);
}

std::string template_text(const App& app, const std::string& pipeline, bool include_deals) {
  const Workspace& ws = app.session.workspace();
  if (!ws.pipelines.contains(pipeline)) return "";
  return format_document(template_to_json(make_template(ws, pipeline, include_deals)));
}

std::string template_file_name(std::string_view name) { return file_name_for(name, ".pipeboard-template.json", "pipeline"); }

std::string file_name_for(std::string_view name, std::string_view suffix, std::string_view fallback) {
  std::string slug;
  for (unsigned char c : name) {
    if (std::isalnum(c)) slug += static_cast<char>(std::tolower(c));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > 60) slug.resize(60);
  return (slug.empty() ? std::string(fallback) : slug) + std::string(suffix);
}

void download_text(const std::string& file_name, const std::string& text) { pb_download(file_name.c_str(), text.c_str()); }

void download_template(App& app, const std::string& pipeline, bool include_deals) {
  const Pipeline* p = app.session.workspace().pipelines.find(pipeline);
  if (!p) return;
  pb_download(template_file_name(p->name).c_str(), template_text(app, pipeline, include_deals).c_str());
  app.share_ui.status = "Downloaded " + template_file_name(p->name);
  app.share_ui.offer_download = false;
  app.share_ui.status_is_error = false;
}

void copy_share_link(App& app, const std::string& pipeline, bool include_deals) {
  const std::string text = template_text(app, pipeline, include_deals);
  if (text.empty()) return;
  app.share_ui.status = "Making the link…";
  app.share_ui.status_is_error = false;
  pb_share_link(text.c_str());
}

void save_user_template(App& app, const std::string& pipeline) {
  const Workspace& ws = app.session.workspace();
  if (!ws.pipelines.contains(pipeline)) return;
  if (app.user_templates.size() >= kMaxUserTemplates) {
    app.share_ui.status = "You have " + std::to_string(kMaxUserTemplates) + " templates: delete one first.";
    app.share_ui.status_is_error = true;
    say(app, app.share_ui.status, true);
    return;
  }
  app.user_templates.push_back(template_to_json(make_template(ws, pipeline, false)));
  save_user_templates(app);
  say(app, "Saved \"" + ws.pipelines.find(pipeline)->name + "\" to your templates", false);
  app.share_ui.status = "Saved to your templates (New pipeline from a template…).";
  app.share_ui.status_is_error = false;
}

void delete_user_template(App& app, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= app.user_templates.size()) return;
  app.user_templates.erase(app.user_templates.begin() + index);
  save_user_templates(app);
}

void load_user_templates(App& app, const json& meta) {
  app.user_templates.clear();
  const auto it = meta.find("user_templates");
  if (it != meta.end() && it->is_array())
    for (const auto& doc : *it)
      if (ui::GalleryItem item; gallery_item(doc, item)) app.user_templates.push_back(doc);
  rebuild_gallery(app);
  pb_import_init();  // the page's drop target, file picker and #template= links
}

}  // namespace pb::app

using namespace pb;
using namespace pb::app;

extern "C" {

// A file (picked or dropped) or a share link's text: preview it.
EMSCRIPTEN_KEEPALIVE void pb_import_text(const char* text, const char* source) { open_import(the_app(), text, source); }

// A file or link that could not be read: say why; nothing changes.
EMSCRIPTEN_KEEPALIVE void pb_import_failed(const char* message) { say(the_app(), message, true); }

// pb_share_link's answer: the link (copied to the clipboard) or why there is none.
EMSCRIPTEN_KEEPALIVE void pb_share_link_done(int ok, const char* text) {
  App& app = the_app();
  const std::string size = std::to_string(std::strlen(text));
  app.share_ui.status = ok == 1   ? "Link copied to the clipboard (" + size + " characters)."
                        : ok == 2 ? "The browser did not allow copying; the link (" + size + " characters) is: " + std::string(text)
                                  : std::string(text);
  app.share_ui.status_is_error = !ok;
  app.share_ui.link = ok ? text : "";
  app.share_ui.offer_download = !ok;
  request_redraw(app);
}

EMSCRIPTEN_KEEPALIVE char* pb_api_preview_import(const char* text) {
  return to_c_string(to_json(preview_import(the_app().session.workspace(), text)).dump());
}

EMSCRIPTEN_KEEPALIVE void pb_api_open_import(const char* text) { open_import(the_app(), text, "pipeboard.openImport()"); }

// {"ok", "error", "text"}: a pipeline as a template document, for pipeboard.shareLink().
EMSCRIPTEN_KEEPALIVE char* pb_api_template_json(const char* pipeline, int include_deals) {
  const std::string text = template_text(the_app(), pipeline, include_deals != 0);
  if (text.empty()) return to_c_string(json{{"ok", false}, {"error", std::string("no pipeline ") + pipeline}}.dump());
  return to_c_string(json{{"ok", true}, {"error", ""}, {"text", text}}.dump());
}

}  // extern "C"
