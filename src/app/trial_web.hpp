// The app's side of the 14-day trial (core/trial): its clock kept in IndexedDB's meta store and
// in localStorage (copies merge, so clearing one does not restart the trial), the app's time,
// read-only mode once it has ended, the licence key checked with WebCrypto (web/lib_licence.js),
// and pipeboard.setNow() for tests and demos (only with ?debug=1).
#pragma once
#include <optional>
#include <string>

#include "storage.hpp"
#include "trial.hpp"
#include "ui/trial_ui.hpp"

namespace pb::app {

struct App;

struct TrialState {
  TrialClock clock;
  bool started = false;         // the clock has been read from storage
  std::optional<Licence> licence;  // a key whose signature checked out
  std::string licence_key;
  Timestamp offset = 0;         // setNow(): added to the wall clock (debug=1 only)
  Timestamp saved_seen = 0;     // latest_seen as last written to storage
  std::string checking_key;     // a key WebCrypto is checking
  bool checking_from_user = false;  // typed into the dialog (else the stored key, at start)
};

// Reads the trial's copies (meta store entries, localStorage), starts or continues the trial at
// the current time, and adds the merged clock to `batch`. Starts checking a stored licence key.
void start_trial(App& app, const json& meta, WriteBatch& batch);
// Writes the clock when latest_seen moved on by an hour (or `now_too`): to localStorage at once,
// and to IndexedDB with the next save.
void save_trial_clock(App& app, bool now_too = false);
TrialStatus trial_status(App& app);
// The reason every change is refused now ("" while changes are allowed).
std::string read_only_reason(App& app);
ui::TrialView trial_view(App& app);
// The licence dialog's key: checks its form here, its signature with WebCrypto (the result comes
// back in pb_licence_verified), then keeps it.
void activate_licence(App& app, const std::string& key);
// {"phase", "day", "days_left", ...} for pipeboard.state().
json trial_state_json(App& app);
// Moves the app's clock (pipeboard.setNow); "" or the error.
std::string set_now(App& app, const std::string& iso);
bool debug_page();

}  // namespace pb::app
