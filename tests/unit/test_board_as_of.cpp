// The board on a past day: where each deal stood at the end of that day, from its stage history.
#include <doctest/doctest.h>

#include <memory>

#include "board_as_of.hpp"

namespace pb {
namespace {

Timestamp at(int y, unsigned m, unsigned d, int hour = 12) {
  return static_cast<Timestamp>(days_from_civil(y, m, d)) * 86'400'000 + hour * 3'600'000LL;
}
Date day(int y, unsigned m, unsigned d) { return Date{days_from_civil(y, m, d)}; }

Stage stage(const char* id, StageKind kind = StageKind::Open) {
  Stage s;
  s.id = id;
  s.name = id;
  s.kind = kind;
  return s;
}

// Two pipelines: sales (lead → demo → won / lost) and referrals (ask).
Workspace two_pipelines() {
  Workspace ws;
  Pipeline sales;
  sales.id = "sales";
  sales.stages = {stage("lead"), stage("demo"), stage("won", StageKind::Won), stage("lost", StageKind::Lost)};
  Pipeline referrals;
  referrals.id = "referrals";
  referrals.stages = {stage("ask")};
  ws.pipelines.insert(0, std::make_shared<Pipeline>(sales));
  ws.pipelines.insert(1, std::make_shared<Pipeline>(referrals));
  return ws;
}

void add_deal(Workspace& ws, const char* id, Timestamp created, std::vector<StageVisit> history) {
  Deal d;
  d.id = id;
  d.title = id;
  d.created = created;
  d.updated = history.empty() ? created : history.back().at;
  d.history = std::move(history);
  const StageVisit& last = d.history.back();
  d.pipeline = last.pipeline;
  d.stage = last.stage;
  const Stage* s = ws.pipelines.find(d.pipeline)->stage(d.stage);
  d.status = s->kind == StageKind::Won ? DealStatus::Won : s->kind == StageKind::Lost ? DealStatus::Lost : DealStatus::Open;
  if (d.status == DealStatus::Lost) d.lost_reason = "price";
  ws.deals.insert(ws.deals.size(), std::make_shared<Deal>(std::move(d)));
}

Workspace history_fixture() {
  Workspace ws = two_pipelines();
  // a: lead on Mar 1, demo on Mar 5, won on Mar 10.
  add_deal(ws, "a", at(2026, 3, 1), {{"sales", "lead", at(2026, 3, 1)}, {"sales", "demo", at(2026, 3, 5)},
                                     {"sales", "won", at(2026, 3, 10)}});
  // b: lead on Mar 2, lost on Mar 4 at 23:59:59.999 (still that day), reopened to demo on Mar 20.
  add_deal(ws, "b", at(2026, 3, 2), {{"sales", "lead", at(2026, 3, 2)}, {"sales", "lost", at(2026, 3, 5, 0) - 1},
                                     {"sales", "demo", at(2026, 3, 20)}});
  // c: created on Mar 6 into demo, moved to the referrals pipeline on Mar 8.
  add_deal(ws, "c", at(2026, 3, 6), {{"sales", "demo", at(2026, 3, 6)}, {"referrals", "ask", at(2026, 3, 8)}});
  // d: lead on Mar 1, then a stage since deleted on Mar 3, then demo on Mar 7.
  add_deal(ws, "d", at(2026, 3, 1), {{"sales", "lead", at(2026, 3, 1)}, {"sales", "gone", at(2026, 3, 3)},
                                     {"sales", "demo", at(2026, 3, 7)}});
  return ws;
}

const Deal& deal(const PastBoard& past, const char* id) {
  const Deal* d = past.workspace.deals.find(id);
  REQUIRE(d);
  return *d;
}

}  // namespace

TEST_CASE("board as of a day: each deal where its history puts it at the end of that day") {
  const Workspace now = history_fixture();

  SUBCASE("Mar 4: a still in lead (demo came on Mar 5); b lost that evening; c, created Mar 6, hidden") {
    const PastBoard past = board_as_of(now, day(2026, 3, 4));
    CHECK(past.workspace.deals.size() == 3);  // a, b, d
    CHECK(past.hidden == 1);
    CHECK_FALSE(past.workspace.deals.contains("c"));
    CHECK(deal(past, "a").stage == "lead");
    CHECK(deal(past, "a").status == DealStatus::Open);
    CHECK(deal(past, "b").stage == "lost");  // 23:59:59.999 is still Mar 4
    CHECK(deal(past, "b").status == DealStatus::Lost);
    CHECK(deal(past, "d").stage == "lead");  // "gone" no longer exists: the entry before it stands
    CHECK(past.changed_since == std::vector<Id>{"a", "b", "d"});
  }
  SUBCASE("Mar 7: c in demo of sales, before it moved to referrals; d in demo") {
    const PastBoard past = board_as_of(now, day(2026, 3, 7));
    CHECK(past.hidden == 0);
    CHECK(deal(past, "c").pipeline == "sales");
    CHECK(deal(past, "c").stage == "demo");
    CHECK(deal(past, "a").stage == "demo");
    CHECK(deal(past, "b").status == DealStatus::Lost);
    CHECK(deal(past, "b").lost_reason.empty());  // lost then, but the reason on record is today's (none)
    CHECK(deal(past, "d").stage == "demo");
    CHECK(past.changed_since == std::vector<Id>{"a", "b", "c"});
  }
  SUBCASE("after the last change: the board as it is now, sharing every deal record") {
    const PastBoard past = board_as_of(now, day(2026, 3, 25));
    CHECK(past.workspace == now);
    CHECK(past.changed_since.empty());
    for (std::size_t i = 0; i < now.deals.size(); ++i) CHECK(past.workspace.deals.ptr_at(i) == now.deals.ptr_at(i));
  }
  SUBCASE("before anything: an empty board") {
    const PastBoard past = board_as_of(now, day(2026, 2, 28));
    CHECK(past.workspace.deals.empty());
    CHECK(past.hidden == 4);
    CHECK(past.workspace.pipelines == now.pipelines);
  }
}

TEST_CASE("board as of a day: a deal without history stands where it is now") {
  Workspace ws = two_pipelines();
  Deal d;
  d.id = "legacy";
  d.title = "Legacy";
  d.pipeline = "sales";
  d.stage = "demo";
  d.created = at(2026, 1, 1);
  ws.deals.insert(0, std::make_shared<Deal>(d));
  const PastBoard past = board_as_of(ws, day(2026, 2, 1));
  CHECK(deal(past, "legacy").stage == "demo");
  CHECK(past.changed_since.empty());
}

TEST_CASE("end_of_day is the day's last millisecond") {
  CHECK(end_of_day(day(1970, 1, 1)) == 86'400'000 - 1);
  CHECK(date_of(end_of_day(day(2026, 3, 4))) == day(2026, 3, 4));
  CHECK(date_of(end_of_day(day(2026, 3, 4)) + 1) == day(2026, 3, 5));
}

}  // namespace pb

namespace pb {

TEST_CASE("board as of a day: a deal that stood elsewhere holds its history only up to that day") {
  const PastBoard mar4 = board_as_of(history_fixture(), day(2026, 3, 4));
  CHECK(deal(mar4, "a").history.size() == 1);  // lead on Mar 1; demo came on Mar 5
  CHECK(deal(mar4, "a").title == "a");          // everything else as now
  CHECK(deal(mar4, "d").history.size() == 2);   // lead, then the deleted stage (kept as history)
}

}  // namespace pb
