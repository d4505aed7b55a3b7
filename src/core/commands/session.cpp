#include "session.hpp"

#include <unordered_set>

namespace pb {

Session::Session(Workspace ws, std::uint64_t id_seed, HistoryLimits limits)
    : ws_(std::move(ws)), ids_(id_seed), limits_(limits) {}

std::string Session::refusal() const { return refuse_changes ? refuse_changes() : std::string(); }

Outcome Session::dispatch(const Command& c, Timestamp now) {
  if (std::string why = refusal(); !why.empty()) return Outcome{false, std::move(why), nullptr};
  Change change;
  Tx tx(ws_, change, now, ids_);
  std::string label;
  std::string error = apply_command(c, tx, label);
  if (!error.empty()) {
    apply_change(ws_, change, false);  // roll back whatever the command did before failing
    return Outcome{false, std::move(error), nullptr};
  }
  if (change.empty()) return Outcome{true, "", nullptr};
  change.label = std::move(label);
  for (const auto& step : undone_) bytes_ -= step.approx_bytes();
  undone_.clear();
  bytes_ += change.approx_bytes();
  done_.push_back(std::move(change));
  trim();
  if (on_change) on_change(done_.back(), true);
  return Outcome{true, "", &done_.back()};
}

Outcome Session::dispatch_json(std::string_view text, Timestamp now) {
  if (std::string why = refusal(); !why.empty()) return Outcome{false, std::move(why), nullptr};
  json j;
  std::string error;
  if (!parse_json(text, j, error, ParseLimits{kCommandMaxBytes, 64})) return Outcome{false, "command: " + error, nullptr};
  Issues issues;
  Command c;
  if (!parse_command(j, c, issues)) return Outcome{false, issues.summary(), nullptr};
  return dispatch(c, now);
}

Outcome Session::undo() {
  if (std::string why = refusal(); !why.empty()) return Outcome{false, std::move(why), nullptr};
  if (done_.empty()) return Outcome{false, "nothing to undo", nullptr};
  apply_change(ws_, done_.back(), false);
  undone_.push_back(std::move(done_.back()));
  done_.pop_back();
  if (on_change) on_change(undone_.back(), false);
  return Outcome{true, "", &undone_.back()};
}

Outcome Session::redo() {
  if (std::string why = refusal(); !why.empty()) return Outcome{false, std::move(why), nullptr};
  if (undone_.empty()) return Outcome{false, "nothing to redo", nullptr};
  apply_change(ws_, undone_.back(), true);
  done_.push_back(std::move(undone_.back()));
  undone_.pop_back();
  if (on_change) on_change(done_.back(), true);
  return Outcome{true, "", &done_.back()};
}

namespace {

template <class T>
bool touches(const Change& step, const std::unordered_set<std::string>& ids) {
  for (const auto& d : diffs_of<T>(step))
    if (ids.count(d.id)) return true;
  return false;
}

}  // namespace

Change Session::apply_outside(const std::function<Change(Workspace&)>& apply) {
  Change change = apply(ws_);
  std::unordered_set<std::string> ids;  // ids are unique per kind; a clash across kinds only drops more
  for (const auto& d : change.pipelines) ids.insert(d.id);
  for (const auto& d : change.people) ids.insert(d.id);
  for (const auto& d : change.fields) ids.insert(d.id);
  for (const auto& d : change.views) ids.insert(d.id);
  for (const auto& d : change.deals) ids.insert(d.id);
  auto stale = [&](const Change& step) {
    return touches<Pipeline>(step, ids) || touches<Person>(step, ids) || touches<FieldDef>(step, ids) ||
           touches<View>(step, ids) || touches<Deal>(step, ids);
  };
  for (auto* steps : {&done_, &undone_})
    for (auto it = steps->begin(); it != steps->end();) {
      if (stale(*it)) {
        bytes_ -= it->approx_bytes();
        it = steps->erase(it);
      } else {
        ++it;
      }
    }
  return change;
}

void Session::trim() {
  while (done_.size() > 1 && (done_.size() > limits_.max_steps || bytes_ > limits_.max_bytes)) {
    bytes_ -= done_.front().approx_bytes();
    done_.pop_front();
  }
}

}  // namespace pb
