#include "storage_web.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "app.hpp"
#include "cross_tab.hpp"
#include "demo.hpp"
#include "documents.hpp"
#include "first_run.hpp"
#include "platform_web.hpp"
#include "share_web.hpp"
#include "source_import_web.hpp"
#include "storage_load.hpp"
#include "tours_web.hpp"

extern "C" {
void pb_storage_start();
void pb_storage_commit(const char* batch_json);
void pb_storage_request_persist(int ask);
void pb_storage_export_quarantine();
void pb_download(const char* name, const char* text);
}

// clang-format off
EM_JS(void, pb_flush_settled, (const char* status), {
  if (window.pipeboard && window.pipeboard._flushSettled) window.pipeboard._flushSettled(JSON.parse(UTF8ToString(status)));
});
EM_JS(void, pb_loading_status, (const char* text), {
  const el = document.getElementById('status');
  if (el) el.textContent = UTF8ToString(text);
});
// clang-format on

namespace pb::app {
namespace {

class WebStorage : public Storage {
 public:
  void commit(const WriteBatch& batch, std::function<void(CommitResult)> done) override {
    pending_.emplace_back(batch.seq, std::move(done));
    pb_storage_commit(batch_to_json(batch).dump().c_str());
  }
  // The transaction for `seq` finished.
  void finished(std::uint64_t seq, CommitResult result) {
    auto it = std::find_if(pending_.begin(), pending_.end(), [&](const auto& p) { return p.first == seq; });
    if (it == pending_.end()) return;
    auto done = std::move(it->second);
    pending_.erase(it);
    done(std::move(result));
  }

 private:
  std::vector<std::pair<std::uint64_t, std::function<void(CommitResult)>>> pending_;
};

WebStorage& web_storage() {
  static WebStorage storage;
  return storage;
}

constexpr const char* kUpgradedNotice = "Your saved data was upgraded to the new storage format. A copy of the old data is kept.";

double now_precise() { return now_precise_ms(); }

void on_timer(void*) { tick_storage(the_app()); }

// flush() promises settle once everything is committed, or once a write has failed (they get the
// error; the app keeps retrying) or saving is stuck on the user (conflict) or has no storage.
void settle_flushes(App& app) {
  if (app.storage.flush_waiters == 0) return;
  if (!app.persist->settled() && app.persist->state() != SaveState::Failed) return;
  app.storage.flush_waiters = 0;
  pb_flush_settled(storage_state(app).dump().c_str());
}

void on_settled(App& app) {
  request_redraw(app, 2);  // the status indicator changes
  tick_storage(app);
  if (app.persist->state() == SaveState::Failed) schedule_storage_tick(app);
  settle_flushes(app);
}

std::string today() { return format_date(date_of(now_ms())); }

// Schema 0 kept one whole document; load it (old document versions migrate on read), write it out
// record by record, and keep the original in the backups store.
bool migrate_schema0(App& app, const std::string& legacy, Workspace& ws) {
  Issues issues;
  if (!load_workspace(legacy, ws, issues)) {
    app.persist->set_unavailable("data saved by an older Pipeboard could not be read (" + issues.summary() +
                                 "); it is left as it was");
    return false;
  }
  app.storage.notice = kUpgradedNotice;
  return true;
}

}  // namespace

void start_storage(App& app) {
  app.persist = std::make_unique<Persistence>(&web_storage());
  app.persist->on_settle = [&app] { on_settled(app); };
  app.storage.open_started_at = now_precise();
  pb_loading_status("Opening your data…");
  pb_storage_start();
}

void schedule_storage_tick(App& app) {
  if (!app.persist) return;
  const double wait = app.persist->next_attempt_at() - now_precise();
  emscripten_async_call(on_timer, nullptr, static_cast<int>(std::max(0.0, wait)) + 1);
}

void save_meta(App& app, const char* label, const char* key, json value) {
  if (!app.persist) return;
  WriteBatch batch;
  batch.label = label;
  batch.meta[key] = std::move(value);
  app.persist->enqueue(std::move(batch), now_precise());
  schedule_storage_tick(app);
}

void request_persistence_once(App& app) {
  if (app.storage.persist_requested || !app.storage.loaded) return;
  app.storage.persist_requested = true;
  pb_storage_request_persist(1);
}

void tick_storage(App& app) {
  if (!app.persist) return;
  app.persist->tick(now_precise());
}

void flush_storage(App& app) {
  ++app.storage.flush_waiters;
  if (app.persist) app.persist->flush(now_precise());
  settle_flushes(app);
}

void download_backup(App& app) {
  const std::string text = save_workspace(app.session.workspace(), 2);
  pb_download(("pipeboard-backup-" + today() + ".json").c_str(), text.c_str());
}

void export_quarantine(App&) { pb_storage_export_quarantine(); }

void dismiss_quarantine(App& app) {
  WriteBatch clear;
  clear.label = "Dismiss set-aside records";
  clear.clear_quarantine = true;
  app.persist->enqueue(std::move(clear), now_precise());
  schedule_storage_tick(app);
  app.storage.quarantined = 0;
  app.storage.quarantine_note.clear();
}

void keep_mine(App& app) { app.persist->keep_mine(now_precise()); }

void take_theirs(App& app) {
  std::vector<RecordWrite> theirs = app.persist->take_theirs(now_precise());
  std::vector<std::string> errors;
  app.session.apply_outside([&](Workspace& ws) { return apply_external(ws, app.persist->mirror(), theirs, errors); });
  for (const auto& e : errors) std::fprintf(stderr, "their version could not be used: %s\n", e.c_str());
  workspace_changed(app);
}

json storage_state(const App& app) {
  const StorageInfo& s = app.storage;
  json j{{"loaded", s.loaded},
         {"persisted", s.persisted},
         {"usage", s.usage},
         {"quota", s.quota},
         {"quarantined", s.quarantined},
         {"notice", s.notice},
         {"external_changes", s.external_changes},
         {"load_ms", s.load_ms},
         {"ready_at_ms", s.ready_at},
         {"last_commit_ms", s.last_commit_ms},
         {"last_commit_work_ms", s.last_commit_work_ms},
         {"load_phases_ms", {{"open", s.open_ms}, {"read", s.read_ms}, {"assemble", s.assemble_ms}, {"parse", s.parse_ms}}}};
  if (app.persist) {
    j["status"] = to_string(app.persist->state());
    j["error"] = app.persist->error();
    j["error_name"] = app.persist->error_name();
    j["pending"] = app.persist->pending_batches();
    j["commits"] = app.persist->commits();
    j["conflicts"] = app.persist->conflicts().size();
    j["settled"] = app.persist->settled();
  }
  return j;
}

}  // namespace pb::app

using namespace pb;
using namespace pb::app;

// What IndexedDB holds comes in parts while web/lib_storage.js reads it (read()): first every
// record but the deals (pb_storage_load_records), then the deals a page of chunks at a time
// (pb_storage_load_deals), each read while the next page is fetched; then pb_storage_loaded.
// Each part is `count` rows: their JSON texts one after another in `bytes`, `sizes[i]` long each;
// their keys one after another in `keys`, each ended by a NUL; their revisions and ranks.

namespace {

std::unique_ptr<WorkspaceLoader> g_loader;  // between the first part and pb_storage_loaded
double g_load_work_ms = 0;                  // time spent reading the parts

std::vector<LoadedRows::Row> rows_from(const char* bytes, int byte_count, const int* sizes, int count, const char* keys,
                                       int key_bytes, const double* revs, const double* ranks) {
  const std::string_view all(bytes, static_cast<std::size_t>(std::max(0, byte_count)));
  const std::string_view key_text(keys, static_cast<std::size_t>(std::max(0, key_bytes)));
  std::vector<LoadedRows::Row> rows;
  rows.reserve(static_cast<std::size_t>(std::max(0, count)));
  std::size_t at = 0, key_at = 0;
  for (int i = 0; i < count; ++i) {
    const std::size_t size = std::min(all.size() - at, static_cast<std::size_t>(std::max(0, sizes[i])));
    const std::size_t key_end = std::min(key_text.size(), key_text.find('\0', key_at));
    // Stored revisions and ranks are whatever the row held: anything but a sane number reads as 0.
    const double rev = std::isfinite(revs[i]) && std::fabs(revs[i]) < 9e15 ? revs[i] : 0;
    const double rank = std::isnan(ranks[i]) ? 0 : ranks[i];  // +infinity: an unreadable chunk, put last
    rows.push_back(LoadedRows::Row{key_text.substr(key_at, key_end - key_at), static_cast<std::int64_t>(rev), rank,
                                   all.substr(at, size)});
    at += size;
    key_at = std::min(key_text.size(), key_end + 1);
  }
  return rows;
}

WorkspaceLoader& loader() {
  if (!g_loader) g_loader = std::make_unique<WorkspaceLoader>();
  return *g_loader;
}

}  // namespace

extern "C" {

// Pipelines, people, fields and views: `kinds` holds how many rows of each, in that order.
EMSCRIPTEN_KEEPALIVE void pb_storage_load_records(const char* bytes, int byte_count, const int* sizes, int count,
                                                  const char* keys, int key_bytes, const double* revs,
                                                  const double* ranks, const int* kinds) {
  const double started = now_precise();
  std::vector<LoadedRows::Row> all = rows_from(bytes, byte_count, sizes, count, keys, key_bytes, revs, ranks);
  LoadedRows rows;
  std::size_t row = 0;
  for (RecordKind kind : kRecordKinds) {
    if (kind == RecordKind::Deal) continue;
    for (int i = 0; i < kinds[static_cast<int>(kind)] && row < all.size(); ++i) rows.rows[static_cast<int>(kind)].push_back(all[row++]);
  }
  sort_by_rank(rows);
  g_loader = std::make_unique<WorkspaceLoader>();
  g_loader->records(rows);
  g_load_work_ms = now_precise() - started;
}

EMSCRIPTEN_KEEPALIVE void pb_storage_load_deals(const char* bytes, int byte_count, const int* sizes, int count,
                                                const char* keys, int key_bytes, const double* revs, const double* ranks) {
  const double started = now_precise();
  loader().deals(rows_from(bytes, byte_count, sizes, count, keys, key_bytes, revs, ranks));
  g_load_work_ms += now_precise() - started;
}

// The read has finished: `info_json` holds the meta store, the count of rows set aside earlier,
// a schema-0 document if that is all there is, and the read's timings.
EMSCRIPTEN_KEEPALIVE void pb_storage_loaded(const char* info_json) {
  App& app = the_app();
  const double started = now_precise();
  json info = json::parse(info_json, nullptr, false);
  if (info.is_discarded()) info = json::object();
  const json meta = info.value("meta", json::object());
  const std::string legacy = info.contains("legacy") && info["legacy"].is_string() ? info["legacy"].get<std::string>() : "";
  if (info.value("upgraded_from", json()).is_number())  // regrouped by lib_storage.js on open
    app.storage.notice = kUpgradedNotice;

  Workspace ws;
  LoadReport report;
  bool migrated = false;
  if (!legacy.empty()) {
    migrated = migrate_schema0(app, legacy, ws);
  } else {
    loader().finish(ws, app.persist->mirror(), report);
  }
  g_loader.reset();
  const bool first_visit = ws.pipelines.empty() && ws.deals.empty() && !meta.contains("created") && legacy.empty();
  WriteBatch extra;
  extra.label = "Start-up";
  extra.meta["schema"] = kStorageSchema;
  start_trial(app, meta, extra);  // before the session: it refuses changes once the trial has ended
  if (first_visit) extra.meta["created"] = now_ms();
  install_session(app, std::move(ws));
  load_user_templates(app, meta);
  load_user_tours(app, meta);
  load_csv_mappings(app, meta);
  for (auto& q : report.quarantined) extra.quarantine.push_back(std::move(q));
  app.storage.quarantined = static_cast<std::size_t>(info.value("quarantined", 0)) + extra.quarantine.size();
  if (!extra.quarantine.empty())
    app.storage.quarantine_note = std::to_string(extra.quarantine.size()) +
                                  (extra.quarantine.size() == 1 ? " saved record could not be read and was set aside."
                                                                  : " saved records could not be read and were set aside.") +
                                  " Everything else loaded.";
  else if (app.storage.quarantined > 0)
    app.storage.quarantine_note = std::to_string(app.storage.quarantined) + " unreadable records are set aside from an earlier start.";

  const int demo_deals = url_int("demo");
  if (demo_deals > 0) {
    // ?demo=N&one=1: a generated workspace of N deals (walkthroughs at scale, benchmarks).
    load_demo(app, static_cast<std::size_t>(demo_deals), url_int("one") > 0);
  } else if (first_visit) {
    begin_first_visit(app);  // the story demo behind the welcome screen
  } else if (migrated) {
    WriteBatch full = make_full_batch(app.session.workspace(), app.persist->mirror());
    full.label = "Upgrade saved data";
    full.backup = json{{"id", "schema-0-" + today()}, {"schema", 0}, {"saved_at", now_ms()}, {"document", legacy}};
    full.clear_legacy = true;
    app.persist->enqueue(std::move(full), now_precise());
  }
  app.persist->enqueue(std::move(extra), now_precise());
  app.storage.loaded = true;
  app.storage.load_ms = now_precise() - app.storage.open_started_at;
  app.storage.ready_at = now_precise();
  app.storage.parse_ms = g_load_work_ms + (now_precise() - started);
  app.storage.open_ms = info.value("open_ms", 0.0);
  app.storage.read_ms = info.value("read_ms", 0.0);
  app.storage.assemble_ms = info.value("assemble_ms", 0.0);
  pb_storage_request_persist(0);  // what the browser grants so far, and usage
  schedule_storage_tick(app);
  announce_ready();
}

// No IndexedDB (private mode, blocked, failing): run in memory and say so.
EMSCRIPTEN_KEEPALIVE void pb_storage_unavailable(const char* reason) {
  App& app = the_app();
  app.persist->set_unavailable(reason);
  g_loader.reset();  // a read that failed part-way
  if (app.storage.loaded) return;
  WriteBatch unsaved;  // the trial still starts, from localStorage's copy if there is one
  start_trial(app, json::object(), unsaved);
  install_session(app, Workspace{});
  load_user_templates(app, json::object());
  const int demo_deals = url_int("demo");
  if (demo_deals > 0) load_demo(app, static_cast<std::size_t>(demo_deals), url_int("one") > 0);
  else begin_first_visit(app);
  app.storage.loaded = true;
  app.storage.load_ms = now_precise() - app.storage.open_started_at;
  app.storage.ready_at = now_precise();
  announce_ready();
}

// The connection went away after loading (another tab upgraded, or the browser closed it).
EMSCRIPTEN_KEEPALIVE void pb_storage_closed(const char* reason) {
  App& app = the_app();
  app.persist->set_unavailable(reason);
  request_redraw(app);
  settle_flushes(app);
}

EMSCRIPTEN_KEEPALIVE void pb_storage_committed(const char* result_json) {
  const json j = json::parse(result_json, nullptr, false);
  if (j.is_object()) {
    the_app().storage.last_commit_ms = j.value("ms", 0.0);
    the_app().storage.last_commit_work_ms = j.value("work_ms", 0.0);
  }
  web_storage().finished(j.is_object() ? j.value("seq", std::uint64_t{0}) : 0, commit_result_from_json(j));
}

// Rows another tab committed (BroadcastChannel). Records we are still writing are left for the
// revision check, which turns a clash into a conflict for the user instead of a silent overwrite.
EMSCRIPTEN_KEEPALIVE void pb_storage_external(const char* writes_json) {
  App& app = the_app();
  json j = json::parse(writes_json, nullptr, false);
  WriteBatch batch;
  std::string error;
  if (j.is_discarded() || !batch_from_json(json{{"writes", std::move(j)}}, batch, error)) return;
  std::erase_if(batch.writes, [&](const RecordWrite& w) { return app.persist->has_pending(w.kind, w.id); });
  std::vector<std::string> errors;
  Change c = app.session.apply_outside(
      [&](Workspace& ws) { return apply_external(ws, app.persist->mirror(), batch.writes, errors); });
  for (const auto& e : errors) std::fprintf(stderr, "a change from another tab could not be used: %s\n", e.c_str());
  if (c.empty()) return;
  ++app.storage.external_changes;
  workspace_changed(app);
}

EMSCRIPTEN_KEEPALIVE void pb_storage_info(const char* info_json) {
  App& app = the_app();
  const json j = json::parse(info_json, nullptr, false);
  if (!j.is_object()) return;
  app.storage.persisted = j.value("persisted", false);
  app.storage.usage = j.value("usage", -1.0);
  app.storage.quota = j.value("quota", -1.0);
  request_redraw(app, 2);
}

// The page is being hidden or left: write everything now, in one transaction.
EMSCRIPTEN_KEEPALIVE void pb_storage_page_hidden() {
  App& app = the_app();
  save_trial_clock(app, true);
  if (app.persist) app.persist->flush_for_exit(now_precise());
}

}  // extern "C"
