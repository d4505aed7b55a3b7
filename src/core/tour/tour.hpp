// Guided tours: a pipeboard.tour document is a list of steps, each a card (title and text) that may
// point at a part of the screen, may do something first (switch pipeline, group, open Reports, ...)
// and moves on with Next or when the user does something (a TourEvent). The core reads and checks
// tours; the app shows them and reports the events.
//
//   {"format": "pipeboard.tour", "version": 1,
//    "tour": {"id": "intro", "name": "...", "description": "...",
//             "steps": [{"title": "...", "text": "...", "target": "button:saveview",
//                        "action": {"kind": "pipeline", "value": "smb"},
//                        "advance": "next" | {"event": "view_saved"}}]}}
//
// "target", "action" and "advance" are optional (no target: a card in the middle; no advance: Next).
// Every problem is reported with its JSON Pointer, like the other documents
// ("/tour/steps/3/action/kind: unknown action \"fly\" ...").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_read.hpp"
#include "model.hpp"
#include "tour_events.hpp"

namespace pb {

inline constexpr std::string_view kTourFormat = "pipeboard.tour";
inline constexpr int kTourVersion = 1;

// Limits. Title, text and name count characters (code points), as the JSON Schema's maxLength does.
inline constexpr std::size_t kMaxTourBytes = 1u << 20;
inline constexpr std::size_t kMaxTourSteps = 60;
inline constexpr std::size_t kMaxTourName = 200;
inline constexpr std::size_t kMaxTourDescription = 1000;
inline constexpr std::size_t kMaxTourTitle = 120;
inline constexpr std::size_t kMaxTourText = 600;
inline constexpr std::size_t kMaxTourTarget = 200;  // bytes: an item name, "pipeline:" + an id at most

// What a step does before it is shown. `value` by kind:
//   pipeline  a pipeline id to switch to
//   group     a key to group the board by ("stage", "owner", "product", ..., "custom.<field id>")
//   view      a saved view id to apply
//   reports   open Reports: "" for the current pipeline, "all" for every pipeline, or a pipeline id
//   board     back to the board: no value
//   past_day  the board on a past day, "YYYY-MM-DD", or "" for today again
enum class TourActionKind : std::uint8_t { Pipeline, Group, View, Reports, Board, PastDay };
std::string_view to_string(TourActionKind k);  // "pipeline", "group", ..., "past_day"
std::optional<TourActionKind> tour_action_kind(std::string_view name);

struct TourAction {
  TourActionKind kind = TourActionKind::Board;
  std::string value;
  bool operator==(const TourAction&) const = default;
};

// Next button (no event) or the event that moves the tour on.
struct TourAdvance {
  std::optional<TourEvent> event;
  bool on_next() const { return !event; }
  bool operator==(const TourAdvance&) const = default;
};

struct TourStep {
  std::string title, text;
  std::string target;  // an item name of the UI ("button:saveview", "pipeline:smb"); "" = a centred card
  std::optional<TourAction> action;
  TourAdvance advance;
  bool operator==(const TourStep&) const = default;
};

struct Tour {
  std::string id, name, description;
  std::vector<TourStep> steps;
  bool operator==(const Tour&) const = default;
};

// The document, in the form read_tour reads (defaults left out: no target, no action, Next).
json tour_to_json(const Tour& t);
// Whether a parsed document's "format" says it is a tour.
bool is_tour_document(const json& doc);
// Reads and checks a parsed document; on any issue `out` is left untouched. Never throws.
bool read_tour(const json& doc, Tour& out, Issues& issues);
// The same from text (at most kMaxTourBytes): text that is not JSON is one issue at "/".
bool load_tour(std::string_view text, Tour& out, Issues& issues);

// What a valid tour refers to that the workspace lacks (pipelines, saved views, custom fields, in
// actions and in targets like "pipeline:<id>"): warnings, not errors, since a tour written for the
// demo still runs elsewhere. Each at the step's path, e.g.
// "/tour/steps/3/action/value: step 4 refers to pipeline \"smb\", which this workspace lacks".
std::vector<Issue> tour_warnings(const Tour& t, const Workspace& ws);

}  // namespace pb
