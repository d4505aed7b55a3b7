#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

TEST_CASE("a deal can be created, moved and undone") {
  Session s = small_session();
  ok(s, deal("d1", "Acme", 1000));
  ok(s, {{"type", "deal.move"}, {"deal", "d1"}, {"stage", "s_pres"}});
  CHECK(s.workspace().deals.find("d1")->stage == "s_pres");
  CHECK(s.undo().ok);
  CHECK(s.workspace().deals.find("d1")->stage == "s_new");
  CHECK(s.redo().ok);
  CHECK(s.workspace().deals.find("d1")->history.size() == 2);
}
