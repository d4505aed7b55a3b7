// The 14-day free trial. Its clock keeps the latest time ever seen, so moving the computer's clock
// back never extends it, and copies kept in several places (IndexedDB, localStorage) merge to the
// earliest start and the latest time seen, so clearing one of them does not restart it.
#pragma once
#include <optional>
#include <string>

#include "licence.hpp"
#include "time.hpp"

namespace pb {

inline constexpr int kTrialDays = 14;
inline constexpr int kTrialEndingDays = 3;  // the banner grows prominent in the last 3 days
inline constexpr Timestamp kDayMs = 86'400'000;

struct TrialClock {
  Timestamp started = 0;      // 0: not started
  Timestamp latest_seen = 0;  // the latest time the app has seen, never moved back
  bool operator==(const TrialClock&) const = default;
};

// Starts the trial at `now` if it has not started, and moves latest_seen up to `now`.
void observe(TrialClock& clock, Timestamp now);
// The earliest start and the latest time seen of two copies (one may be unstarted).
TrialClock merge(const TrialClock& a, const TrialClock& b);

// The app's time: `now`, but never before the latest time seen.
inline Timestamp trial_time(const TrialClock& c, Timestamp now) { return now < c.latest_seen ? c.latest_seen : now; }

enum class TrialPhase { Running, Ending, Expired, Licensed };

struct TrialStatus {
  TrialPhase phase = TrialPhase::Running;
  int day = 1;        // the trial's day: 1 on the day it starts, 15 when it has ended
  int days_left = kTrialDays;  // whole or part days until it ends; 0 once ended
  Timestamp ends_at = 0;
  bool read_only() const { return phase == TrialPhase::Expired; }
};

// Where the trial stands at `now` (held to latest_seen). A licence valid on that day lifts it.
TrialStatus trial_status(const TrialClock& clock, const std::optional<Licence>& licence, Timestamp now);

// What every refused change says, in the UI and the JavaScript API alike.
std::string trial_refusal_message();
// The banner's words for a status, e.g. "Free trial: 3 days left".
std::string trial_banner_text(const TrialStatus& s, const std::optional<Licence>& licence);

// The JSON kept in storage: {"started": ms, "latest_seen": ms}. Bad or missing fields read as 0.
std::string trial_clock_json(const TrialClock& c);
TrialClock trial_clock_from_json(std::string_view text);

}  // namespace pb
