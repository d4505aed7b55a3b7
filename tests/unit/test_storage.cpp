// The storage contract, run against the in-memory implementation: per-record writes, revisions,
// all-or-nothing batches, order kept by ranks, quarantine of bad rows, autosave and conflicts.
#include "memory_storage.hpp"
#include "autosave.hpp"
#include "cross_tab.hpp"
#include "codec.hpp"
#include "demo.hpp"
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// A tab: a session whose every change is recorded for storage.
struct Tab {
  Session session;
  Persistence persist;
  double now = 0;
  Tab(MemoryStorage& storage, Workspace ws = {}, std::uint64_t seed = 1) : session(std::move(ws), seed), persist(&storage) {
    session.on_change = [this](const Change& c, bool forward) { persist.record(c, forward, session.workspace(), now); };
  }
  void cmd(const json& c) { ok(session, c); }
  void later(double ms) {
    now += ms;
    persist.tick(now);
  }
};

Workspace reload(const MemoryStorage& storage, LoadReport* report_out = nullptr, StorageMirror* mirror_out = nullptr) {
  Workspace ws;
  StorageMirror mirror;
  LoadReport report;
  load_rows(storage.rows_for_load(), ws, mirror, report);
  if (report_out) *report_out = report;
  if (mirror_out) *mirror_out = std::move(mirror);
  return ws;
}

// Saves everything the tab holds and lets the transactions finish.
void settle(Tab& tab, MemoryStorage& storage) {
  for (int i = 0; i < 100 && !(tab.persist.settled() && storage.queued() == 0); ++i) {
    tab.persist.flush(tab.now);
    storage.run();
  }
  REQUIRE(tab.persist.settled());
}

Session seeded_small() { return small_session(); }

// Storage holding the small workspace after `command`; returns the workspace as the tab has it.
Workspace saved_small(MemoryStorage& storage, const json& command) {
  Tab tab(storage, seeded_small().workspace());
  tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
  tab.cmd(command);
  settle(tab, storage);
  return tab.session.workspace();
}

}  // namespace

TEST_CASE("storage: completion is reported later, never inside commit") {
  MemoryStorage storage;
  bool called = false;
  WriteBatch b;
  b.writes.push_back(RecordWrite{RecordKind::Person, "u1", 0, 1, 1024, json{{"id", "u1"}, {"name", "Ana"}}});
  storage.commit(b, [&](CommitResult r) {
    called = true;
    CHECK(r.ok);
  });
  CHECK_FALSE(called);
  CHECK(storage.store(RecordKind::Person).empty());
  CHECK(storage.run() == 1);
  CHECK(called);
  CHECK(storage.store(RecordKind::Person).at("u1").rev == 1);
}

TEST_CASE("storage: a stale revision refuses the whole batch") {
  MemoryStorage storage;
  storage.store(RecordKind::Person)["u1"] = {3, 1024, json{{"id", "u1"}, {"name", "Ana"}}};
  WriteBatch b;
  b.writes.push_back(RecordWrite{RecordKind::Person, "u2", 0, 1, 2048, json{{"id", "u2"}, {"name", "Bo"}}});
  b.writes.push_back(RecordWrite{RecordKind::Person, "u1", 2, 3, 1024, json{{"id", "u1"}, {"name", "Mine"}}});
  CommitResult result;
  storage.commit(b, [&](CommitResult r) { result = std::move(r); });
  storage.run();
  CHECK_FALSE(result.ok);
  CHECK(result.error_name == "ConflictError");
  REQUIRE(result.conflicts.size() == 1);
  CHECK(result.conflicts[0].id == "u1");
  CHECK(result.conflicts[0].actual_rev == 3);
  CHECK(result.conflicts[0].theirs["name"] == "Ana");
  CHECK(storage.store(RecordKind::Person).count("u2") == 0);  // nothing of the batch was written
  CHECK(storage.store(RecordKind::Person).at("u1").data["name"] == "Ana");
}

TEST_CASE("storage: an edit writes only the record it changed, whatever the workspace size") {
  for (std::size_t deals : {std::size_t{100}, std::size_t{20'000}}) {
    MemoryStorage storage;
    Tab tab(storage, make_demo_workspace(DemoOptions{.deals = deals, .one_pipeline = true, .now = kNow}));
    tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
    settle(tab, storage);
    WriteBatch seen;
    const Deal& d = tab.session.workspace().deals.at(deals / 2);
    tab.cmd({{"type", "deal.update"}, {"deal", d.id}, {"set", {{"title", "Renamed"}}}});
    REQUIRE(tab.persist.pending_batches() == 1);
    const std::size_t commits = storage.commits;
    settle(tab, storage);
    CHECK(storage.commits == commits + 1);
    CHECK(storage.store(RecordKind::Deal).at(d.id).data["title"] == "Renamed");
    CHECK(storage.store(RecordKind::Deal).at(d.id).rev == 2);
  }
}

TEST_CASE("storage: what is saved loads back equal, order included") {
  MemoryStorage storage;
  Tab tab(storage, seeded_small().workspace());
  tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
  for (int i = 0; i < 12; ++i)
    tab.cmd({{"type", "deal.create"}, {"deal", {{"id", "d" + std::to_string(i)}, {"title", "Deal " + std::to_string(i)},
                                                 {"pipeline", "p1"}, {"stage", "s_new"}}}});
  tab.cmd({{"type", "pipeline.create"}, {"pipeline", {{"id", "p2"}, {"name", "Second"},
                                                       {"stages", json::array({{{"id", "t1"}, {"name", "A"}}})}}}});
  tab.cmd({{"type", "pipeline.reorder"}, {"pipeline", "p2"}, {"index", 0}});
  tab.cmd({{"type", "deal.delete"}, {"deal", "d5"}});
  tab.cmd({{"type", "deals.delete"}, {"deals", {"d1", "d2", "d9"}}});
  tab.cmd({{"type", "deal.move"}, {"deal", "d3"}, {"stage", "s_won"}});
  REQUIRE(tab.session.undo().ok);  // the move
  REQUIRE(tab.session.undo().ok);  // the bulk delete: the deals come back where they stood
  settle(tab, storage);
  CHECK(reload(storage) == tab.session.workspace());
  CHECK(storage.store(RecordKind::Deal).count("d5") == 0);
}

TEST_CASE("storage: ranks make room when inserts keep landing in the same place") {
  MemoryStorage storage;
  Tab tab(storage, seeded_small().workspace());
  tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
  for (int i = 0; i < 80; ++i)  // each new pipeline goes second: halving the same gap again and again
    tab.cmd({{"type", "pipeline.create"}, {"index", 1}, {"pipeline", {{"id", "q" + std::to_string(i)},
             {"name", "P" + std::to_string(i)}, {"stages", json::array({{{"id", "qs" + std::to_string(i)}, {"name", "A"}}})}}}});
  settle(tab, storage);
  const Workspace loaded = reload(storage);
  REQUIRE(loaded.pipelines.size() == tab.session.workspace().pipelines.size());
  CHECK(loaded == tab.session.workspace());
}

TEST_CASE("storage: unreadable rows are set aside with a reason, and the rest loads") {
  MemoryStorage storage;
  saved_small(storage, {{"type", "deal.create"}, {"deal", {{"id", "good"}, {"title", "Good"}, {"pipeline", "p1"}, {"stage", "s_new"}}}});
  auto& deals = storage.store(RecordKind::Deal);
  auto variant = [&](const char* id, const char* key, json value) {
    json data = deals.at("good").data;
    data["id"] = id;
    data[key] = std::move(value);
    return data;
  };
  deals["bad_type"] = {1, 5000, variant("bad_type", "title", 42)};
  deals["not_object"] = {1, 6000, json("garbage")};
  deals["dangling"] = {1, 7000, variant("dangling", "stage", "nope")};
  deals["wrong_key"] = {1, 8000, variant("other", "title", "Y")};
  LoadReport report;
  const Workspace loaded = reload(storage, &report);
  CHECK(loaded.deals.contains("good"));
  CHECK(loaded.pipelines.contains("p1"));
  CHECK(loaded.people.size() == 2);
  REQUIRE(report.quarantined.size() == 4);
  for (const auto& q : report.quarantined) {
    CAPTURE(q.id);
    CHECK(q.store == "deals");
    CHECK_FALSE(q.reason.empty());
    CHECK_FALSE(loaded.deals.contains(q.id));
  }
  auto reason_of = [&](const std::string& id) {
    for (const auto& q : report.quarantined)
      if (q.id == id) return q.reason;
    return std::string("(not quarantined)");
  };
  CHECK(reason_of("bad_type").find("/title") != std::string::npos);
  CHECK(reason_of("dangling").find("stage") != std::string::npos);
  CHECK(reason_of("wrong_key").find("key") != std::string::npos);
  CHECK(reason_of("not_object") != "(not quarantined)");
}

TEST_CASE("storage: a row whose text is not JSON is set aside, not a crash") {
  MemoryStorage storage;
  Tab tab(storage, seeded_small().workspace());
  tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
  settle(tab, storage);
  storage.store(RecordKind::Deal)["cut"] = {1, 1e9, json("raw:{\"id\": \"cut\", \"title\": \"Trunc")};
  storage.store(RecordKind::Person)["u9"] = {1, 1e9, json("raw:")};
  LoadReport report;
  const Workspace loaded = reload(storage, &report);
  REQUIRE(report.quarantined.size() == 2);
  for (const auto& q : report.quarantined) CHECK(q.reason.find("not JSON") != std::string::npos);
  CHECK(loaded == tab.session.workspace());
}

TEST_CASE("storage: bad rows of the small stores are set aside one by one; the rest loads with its revisions") {
  MemoryStorage storage;
  saved_small(storage, {{"type", "deal.create"}, {"deal", {{"id", "good"}, {"title", "Good"}, {"pipeline", "p1"}, {"stage", "s_new"}}}});
  const json p3 = {{"id", "p3"}, {"name", "Copy"}, {"stages", json::array({{{"id", "s_new"}, {"name", "New"}}})}};
  storage.store(RecordKind::Pipeline)["p3"] = {2, 9e6, p3};                      // a stage id p1 has
  storage.store(RecordKind::Pipeline)["p0"] = {1, 1, json(42)};                  // not a pipeline
  storage.store(RecordKind::Person)["u3"] = {1, 9e6, {{"id", "u4"}, {"name", "X"}}};  // under another key
  storage.store(RecordKind::Field)["f_bad"] = {1, 9e6, {{"id", "f_bad"}, {"name", "B"}, {"type", "nope"}}};
  storage.store(RecordKind::View)["v1"] = {3, 100, {{"id", "v1"}, {"name", "Sales"}, {"pipeline", "p1"}}};
  storage.store(RecordKind::View)["v2"] = {1, 200, {{"id", "v2"}, {"name", "Copy"}, {"pipeline", "p3"}}};  // p3 is set aside
  storage.store(RecordKind::View)["v3"] = {1, 300, {{"id", "v3"}, {"name", "Odd"}, {"group_by", "nope"}}};
  StorageMirror mirror;
  LoadReport report;
  const Workspace loaded = reload(storage, &report, &mirror);
  std::map<std::string, std::string> reasons;
  for (const auto& q : report.quarantined) reasons[q.store + "/" + q.id] = q.reason;
  CAPTURE(json(reasons).dump());
  REQUIRE(reasons.size() == 6);
  CHECK(reasons["pipelines/p3"].find("already used in pipeline \"Sales\"") != std::string::npos);
  CHECK(reasons["pipelines/p0"].find("object") != std::string::npos);
  CHECK(reasons["people/u3"].find("key") != std::string::npos);
  CHECK(reasons["fields/f_bad"].find("/type") != std::string::npos);
  CHECK(reasons["views/v2"].find("no pipeline has id \"p3\"") != std::string::npos);
  CHECK(reasons["views/v3"].find("/group_by") != std::string::npos);
  CHECK(loaded.pipelines.size() == 1);
  CHECK(loaded.people.size() == 2);
  CHECK(loaded.fields.size() == 1);
  REQUIRE(loaded.views.size() == 1);
  CHECK(loaded.views.at(0).id == "v1");
  CHECK(loaded.deals.contains("good"));
  const MemoryStorage::Row& stored = storage.store(RecordKind::View).at("v1");
  REQUIRE(mirror.find(RecordKind::View, "v1"));
  CHECK(mirror.find(RecordKind::View, "v1")->rev == stored.rev);
  CHECK(mirror.find(RecordKind::View, "v1")->rank == stored.rank);
  CHECK_FALSE(mirror.find(RecordKind::Pipeline, "p3"));
  CHECK(mirror.size(RecordKind::Person) == 2);
}

TEST_CASE("storage: healthy small stores load with every row's revision and rank") {
  MemoryStorage storage;
  const Workspace saved = saved_small(storage, {{"type", "person.update"}, {"person", "u2"}, {"set", {{"name", "Luke"}}}});
  StorageMirror mirror;
  LoadReport report;
  const Workspace loaded = reload(storage, &report, &mirror);
  CHECK(report.quarantined.empty());
  CHECK(loaded == saved);
  for (RecordKind kind : {RecordKind::Pipeline, RecordKind::Person, RecordKind::Field}) {
    CHECK(mirror.size(kind) == storage.store(kind).size());
    for (const auto& entry : storage.store(kind)) {
      const auto& id = entry.first;  // not a structured binding: clang 14 can't capture those in CAPTURE
      const auto& row = entry.second;
      CAPTURE(id);
      REQUIRE(mirror.find(kind, id));
      CHECK(mirror.find(kind, id)->rev == row.rev);
      CHECK(mirror.find(kind, id)->rank == row.rank);
    }
  }
  CHECK(mirror.find(RecordKind::Person, "u2")->rev == 2);
}

TEST_CASE("persistence: debounced, then one transaction per command") {
  MemoryStorage storage;
  Tab tab(storage, seeded_small().workspace());
  tab.cmd({{"type", "person.create"}, {"person", {{"id", "u3"}, {"name", "Cleo"}}}});
  tab.cmd({{"type", "person.update"}, {"person", "u3"}, {"set", {{"name", "Cléo"}}}});
  CHECK(tab.persist.state() == SaveState::Pending);
  tab.later(100);
  CHECK(storage.queued() == 0);  // still inside the debounce
  tab.later(250);
  CHECK(tab.persist.state() == SaveState::Saving);
  storage.run();
  tab.later(1);  // the second batch follows at once
  storage.run();
  CHECK(storage.commits == 2);
  CHECK(tab.persist.state() == SaveState::Saved);
  CHECK(storage.store(RecordKind::Person).at("u3").data["name"] == "Cléo");
  CHECK(storage.store(RecordKind::Person).at("u3").rev == 2);
}

TEST_CASE("persistence: a failed transaction keeps the changes and retries with back-off") {
  MemoryStorage storage;
  Tab tab(storage, seeded_small().workspace());
  tab.cmd({{"type", "person.create"}, {"person", {{"id", "u3"}, {"name", "Cleo"}}}});
  storage.fail_with = "QuotaExceededError";
  tab.persist.flush(tab.now);
  storage.run();
  CHECK(tab.persist.state() == SaveState::Failed);
  CHECK(tab.persist.error_name() == "QuotaExceededError");
  CHECK(tab.session.workspace().people.contains("u3"));  // the state in memory is kept
  CHECK(storage.store(RecordKind::Person).empty());
  tab.later(500);
  CHECK(storage.queued() == 0);  // waiting for the back-off
  tab.later(600);
  storage.run();
  CHECK(tab.persist.state() == SaveState::Failed);
  const double second_wait = tab.persist.next_attempt_at() - tab.now;
  CHECK(second_wait > 1000);  // doubled
  storage.fail_with.clear();
  tab.later(second_wait);
  storage.run();
  CHECK(tab.persist.state() == SaveState::Saved);
  CHECK(storage.store(RecordKind::Person).count("u3") == 1);
}

TEST_CASE("persistence: two tabs editing the same deal get a conflict, and either side can win") {
  for (bool keep_mine : {true, false}) {
    CAPTURE(keep_mine);
    MemoryStorage storage;
    Tab a(storage, seeded_small().workspace(), 1);
    a.persist.enqueue(make_full_batch(a.session.workspace(), a.persist.mirror()), 0);
    a.cmd({{"type", "deal.create"}, {"deal", {{"id", "d1"}, {"title", "Base"}, {"pipeline", "p1"}, {"stage", "s_new"}}}});
    settle(a, storage);
    // Tab b opens now and loads what a saved.
    Workspace loaded;
    LoadReport report;
    Tab b(storage, {}, 2);
    load_rows(storage.rows_for_load(), loaded, b.persist.mirror(), report);
    b.session = Session(loaded, 2);
    b.session.on_change = [&b](const Change& c, bool f) { b.persist.record(c, f, b.session.workspace(), b.now); };

    a.cmd({{"type", "deal.update"}, {"deal", "d1"}, {"set", {{"title", "From A"}}}});
    b.cmd({{"type", "deal.update"}, {"deal", "d1"}, {"set", {{"title", "From B"}}}});
    b.cmd({{"type", "deal.create"}, {"deal", {{"id", "d2"}, {"title", "Other"}, {"pipeline", "p1"}, {"stage", "s_new"}}}});
    settle(a, storage);
    b.persist.flush(b.now);
    storage.run();
    REQUIRE(b.persist.state() == SaveState::Conflict);
    REQUIRE(b.persist.conflicts().size() == 1);
    CHECK(b.persist.conflicts()[0].theirs["title"] == "From A");
    CHECK(storage.store(RecordKind::Deal).at("d1").data["title"] == "From A");  // nothing overwritten
    if (keep_mine) {
      b.persist.keep_mine(b.now);
      settle(b, storage);
      CHECK(storage.store(RecordKind::Deal).at("d1").data["title"] == "From B");
    } else {
      std::vector<RecordWrite> theirs = b.persist.take_theirs(b.now);
      std::vector<std::string> errors;
      b.session.apply_outside([&](Workspace& ws) { return apply_external(ws, b.persist.mirror(), theirs, errors); });
      CHECK(errors.empty());
      settle(b, storage);
      CHECK(b.session.workspace().deals.find("d1")->title == "From A");
      CHECK(storage.store(RecordKind::Deal).at("d1").data["title"] == "From A");
    }
    CHECK(storage.store(RecordKind::Deal).count("d2") == 1);  // b's other change is saved either way
    CHECK(reload(storage) == b.session.workspace());
  }
}

TEST_CASE("storage: rows from another tab land in rank order; stale ones are ignored") {
  MemoryStorage storage;
  Tab a(storage, seeded_small().workspace(), 1);
  a.persist.enqueue(make_full_batch(a.session.workspace(), a.persist.mirror()), 0);
  for (const char* id : {"d1", "d2", "d3"})
    a.cmd({{"type", "deal.create"}, {"deal", {{"id", id}, {"title", id}, {"pipeline", "p1"}, {"stage", "s_new"}}}});
  settle(a, storage);
  Tab b(storage, {}, 2);
  Workspace loaded;
  LoadReport report;
  load_rows(storage.rows_for_load(), loaded, b.persist.mirror(), report);
  b.session = Session(loaded, 2);
  REQUIRE(b.session.undo().ok == false);

  Deal between = *b.session.workspace().deals.find("d2");
  between.id = "dx";
  between.title = "Between";
  const double r1 = storage.store(RecordKind::Deal).at("d1").rank, r2 = storage.store(RecordKind::Deal).at("d2").rank;
  std::vector<RecordWrite> writes{
      RecordWrite{RecordKind::Deal, "dx", 0, 1, (r1 + r2) / 2, to_json(between)},
      RecordWrite{RecordKind::Deal, "d3", 1, 0, 0, json()},
      RecordWrite{RecordKind::Deal, "d1", 0, 1, r1, json{{"id", "d1"}, {"title", "Old news"}}}};
  std::vector<std::string> errors;
  Change c = b.session.apply_outside([&](Workspace& ws) { return apply_external(ws, b.persist.mirror(), writes, errors); });
  INFO((errors.empty() ? std::string() : errors[0]));
  CHECK(errors.empty());
  const Workspace& ws = b.session.workspace();
  REQUIRE(ws.deals.size() == 3);
  CHECK(ws.deals.at(0).id == "d1");
  CHECK(ws.deals.at(0).title == "d1");  // rev 1 is not newer than what b has
  CHECK(ws.deals.at(1).id == "dx");
  CHECK(ws.deals.at(2).id == "d2");
  CHECK(c.deals.size() == 2);
}

TEST_CASE("session: a change from outside drops the undo steps it would break") {
  Session s = seeded_small();
  ok(s, {{"type", "person.update"}, {"person", "u1"}, {"set", {{"name", "Ana B"}}}});
  ok(s, {{"type", "person.update"}, {"person", "u2"}, {"set", {{"name", "Łukasz K"}}}});
  const std::size_t steps = s.history_steps();
  s.apply_outside([](Workspace& ws) {
    Change c;
    auto before = ws.people.find_ptr("u1");
    Person p = *before;
    p.name = "Changed elsewhere";
    auto after = std::make_shared<const Person>(p);
    ws.people.replace(after);
    c.people.push_back(Diff<Person>{"u1", before, after, 0, 0});
    return c;
  });
  CHECK(s.history_steps() < steps);
  REQUIRE(s.undo().ok);  // undoes the u2 edit, which is unaffected
  CHECK(s.workspace().people.find("u2")->name == "Łukasz");
  CHECK(s.workspace().people.find("u1")->name == "Changed elsewhere");
}

TEST_CASE("persistence: leaving the page writes everything queued in one transaction") {
  MemoryStorage storage;
  Tab tab(storage, seeded_small().workspace());
  tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
  settle(tab, storage);
  tab.cmd({{"type", "person.update"}, {"person", "u1"}, {"set", {{"name", "One"}}}});
  tab.cmd({{"type", "person.update"}, {"person", "u1"}, {"set", {{"name", "Two"}}}});
  tab.cmd({{"type", "person.create"}, {"person", {{"id", "tmp"}, {"name", "Temp"}}}});
  tab.cmd({{"type", "person.delete"}, {"person", "tmp"}});
  const std::size_t commits = storage.commits;
  tab.persist.flush_for_exit(tab.now);
  CHECK(storage.queued() == 1);
  storage.run();
  CHECK(storage.commits == commits + 1);
  CHECK(tab.persist.state() == SaveState::Saved);
  CHECK(storage.store(RecordKind::Person).at("u1").data["name"] == "Two");
  CHECK(storage.store(RecordKind::Person).count("tmp") == 0);
  CHECK(reload(storage) == tab.session.workspace());
}

TEST_CASE("storage: an import that replaces records with the same ids writes each once") {
  MemoryStorage storage;
  Tab tab(storage, seeded_small().workspace());
  tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
  tab.cmd({{"type", "deal.create"}, {"deal", {{"id", "d1"}, {"title", "One"}, {"pipeline", "p1"}, {"stage", "s_new"}}}});
  settle(tab, storage);
  const std::int64_t rev_before = storage.store(RecordKind::Deal).at("d1").rev;
  json doc = json::parse(save_workspace(tab.session.workspace()));
  doc["deals"][0]["title"] = "Imported";
  tab.cmd({{"type", "workspace.import"}, {"workspace", doc}});
  settle(tab, storage);
  CHECK(tab.persist.state() == SaveState::Saved);
  CHECK(storage.store(RecordKind::Deal).at("d1").data["title"] == "Imported");
  CHECK(storage.store(RecordKind::Deal).at("d1").rev > rev_before);  // other tabs must see it as news
  tab.cmd({{"type", "deal.update"}, {"deal", "d1"}, {"set", {{"title", "Edited"}}}});
  settle(tab, storage);
  CHECK(tab.persist.state() == SaveState::Saved);
  CHECK(reload(storage) == tab.session.workspace());
}

TEST_CASE("storage: deals read in batches, in any order, load in rank order; a repeated id is set aside") {
  MemoryStorage storage;
  DemoOptions options;
  options.deals = 90;
  Tab tab(storage, make_demo_workspace(options));
  tab.persist.enqueue(make_full_batch(tab.session.workspace(), tab.persist.mirror()), 0);
  settle(tab, storage);
  LoadedRows rows = storage.rows_for_load();
  std::vector<LoadedRows::Row> deals = rows.rows[static_cast<int>(RecordKind::Deal)];
  REQUIRE(deals.size() == 90);
  // The same deal again, ranked after every other: the one further down is set aside.
  LoadedRows::Row again = deals[10];
  again.rank = deals.back().rank + 1;
  deals.push_back(again);
  // Batches of 25 handed over last first, each reversed, as chunks might hold them.
  std::vector<std::vector<LoadedRows::Row>> batches;
  for (std::size_t i = 0; i < deals.size(); i += 25)
    batches.emplace_back(deals.begin() + static_cast<std::ptrdiff_t>(i),
                         deals.begin() + static_cast<std::ptrdiff_t>(std::min(deals.size(), i + 25)));
  WorkspaceLoader loader;
  loader.records(rows);
  for (auto b = batches.rbegin(); b != batches.rend(); ++b) loader.deals(std::vector<LoadedRows::Row>(b->rbegin(), b->rend()));
  Workspace loaded;
  StorageMirror mirror;
  LoadReport report;
  loader.finish(loaded, mirror, report);
  CHECK(loaded == tab.session.workspace());
  REQUIRE(report.quarantined.size() == 1);
  CHECK(report.quarantined[0].id == std::string(again.key));
  CHECK(report.quarantined[0].reason.find("repeats") != std::string::npos);
  CHECK(report.quarantined[0].raw.value("id", "") == std::string(again.key));
  const StorageMirror::Entry* e = mirror.find(RecordKind::Deal, again.key);
  REQUIRE(e != nullptr);
  CHECK(e->rank == deals[10].rank);  // the mirror knows the row that loaded
  CHECK(mirror.size(RecordKind::Deal) == 90);
}
