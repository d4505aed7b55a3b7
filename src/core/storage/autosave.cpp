// Autosave: debounce, one transaction at a time, back-off on failure, and the user's choice on a conflict.
#include "autosave.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace pb {

std::string_view to_string(SaveState s) {
  switch (s) {
    case SaveState::Saved: return "saved";
    case SaveState::Pending: return "pending";
    case SaveState::Saving: return "saving";
    case SaveState::Failed: return "failed";
    case SaveState::Conflict: return "conflict";
    case SaveState::Unavailable: return "unavailable";
  }
  return "";
}

void Persistence::set_unavailable(std::string reason) {
  unavailable_ = true;
  ++generation_;
  in_flight_.clear();
  queue_.clear();
  conflicts_.clear();
  error_ = std::move(reason);
  error_name_ = "Unavailable";
}

void Persistence::record(const Change& change, bool forward, const Workspace& ws, double now) {
  if (unavailable_ || change.empty()) return;
  enqueue(make_batch(change, forward, ws, mirror_), now);
}

void Persistence::enqueue(WriteBatch batch, double now) {
  if (unavailable_ || batch.empty()) return;
  batch.seq = next_seq_++;
  if (queue_.empty() && in_flight_.empty()) due_ = std::max(due_, now + options_.debounce_ms);
  queue_.push_back(std::move(batch));
}

SaveState Persistence::state() const {
  if (unavailable_) return SaveState::Unavailable;
  if (!conflicts_.empty()) return SaveState::Conflict;
  if (!error_.empty()) return SaveState::Failed;
  if (!in_flight_.empty()) return SaveState::Saving;
  return queue_.empty() ? SaveState::Saved : SaveState::Pending;
}

bool Persistence::settled() const {
  if (unavailable_ || !conflicts_.empty()) return true;
  return queue_.empty() && in_flight_.empty();
}

void Persistence::tick(double now) {
  last_now_ = now;
  if (now < due_) return;
  flush(now);
}

void Persistence::flush(double now) {
  last_now_ = now;
  if (unavailable_ || !in_flight_.empty() || queue_.empty() || !conflicts_.empty()) return;
  WriteBatch next = std::move(queue_.front());
  queue_.pop_front();
  start(std::move(next), now);
}

void Persistence::flush_for_exit(double now) {
  last_now_ = now;
  if (unavailable_ || queue_.empty() || !conflicts_.empty()) return;
  std::vector<WriteBatch> all(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
  queue_.clear();
  WriteBatch merged = merge_batches(std::move(all), mirror_);
  merged.seq = next_seq_++;
  start(std::move(merged), now);
}

void Persistence::start(WriteBatch batch, double now) {
  last_now_ = now;
  const std::uint64_t generation = generation_, seq = batch.seq;
  in_flight_.push_back(std::move(batch));
  storage_->commit(in_flight_.back(), [this, generation, seq](CommitResult r) {
    if (generation == generation_) finished(seq, std::move(r));
  });
}

void Persistence::finished(std::uint64_t seq, CommitResult result) {
  auto it = std::find_if(in_flight_.begin(), in_flight_.end(), [&](const WriteBatch& b) { return b.seq == seq; });
  if (it == in_flight_.end()) return;
  WriteBatch batch = std::move(*it);
  in_flight_.erase(it);
  if (result.ok) {
    ++commits_;
    if (in_flight_.empty() && conflicts_.empty()) {
      error_.clear();
      error_name_.clear();
      backoff_ = 0;
    }
    due_ = last_now_;  // the rest of the queue goes straight away
  } else {
    // Back into the queue, in order, to retry or to resolve.
    auto pos = std::find_if(queue_.begin(), queue_.end(), [&](const WriteBatch& b) { return b.seq > seq; });
    queue_.insert(pos, std::move(batch));
    if (!result.conflicts.empty()) {
      conflicts_ = std::move(result.conflicts);
      error_name_ = "ConflictError";
      error_ = result.message.empty() ? "another tab changed the same records" : result.message;
    } else {
      error_name_ = result.error_name.empty() ? "UnknownError" : result.error_name;
      error_ = result.message.empty() ? error_name_ : result.message;
      backoff_ = backoff_ == 0 ? options_.retry_first_ms : std::min(backoff_ * 2, options_.retry_max_ms);
      due_ = last_now_ + backoff_;
    }
  }
  if (on_settle) on_settle();
}

WriteBatch merge_batches(std::vector<WriteBatch> batches, StorageMirror& mirror) {
  WriteBatch out;
  for (auto& b : batches) {
    out.label = out.label.empty() ? b.label : out.label + ", " + b.label;
    for (auto& w : b.writes) out.writes.push_back(std::move(w));
    for (auto& [k, v] : b.meta.items()) out.meta[k] = v;
    for (auto& q : b.quarantine) out.quarantine.push_back(std::move(q));
    if (!b.backup.is_null()) out.backup = std::move(b.backup);
    out.clear_legacy = out.clear_legacy || b.clear_legacy;
    if (b.clear_quarantine) {  // clears what earlier batches set aside too, as it would in turn
      out.quarantine.clear();
      out.clear_quarantine = true;
    }
  }
  collapse_writes(out.writes, mirror);
  return out;
}

bool Persistence::has_pending(RecordKind kind, std::string_view id) const {
  auto in = [&](const WriteBatch& b) {
    return std::any_of(b.writes.begin(), b.writes.end(), [&](const RecordWrite& w) { return w.kind == kind && w.id == id; });
  };
  return std::any_of(queue_.begin(), queue_.end(), in) || std::any_of(in_flight_.begin(), in_flight_.end(), in);
}

namespace {

bool is_conflicting(const std::vector<Conflict>& conflicts, const RecordWrite& w) {
  return std::any_of(conflicts.begin(), conflicts.end(), [&](const Conflict& c) { return c.kind == w.kind && c.id == w.id; });
}

}  // namespace

void Persistence::keep_mine(double now) {
  for (const Conflict& c : conflicts_) {
    // Re-chain our writes of this record on top of their revision.
    std::int64_t current = c.actual_rev;
    for (auto& batch : queue_) {
      std::erase_if(batch.writes, [&](RecordWrite& w) {
        if (w.kind != c.kind || w.id != c.id) return false;
        if (w.data.is_null() && current == 0) return true;  // deleting what is already gone
        w.expected_rev = current;
        w.rev = w.data.is_null() ? 0 : current + 1;
        current = w.rev;
        return false;
      });
    }
    if (current == 0) mirror_.erase(c.kind, c.id);
    else if (const StorageMirror::Entry* e = mirror_.find(c.kind, c.id)) mirror_.set(c.kind, c.id, {current, e->rank});
  }
  conflicts_.clear();
  error_.clear();
  error_name_.clear();
  std::erase_if(queue_, [](const WriteBatch& b) { return b.empty(); });
  flush(now);
}

std::vector<RecordWrite> Persistence::take_theirs(double now) {
  std::vector<RecordWrite> theirs;
  for (const Conflict& c : conflicts_)
    theirs.push_back(RecordWrite{c.kind, c.id, 0, c.actual_rev, c.rank, c.theirs});
  for (auto& batch : queue_)
    std::erase_if(batch.writes, [&](const RecordWrite& w) { return is_conflicting(conflicts_, w); });
  // The mirror forgets our versions, so applying theirs is not mistaken for old news.
  for (const Conflict& c : conflicts_) mirror_.erase(c.kind, c.id);
  conflicts_.clear();
  error_.clear();
  error_name_.clear();
  std::erase_if(queue_, [](const WriteBatch& b) { return b.empty(); });
  flush(now);
  return theirs;
}

}  // namespace pb
