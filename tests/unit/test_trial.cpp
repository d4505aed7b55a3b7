// The 14-day trial's rules, the licence key's fields, and the read-only mode in the command layer.
#include <doctest/doctest.h>

#include "licence.hpp"
#include "test_helpers.hpp"
#include "trial.hpp"

using namespace pb;
using namespace pb::test;

namespace {

// base64url without padding, the test's own encoder (so the decoder is checked against it).
std::string b64url(std::string_view bytes) {
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (unsigned char c : bytes) {
    bits = (bits << 8) | c;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out.push_back(abc[(bits >> count) & 63]);
    }
  }
  if (count > 0) out.push_back(abc[(bits << (6 - count)) & 63]);
  return out;
}

std::string key_with(const json& payload, std::size_t signature_bytes = 64) {
  return b64url(payload.dump()) + "." + b64url(std::string(signature_bytes, '\x07'));
}

TrialClock started_at(Timestamp t) {
  TrialClock c;
  observe(c, t);
  return c;
}

}  // namespace

TEST_CASE("trial: day 1 runs, day 12 is ending, day 15 has expired") {
  const TrialClock c = started_at(kNow);
  const TrialStatus day1 = trial_status(c, std::nullopt, kNow + 3'600'000);
  CHECK(day1.phase == TrialPhase::Running);
  CHECK(day1.day == 1);
  CHECK(day1.days_left == 14);
  CHECK_FALSE(day1.read_only());
  CHECK(trial_banner_text(day1, std::nullopt) == "Free trial: 14 days left");

  const TrialStatus day12 = trial_status(c, std::nullopt, kNow + 11 * kDayMs + 60'000);
  CHECK(day12.phase == TrialPhase::Ending);
  CHECK(day12.day == 12);
  CHECK(day12.days_left == 3);

  const TrialStatus day14 = trial_status(c, std::nullopt, kNow + 13 * kDayMs + 60'000);
  CHECK(day14.phase == TrialPhase::Ending);
  CHECK(day14.days_left == 1);
  CHECK(trial_banner_text(day14, std::nullopt) == "Free trial: 1 day left");

  const TrialStatus day15 = trial_status(c, std::nullopt, kNow + 14 * kDayMs);
  CHECK(day15.phase == TrialPhase::Expired);
  CHECK(day15.day == 15);
  CHECK(day15.days_left == 0);
  CHECK(day15.read_only());
  CHECK(day15.ends_at == kNow + 14 * kDayMs);
  // A year later it is still day 15: the count stops there.
  CHECK(trial_status(c, std::nullopt, kNow + 400 * kDayMs).day == 15);
}

TEST_CASE("trial: the clock moved back never extends it") {
  TrialClock c = started_at(kNow);
  observe(c, kNow + 15 * kDayMs);  // seen after expiry
  observe(c, kNow + 2 * kDayMs);   // then the computer's clock is set back
  CHECK(c.latest_seen == kNow + 15 * kDayMs);
  CHECK(c.started == kNow);
  CHECK(trial_status(c, std::nullopt, kNow + 2 * kDayMs).phase == TrialPhase::Expired);
  CHECK(trial_time(c, kNow) == kNow + 15 * kDayMs);
  // A clock set back before the start does not move the start either.
  observe(c, kNow - 30 * kDayMs);
  CHECK(c.started == kNow);
}

TEST_CASE("trial: copies merge to the earliest start and the latest time seen") {
  const TrialClock a{kNow, kNow + 5 * kDayMs};
  const TrialClock b{kNow + kDayMs, kNow + 9 * kDayMs};
  CHECK(merge(a, b) == TrialClock{kNow, kNow + 9 * kDayMs});
  CHECK(merge(b, a) == TrialClock{kNow, kNow + 9 * kDayMs});
  // One copy cleared: the other survives whole.
  CHECK(merge(TrialClock{}, a) == a);
  CHECK(merge(a, TrialClock{}) == a);
}

TEST_CASE("trial: the stored clock round-trips, and damaged text reads as not started") {
  const TrialClock c{kNow, kNow + 3 * kDayMs};
  CHECK(trial_clock_from_json(trial_clock_json(c)) == c);
  CHECK(trial_clock_from_json("") == TrialClock{});
  CHECK(trial_clock_from_json("{\"started\":") == TrialClock{});
  CHECK(trial_clock_from_json("[1,2]") == TrialClock{});
  CHECK(trial_clock_from_json(R"({"started":"soon","latest_seen":-5})") == TrialClock{});
  // latest_seen never reads as earlier than the start.
  CHECK(trial_clock_from_json(R"({"started":1000,"latest_seen":10})") == TrialClock{1000, 1000});
}

TEST_CASE("licence: a well-formed key gives its fields") {
  const LicenceKey k = read_licence_key("  " + key_with({{"licensee", "Acme Ltd"}, {"seats", 5}, {"expires", "2027-12-31"}}) + "\n");
  REQUIRE_MESSAGE(k.ok, k.error);
  CHECK(k.licence.licensee == "Acme Ltd");
  CHECK(k.licence.seats == 5);
  CHECK(format_date(k.licence.expires) == "2027-12-31");
  CHECK(k.signature.size() == 64);
  CHECK(k.signed_text == b64url(json({{"licensee", "Acme Ltd"}, {"seats", 5}, {"expires", "2027-12-31"}}).dump()));
  CHECK(licence_text(k.licence) == "Licensed to Acme Ltd \xC2\xB7 5 seats \xC2\xB7 until 2027-12-31");
  CHECK(licence_text(Licence{"Jo", 1, k.licence.expires}) == "Licensed to Jo \xC2\xB7 1 seat \xC2\xB7 until 2027-12-31");
}

TEST_CASE("licence: expiry is through the end of its day, and a licence lifts the trial only while valid") {
  const Licence l{"Acme", 3, *parse_date("2026-10-01")};
  CHECK(licence_valid_on(l, *parse_timestamp("2026-10-01T23:59:59Z")));
  CHECK_FALSE(licence_valid_on(l, *parse_timestamp("2026-10-02T00:00:00Z")));
  const TrialClock c = started_at(*parse_timestamp("2026-09-01T09:00:00Z"));
  CHECK(trial_status(c, l, *parse_timestamp("2026-09-20T10:00:00Z")).phase == TrialPhase::Licensed);
  CHECK_FALSE(trial_status(c, l, *parse_timestamp("2026-09-20T10:00:00Z")).read_only());
  CHECK(trial_status(c, l, *parse_timestamp("2026-10-05T10:00:00Z")).phase == TrialPhase::Expired);
  // Setting the clock back does not revive an expired licence either.
  TrialClock seen = c;
  observe(seen, *parse_timestamp("2026-10-05T10:00:00Z"));
  CHECK(trial_status(seen, l, *parse_timestamp("2026-09-20T10:00:00Z")).phase == TrialPhase::Expired);
}

TEST_CASE("licence: malformed keys are refused with a reason") {
  const json good = {{"licensee", "Acme"}, {"seats", 2}, {"expires", "2027-01-01"}};
  auto refused = [](const std::string& key) {
    const LicenceKey k = read_licence_key(key);
    CHECK_FALSE(k.ok);
    CHECK_FALSE(k.error.empty());
    return k.error;
  };
  CHECK(refused("").find("empty") != std::string::npos);
  CHECK(refused("abc").find("two parts") != std::string::npos);
  CHECK(refused("a.b.c").find("two parts") != std::string::npos);
  CHECK(refused("ab$c.defg").find("characters") != std::string::npos);
  CHECK(refused(key_with(good, 63)).find("signature") != std::string::npos);
  CHECK(refused(b64url("not json") + "." + b64url(std::string(64, 'x'))).find("cannot be read") != std::string::npos);
  CHECK(refused(key_with({{"licensee", "Acme"}, {"seats", 2}})).find("expires") != std::string::npos);
  CHECK(refused(key_with({{"licensee", "Acme"}, {"seats", 0}, {"expires", "2027-01-01"}})).find("seats") != std::string::npos);
  CHECK(refused(key_with({{"licensee", "Acme"}, {"seats", "2"}, {"expires", "2027-01-01"}})).find("seats") != std::string::npos);
  CHECK(refused(key_with({{"licensee", ""}, {"seats", 2}, {"expires", "2027-01-01"}})).find("licensee") != std::string::npos);
  CHECK(refused(key_with({{"licensee", "Acme"}, {"seats", 2}, {"expires", "2027-13-01"}})).find("expires") != std::string::npos);
  json extra = good;
  extra["admin"] = true;
  CHECK(refused(key_with(extra)).find("admin") != std::string::npos);
  CHECK(refused(std::string(5000, 'A') + ".x").find("too long") != std::string::npos);
}

TEST_CASE("licence: base64url decodes every length and refuses foreign characters") {
  for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\xff\x00\xfe", 3)})
    CHECK(decode_base64url(b64url(s)) == s);
  CHECK_FALSE(decode_base64url("Zm9v+").has_value());
  CHECK_FALSE(decode_base64url("Zm9v=").has_value());
  CHECK_FALSE(decode_base64url("Z").has_value());
}

TEST_CASE("read-only: a refusing session changes nothing, and says why, for every kind of change") {
  Session s = small_session();
  ok(s, {{"type", "deal.create"}, {"deal", {{"id", "d1"}, {"title", "Kept"}, {"pipeline", "p1"}, {"stage", "s_new"}}}});
  ok(s, {{"type", "deal.update"}, {"deal", "d1"}, {"set", {{"title", "Renamed"}}}});
  REQUIRE(s.undo().ok);  // one step to redo, one to undo
  bool expired = true;
  s.refuse_changes = [&] { return expired ? trial_refusal_message() : std::string(); };
  const Workspace before = s.workspace();
  const std::size_t steps = s.history_steps();

  const Outcome create = s.dispatch_json(
      json({{"type", "deal.create"}, {"deal", {{"id", "d2"}, {"title", "New"}, {"pipeline", "p1"}, {"stage", "s_new"}}}}).dump(), kNow);
  CHECK_FALSE(create.ok);
  CHECK(create.error == trial_refusal_message());
  // Even a malformed command gets the same answer: nothing is looked at.
  CHECK(s.dispatch_json("{oops", kNow).error == trial_refusal_message());
  CHECK(s.undo().error == trial_refusal_message());
  CHECK(s.redo().error == trial_refusal_message());
  CHECK(s.workspace() == before);
  CHECK(s.history_steps() == steps);

  // Licensed again: changes go through, and the undo history survived the read-only time.
  expired = false;
  CHECK(s.redo().ok);
  CHECK(s.workspace().deals.at(0).title == "Renamed");
  CHECK(s.undo().ok);
}
