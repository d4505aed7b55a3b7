// Session: the workspace plus its undo/redo history. The single entry point for changes:
// the UI, the JavaScript API, imports and tests all go through dispatch().
#pragma once
#include <deque>
#include <functional>
#include <string>
#include <string_view>

#include "change.hpp"
#include "commands.hpp"

namespace pb {

struct Outcome {
  bool ok = false;
  std::string error;
  const Change* change = nullptr;  // what was applied, valid until the next call
};

// Commands embed at most a template or a workspace document.
inline constexpr std::size_t kCommandMaxBytes = 128u << 20;

struct HistoryLimits {
  std::size_t max_steps = 200;
  std::size_t max_bytes = 256u << 20;  // approximate; the newest step is always kept
};

class Session {
 public:
  explicit Session(Workspace ws = {}, std::uint64_t id_seed = 0x5eed, HistoryLimits limits = {});

  const Workspace& workspace() const { return ws_; }

  Outcome dispatch(const Command& c, Timestamp now);
  // Parses {"type": ...} JSON text first; parse errors come back with their paths.
  Outcome dispatch_json(std::string_view text, Timestamp now);

  Outcome undo();
  Outcome redo();
  bool can_undo() const { return !done_.empty(); }
  bool can_redo() const { return !undone_.empty(); }
  std::string undo_label() const { return done_.empty() ? "" : done_.back().label; }
  std::string redo_label() const { return undone_.empty() ? "" : undone_.back().label; }
  std::size_t history_steps() const { return done_.size() + undone_.size(); }
  std::size_t history_bytes() const { return bytes_; }

  // Applies a change made elsewhere (another tab) through `apply`, which edits the workspace and
  // returns what it did. It is not undoable, and history steps touching the same records are
  // dropped: undoing them would silently overwrite the other tab's work.
  Change apply_outside(const std::function<Change(Workspace&)>& apply);

  // When set and it returns a reason, every change (dispatch, undo, redo) is refused with that
  // reason and nothing is touched: the expired trial's read-only mode lives here, so no path
  // around the command layer exists. Changes from other tabs (apply_outside) still apply.
  std::function<std::string()> refuse_changes;
  // The reason changes are refused now, or "".
  std::string refusal() const;

  // Called after every applied change (dispatch, undo, redo) with the direction applied.
  std::function<void(const Change&, bool forward)> on_change;

 private:
  void trim();

  Workspace ws_;
  IdFactory ids_;
  HistoryLimits limits_;
  std::deque<Change> done_;
  std::deque<Change> undone_;
  std::size_t bytes_ = 0;
};

}  // namespace pb
