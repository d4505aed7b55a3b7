// Deal commands: create, update, delete, move, win, lose, reopen and the bulk forms.
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {


// small_session() plus p2 (USD): t_new "New", t_demo "Demo", t_won "Won", t_lost "Lost".
Session two_pipelines() {
  Session s = small_session();
  add_p2(s);
  return s;
}

json create(json fields) { return json{{"type", "deal.create"}, {"deal", std::move(fields)}}; }
json base_deal() { return json{{"title", "Acme"}, {"pipeline", "p1"}}; }
json move(const std::string& deal, const std::string& stage) {
  return json{{"type", "deal.move"}, {"deal", deal}, {"stage", stage}};
}

}  // namespace

// [SECTION] deal.create

TEST_CASE("deal.create stores every field") {
  Session s = small_session();
  ok(s, create({{"id", "d1"}, {"title", "Acme rollout"}, {"pipeline", "p1"}, {"stage", "s_pres"},
                {"value", {{"amount", 123456}, {"currency", "EUR"}}}, {"owner", "u1"}, {"company", "Acme"},
                {"contact_name", "Jane Roe"}, {"contact_email", "jane@acme.test"}, {"product", "CRM Suite"},
                {"plan", "Team"}, {"property", "12 Harbour St"}, {"source", "Referral"},
                {"expected_close", "2026-10-31"}, {"notes", "Call back"}, {"custom", {{"f_ind", "Retail"}}}}));
  const Deal& d = deal_of(s, "d1");
  CHECK(d.title == "Acme rollout");
  CHECK(d.pipeline == "p1");
  CHECK(d.stage == "s_pres");
  CHECK(d.status == DealStatus::Open);
  CHECK(d.value == Money{123456, "EUR"});
  CHECK(d.owner == "u1");
  CHECK(d.company == "Acme");
  CHECK(d.contact_name == "Jane Roe");
  CHECK(d.contact_email == "jane@acme.test");
  CHECK(d.product == "CRM Suite");
  CHECK(d.plan == "Team");
  CHECK(d.property == "12 Harbour St");
  CHECK(d.source == "Referral");
  CHECK(d.expected_close == parse_date("2026-10-31"));
  CHECK(d.notes == "Call back");
  REQUIRE(d.custom.count("f_ind") == 1);
  CHECK(std::get<std::string>(d.custom.at("f_ind")) == "Retail");
  CHECK(d.created == kNow);
  CHECK(d.updated == kNow);
  CHECK(d.history == std::vector<StageVisit>{{"p1", "s_pres", kNow}});
  CHECK(s.undo_label() == "Add deal");
}

TEST_CASE("deal.create defaults: first open stage, generated id, the pipeline's currency") {
  Session s = small_session();
  ok(s, create(base_deal()), kNow + 5);
  REQUIRE(s.workspace().deals.size() == 1);
  const Deal& d = s.workspace().deals.at(0);
  CHECK(d.id.rfind("deal_", 0) == 0);
  CHECK(d.stage == "s_new");
  CHECK(d.status == DealStatus::Open);
  CHECK(d.value == Money{0, "EUR"});  // a savable currency, not ""
  CHECK(d.created == kNow + 5);
  CHECK(d.history == std::vector<StageVisit>{{"p1", "s_new", kNow + 5}});
  Workspace reloaded;
  Issues issues;
  CHECK(load_workspace(save_workspace(s.workspace()), reloaded, issues));
  CHECK(issues.summary() == "");

  // An explicit creation time (an import) is kept, and the first visit is at that time.
  ok(s, create(with(with(base_deal(), "id", "d_old"), "created", "2026-01-05T10:00:00Z")));
  const Deal& old = deal_of(s, "d_old");
  CHECK(old.created == *parse_timestamp("2026-01-05T10:00:00Z"));
  CHECK(old.updated == kNow);
  CHECK(old.history.at(0).at == old.created);
}

TEST_CASE("deal.create straight into a closed stage takes its status") {
  Session s = small_session();
  ok(s, create(with(with(base_deal(), "id", "w"), "stage", "s_won")));
  CHECK(deal_of(s, "w").status == DealStatus::Won);
  CHECK(fails(s, create(with(base_deal(), "stage", "s_lost"))) == "/deal/lost_reason: a lost deal needs a reason");
  ok(s, create(with(with(with(base_deal(), "id", "l"), "stage", "s_lost"), "lost_reason", "Too expensive")));
  CHECK(deal_of(s, "l").status == DealStatus::Lost);
  CHECK(deal_of(s, "l").lost_reason == "Too expensive");
}

TEST_CASE("deal.create: invalid input names the field") {
  Session s = two_pipelines();
  ok(s, deal("d1", "Acme", 100));
  const json b = base_deal();
  CHECK(fails(s, create({{"pipeline", "p1"}})) == "/deal/title: is required");
  CHECK(fails(s, create({{"title", "X"}})) == "/deal/pipeline: is required");
  CHECK(fails(s, create(with(b, "title", "  "))) == "/deal/title: must not be empty");
  CHECK(fails(s, create(with(b, "pipeline", "p9"))) == "/deal/pipeline: no pipeline has id \"p9\"");
  CHECK(fails(s, create(with(b, "stage", "t_new"))) == "/deal/stage: pipeline \"Sales\" has no stage with id \"t_new\"");
  CHECK(fails(s, create(with(b, "owner", "u9"))) == "/deal/owner: no person has id \"u9\"");
  CHECK(fails(s, create(with(b, "custom", {{"f_x", "1"}}))) == "/deal/custom/f_x: no custom field has this id");
  CHECK(fails(s, create(with(b, "custom", {{"f_ind", "Mining"}}))) ==
        "/deal/custom/f_ind: \"Mining\" is not an option of field \"Industry\"");
  CHECK(fails(s, create(with(b, "custom", {{"f_ind", nullptr}}))) == "/deal/custom/f_ind: expected a value, got null");
  CHECK(fails(s, create(with(b, "id", "d1"))) == "/deal/id: a deal with id \"d1\" exists");
  CHECK(fails(s, create(with(b, "expected_close", "2026-02-30"))) ==
        "/deal/expected_close: expected a date like 2026-03-31, got \"2026-02-30\" (or a day that does not exist)");
  CHECK(fails(s, create(with(b, "value", 5))) == "/deal/value: expected an object, got an integer");
  CHECK(fails(s, create(with(b, "value", {{"amount", 12.5}, {"currency", "EUR"}}))) ==
        "/deal/value/amount: expected an integer, got a fraction or a number out of range");
  CHECK(fails(s, create(with(b, "value", {{"amount", 1'000'000'000'001}, {"currency", "EUR"}}))) ==
        "/deal/value/amount: must be between -1000000000000 and 1000000000000");
  CHECK(fails(s, create(with(b, "value", {{"amount", -1'000'000'000'001}, {"currency", "EUR"}}))) ==
        "/deal/value/amount: must be between -1000000000000 and 1000000000000");
  CHECK(fails(s, create(with(b, "contact_email", "jane at acme"))) ==
        "/deal/contact_email: is not an email address like name@example.com");
  CHECK(fails(s, create(with(b, "value", {{"amount", 1}, {"currency", "EURO"}}))) ==
        "/deal/value/currency: is not an ISO 4217 currency code: \"EURO\"");
  CHECK(fails(s, create(with(b, "value", {{"amount", 1}}))) == "/deal/value/currency: is required");
  CHECK(fails(s, create(with(b, "lost_reason", "Nope"))) == "/deal/lost_reason: only lost deals have a lost reason");
  CHECK(fails(s, create(with(b, "status", "closed"))) == "/deal/status: must be one of open, won, lost, got \"closed\"");
  CHECK(fails(s, create(with(b, "created", "yesterday"))) ==
        "/deal/created: expected a UTC time like 2026-03-31T09:30:00Z, got \"yesterday\"");
  CHECK(fails(s, create(with(with(b, "created", "2026-05-02T00:00:00Z"), "updated", "2026-05-01T00:00:00Z"))) ==
        "/deal/updated: is earlier than created");
  CHECK(fails(s, create(with(b, "colour", "red"))) == "/deal/colour: unknown field");
  CHECK(fails(s, create(with(b, "notes", 42))) == "/deal/notes: expected a string, got an integer");
  CHECK(fails(s, create(json::array())) == "/deal: expected an object, got an array");
}

// [SECTION] deal.update / delete

TEST_CASE("deal.update edits fields, and null clears optional ones") {
  Session s = small_session();
  ok(s, create({{"id", "d1"}, {"title", "Acme"}, {"pipeline", "p1"}, {"owner", "u1"}, {"expected_close", "2026-10-01"},
                {"notes", "n"}, {"custom", {{"f_ind", "Retail"}}}, {"product", "CRM"}}));
  ok(s, {{"type", "deal.update"}, {"deal", "d1"},
         {"set", {{"title", "Acme 2"}, {"value", {{"amount", 990}, {"currency", "USD"}}}, {"owner", "u2"},
                  {"custom", {{"f_ind", "Tech"}}}, {"expected_close", "2026-12-24"}}}},
     kNow + 100);
  const Deal& d = deal_of(s, "d1");
  CHECK(d.title == "Acme 2");
  CHECK(d.value == Money{990, "USD"});
  CHECK(d.owner == "u2");
  CHECK(std::get<std::string>(d.custom.at("f_ind")) == "Tech");
  CHECK(d.expected_close == parse_date("2026-12-24"));
  CHECK(d.product == "CRM");  // untouched
  CHECK(d.updated == kNow + 100);
  CHECK(d.created == kNow);
  CHECK(d.history.size() == 1);  // editing is not a move
  CHECK(s.undo_label() == "Edit deal");

  ok(s, {{"type", "deal.update"}, {"deal", "d1"},
         {"set", {{"owner", nullptr}, {"expected_close", nullptr}, {"notes", nullptr}, {"custom", {{"f_ind", nullptr}}}}}});
  CHECK(deal_of(s, "d1").owner.empty());
  CHECK_FALSE(deal_of(s, "d1").expected_close.has_value());
  CHECK(deal_of(s, "d1").notes.empty());
  CHECK(deal_of(s, "d1").custom.empty());
  CHECK(deal_of(s, "d1").title == "Acme 2");

  auto update = [](json set) { return json{{"type", "deal.update"}, {"deal", "d1"}, {"set", std::move(set)}}; };
  for (const char* key : {"stage", "status", "pipeline", "lost_reason", "history", "id", "created"})
    CHECK(fails(s, update({{key, "x"}})) == std::string("/set/") + key +
                                                ": cannot be edited directly; use the deal.move, deal.win, deal.lose or "
                                                "deal.reopen commands");
  CHECK(fails(s, update({{"owner", "u9"}})) == "/set/owner: no person has id \"u9\"");
  CHECK(fails(s, update({{"title", ""}})) == "/set/title: must not be empty");
  CHECK(fails(s, update({{"colour", "red"}})) == "/set/colour: unknown field");
  CHECK(fails(s, update({{"value", {{"amount", "10"}, {"currency", "EUR"}}}})) ==
        "/set/value/amount: expected an integer, got a string");
  CHECK(fails(s, {{"type", "deal.update"}, {"deal", "d9"}, {"set", {{"title", "X"}}}}) == "no deal has id \"d9\"");
  CHECK(fails(s, {{"type", "deal.update"}, {"deal", "d1"}}) == "/set: is required");
}

TEST_CASE("deal.delete") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 100));
  ok(s, deal("d2", "Beta", 100));
  ok(s, {{"type", "deal.delete"}, {"deal", "d1"}});
  CHECK_FALSE(s.workspace().deals.contains("d1"));
  CHECK(s.workspace().deals.size() == 1);
  CHECK(s.undo_label() == "Delete deal");
  CHECK(fails(s, {{"type", "deal.delete"}, {"deal", "d1"}}) == "no deal has id \"d1\"");
  CHECK(fails(s, {{"type", "deal.delete"}}) == "/deal: is required");
}

// [SECTION] deal.move

TEST_CASE("deal.move records every stage visit and keeps status in line with the stage") {
  Session s = two_pipelines();
  ok(s, deal("d1", "Acme", 100));
  ok(s, move("d1", "s_pres"), kNow + 1000);
  CHECK(deal_of(s, "d1").stage == "s_pres");
  CHECK(deal_of(s, "d1").updated == kNow + 1000);
  CHECK(s.undo_label() == "Move deal");
  ok(s, move("d1", "s_won"), kNow + 2000);
  CHECK(deal_of(s, "d1").status == DealStatus::Won);
  CHECK(fails(s, move("d1", "s_lost")) == "moving \"Acme\" to lost stage \"Lost\" needs a lost reason");
  CHECK(fails(s, with(move("d1", "s_lost"), "lost_reason", " \t")) ==
        "moving \"Acme\" to lost stage \"Lost\" needs a lost reason");
  CHECK(fails(s, with(move("d1", "s_lost"), "lost_reason", std::string(201, 'r'))) ==
        "/lost_reason: is too long (at most 200 bytes)");
  ok(s, with(move("d1", "s_lost"), "lost_reason", "Chose a competitor"), kNow + 3000);
  CHECK(deal_of(s, "d1").status == DealStatus::Lost);
  CHECK(deal_of(s, "d1").lost_reason == "Chose a competitor");
  ok(s, move("d1", "s_nego"), kNow + 4000);
  CHECK(deal_of(s, "d1").status == DealStatus::Open);
  CHECK(deal_of(s, "d1").lost_reason.empty());
  // Another pipeline's stage moves the deal there.
  ok(s, move("d1", "t_demo"), kNow + 5000);
  const Deal& d = deal_of(s, "d1");
  CHECK(d.pipeline == "p2");
  CHECK(d.stage == "t_demo");
  CHECK(d.value == Money{100, "EUR"});
  CHECK(d.history == std::vector<StageVisit>{{"p1", "s_new", kNow},
                                             {"p1", "s_pres", kNow + 1000},
                                             {"p1", "s_won", kNow + 2000},
                                             {"p1", "s_lost", kNow + 3000},
                                             {"p1", "s_nego", kNow + 4000},
                                             {"p2", "t_demo", kNow + 5000}});
  CHECK(fails(s, move("d1", "t_demo")) == "deal \"Acme\" is already in stage \"Demo\"");
  CHECK(fails(s, move("d1", "zz")) == "no stage has id \"zz\"");
  CHECK(fails(s, move("zz", "s_new")) == "no deal has id \"zz\"");
  CHECK(fails(s, {{"type", "deal.move"}, {"deal", "d1"}}) == "/stage: is required");
}

TEST_CASE("deal.move between lost stages keeps the reason") {
  Session s = small_session();
  ok(s, {{"type", "stage.create"}, {"pipeline", "p1"}, {"stage", {{"id", "s_lost2"}, {"name", "Lost (no budget)"}, {"kind", "lost"}}}});
  ok(s, deal("d1", "Acme", 100));
  ok(s, {{"type", "deal.lose"}, {"deal", "d1"}, {"reason", "Budget"}});
  ok(s, move("d1", "s_lost2"));
  CHECK(deal_of(s, "d1").lost_reason == "Budget");
  ok(s, with(move("d1", "s_lost"), "lost_reason", "Timing"));
  CHECK(deal_of(s, "d1").lost_reason == "Timing");
}

// [SECTION] deal.win / lose / reopen

TEST_CASE("deal.win, deal.lose and deal.reopen") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 100, "s_pres"));
  ok(s, {{"type", "deal.win"}, {"deal", "d1"}}, kNow + 10);
  CHECK(deal_of(s, "d1").stage == "s_won");
  CHECK(deal_of(s, "d1").status == DealStatus::Won);
  CHECK(deal_of(s, "d1").history.back() == StageVisit{"p1", "s_won", kNow + 10});
  CHECK(s.undo_label() == "Mark deal won");
  CHECK(fails(s, {{"type", "deal.win"}, {"deal", "d1"}}) == "deal \"Acme\" is already won");
  CHECK(fails(s, {{"type", "deal.win"}, {"deal", "d9"}}) == "no deal has id \"d9\"");

  CHECK(fails(s, {{"type", "deal.lose"}, {"deal", "d1"}}) == "/reason: is required");
  CHECK(fails(s, {{"type", "deal.lose"}, {"deal", "d1"}, {"reason", "  "}}) == "/reason: a lost deal needs a reason");
  CHECK(fails(s, {{"type", "deal.lose"}, {"deal", "d1"}, {"reason", std::string(201, 'x')}}) ==
        "/reason: is too long (at most 200 bytes)");
  ok(s, {{"type", "deal.lose"}, {"deal", "d1"}, {"reason", "Went silent"}}, kNow + 20);
  CHECK(deal_of(s, "d1").stage == "s_lost");
  CHECK(deal_of(s, "d1").status == DealStatus::Lost);
  CHECK(deal_of(s, "d1").lost_reason == "Went silent");
  CHECK(s.undo_label() == "Mark deal lost");
  CHECK(fails(s, {{"type", "deal.lose"}, {"deal", "d1"}, {"reason", "Again"}}) == "deal \"Acme\" is already lost");

  // Reopen returns to the last open stage it was in.
  ok(s, {{"type", "deal.reopen"}, {"deal", "d1"}}, kNow + 30);
  CHECK(deal_of(s, "d1").stage == "s_pres");
  CHECK(deal_of(s, "d1").status == DealStatus::Open);
  CHECK(deal_of(s, "d1").lost_reason.empty());
  CHECK(deal_of(s, "d1").history.size() == 4);
  CHECK(s.undo_label() == "Reopen deal");
  CHECK(fails(s, {{"type", "deal.reopen"}, {"deal", "d1"}}) == "deal \"Acme\" is already open");

  ok(s, {{"type", "deal.win"}, {"deal", "d1"}});
  CHECK(fails(s, {{"type", "deal.reopen"}, {"deal", "d1"}, {"stage", "s_lost"}}) ==
        "/stage: \"s_lost\" is not an open stage of pipeline \"Sales\"");
  CHECK(fails(s, {{"type", "deal.reopen"}, {"deal", "d1"}, {"stage", "nope"}}) ==
        "/stage: \"nope\" is not an open stage of pipeline \"Sales\"");
  ok(s, {{"type", "deal.reopen"}, {"deal", "d1"}, {"stage", "s_nego"}});
  CHECK(deal_of(s, "d1").stage == "s_nego");
  CHECK(deal_of(s, "d1").status == DealStatus::Open);

  // A deal created straight into the won stage reopens in the first open stage.
  ok(s, deal("d2", "Beta", 100, "s_won"));
  ok(s, {{"type", "deal.reopen"}, {"deal", "d2"}});
  CHECK(deal_of(s, "d2").stage == "s_new");
  // Lost from a lost state to won: the reason goes.
  ok(s, {{"type", "deal.lose"}, {"deal", "d2"}, {"reason", "x"}});
  ok(s, {{"type", "deal.win"}, {"deal", "d2"}});
  CHECK(deal_of(s, "d2").lost_reason.empty());
  CHECK(deal_of(s, "d2").stage == "s_won");
}

TEST_CASE("win, lose and reopen in a pipeline without closed stages keep the deal in place") {
  Session s;
  ok(s, {{"type", "pipeline.create"},
         {"pipeline", {{"id", "p"}, {"name", "Simple"}, {"currency", "EUR"},
                       {"stages", {{{"id", "a"}, {"name", "Todo"}}, {{"id", "b"}, {"name", "Doing"}}}}}}});
  ok(s, {{"type", "deal.create"}, {"deal", {{"id", "d"}, {"title", "T"}, {"pipeline", "p"}, {"stage", "b"}}}});
  ok(s, {{"type", "deal.win"}, {"deal", "d"}}, kNow + 1);
  const Deal* d = s.workspace().deals.find("d");
  REQUIRE(d);
  CHECK(d->stage == "b");
  CHECK(d->status == DealStatus::Won);
  CHECK(d->updated == kNow + 1);
  CHECK(d->history.size() == 1);
  ok(s, {{"type", "deal.reopen"}, {"deal", "d"}});
  d = s.workspace().deals.find("d");
  CHECK(d->stage == "b");
  CHECK(d->status == DealStatus::Open);
  ok(s, {{"type", "deal.lose"}, {"deal", "d"}, {"reason", "No fit"}});
  d = s.workspace().deals.find("d");
  CHECK(d->stage == "b");
  CHECK(d->status == DealStatus::Lost);
  CHECK(d->lost_reason == "No fit");
  Workspace reloaded;
  Issues issues;
  CHECK(load_workspace(save_workspace(s.workspace()), reloaded, issues));
  CHECK(reloaded == s.workspace());
}

// [SECTION] deals.move / update / delete

TEST_CASE("deals.move to a stage, or to another pipeline with a stage map") {
  Session s = two_pipelines();
  ok(s, deal("d1", "Acme", 100, "s_new"));
  ok(s, deal("d2", "Beta", 200, "s_pres"));
  ok(s, deal("d3", "Gamma", 300, "s_won"));
  ok(s, {{"type", "deals.move"}, {"deals", {"d1", "d2"}}, {"stage", "s_nego"}}, kNow + 10);
  for (const char* id : {"d1", "d2"}) {
    CHECK(deal_of(s, id).stage == "s_nego");
    CHECK(deal_of(s, id).history.back() == StageVisit{"p1", "s_nego", kNow + 10});
  }
  CHECK(s.undo_label() == "Move deals");
  // Already there: nothing to do, and no undo step.
  const std::size_t steps = s.history_steps();
  ok(s, {{"type", "deals.move"}, {"deals", {"d1"}}, {"stage", "s_nego"}});
  CHECK(s.history_steps() == steps);

  ok(s, {{"type", "deals.move"}, {"deals", {"d1", "d2", "d3"}}, {"pipeline", "p2"}, {"stage_map", {{"s_nego", "t_demo"}}}},
     kNow + 20);
  CHECK(deal_of(s, "d1").stage == "t_demo");
  CHECK(deal_of(s, "d2").stage == "t_demo");
  CHECK(deal_of(s, "d3").stage == "t_won");
  CHECK(deal_of(s, "d3").status == DealStatus::Won);
  for (const char* id : {"d1", "d2", "d3"}) {
    CHECK(deal_of(s, id).pipeline == "p2");
    CHECK(deal_of(s, id).history.back() == StageVisit{"p2", deal_of(s, id).stage, kNow + 20});
  }
  // Deals already in the target pipeline stay put.
  ok(s, {{"type", "deals.move"}, {"deals", {"d1"}}, {"pipeline", "p2"}});
  CHECK(deal_of(s, "d1").stage == "t_demo");
  // Into a lost stage with one reason for all.
  ok(s, {{"type", "deals.move"}, {"deals", {"d1", "d2"}}, {"stage", "t_lost"}, {"lost_reason", "Reorg"}});
  CHECK(deal_of(s, "d1").lost_reason == "Reorg");
  CHECK(deal_of(s, "d2").status == DealStatus::Lost);
}

TEST_CASE("deals.move: invalid input, and all-or-nothing") {
  Session s = two_pipelines();
  ok(s, deal("d1", "Acme", 100));
  ok(s, deal("d2", "Beta", 200));
  auto mv = [](json deals, const char* stage) { return json{{"type", "deals.move"}, {"deals", std::move(deals)}, {"stage", stage}}; };
  CHECK(fails(s, mv({"d1", "d1"}, "s_pres")) == "deal \"d1\" is listed twice");
  CHECK(fails(s, mv(json::array(), "s_pres")) == "no deals given");
  CHECK(fails(s, mv({"d1", "d9"}, "s_pres")) == "/deals/1: no deal has id \"d9\"");  // d1 was moved, then rolled back
  CHECK(fails(s, mv({"d1", "d2"}, "s_lost")) == "/deals/0: moving \"Acme\" to lost stage \"Lost\" needs a lost reason");
  CHECK(fails(s, mv({"d1"}, "zz")) == "/stage: no stage has id \"zz\"");
  CHECK(fails(s, with(mv({"d1"}, "t_new"), "pipeline", "p1")) == "/stage: stage \"t_new\" is not in pipeline \"p1\"");
  CHECK(fails(s, with(mv({"d1"}, "s_lost"), "lost_reason", std::string(201, 'r'))) ==
        "/lost_reason: is too long (at most 200 bytes)");
  CHECK(fails(s, {{"type", "deals.move"}, {"deals", {"d1"}}}) == "give a target stage, or a pipeline (with an optional stage_map)");
  CHECK(fails(s, {{"type", "deals.move"}, {"deals", {"d1"}}, {"pipeline", "p9"}}) == "/pipeline: no pipeline has id \"p9\"");
  CHECK(fails(s, {{"type", "deals.move"}, {"deals", {"d1"}}, {"pipeline", "p2"}, {"stage_map", {{"s_new", "s_pres"}}}}) ==
        "stage_map: pipeline \"Enterprise\" has no stage with id \"s_pres\"");
  CHECK(fails(s, {{"type", "deals.move"}, {"deals", "d1"}, {"stage", "s_pres"}}) == "/deals: expected an array, got a string");
  CHECK(fails(s, {{"type", "deals.move"}, {"deals", {"d1", 2}}, {"stage", "s_pres"}}) ==
        "/deals/1: expected a string, got an integer");
}

TEST_CASE("deals.update and deals.delete") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 100));
  ok(s, deal("d2", "Beta", 200));
  ok(s, deal("d3", "Gamma", 300));
  ok(s, {{"type", "deals.update"}, {"deals", {"d1", "d3"}}, {"set", {{"owner", "u2"}, {"source", "Event"}}}}, kNow + 7);
  for (const char* id : {"d1", "d3"}) {
    CHECK(deal_of(s, id).owner == "u2");
    CHECK(deal_of(s, id).source == "Event");
    CHECK(deal_of(s, id).updated == kNow + 7);
  }
  CHECK(deal_of(s, "d2").owner.empty());
  CHECK(s.undo_label() == "Edit deals");
  CHECK(fails(s, {{"type", "deals.update"}, {"deals", {"d1", "d9"}}, {"set", {{"owner", "u1"}}}}) == "/deals/1: no deal has id \"d9\"");
  CHECK(fails(s, {{"type", "deals.update"}, {"deals", {"d1"}}, {"set", {{"owner", "u9"}}}}) == "/deals/0/owner: no person has id \"u9\"");
  CHECK(fails(s, {{"type", "deals.update"}, {"deals", {"d1"}}, {"set", {{"stage", "s_won"}}}}).find("/set/stage: cannot be edited") == 0);
  CHECK(fails(s, {{"type", "deals.update"}, {"deals", {"d1", "d1"}}, {"set", {{"owner", "u1"}}}}) == "deal \"d1\" is listed twice");

  ok(s, {{"type", "deals.delete"}, {"deals", {"d1", "d3"}}});
  CHECK(s.workspace().deals.size() == 1);
  CHECK(s.workspace().deals.contains("d2"));
  CHECK(s.undo_label() == "Delete deals");
  CHECK(fails(s, {{"type", "deals.delete"}, {"deals", {"d2", "d1"}}}) == "/deals/1: no deal has id \"d1\"");
  CHECK(fails(s, {{"type", "deals.delete"}, {"deals", json::array()}}) == "no deals given");
  CHECK(fails(s, {{"type", "deals.delete"}, {"deals", {"d2", "d2"}}}) == "deal \"d2\" is listed twice");
}

TEST_CASE("deal.create: null created/updated mean \"now\", like absent ones") {
  Session s = small_session();
  ok(s, create(with(with(with(base_deal(), "id", "d1"), "created", nullptr), "updated", nullptr)), kNow + 3);
  CHECK(deal_of(s, "d1").created == kNow + 3);
  CHECK(deal_of(s, "d1").updated == kNow + 3);
  CHECK(deal_of(s, "d1").history.at(0).at == kNow + 3);
}

TEST_CASE("a deal created 'in the future' (another device's clock) stays editable and savable") {
  Session s = small_session();
  const Timestamp later = kNow + 86'400'000;
  ok(s, create({{"id", "d1"}, {"title", "Acme"}, {"pipeline", "p1"}, {"owner", "u1"}, {"custom", {{"f_ind", "Retail"}}},
                {"created", format_timestamp(later)}}));
  ok(s, {{"type", "deal.update"}, {"deal", "d1"}, {"set", {{"title", "Acme 2"}}}});
  ok(s, {{"type", "deals.update"}, {"deals", {"d1"}}, {"set", {{"plan", "Team"}}}});
  ok(s, move("d1", "s_pres"));
  ok(s, {{"type", "deal.win"}, {"deal", "d1"}});
  ok(s, {{"type", "deal.reopen"}, {"deal", "d1"}});
  ok(s, {{"type", "deal.lose"}, {"deal", "d1"}, {"reason", "Timing"}});
  ok(s, {{"type", "field.update"}, {"field", "f_ind"}, {"rename_options", {{"Retail", "Shops"}}}});
  ok(s, {{"type", "person.delete"}, {"person", "u1"}, {"reassign_to", "u2"}});
  const Deal& d = deal_of(s, "d1");
  CHECK(d.updated >= d.created);
  Workspace reloaded;
  Issues issues;
  CHECK(load_workspace(save_workspace(s.workspace()), reloaded, issues));
  CHECK(issues.summary() == "");
  CHECK(reloaded == s.workspace());
}

TEST_CASE("deal.update checks typed values; documents keep older values") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 100));
  const json upd{{"type", "deal.update"}, {"deal", "d1"}};
  CHECK(fails(s, with(upd, "set", {{"title", ""}})) == "/set/title: must not be empty");
  for (const char* bad : {"jane", "@acme.test", "jane@", "jane@acme", "jane@@acme.test", "jane @acme.test", "jane@acme.", "jane@.test"})
    CHECK_MESSAGE(fails(s, with(upd, "set", {{"contact_email", bad}})) == "/set/contact_email: is not an email address like name@example.com", bad);
  CHECK(fails(s, {{"type", "deals.update"}, {"deals", {"d1"}}, {"set", {{"contact_email", "x"}}}}) ==
        "/set/contact_email: is not an email address like name@example.com");
  ok(s, with(upd, "set", {{"contact_email", "jane.roe+crm@acme.co.uk"}}));
  ok(s, with(upd, "set", {{"contact_email", ""}}));  // empty: no address

  // Loading is not held to the email rule, so workspaces saved before it still open.
  json doc = json::parse(save_workspace(s.workspace()));
  doc["deals"][0]["contact_email"] = "not an address";
  ok(s, {{"type", "workspace.import"}, {"workspace", doc}});
  CHECK(s.workspace().deals.find("d1")->contact_email == "not an address");
  ok(s, with(upd, "set", {{"title", "Acme renamed"}}));  // untouched fields are not re-checked
}
