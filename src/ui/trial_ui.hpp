// The free trial on screen: a quiet "N days left" button in the top bar, a prominent banner in
// the last 3 days and once it has ended, and the licence dialog both open. The trial's rules are
// in core/trial; the app works out a TrialView for each frame.
#pragma once
#include <array>
#include <string>

#include "trial.hpp"
#include "ui_state.hpp"

namespace pb::ui {

struct TrialView {
  TrialPhase phase = TrialPhase::Running;
  int days_left = kTrialDays;
  std::string text;      // trial_banner_text()
  bool hidden = false;   // presenter mode: no trial on screen
};

// The licence dialog's state.
struct LicenceUi {
  bool open = false;
  bool just_opened = false;
  std::array<char, 1024> key{};
  std::string status;  // the last check's result: who it is licensed to, or why the key was refused
  bool status_is_error = false;
  bool checking = false;  // WebCrypto is checking the signature
};

// The quiet button's words: the days left, or "Licensed".
std::string trial_badge_label(const TrialView& trial);
// The top bar's quiet trial button (opens the licence dialog).
void draw_trial_badge(const Ctx& ctx, const TrialView& trial, LicenceUi& licence);
// The banner under the top bar in the trial's last days and after it; false when not shown.
bool draw_trial_banner(const Ctx& ctx, const TrialView& trial, LicenceUi& licence);
void draw_licence_dialog(const Ctx& ctx, const TrialView& trial, LicenceUi& licence, Actions& actions);
void open_licence_dialog(LicenceUi& licence);

}  // namespace pb::ui
