// Undo and redo: every command type restores the exact workspace (order included), bulk changes take
// the batch paths, and the history is bounded.
#include <set>

#include "demo.hpp"
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// Two pipelines, two people, two fields, two views and deals in every kind of stage.
Session rich_session() {
  Session s = small_session();
  add_p2(s);
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_seats"}, {"name", "Seats"}, {"type", "number"}}}});
  ok(s, {{"type", "view.create"}, {"view", {{"id", "v1"}, {"name", "Sales"}, {"pipeline", "p1"}, {"group_by", "owner"}, {"hidden_stages", {"s_lost"}}}}});
  ok(s, {{"type", "view.create"}, {"view", {{"id", "v_all"}, {"name", "All"}, {"hidden_stages", {"t_lost", "s_won"}}}}});
  auto add = [&](const char* id, const char* stage, const char* owner, json extra) {
    json d = deal(id, std::string("Deal ") + id, 1000, stage);
    if (std::string_view(stage).substr(0, 2) == "t_") {
      d["deal"]["pipeline"] = "p2";
      d["deal"]["value"]["currency"] = "USD";
    }
    if (*owner) d["deal"]["owner"] = owner;
    d["deal"].update(extra);
    ok(s, d);
  };
  add("d1", "s_new", "u1", {{"custom", {{"f_ind", "Retail"}, {"f_seats", 12}}}});
  add("d2", "s_pres", "u1", json::object());
  add("d3", "s_nego", "u2", {{"custom", {{"f_ind", "Tech"}}}});
  add("d4", "s_won", "", json::object());
  add("d5", "s_lost", "u2", {{"lost_reason", "Price"}});
  add("d6", "t_new", "u2", json::object());
  add("d7", "t_demo", "", {{"custom", {{"f_seats", 3}}}});
  return s;
}

// Dispatches, then checks undo gives back `before` and redo gives back `after`, twice over.
void check_undo_redo(Session& s, const json& command) {
  INFO(command.dump().substr(0, 300));
  const Workspace before = s.workspace();
  const std::string label_before = s.undo_label();
  ok(s, command, kNow + 60'000);
  const Workspace after = s.workspace();
  REQUIRE_FALSE(after == before);  // every command here does something
  const std::string label = s.undo_label();
  for (int round = 0; round < 2; ++round) {
    REQUIRE(s.undo().ok);
    CHECK(s.workspace() == before);
    CHECK(s.undo_label() == label_before);
    CHECK(s.redo_label() == label);
    REQUIRE(s.redo().ok);
    CHECK(s.workspace() == after);
    CHECK(s.undo_label() == label);
  }
  // Saved bytes agree too: nothing the equality might miss.
  REQUIRE(s.undo().ok);
  CHECK(save_workspace(s.workspace()) == save_workspace(before));
}

json template_doc() {
  Session s = rich_session();
  return template_to_json(make_template(s.workspace(), "p1", true));
}

}  // namespace

TEST_CASE("undo and redo restore the workspace exactly, for every command type") {
  const std::vector<json> commands = {
      {{"type", "pipeline.create"}, {"pipeline", {{"name", "New one"}}}, {"index", 1}},
      {{"type", "pipeline.rename"}, {"pipeline", "p2"}, {"name", "Key accounts"}},
      {{"type", "pipeline.update"}, {"pipeline", "p1"}, {"set", {{"description", "EU"}, {"currency", "CHF"}}}},
      {{"type", "pipeline.duplicate"}, {"pipeline", "p1"}, {"include_deals", true}},
      {{"type", "pipeline.delete"}, {"pipeline", "p1"}, {"deals", "move"}, {"to_pipeline", "p2"}, {"stage_map", {{"s_pres", "t_demo"}}}},
      {{"type", "pipeline.delete"}, {"pipeline", "p1"}, {"deals", "delete"}},
      {{"type", "pipeline.reorder"}, {"pipeline", "p2"}, {"index", 0}},
      {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"name", "Demo"}}}, {"index", 1}},
      {{"type", "stage.rename"}, {"stage", "s_pres"}, {"name", "Pitch"}},
      {{"type", "stage.update"}, {"stage", "s_nego"}, {"set", {{"probability", 75}, {"color", "#000000"}}}},
      {{"type", "stage.duplicate"}, {"stage", "s_pres"}},
      {{"type", "stage.delete"}, {"stage", "s_pres"}, {"move_to", "s_nego"}},
      {{"type", "stage.delete"}, {"stage", "s_won"}, {"move_to", "s_new"}},
      {{"type", "stage.reorder"}, {"stage", "s_new"}, {"index", 3}},
      deal("d8", "Fresh", 5),
      {{"type", "deal.update"}, {"deal", "d1"}, {"set", {{"title", "Renamed"}, {"custom", {{"f_ind", nullptr}}}}}},
      {{"type", "deal.delete"}, {"deal", "d3"}},
      {{"type", "deal.move"}, {"deal", "d2"}, {"stage", "t_demo"}},
      {{"type", "deal.win"}, {"deal", "d1"}},
      {{"type", "deal.lose"}, {"deal", "d6"}, {"reason", "Timing"}},
      {{"type", "deal.reopen"}, {"deal", "d5"}},
      {{"type", "deals.move"}, {"deals", {"d1", "d2", "d5"}}, {"pipeline", "p2"}, {"stage_map", {{"s_new", "t_demo"}}}},
      {{"type", "deals.update"}, {"deals", {"d1", "d6"}}, {"set", {{"source", "Event"}}}},
      {{"type", "deals.delete"}, {"deals", {"d6", "d1", "d4"}}},
      {{"type", "field.create"}, {"field", {{"name", "Start"}, {"type", "date"}}}},
      {{"type", "field.update"}, {"field", "f_ind"}, {"name", "Sector"}, {"rename_options", {{"Tech", "Software"}}}},
      {{"type", "field.delete"}, {"field", "f_seats"}},
      {{"type", "person.create"}, {"person", {{"name", "Priya"}}}},
      {{"type", "person.update"}, {"person", "u2"}, {"set", {{"email", "l@x.test"}}}},
      {{"type", "person.delete"}, {"person", "u1"}, {"reassign_to", "u2"}},
      {{"type", "person.delete"}, {"person", "u2"}, {"unassign", true}},
      {{"type", "view.create"}, {"view", {{"name", "Mine"}, {"filter", {{"field", "owner"}, {"op", "eq"}, {"value", "u1"}}}}}},
      {{"type", "view.update"}, {"view", "v1"}, {"set", {{"group_by", "custom.f_ind"}}}},
      {{"type", "view.delete"}, {"view", "v_all"}},
      {{"type", "template.import"}, {"template", template_doc()}},
      {{"type", "workspace.import"}, {"workspace", workspace_to_json(make_demo_workspace({.deals = 20}))}},
  };
  std::set<std::string> covered;
  for (const json& command : commands) {
    Session s = rich_session();
    check_undo_redo(s, command);
    covered.insert(command["type"].get<std::string>());
  }
  for (auto t : command_types()) CHECK_MESSAGE(covered.count(std::string(t)) == 1, t);
}

TEST_CASE("undo after undo walks back a chain; a new command clears redo") {
  Session s = small_session();
  const Workspace w0 = s.workspace();
  ok(s, deal("d1", "Acme", 10));
  const Workspace w1 = s.workspace();
  ok(s, {{"type", "deal.move"}, {"deal", "d1"}, {"stage", "s_pres"}});
  const Workspace w2 = s.workspace();
  ok(s, {{"type", "stage.delete"}, {"stage", "s_pres"}, {"move_to", "s_nego"}});
  const Workspace w3 = s.workspace();
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == w2);
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == w1);
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == w0);
  REQUIRE(s.redo().ok);
  REQUIRE(s.redo().ok);
  REQUIRE(s.redo().ok);
  CHECK(s.workspace() == w3);
  CHECK_FALSE(s.redo().ok);
  CHECK(s.redo().error == "nothing to redo");

  REQUIRE(s.undo().ok);
  REQUIRE(s.undo().ok);
  CHECK(s.can_redo());
  ok(s, {{"type", "deal.win"}, {"deal", "d1"}});
  CHECK_FALSE(s.can_redo());
  CHECK(s.redo_label() == "");
  CHECK_FALSE(s.redo().ok);
  CHECK(s.workspace().deals.find("d1")->stage == "s_won");
  REQUIRE(s.undo().ok);
  CHECK(s.workspace() == w1);
}

TEST_CASE("failed commands and no-ops leave no history; on_change reports each direction") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 10));
  std::vector<std::pair<std::size_t, bool>> seen;
  s.on_change = [&](const Change& c, bool forward) { seen.emplace_back(c.deals.size(), forward); };
  const std::size_t steps = s.history_steps();
  fails(s, {{"type", "deal.move"}, {"deal", "d1"}, {"stage", "s_lost"}});
  ok(s, {{"type", "deals.move"}, {"deals", {"d1"}}, {"stage", "s_new"}});  // already there
  CHECK(s.history_steps() == steps);
  CHECK(seen.empty());
  ok(s, {{"type", "deal.move"}, {"deal", "d1"}, {"stage", "s_pres"}});
  s.undo();
  s.redo();
  CHECK(seen == std::vector<std::pair<std::size_t, bool>>{{1, true}, {1, false}, {1, true}});
  Session empty;
  CHECK_FALSE(empty.undo().ok);
  CHECK(empty.undo().error == "nothing to undo");
}

TEST_CASE("history is bounded by steps and by bytes") {
  SUBCASE("max_steps = 3 keeps the 3 newest steps") {
    Session s(Workspace{}, 1, HistoryLimits{.max_steps = 3});
    std::vector<Workspace> states{s.workspace()};
    for (int i = 0; i < 5; ++i) {
      ok(s, {{"type", "person.create"}, {"person", {{"id", "u" + std::to_string(i)}, {"name", "P" + std::to_string(i)}}}});
      states.push_back(s.workspace());
    }
    CHECK(s.history_steps() == 3);
    for (int i = 4; i >= 2; --i) {
      REQUIRE(s.undo().ok);
      CHECK(s.workspace() == states[static_cast<std::size_t>(i)]);
    }
    CHECK_FALSE(s.can_undo());
    CHECK(s.workspace().people.size() == 2);  // the two oldest steps are no longer undoable
    CHECK(s.history_steps() == 3);           // all three are redoable
    while (s.can_redo()) REQUIRE(s.redo().ok);
    CHECK(s.workspace() == states.back());
  }
  SUBCASE("max_bytes keeps at least the newest step, and the byte count follows") {
    Session s(make_demo_workspace({.deals = 300}), 1, HistoryLimits{.max_steps = 100, .max_bytes = 1});
    ok(s, {{"type", "deal.delete"}, {"deal", "deal_000001"}});
    ok(s, {{"type", "deal.delete"}, {"deal", "deal_000002"}});
    CHECK(s.history_steps() == 1);
    CHECK(s.history_bytes() > 0);
    REQUIRE(s.undo().ok);
    CHECK(s.workspace().deals.contains("deal_000002"));
    CHECK_FALSE(s.workspace().deals.contains("deal_000001"));
    CHECK_FALSE(s.can_undo());
  }
  SUBCASE("the byte count drops when redo steps are discarded") {
    Session s(make_demo_workspace({.deals = 100}), 1);
    ok(s, {{"type", "deals.delete"}, {"deals", {"deal_000001", "deal_000002", "deal_000003"}}});
    const std::size_t one = s.history_bytes();
    ok(s, {{"type", "deal.delete"}, {"deal", "deal_000004"}});
    const std::size_t two = s.history_bytes();
    CHECK(two > one);
    s.undo();
    CHECK(s.history_bytes() == two);
    ok(s, {{"type", "person.create"}, {"person", {{"name", "X"}}}});
    CHECK(s.history_bytes() < two);
    CHECK(s.history_steps() == 2);
  }
}

TEST_CASE("bulk changes on thousands of deals undo and redo exactly (batch paths)") {
  const Workspace demo = make_demo_workspace({.deals = 3000});
  std::vector<std::string> every_third, first_2000, others;
  for (std::size_t i = 0; i < demo.deals.size(); ++i) {
    if (i % 3 == 1) every_third.push_back(demo.deals.at(i).id);
    else others.push_back(demo.deals.at(i).id);
    if (i < 2000) first_2000.push_back(demo.deals.at(i).id);
  }
  // Scattered deletions come back at their old positions.
  SUBCASE("deals.delete of every third deal") {
    Session s(demo);
    check_undo_redo(s, {{"type", "deals.delete"}, {"deals", every_third}});
  }
  SUBCASE("deals.delete in reverse order of position") {
    Session s(demo);
    check_undo_redo(s, {{"type", "deals.delete"}, {"deals", std::vector<std::string>(first_2000.rbegin(), first_2000.rend())}});
  }
  SUBCASE("deals.move and deals.update") {
    Session s(demo);
    check_undo_redo(s, {{"type", "deals.move"}, {"deals", first_2000}, {"stage", "st_won"}});
    check_undo_redo(s, {{"type", "deals.update"}, {"deals", every_third}, {"set", {{"owner", "u_ana"}, {"plan", "Gold"}}}});
  }
  SUBCASE("pipeline.delete with its deals, and with deals moved") {
    Session s(demo);
    check_undo_redo(s, {{"type", "pipeline.delete"}, {"pipeline", "pipe_sales"}, {"deals", "delete"}});
    check_undo_redo(s, {{"type", "pipeline.delete"}, {"pipeline", "pipe_sales"}, {"deals", "move"}, {"to_pipeline", "pipe_in"}});
  }
  SUBCASE("pipeline.duplicate with deals creates in bulk") {
    Session s(demo);
    check_undo_redo(s, {{"type", "pipeline.duplicate"}, {"pipeline", "pipe_sales"}, {"include_deals", true}});
  }
  SUBCASE("workspace.import: thousands of deletions, then thousands of creations with the same ids") {
    Session s(demo);
    check_undo_redo(s, {{"type", "workspace.import"}, {"workspace", workspace_to_json(make_demo_workspace({.deals = 2500, .seed = 7}))}});
  }
  SUBCASE("template.import of a template with hundreds of deals") {
    Session s(demo);
    const json t = template_to_json(make_template(demo, "pipe_in", true));
    REQUIRE(t["deals"].size() > 300);
    check_undo_redo(s, {{"type", "template.import"}, {"template", t}});
  }
  SUBCASE("a chain of bulk steps undoes back to the start") {
    Session s(demo);
    ok(s, {{"type", "deals.delete"}, {"deals", every_third}});
    ok(s, {{"type", "pipeline.duplicate"}, {"pipeline", "pipe_ent"}, {"include_deals", true}});
    ok(s, {{"type", "deals.move"}, {"deals", std::vector<std::string>(others.begin(), others.begin() + 50)}, {"stage", "st_in_meet"}});
    ok(s, {{"type", "pipeline.delete"}, {"pipeline", "pipe_sales"}, {"deals", "delete"}});
    const Workspace end = s.workspace();
    while (s.can_undo()) REQUIRE(s.undo().ok);
    CHECK(s.workspace() == demo);
    while (s.can_redo()) REQUIRE(s.redo().ok);
    CHECK(s.workspace() == end);
  }
}
