// The guided tour's UI state: the tour playing and its step, the tour being recorded, and the
// tours the help menu offers (built-in, then the user's). Tours themselves are core data
// (core/tour/tour.hpp); this is only where the screen stands in one.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "item_registry.hpp"
#include "tour.hpp"

namespace pb::ui {

struct TourPlayer {
  std::optional<Tour> tour;
  std::size_t step = 0;
  bool entered = false;  // the step's action has run
  // What the step found when it was entered, so the overlay sees the user change it (events the
  // UI itself causes: grouping, pipeline, Reports).
  std::string seen_group, seen_pipeline, seen_mode;
  float card_height = 0;  // the card's height last frame, to place it before it is drawn
  bool playing() const { return tour.has_value(); }
};

struct TourRecorder {
  bool recording = false;
  bool editing = false;  // the "Save tour" dialog
  bool just_opened = false;
  std::vector<TourStep> steps;
  std::vector<std::array<char, 128>> titles;
  std::vector<std::array<char, 600>> texts;
  std::array<char, 128> name{};
  std::string error;  // why the last save was refused
  Rect panel;         // the recording panel last frame: clicks on it are not steps
};

struct TourUi {
  TourPlayer player;
  TourRecorder recorder;
  std::vector<Tour> tours;     // built-in first, then the user's
  std::size_t builtin = 0;     // how many of `tours` are built in
  std::size_t start_tour = 0;  // presenter mode: the tour to start (index in `tours`)
  int start_step = 1;          // ... and the step it starts from (1-based)
  // A tour file or link that was refused: where it came from and each problem with its path,
  // shown in a dialog until OK.
  std::string refused_source;
  std::vector<std::string> refused;
};

// Starts `tour` at `step` (0-based, clamped).
void start_tour(TourUi& t, Tour tour, std::size_t step = 0);
void stop_tour(TourUi& t);
// An event the app saw (a command's change, a share): moves the tour on if its step waits for it.
void notify_tour(TourUi& t, TourEvent e);

}  // namespace pb::ui
