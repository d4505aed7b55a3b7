// Pipeline and stage commands: each valid case checks the resulting model; each invalid case checks the
// message and (through fails()) that nothing changed. Deal commands: test_commands_deals.cpp; fields,
// people, views and imports: test_commands_catalog.cpp.
#include <set>

#include "codec.hpp"
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {

const Pipeline& pipe(const Session& s, const std::string& id) {
  const Pipeline* p = s.workspace().pipelines.find(id);
  REQUIRE_MESSAGE(p, id);
  return *p;
}
std::vector<std::string> stage_ids(const Pipeline& p) {
  std::vector<std::string> out;
  for (const auto& s : p.stages) out.push_back(s.id);
  return out;
}
std::vector<std::string> pipeline_ids(const Session& s) {
  std::vector<std::string> out;
  for (const auto& p : s.workspace().pipelines) out.push_back(p.id);
  return out;
}


json lost_deal(const std::string& id) {
  json d = deal(id, "Lost " + id, 500, "s_lost");
  d["deal"]["lost_reason"] = "Budget cut";
  return d;
}

}  // namespace

// [SECTION] pipeline.create

TEST_CASE("pipeline.create: explicit stages, defaults, position") {
  Session s = small_session();
  const Pipeline& p = pipe(s, "p1");
  CHECK(p.name == "Sales");
  CHECK(p.currency == "EUR");
  CHECK(stage_ids(p) == std::vector<std::string>{"s_new", "s_pres", "s_nego", "s_won", "s_lost"});
  CHECK(p.stages[0].color == "#4f7cff");
  CHECK(p.stages[2].probability == 60);
  CHECK(p.stages[3].kind == StageKind::Won);
  CHECK(p.stages[4].kind == StageKind::Lost);
  CHECK(s.undo_label() == "Add field");

  ok(s, {{"type", "pipeline.create"}, {"pipeline", {{"name", "Partners"}, {"description", "Channel deals"}}}, {"index", 0}});
  REQUIRE(s.workspace().pipelines.size() == 2);
  const Pipeline& made = s.workspace().pipelines.at(0);
  CHECK(made.name == "Partners");
  CHECK(made.description == "Channel deals");
  CHECK(made.currency == "USD");
  CHECK(made.id.rfind("pipe_", 0) == 0);
  REQUIRE(made.stages.size() == 5);  // the default stages
  CHECK(made.stages[0].name == "New");
  CHECK(made.stages[0].kind == StageKind::Open);
  CHECK(made.stages[3].kind == StageKind::Won);
  CHECK(made.stages[3].probability == 100);
  CHECK(made.stages[4].kind == StageKind::Lost);
  std::set<std::string> ids;
  for (const auto& st : made.stages) {
    CHECK(st.id.rfind("stage_", 0) == 0);
    ids.insert(st.id);
  }
  CHECK(ids.size() == 5);
  CHECK(s.undo_label() == "Create pipeline");

  ok(s, {{"type", "pipeline.create"}, {"pipeline", {{"id", "p_last"}, {"name", "Last"}}}, {"index", 99}});
  CHECK(pipeline_ids(s).back() == "p_last");
}

TEST_CASE("pipeline.create: invalid input") {
  Session s = small_session();
  auto create = [](json pipeline) { return json{{"type", "pipeline.create"}, {"pipeline", std::move(pipeline)}}; };
  CHECK(fails(s, create({{"currency", "EUR"}})) == "/pipeline/name: is required");
  CHECK(fails(s, create({{"name", "   "}})) == "/pipeline/name: must not be empty");
  CHECK(fails(s, create({{"id", "p1"}, {"name", "Again"}})) == "/pipeline/id: a pipeline with id \"p1\" exists");
  CHECK(fails(s, create({{"name", "X"}, {"currency", "EURO"}})) ==
        "/pipeline/currency: is not an ISO 4217 currency code: \"EURO\"");
  CHECK(fails(s, create({{"name", "X"}, {"stages", json::array()}})) == "/pipeline/stages: a pipeline needs at least one stage");
  CHECK(fails(s, create({{"name", "X"}, {"stages", {{{"name", "Done"}, {"kind", "won"}}}}})) ==
        "/pipeline/stages: a pipeline needs at least one open stage");
  CHECK(fails(s, create({{"name", "X"}, {"stages", {{{"id", "s_new"}, {"name", "New"}}}}})) ==
        "/pipeline/stages/0/id: stage id \"s_new\" is already used in pipeline \"Sales\"");
  CHECK(fails(s, create({{"name", "X"}, {"stages", {{{"id", "a"}, {"name", "A"}}, {{"id", "a"}, {"name", "B"}}}}})) ==
        "/pipeline/stages/1/id: repeats stage id \"a\"");
  CHECK(fails(s, create({{"name", "X"}, {"stages", {{{"name", "A"}, {"color", "red"}}}}})) ==
        "/pipeline/stages/0/color: expected a color like #4f7cff, got \"red\"");
  CHECK(fails(s, create({{"name", "X"}, {"stages", {{{"name", "A"}, {"probability", 101}}}}})) ==
        "/pipeline/stages/0/probability: must be between 0 and 100");
  CHECK(fails(s, create({{"name", "X"}, {"stages", {{{"name", "A"}, {"kind", "closed"}}}}})) ==
        "/pipeline/stages/0/kind: must be one of open, won, lost, got \"closed\"");
  CHECK(fails(s, create({{"name", "X"}, {"owner", "u1"}})) == "/pipeline/owner: unknown field");
  CHECK(fails(s, create("Sales")) == "/pipeline: expected an object, got a string");
  CHECK(fails(s, {{"type", "pipeline.create"}}) == "/pipeline: is required");
  CHECK(fails(s, {{"type", "pipeline.create"}, {"pipeline", {{"name", "X"}}}, {"index", -1}}) ==
        "/index: must be between 0 and 1000000");
  CHECK(fails(s, {{"type", "pipeline.create"}, {"pipeline", {{"name", "X"}}}, {"color", "red"}}) ==
        "/color: unknown field for pipeline.create");
}

// [SECTION] pipeline.rename / update / reorder

TEST_CASE("pipeline.rename and pipeline.update") {
  Session s = small_session();
  ok(s, {{"type", "pipeline.rename"}, {"pipeline", "p1"}, {"name", "Sales EU"}});
  CHECK(pipe(s, "p1").name == "Sales EU");
  CHECK(s.undo_label() == "Rename pipeline");
  ok(s, {{"type", "pipeline.update"}, {"pipeline", "p1"}, {"set", {{"description", "Europe"}, {"currency", "PLN"}}}});
  CHECK(pipe(s, "p1").description == "Europe");
  CHECK(pipe(s, "p1").currency == "PLN");
  CHECK(pipe(s, "p1").name == "Sales EU");  // keys not in the patch stay
  CHECK(pipe(s, "p1").stages.size() == 5);

  CHECK(fails(s, {{"type", "pipeline.rename"}, {"pipeline", "nope"}, {"name", "X"}}) == "no pipeline has id \"nope\"");
  CHECK(fails(s, {{"type", "pipeline.rename"}, {"pipeline", "p1"}, {"name", " "}}) == "/set/name: must not be empty");
  CHECK(fails(s, {{"type", "pipeline.rename"}, {"pipeline", "p1"}, {"name", std::string(201, 'x')}}) ==
        "/set/name: is too long (201 bytes, at most 200)");
  CHECK(fails(s, {{"type", "pipeline.rename"}, {"pipeline", "p1"}}) == "/name: is required");
  CHECK(fails(s, {{"type", "pipeline.update"}, {"pipeline", "p1"}, {"set", {{"currency", "XYZ"}}}}) ==
        "/set/currency: is not an ISO 4217 currency code: \"XYZ\"");
  CHECK(fails(s, {{"type", "pipeline.update"}, {"pipeline", "p1"}, {"set", {{"stages", json::array()}}}}) ==
        "/set: stages and id change through stage commands");
  CHECK(fails(s, {{"type", "pipeline.update"}, {"pipeline", "p1"}, {"set", {{"id", "p9"}}}}) ==
        "/set: stages and id change through stage commands");
  CHECK(fails(s, {{"type", "pipeline.update"}, {"pipeline", "p1"}, {"set", {{"colour", "red"}}}}) == "/set/colour: unknown field");
  CHECK(fails(s, {{"type", "pipeline.update"}, {"pipeline", "p1"}, {"set", 3}}) == "/set: expected an object, got an integer");
}

TEST_CASE("pipeline.reorder") {
  Session s = small_session();
  add_p2(s);
  ok(s, {{"type", "pipeline.create"}, {"pipeline", {{"id", "p3"}, {"name", "Third"}}}});
  ok(s, {{"type", "pipeline.reorder"}, {"pipeline", "p3"}, {"index", 0}});
  CHECK(pipeline_ids(s) == std::vector<std::string>{"p3", "p1", "p2"});
  ok(s, {{"type", "pipeline.reorder"}, {"pipeline", "p3"}, {"index", 50}});  // clamped
  CHECK(pipeline_ids(s) == std::vector<std::string>{"p1", "p2", "p3"});
  ok(s, {{"type", "pipeline.reorder"}, {"pipeline", "p1"}, {"index", 1}});
  CHECK(pipeline_ids(s) == std::vector<std::string>{"p2", "p1", "p3"});
  CHECK(fails(s, {{"type", "pipeline.reorder"}, {"pipeline", "p1"}}) == "/index: is required");
  CHECK(fails(s, {{"type", "pipeline.reorder"}, {"pipeline", "p9"}, {"index", 0}}) == "no pipeline has id \"p9\"");
  CHECK(fails(s, {{"type", "pipeline.reorder"}, {"pipeline", "p1"}, {"index", "first"}}) ==
        "/index: expected an integer, got a string");
}

// [SECTION] pipeline.duplicate

TEST_CASE("pipeline.duplicate copies stages with new ids, views, and deals on request") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 1000, "s_pres"));
  ok(s, lost_deal("d2"));
  ok(s, {{"type", "view.create"},
         {"view", {{"id", "v1"}, {"name", "Late"}, {"pipeline", "p1"}, {"hidden_stages", {"s_lost"}},
                   {"filter", {{"field", "stage"}, {"op", "in"}, {"value", {"s_nego", "s_won"}}}}}}});
  ok(s, {{"type", "pipeline.duplicate"}, {"pipeline", "p1"}, {"include_deals", true}}, kNow + 1000);
  CHECK(s.undo_label() == "Duplicate pipeline");
  REQUIRE(s.workspace().pipelines.size() == 2);
  const Pipeline& copy = s.workspace().pipelines.at(1);  // right after the original
  const Pipeline& orig = pipe(s, "p1");
  CHECK(copy.name == "Sales (copy)");
  CHECK(copy.currency == "EUR");
  REQUIRE(copy.stages.size() == orig.stages.size());
  for (std::size_t i = 0; i < copy.stages.size(); ++i) {
    CHECK(copy.stages[i].name == orig.stages[i].name);
    CHECK(copy.stages[i].kind == orig.stages[i].kind);
    CHECK(copy.stages[i].probability == orig.stages[i].probability);
    CHECK(copy.stages[i].id != orig.stages[i].id);
    CHECK(s.workspace().pipeline_of_stage(copy.stages[i].id) == &copy);
  }
  // The view follows, pointing at the copy's stages (hidden ones and those its filter names).
  REQUIRE(s.workspace().views.size() == 2);
  const View& v = s.workspace().views.at(1);
  CHECK(v.id != "v1");
  CHECK(v.name == "Late");
  CHECK(v.pipeline == copy.id);
  CHECK(v.hidden_stages == std::vector<std::string>{copy.stages[4].id});
  CHECK(v.filter == json{{"field", "stage"}, {"op", "in"}, {"value", {copy.stages[2].id, copy.stages[3].id}}});
  // Deals are copied into the matching stages, with a fresh history.
  REQUIRE(s.workspace().deals.size() == 4);
  std::size_t copies = 0;
  for (const Deal& d : s.workspace().deals) {
    if (d.pipeline != copy.id) continue;
    ++copies;
    const Deal& from = d.title == "Acme" ? deal_of(s, "d1") : deal_of(s, "d2");
    CHECK(d.stage == copy.stages[static_cast<std::size_t>(orig.stage_index(from.stage))].id);
    CHECK(d.status == from.status);
    CHECK(d.lost_reason == from.lost_reason);
    CHECK(d.value == from.value);
    CHECK(d.created == kNow + 1000);
    CHECK(d.history == std::vector<StageVisit>{{copy.id, d.stage, kNow + 1000}});
  }
  CHECK(copies == 2);
}

TEST_CASE("pipeline.duplicate without deals, with a name; invalid names") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 1000));
  ok(s, {{"type", "pipeline.duplicate"}, {"pipeline", "p1"}, {"name", "Sales 2027"}});
  CHECK(s.workspace().pipelines.at(1).name == "Sales 2027");
  CHECK(s.workspace().deals.size() == 1);
  CHECK(fails(s, {{"type", "pipeline.duplicate"}, {"pipeline", "p7"}}) == "no pipeline has id \"p7\"");
  CHECK(fails(s, {{"type", "pipeline.duplicate"}, {"pipeline", "p1"}, {"name", std::string(201, 'n')}}).find("/name: is too long") == 0);
  CHECK(fails(s, {{"type", "pipeline.duplicate"}, {"pipeline", "p1"}, {"name", "  "}}) == "/name: must not be empty");
  CHECK(fails(s, {{"type", "pipeline.duplicate"}, {"pipeline", "p1"}, {"include_deals", "yes"}}) ==
        "/include_deals: expected true or false, got a string");
}

TEST_CASE("pipeline.duplicate of a pipeline with a 200-byte name keeps the copy's name savable") {
  Session s = small_session();
  // 200 bytes; making room for " (copy)" cuts right through the 2-byte character.
  const std::string name = std::string(192, 'a') + "\xC3\xA9" + std::string(6, 'a');
  ok(s, {{"type", "pipeline.rename"}, {"pipeline", "p1"}, {"name", name}});
  ok(s, {{"type", "pipeline.duplicate"}, {"pipeline", "p1"}});
  const std::string& copy = s.workspace().pipelines.at(1).name;
  CHECK(copy.size() <= kMaxName);
  CHECK(valid_utf8(copy));
  CHECK(copy.find("(copy)") != std::string::npos);
  Workspace reloaded;
  Issues issues;
  CHECK(load_workspace(save_workspace(s.workspace()), reloaded, issues));
  CHECK(issues.summary() == "");
}

// [SECTION] pipeline.delete

TEST_CASE("pipeline.delete: an empty pipeline goes with its views; hidden stages elsewhere are pruned") {
  Session s = small_session();
  add_p2(s);
  ok(s, {{"type", "view.create"}, {"view", {{"id", "v_p2"}, {"name", "P2"}, {"pipeline", "p2"}}}});
  ok(s, {{"type", "view.create"}, {"view", {{"id", "v_all"}, {"name", "All"}, {"hidden_stages", {"t_lost", "s_lost"}}}}});
  ok(s, {{"type", "pipeline.delete"}, {"pipeline", "p2"}});
  CHECK(pipeline_ids(s) == std::vector<std::string>{"p1"});
  CHECK_FALSE(s.workspace().views.contains("v_p2"));
  REQUIRE(s.workspace().views.contains("v_all"));
  CHECK(s.workspace().views.find("v_all")->hidden_stages == std::vector<std::string>{"s_lost"});
  CHECK(s.undo_label() == "Delete pipeline");
  CHECK(fails(s, {{"type", "pipeline.delete"}, {"pipeline", "p2"}}) == "no pipeline has id \"p2\"");
}

TEST_CASE("pipeline.delete: a pipeline holding deals needs deals: move or delete") {
  Session s = small_session();
  add_p2(s);
  ok(s, deal("d1", "Acme", 1000, "s_pres"));
  ok(s, deal("d2", "Beta", 2000, "s_nego"));
  ok(s, deal("d3", "Gamma", 3000, "s_won"));
  ok(s, lost_deal("d4"));
  const json del{{"type", "pipeline.delete"}, {"pipeline", "p1"}};
  CHECK(fails(s, del) == "pipeline \"Sales\" holds 4 deals: set deals to \"move\" (with to_pipeline) or \"delete\"");
  json bad = del;
  bad["deals"] = "keep";
  CHECK(fails(s, bad).find("holds 4 deals") != std::string::npos);
  bad["deals"] = "move";
  CHECK(fails(s, bad) == "/to_pipeline: no pipeline has id \"\"");
  bad["to_pipeline"] = "p1";
  CHECK(fails(s, bad) == "/to_pipeline: pick another pipeline than the one being deleted");
  bad["to_pipeline"] = "p9";
  CHECK(fails(s, bad) == "/to_pipeline: no pipeline has id \"p9\"");
  bad["to_pipeline"] = "p2";
  bad["stage_map"] = {{"s_pres", "s_nego"}};  // not a stage of the target
  CHECK(fails(s, bad) == "stage_map: pipeline \"Enterprise\" has no stage with id \"s_nego\"");
  bad["stage_map"] = {{"s_pres", "t_lost"}};  // an open deal cannot land in a lost stage without a reason
  CHECK(fails(s, bad) == "moving \"Acme\" to lost stage \"Lost\" needs a lost reason");

  SUBCASE("delete") {
    json c = del;
    c["deals"] = "delete";
    ok(s, c);
    CHECK(s.workspace().deals.empty());
    CHECK(pipeline_ids(s) == std::vector<std::string>{"p2"});
  }
  SUBCASE("move, with a stage map and fallbacks by name and kind") {
    json c = del;
    c["deals"] = "move";
    c["to_pipeline"] = "p2";
    c["stage_map"] = {{"s_nego", "t_demo"}};
    ok(s, c, kNow + 5000);
    CHECK(pipeline_ids(s) == std::vector<std::string>{"p2"});
    REQUIRE(s.workspace().deals.size() == 4);
    // s_pres "Presentation": no stage of that name or kind match -> first open stage.
    CHECK(deal_of(s, "d1").stage == "t_new");
    CHECK(deal_of(s, "d2").stage == "t_demo");  // explicit map
    CHECK(deal_of(s, "d3").stage == "t_won");   // same name
    CHECK(deal_of(s, "d4").stage == "t_lost");  // same name, keeps its reason
    CHECK(deal_of(s, "d4").status == DealStatus::Lost);
    CHECK(deal_of(s, "d4").lost_reason == "Budget cut");
    CHECK(deal_of(s, "d3").status == DealStatus::Won);
    for (const char* id : {"d1", "d2", "d3", "d4"}) {
      const Deal& d = deal_of(s, id);
      CHECK(d.pipeline == "p2");
      CHECK(d.value.currency == "EUR");  // money keeps its currency
      REQUIRE(d.history.size() == 2);
      CHECK(d.history.back() == StageVisit{"p2", d.stage, kNow + 5000});
      CHECK(d.updated == kNow + 5000);
    }
  }
}

// [SECTION] stage.create / rename / update / reorder

TEST_CASE("stage.create inserts at an index, with defaults and a generated id") {
  Session s = small_session();
  ok(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"name", "Demo"}, {"probability", 40}}}, {"index", 2}});
  const Pipeline& p = pipe(s, "p1");
  REQUIRE(p.stages.size() == 6);
  const Stage& st = p.stages[2];
  CHECK(st.name == "Demo");
  CHECK(st.probability == 40);
  CHECK(st.kind == StageKind::Open);
  CHECK(st.color == "#4f7cff");
  CHECK(st.id.rfind("stage_", 0) == 0);
  CHECK(p.stages[3].id == "s_nego");
  CHECK(s.undo_label() == "Add stage");
  ok(s, {{"type", "stage.create"}, {"pipeline", "p1"},
         {"stage", {{"id", "s_end"}, {"name", "Parked"}, {"color", "#AABBCC"}, {"rotting_days", 90}}}});
  CHECK(pipe(s, "p1").stages.back().id == "s_end");
  CHECK(pipe(s, "p1").stages.back().color == "#AABBCC");
  CHECK(pipe(s, "p1").stages.back().rotting_days == 90);

  add_p2(s);
  CHECK(fails(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"id", "s_new"}, {"name", "Dup"}}}}) ==
        "/pipeline/stages/7/id: repeats stage id \"s_new\"");
  CHECK(fails(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"id", "t_new"}, {"name", "Dup"}}}}) ==
        "/pipeline/stages/7/id: stage id \"t_new\" is already used in pipeline \"Enterprise\"");
  CHECK(fails(s, {{"type", "stage.create"}, {"pipeline", "p9"}, {"stage", {{"name", "X"}}}}) == "no pipeline has id \"p9\"");
  CHECK(fails(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"color", "#000000"}}}}) == "/stage/name: is required");
  CHECK(fails(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"name", "X"}, {"rotting_days", -1}}}}) ==
        "/stage/rotting_days: must be between 0 and 3650");
  for (int i = static_cast<int>(pipe(s, "p1").stages.size()); i < 100; ++i)
    ok(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"name", "S" + std::to_string(i)}}}});
  CHECK(fails(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"name", "One too many"}}}}) ==
        "a pipeline has at most 100 stages");
  CHECK(fails(s, {{"type", "stage.duplicate"}, {"stage", "s_new"}}) == "a pipeline has at most 100 stages");
}

TEST_CASE("stage.rename and stage.update") {
  Session s = small_session();
  ok(s, {{"type", "stage.rename"}, {"stage", "s_pres"}, {"name", "Demo"}});
  CHECK(pipe(s, "p1").stages[1].name == "Demo");
  CHECK(s.undo_label() == "Rename stage");
  ok(s, {{"type", "stage.update"}, {"stage", "s_pres"}, {"set", {{"color", "#123456"}, {"probability", 35}, {"rotting_days", 7}}}});
  const Stage& st = pipe(s, "p1").stages[1];
  CHECK(st.name == "Demo");
  CHECK(st.color == "#123456");
  CHECK(st.probability == 35);
  CHECK(st.rotting_days == 7);
  // Kind may change while the stage is empty.
  ok(s, {{"type", "stage.update"}, {"stage", "s_nego"}, {"set", {{"kind", "won"}}}});
  CHECK(pipe(s, "p1").stages[2].kind == StageKind::Won);
  ok(s, {{"type", "stage.update"}, {"stage", "s_nego"}, {"set", {{"kind", "open"}}}});

  ok(s, deal("d1", "Acme", 100, "s_pres"));
  CHECK(fails(s, {{"type", "stage.update"}, {"stage", "s_pres"}, {"set", {{"kind", "lost"}}}}) ==
        "/set/kind: stage \"Demo\" holds 1 deals; move them out before changing whether it is open, won or lost");
  CHECK(fails(s, {{"type", "stage.update"}, {"stage", "s_x"}, {"set", {{"name", "X"}}}}) == "no stage has id \"s_x\"");
  CHECK(fails(s, {{"type", "stage.update"}, {"stage", "s_new"}, {"set", {{"id", "s_first"}}}}) == "/set/id: stage ids cannot change");
  CHECK(fails(s, {{"type", "stage.update"}, {"stage", "s_new"}, {"set", {{"color", "#12345"}}}}) ==
        "/set/color: expected a color like #4f7cff, got \"#12345\"");
  CHECK(fails(s, {{"type", "stage.update"}, {"stage", "s_new"}, {"set", {{"probability", 50.5}}}}) ==
        "/set/probability: expected an integer, got a fraction or a number out of range");
  CHECK(fails(s, {{"type", "stage.rename"}, {"stage", "s_new"}, {"name", ""}}) == "/set/name: must not be empty");
  // The last open stages cannot all become closed.
  Session one;
  ok(one, {{"type", "pipeline.create"}, {"pipeline", {{"id", "p"}, {"name", "P"}, {"stages", {{{"id", "a"}, {"name", "A"}}}}}}});
  CHECK(fails(one, {{"type", "stage.update"}, {"stage", "a"}, {"set", {{"kind", "won"}}}}) ==
        "/set/stages: a pipeline needs at least one open stage");
}

TEST_CASE("stage.reorder") {
  Session s = small_session();
  ok(s, {{"type", "stage.reorder"}, {"stage", "s_lost"}, {"index", 0}});
  CHECK(stage_ids(pipe(s, "p1")) == std::vector<std::string>{"s_lost", "s_new", "s_pres", "s_nego", "s_won"});
  ok(s, {{"type", "stage.reorder"}, {"stage", "s_lost"}, {"index", 40}});
  CHECK(stage_ids(pipe(s, "p1")) == std::vector<std::string>{"s_new", "s_pres", "s_nego", "s_won", "s_lost"});
  ok(s, {{"type", "stage.reorder"}, {"stage", "s_new"}, {"index", 2}});
  CHECK(stage_ids(pipe(s, "p1")) == std::vector<std::string>{"s_pres", "s_nego", "s_new", "s_won", "s_lost"});
  CHECK(s.undo_label() == "Reorder stages");
  CHECK(fails(s, {{"type", "stage.reorder"}, {"stage", "nope"}, {"index", 0}}) == "no stage has id \"nope\"");
  CHECK(fails(s, {{"type", "stage.reorder"}, {"stage", "s_new"}}) == "/index: is required");
}

// [SECTION] stage.duplicate / delete

TEST_CASE("stage.duplicate inserts a copy right after the original") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 100, "s_pres"));
  ok(s, {{"type", "stage.duplicate"}, {"stage", "s_pres"}});
  const Pipeline& p = pipe(s, "p1");
  REQUIRE(p.stages.size() == 6);
  CHECK(p.stages[2].name == "Presentation (copy)");
  CHECK(p.stages[2].probability == 30);
  CHECK(p.stages[2].id != "s_pres");
  CHECK(p.stages[3].id == "s_nego");
  CHECK(s.workspace().count_deals_in_stage(p.stages[2].id) == 0);  // deals stay where they are
  ok(s, {{"type", "stage.duplicate"}, {"stage", "s_won"}, {"name", "Won (upsell)"}});
  CHECK(pipe(s, "p1").stages[5].name == "Won (upsell)");
  CHECK(pipe(s, "p1").stages[5].kind == StageKind::Won);
  CHECK(fails(s, {{"type", "stage.duplicate"}, {"stage", "s_zz"}}) == "no stage has id \"s_zz\"");
  CHECK(fails(s, {{"type", "stage.duplicate"}, {"stage", "s_new"}, {"name", " "}}) == "/name: must not be empty");
  CHECK(fails(s, {{"type", "stage.duplicate"}, {"stage", "s_new"}, {"name", std::string(201, 'x')}}).find("/name: is too long") == 0);
}

TEST_CASE("stage.duplicate never produces a name that cannot be saved") {
  Session s = small_session();
  const std::string long_name = std::string(192, 'a') + "\xC3\xA9" + std::string(6, 'a');  // 200 bytes, see above
  ok(s, {{"type", "stage.rename"}, {"stage", "s_new"}, {"name", long_name}});
  ok(s, {{"type", "stage.duplicate"}, {"stage", "s_new"}});
  const std::string& copy = pipe(s, "p1").stages[1].name;
  CHECK(copy.size() <= kMaxName);
  CHECK(valid_utf8(copy));
  Workspace reloaded;
  Issues issues;
  CHECK(load_workspace(save_workspace(s.workspace()), reloaded, issues));
  CHECK(issues.summary() == "");
}

TEST_CASE("stage.delete: deals are never lost silently") {
  Session s = small_session();
  add_p2(s);
  ok(s, deal("d1", "Acme", 100, "s_pres"));
  ok(s, deal("d2", "Beta", 200, "s_pres"));
  ok(s, {{"type", "view.create"}, {"view", {{"id", "v1"}, {"name", "V"}, {"pipeline", "p1"}, {"hidden_stages", {"s_pres", "s_lost"}}}}});

  // An empty stage just goes.
  ok(s, {{"type", "stage.delete"}, {"stage", "s_nego"}});
  CHECK(stage_ids(pipe(s, "p1")) == std::vector<std::string>{"s_new", "s_pres", "s_won", "s_lost"});
  CHECK(s.undo_label() == "Delete stage");

  CHECK(fails(s, {{"type", "stage.delete"}, {"stage", "s_pres"}}) ==
        "stage \"Presentation\" holds 2 deals: give move_to, the stage they should go to");
  CHECK(fails(s, {{"type", "stage.delete"}, {"stage", "s_pres"}, {"move_to", "s_pres"}}) ==
        "/move_to: pick another stage of pipeline \"Sales\"");
  CHECK(fails(s, {{"type", "stage.delete"}, {"stage", "s_pres"}, {"move_to", "t_new"}}) ==
        "/move_to: pick another stage of pipeline \"Sales\"");
  CHECK(fails(s, {{"type", "stage.delete"}, {"stage", "s_pres"}, {"move_to", "s_lost"}}) ==
        "moving \"Acme\" to lost stage \"Lost\" needs a lost reason");
  CHECK(fails(s, {{"type", "stage.delete"}, {"stage", "s_gone"}}) == "no stage has id \"s_gone\"");

  ok(s, {{"type", "stage.delete"}, {"stage", "s_pres"}, {"move_to", "s_new"}}, kNow + 60'000);
  CHECK(stage_ids(pipe(s, "p1")) == std::vector<std::string>{"s_new", "s_won", "s_lost"});
  for (const char* id : {"d1", "d2"}) {
    const Deal& d = deal_of(s, id);
    CHECK(d.stage == "s_new");
    REQUIRE(d.history.size() == 2);
    CHECK(d.history[0] == StageVisit{"p1", "s_pres", kNow});
    CHECK(d.history[1] == StageVisit{"p1", "s_new", kNow + 60'000});
  }
  CHECK(s.workspace().views.find("v1")->hidden_stages == std::vector<std::string>{"s_lost"});

  // Moving into a won stage wins the deals.
  ok(s, deal("d3", "Gamma", 300, "s_new"));
  ok(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"id", "s_tmp"}, {"name", "Tmp"}}}});
  ok(s, {{"type", "deal.move"}, {"deal", "d3"}, {"stage", "s_tmp"}});
  ok(s, {{"type", "stage.delete"}, {"stage", "s_tmp"}, {"move_to", "s_won"}});
  CHECK(deal_of(s, "d3").status == DealStatus::Won);

  // The last open stage stays.
  ok(s, {{"type", "deals.move"}, {"deals", {"d1", "d2"}}, {"stage", "s_won"}});
  CHECK(fails(s, {{"type", "stage.delete"}, {"stage", "s_new"}}) == "a pipeline needs at least one open stage");
  Session one;
  ok(one, {{"type", "pipeline.create"}, {"pipeline", {{"id", "p"}, {"name", "P"}, {"stages", {{{"id", "a"}, {"name", "A"}}}}}}});
  CHECK(fails(one, {{"type", "stage.delete"}, {"stage", "a"}}) == "a pipeline needs at least one stage");
}
