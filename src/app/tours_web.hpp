// The app's side of guided tours: the built-in tours (assets/tours, embedded at /tours), the
// user's tours (recorded or opened from a file or link, kept in storage's meta store as "tours"),
// saving a recorded tour, and the events commands cause that move a tour on.
#pragma once
#include <string>

#include "change.hpp"
#include "json_read.hpp"
#include "ui/tour_state.hpp"

namespace pb::app {

struct App;

void load_builtin_tours(App& app);
void load_user_tours(App& app, const json& meta);
// Checks a recorded tour; kept and (if asked) downloaded, or the recorder says why not.
void save_tour(App& app, Tour tour, bool download);
// A pipeboard.tour file, drop or link: played and kept, or refused with the bad step's path.
void open_tour_document(App& app, const json& doc, const std::string& source);
// After a change made forward (Session::on_change, app.cpp): what it did, as tour events (a deal
// moved, a view saved, ...).
void notice_tour_events(App& app, const Change& change);
json tour_state_json(const App& app);

}  // namespace pb::app
