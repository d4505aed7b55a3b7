// Which tour events a command's change amounts to (core/tour/change_events.hpp), from real
// commands on the story demo, so every path that moves a deal or makes a view counts.
#include <doctest/doctest.h>

#include "change_events.hpp"
#include "session.hpp"
#include "stories.hpp"
#include "test_helpers.hpp"

namespace pb {
namespace {

std::vector<TourEvent> events(Session& s, const std::string& command) {
  const Outcome o = s.dispatch_json(command, test::kNow);
  REQUIRE_MESSAGE(o.ok, o.error);
  REQUIRE(o.change);
  return tour_events_of(*o.change);
}

const Deal& open_deal_in(const Workspace& ws, const std::string& pipeline) {
  for (std::size_t i = 0; i < ws.deals.size(); ++i)
    if (ws.deals.at(i).pipeline == pipeline && ws.deals.at(i).status == DealStatus::Open) return ws.deals.at(i);
  FAIL("no open deal in " << pipeline);
  return ws.deals.at(0);
}

}  // namespace

TEST_CASE("tour events: moves, new views, pipelines and stages; edits are none of them") {
  Session s(make_story_workspace(test::kNow));
  const Deal& d = open_deal_in(s.workspace(), "smb");
  const std::string id = d.id;
  const std::string other = d.stage == "smb-call" ? "smb-checkout" : "smb-call";
  using E = TourEvent;
  CHECK(events(s, R"({"type":"deal.move","deal":")" + id + R"(","stage":")" + other + R"("})") == std::vector{E::DealMoved});
  CHECK(events(s, R"({"type":"deal.update","deal":")" + id + R"(","set":{"owner":"u-lena"}})") == std::vector{E::DealMoved});
  CHECK(events(s, R"({"type":"deal.update","deal":")" + id + R"(","set":{"title":"Renamed"}})").empty());
  CHECK(events(s, R"({"type":"view.create","view":{"name":"Mine","pipeline":"smb"}})") == std::vector{E::ViewSaved});
  CHECK(events(s, R"({"type":"pipeline.create","pipeline":{"name":"Partners"}})") == std::vector{E::PipelineCreated});
  CHECK(events(s, R"({"type":"stage.create","pipeline":"smb","stage":{"name":"Upsell"}})") == std::vector{E::StageAdded});
  CHECK(events(s, R"({"type":"pipeline.rename","pipeline":"smb","name":"SMB"})").empty());
  const Change none;
  CHECK(tour_events_of(none).empty());
}

}  // namespace pb
