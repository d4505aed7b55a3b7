#include "trial_web.hpp"

#include <emscripten.h>

#include <cstdlib>

#include "app.hpp"
#include "platform_web.hpp"
#include "storage_web.hpp"

#ifndef PIPEBOARD_LICENCE_PUBLIC_KEY
#error "PIPEBOARD_LICENCE_PUBLIC_KEY must be set (cmake/app.cmake)"
#endif

extern "C" {
void pb_licence_verify(const char* public_key, const char* key);
char* pb_local_get(const char* name);
void pb_local_set(const char* name, const char* value);
}

namespace pb::app {
namespace {

constexpr const char* kLocalTrial = "pipeboard.trial";
constexpr const char* kLocalLicence = "pipeboard.licence";
constexpr Timestamp kSaveEveryMs = 3'600'000;

std::string local_get(const char* name) {
  char* p = pb_local_get(name);
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

const char* phase_name(TrialPhase p) {
  switch (p) {
    case TrialPhase::Running: return "running";
    case TrialPhase::Ending: return "ending";
    case TrialPhase::Expired: return "expired";
    case TrialPhase::Licensed: return "licensed";
  }
  return "";
}

void check_licence(App& app, const std::string& key, bool from_user) {
  app.trial.checking_key = key;
  app.trial.checking_from_user = from_user;
  pb_licence_verify(PIPEBOARD_LICENCE_PUBLIC_KEY, key.c_str());
}

void licence_refused(App& app, std::string why) {
  app.licence_ui.checking = false;
  app.licence_ui.status = std::move(why);
  app.licence_ui.status_is_error = true;
  request_redraw(app);
}

}  // namespace

bool debug_page() { return url_int("debug") > 0; }

Timestamp now_ms() {
  TrialState& t = the_app().trial;
  const Timestamp wall = static_cast<Timestamp>(date_now_ms()) + t.offset;
  if (!t.started) return wall;
  observe(t.clock, wall);  // the app's time never goes back: see trial.hpp
  return t.clock.latest_seen;
}

void start_trial(App& app, const json& meta, WriteBatch& batch) {
  TrialState& t = app.trial;
  TrialClock clock = trial_clock_from_json(local_get(kLocalTrial));
  if (const auto it = meta.find("trial"); it != meta.end()) clock = merge(clock, trial_clock_from_json(it->dump()));
  // Workspaces from before the trial existed: it started when the workspace was created.
  if (const auto it = meta.find("created"); it != meta.end() && it->is_number_integer() && it->get<Timestamp>() > 0)
    clock = merge(clock, TrialClock{it->get<Timestamp>(), it->get<Timestamp>()});
  t.clock = clock;
  t.started = true;
  now_ms();  // starts the trial if no copy had, and sees the current time
  // With the load's own batch, in the form localStorage keeps (trial_clock_json).
  const std::string text = trial_clock_json(t.clock);
  batch.meta["trial"] = json::parse(text, nullptr, false);
  pb_local_set(kLocalTrial, text.c_str());
  t.saved_seen = t.clock.latest_seen;

  std::string key = meta.contains("licence") && meta["licence"].is_string() ? meta["licence"].get<std::string>() : "";
  if (key.empty()) key = local_get(kLocalLicence);
  if (!key.empty() && read_licence_key(key).ok) check_licence(app, key, false);
}

void save_trial_clock(App& app, bool now_too) {
  TrialState& t = app.trial;
  if (!t.started) return;
  now_ms();
  if (!now_too && t.clock.latest_seen - t.saved_seen < kSaveEveryMs) return;
  t.saved_seen = t.clock.latest_seen;
  const std::string text = trial_clock_json(t.clock);
  pb_local_set(kLocalTrial, text.c_str());
  save_meta(app, "Trial clock", "trial", json::parse(text, nullptr, false));
}

TrialStatus trial_status(App& app) { return pb::trial_status(app.trial.clock, app.trial.licence, now_ms()); }

std::string read_only_reason(App& app) { return trial_status(app).read_only() ? trial_refusal_message() : std::string(); }

ui::TrialView trial_view(App& app) {
  const TrialStatus s = trial_status(app);
  return ui::TrialView{s.phase, s.days_left, trial_banner_text(s, app.trial.licence), app.ui.presenter};
}

void activate_licence(App& app, const std::string& key) {
  const LicenceKey k = read_licence_key(key);
  if (!k.ok) return licence_refused(app, k.error);
  check_licence(app, key, true);
}

json trial_state_json(App& app) {
  const TrialStatus s = trial_status(app);
  json j{{"phase", phase_name(s.phase)},
         {"day", s.day},
         {"days_left", s.days_left},
         {"read_only", s.read_only()},
         {"started", format_timestamp(app.trial.clock.started)},
         {"ends_at", format_timestamp(s.ends_at)},
         {"now", format_timestamp(now_ms())},
         {"banner", trial_banner_text(s, app.trial.licence)},
         {"licensee", nullptr},
         // The licence dialog: a key being checked, and what the last check said.
         {"checking", !app.trial.checking_key.empty()},
         {"licence_status", app.licence_ui.status},
         {"licence_error", app.licence_ui.status_is_error}};
  if (const auto& l = app.trial.licence) {
    j["licensee"] = l->licensee;
    j["seats"] = l->seats;
    j["licence_expires"] = format_date(l->expires);
  }
  return j;
}

std::string set_now(App& app, const std::string& iso) {
  if (!debug_page()) return "setNow is only available with ?debug=1 in the page's address";
  std::optional<Timestamp> t = parse_timestamp(iso);
  if (!t)
    if (const auto d = parse_date(iso)) t = static_cast<Timestamp>(d->days) * kDayMs;
  if (!t) return "setNow: expected an ISO time such as 2026-12-20T09:00:00Z, got \"" + iso + "\"";
  app.trial.offset = *t - static_cast<Timestamp>(date_now_ms());
  save_trial_clock(app, true);
  workspace_changed(app);  // reports and the board's "today" follow the clock
  return "";
}

}  // namespace pb::app

extern "C" {

// WebCrypto's answer for the key being checked (web/lib_licence.js).
EMSCRIPTEN_KEEPALIVE void pb_licence_verified(int ok, const char* reason) {
  using namespace pb;
  using namespace pb::app;
  App& app = the_app();
  TrialState& t = app.trial;
  if (t.checking_key.empty()) return;
  const std::string key = std::move(t.checking_key);
  t.checking_key.clear();
  const bool from_user = t.checking_from_user;
  const LicenceKey k = read_licence_key(key);
  if (!ok || !k.ok) {
    if (from_user) licence_refused(app, reason && *reason ? reason : "The licence key's signature does not match.");
    return;
  }
  if (!licence_valid_on(k.licence, now_ms())) {
    if (from_user)
      licence_refused(app, "This licence key expired on " + format_date(k.licence.expires) +
                               ". Ask for a renewed key; your data stays as it is.");
    return;
  }
  t.licence = k.licence;
  t.licence_key = key;
  request_redraw(app);
  if (!from_user) return;
  app.licence_ui.checking = false;
  app.licence_ui.status = licence_text(k.licence) + ". Thank you!";
  app.licence_ui.status_is_error = false;
  app.licence_ui.key.fill('\0');
  pb_local_set(kLocalLicence, key.c_str());
  say(app, licence_text(k.licence), false);
  save_meta(app, "Licence", "licence", key);
}

}  // extern "C"
