#include "trial.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace pb {

void observe(TrialClock& clock, Timestamp now) {
  if (clock.started == 0) clock.started = now;
  clock.latest_seen = std::max(clock.latest_seen, now);
}

TrialClock merge(const TrialClock& a, const TrialClock& b) {
  TrialClock out;
  if (a.started == 0) out.started = b.started;
  else if (b.started == 0) out.started = a.started;
  else out.started = std::min(a.started, b.started);
  out.latest_seen = std::max(a.latest_seen, b.latest_seen);
  return out;
}

TrialStatus trial_status(const TrialClock& clock, const std::optional<Licence>& licence, Timestamp now) {
  TrialStatus s;
  const Timestamp t = trial_time(clock, now);
  const Timestamp started = clock.started == 0 ? t : clock.started;
  s.ends_at = started + kTrialDays * kDayMs;
  const Timestamp elapsed = std::max<Timestamp>(0, t - started);
  s.day = static_cast<int>(std::min<Timestamp>(elapsed / kDayMs, kTrialDays)) + 1;
  s.days_left = t >= s.ends_at ? 0 : static_cast<int>((s.ends_at - t + kDayMs - 1) / kDayMs);
  if (licence && licence_valid_on(*licence, t)) s.phase = TrialPhase::Licensed;
  else if (s.days_left == 0) s.phase = TrialPhase::Expired;
  else if (s.days_left <= kTrialEndingDays) s.phase = TrialPhase::Ending;
  else s.phase = TrialPhase::Running;
  return s;
}

std::string trial_refusal_message() {
  return "Your 14-day trial has ended, so this workspace is read-only. Nothing is lost: viewing, search, "
         "reports and exports still work. Enter a licence key to make changes again.";
}

std::string trial_banner_text(const TrialStatus& s, const std::optional<Licence>& licence) {
  switch (s.phase) {
    case TrialPhase::Licensed: return licence ? licence_text(*licence) : "Licensed";
    case TrialPhase::Expired: return "Your free trial has ended: the workspace is read-only. Nothing is lost, and exports still work.";
    case TrialPhase::Ending:
    case TrialPhase::Running:
      return "Free trial: " + std::to_string(s.days_left) + (s.days_left == 1 ? " day left" : " days left");
  }
  return "";
}

std::string trial_clock_json(const TrialClock& c) {
  return nlohmann::json{{"started", c.started}, {"latest_seen", c.latest_seen}}.dump();
}

TrialClock trial_clock_from_json(std::string_view text) {
  TrialClock c;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return c;
  auto field = [&](const char* key) -> Timestamp {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() && it->get<std::int64_t>() > 0 ? it->get<std::int64_t>() : 0;
  };
  c.started = field("started");
  c.latest_seen = std::max(field("latest_seen"), c.started);
  return c;
}

}  // namespace pb
