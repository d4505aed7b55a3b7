// What a user does that can move a tour on: the app reports these as they happen, and a step whose
// "advance" names one waits for it. A header of its own, without JSON, for the places that report.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace pb {

enum class TourEvent : std::uint8_t {
  DealMoved,         // a card dragged to another column (a stage, an owner, ...)
  ViewSaved,         // "Save view" saved a new view
  PipelineCreated,   // a new pipeline, empty or from a template
  StageAdded,        // a stage added in the pipeline editor
  GroupingChanged,   // the board's group-by changed
  PipelineSwitched,  // another pipeline picked in the sidebar
  ReportsOpened,     // the Reports view shown
  TemplateShared,    // a pipeline exported, saved or linked as a template
};

// Each event's name in a tour document, in enum order.
inline constexpr std::array<std::string_view, 8> kTourEventNames = {
    "deal_moved", "view_saved", "pipeline_created", "stage_added",
    "grouping_changed", "pipeline_switched", "reports_opened", "template_shared"};

constexpr std::string_view to_string(TourEvent e) { return kTourEventNames[static_cast<std::size_t>(e)]; }

constexpr std::optional<TourEvent> tour_event_from(std::string_view name) {
  for (std::size_t i = 0; i < kTourEventNames.size(); ++i)
    if (kTourEventNames[i] == name) return static_cast<TourEvent>(i);
  return std::nullopt;
}

}  // namespace pb
