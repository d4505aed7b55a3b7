// The app's storage: IndexedDB through web/lib_storage.js, autosave, loading at start-up,
// migration of old data, other tabs' changes and conflicts. See README "Storage".
#pragma once
#include "json_read.hpp"

namespace pb::app {

struct App;

// Opens the database and loads the workspace; the app is announced ready once it has loaded
// (or once storage has failed and the app runs in memory).
void start_storage(App& app);
// Starts writes that are due. Called each frame and from timers.
void tick_storage(App& app);
// Wakes the app when a debounced or retried write falls due, even without frames (hidden tab).
void schedule_storage_tick(App& app);
// Queues one entry of the meta store (the user's templates and tours, the trial clock, the licence)
// as a write of its own, labelled for the storage panel. Nothing without storage.
void save_meta(App& app, const char* label, const char* key, json value);
// After the first real change: ask the browser to keep our data (navigator.storage.persist()).
void request_persistence_once(App& app);
// pipeboard.flush(): writes everything now; waiting promises are settled through pb_flush_settled.
void flush_storage(App& app);
// What the status indicator, banner and dialogs offer.
void download_backup(App& app);
void export_quarantine(App& app);
void dismiss_quarantine(App& app);
void keep_mine(App& app);
void take_theirs(App& app);
// A summary for pipeboard.state().storage and flush() results.
json storage_state(const App& app);

}  // namespace pb::app
