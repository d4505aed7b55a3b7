#include "tours_web.hpp"

#include <dirent.h>

#include <algorithm>

#include "app.hpp"
#include "change_events.hpp"
#include "document_format.hpp"
#include "platform_web.hpp"
#include "share_web.hpp"
#include "storage_web.hpp"

namespace pb::app {
namespace {

constexpr std::size_t kMaxUserTours = 50;
constexpr const char* kBuiltinDir = "/tours";  // assets/tours, embedded (cmake/app.cmake)

// A refused tour's issues, a line each with its step's path: the first `max`, then "(and N more)"
// for the rest (Issues itself keeps a bounded list).
std::vector<std::string> issue_lines(const Issues& issues, std::size_t max) {
  std::vector<std::string> lines;
  for (const Issue& i : issues.list()) {
    if (lines.size() == max) break;
    lines.push_back(i.str());
  }
  if (issues.count() > lines.size()) lines.push_back("(and " + std::to_string(issues.count() - lines.size()) + " more)");
  return lines;
}

json tours_meta(const App& app) {
  json docs = json::array();
  for (std::size_t i = app.tours.builtin; i < app.tours.tours.size(); ++i) docs.push_back(tour_to_json(app.tours.tours[i]));
  return docs;
}

void save_user_tours(App& app) { save_meta(app, "Your tours", "tours", tours_meta(app)); }

// Adds or replaces (same id) one of the user's tours; false when there are too many.
bool keep_user_tour(App& app, const Tour& t) {
  auto& all = app.tours.tours;
  const auto mine = all.begin() + static_cast<std::ptrdiff_t>(app.tours.builtin);
  const auto same = std::find_if(mine, all.end(), [&](const Tour& x) { return x.id == t.id; });
  if (same != all.end()) *same = t;
  else if (all.size() - app.tours.builtin >= kMaxUserTours) return false;
  else all.push_back(t);
  save_user_tours(app);
  return true;
}

// An id from the name, unique among the user's tours.
std::string fresh_id(const App& app, const std::string& name) {
  std::string base = file_name_for(name, "", "tour");
  std::string id = base;
  for (int n = 2; std::any_of(app.tours.tours.begin(), app.tours.tours.end(), [&](const Tour& t) { return t.id == id; }); ++n)
    id = base + "-" + std::to_string(n);
  return id;
}

}  // namespace

void load_builtin_tours(App& app) {
  // readdir rather than std::filesystem, which would add its library to the download.
  std::vector<std::string> files;
  if (DIR* dir = opendir(kBuiltinDir)) {
    while (const dirent* e = readdir(dir)) {
      const std::string name = e->d_name;
      if (name.size() > 5 && name.ends_with(".json")) files.push_back(std::string(kBuiltinDir) + "/" + name);
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end());  // intro.json sorts first among the few there are
  app.tours.tours.clear();
  for (const auto& f : files) {
    Tour t;
    Issues issues;
    if (load_tour(read_text(f), t, issues)) app.tours.tours.push_back(std::move(t));
    else std::fprintf(stderr, "built-in tour %s: %s\n", f.c_str(), issues.summary().c_str());
  }
  app.tours.builtin = app.tours.tours.size();
}

void load_user_tours(App& app, const json& meta) {
  app.tours.tours.resize(app.tours.builtin);
  const auto it = meta.find("tours");
  if (it == meta.end() || !it->is_array()) return;
  for (const auto& doc : *it) {
    Tour t;
    Issues issues;
    if (read_tour(doc, t, issues)) app.tours.tours.push_back(std::move(t));
  }
}

void save_tour(App& app, Tour tour, bool download) {
  ui::TourRecorder& r = app.tours.recorder;
  if (tour.id.empty() || tour.id == "recorded") tour.id = fresh_id(app, tour.name);
  Tour checked;
  Issues issues;
  if (!read_tour(tour_to_json(tour), checked, issues)) {
    r.error = "The tour cannot be saved yet:";
    for (const std::string& line : issue_lines(issues, 4)) r.error += "\n" + line;
    return request_redraw(app);
  }
  if (!keep_user_tour(app, checked)) {
    r.error = "You have " + std::to_string(kMaxUserTours) + " tours already: delete one first.";
    return request_redraw(app);
  }
  if (download) download_text(file_name_for(checked.name, ".pipeboard-tour.json", "tour"), format_document(tour_to_json(checked)));
  app.tours.recorder = ui::TourRecorder{};
  say(app, "Saved the tour \"" + checked.name + "\": play it from the ? menu.", false);
}

void open_tour_document(App& app, const json& doc, const std::string& source) {
  Tour t;
  Issues issues;
  if (!read_tour(doc, t, issues)) {
    say(app, "This tour (" + source + ") cannot be played: " + issues.summary(), true);
    app.tours.refused_source = source;
    app.tours.refused = issue_lines(issues, issues.list().size());
    return;
  }
  if (t.id.empty()) t.id = fresh_id(app, t.name);
  keep_user_tour(app, t);
  std::string note;
  if (const auto warnings = tour_warnings(t, app.session.workspace()); !warnings.empty())
    note = " Some steps refer to what this workspace lacks: " + warnings.front().str();
  say(app, "Playing the tour \"" + t.name + "\" (" + source + "); it is kept in the ? menu." + note, false);
  ui::start_tour(app.tours, std::move(t));
}

void notice_tour_events(App& app, const Change& change) {
  if (!app.tours.player.playing()) return;
  for (TourEvent e : tour_events_of(change)) ui::notify_tour(app.tours, e);
}

json tour_state_json(const App& app) {
  const ui::TourUi& t = app.tours;
  json names = json::array();
  for (const auto& x : t.tours) names.push_back(x.name);
  json j{{"playing", t.player.playing()},
         {"recording", t.recorder.recording},
         {"editing", t.recorder.editing},
         {"recorded_steps", t.recorder.steps.size()},
         {"recorder_error", t.recorder.error},
         {"refused", t.refused},
         {"tours", names}};
  if (t.player.playing()) {
    const TourStep& s = t.player.tour->steps[t.player.step];
    j["id"] = t.player.tour->id;
    j["name"] = t.player.tour->name;
    j["step"] = t.player.step + 1;  // as the card says: "3 of 12"
    j["steps"] = t.player.tour->steps.size();
    j["title"] = s.title;
    j["target"] = s.target;
    j["waits_for"] = s.advance.event ? json(std::string(to_string(*s.advance.event))) : json(nullptr);
  }
  return j;
}

}  // namespace pb::app
