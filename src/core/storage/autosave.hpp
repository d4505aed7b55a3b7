// Autosave: the queue of batches waiting to be written, one transaction at a time (class Persistence).
//
// Turns each applied change into a batch, writes batches one transaction at a time after a short
// debounce, retries failures with back-off, and stops on a conflict until the user chooses. Time
// comes in from the caller (tick), so tests drive it without waiting.
#pragma once
#include <deque>
#include <string>

#include "record_writes.hpp"
#include "storage.hpp"

namespace pb {

enum class SaveState {
  Saved,        // everything is committed
  Pending,      // changes wait for the debounce
  Saving,       // a transaction is in flight
  Failed,       // the last attempt failed; retrying (error() says why)
  Conflict,     // another tab changed records we are writing; waiting for the user
  Unavailable,  // no storage: running in memory, nothing is kept
};
std::string_view to_string(SaveState s);

// One batch doing what `batches` do in turn: a record written twice keeps its first expected
// revision and its last contents.
WriteBatch merge_batches(std::vector<WriteBatch> batches, StorageMirror& mirror);

struct PersistenceOptions {
  double debounce_ms = 300;  // the issue allows at most 500
  double retry_first_ms = 1000;
  double retry_max_ms = 30000;
};

class Persistence {
 public:
  explicit Persistence(Storage* storage, PersistenceOptions options = {}) : storage_(storage), options_(options) {}

  // Runs in memory from now on (storage failed to open, or another tab took it over).
  void set_unavailable(std::string reason);
  StorageMirror& mirror() { return mirror_; }

  // Queues what a change did; `ws` already holds the result.
  void record(const Change& change, bool forward, const Workspace& ws, double now);
  // Queues a batch built elsewhere (full saves, quarantine, migration).
  void enqueue(WriteBatch batch, double now);
  // Starts the next transaction when one is due. Call every frame or timer tick.
  void tick(double now);
  // Starts writing now, skipping the debounce (flush()).
  void flush(double now);
  // The page is going away: everything queued goes at once as one transaction, without waiting
  // for the one in flight (IndexedDB runs them in order).
  void flush_for_exit(double now);

  SaveState state() const;
  const std::string& error() const { return error_; }
  const std::string& error_name() const { return error_name_; }
  std::size_t pending_batches() const { return queue_.size() + in_flight_.size(); }
  std::size_t commits() const { return commits_; }
  // Nothing queued or in flight, or stuck until someone acts (conflict, no storage).
  bool settled() const;
  double next_attempt_at() const { return due_; }

  // Whether a write of this record is queued or in flight (news from another tab waits for it).
  bool has_pending(RecordKind kind, std::string_view id) const;

  // The conflict being shown (state() == Conflict).
  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  // Keep mine: writes our versions over theirs, as the next revisions after theirs.
  void keep_mine(double now);
  // Take theirs: drops our pending writes of the conflicting records and returns theirs, for the
  // caller to apply to the workspace (apply_external). The mirror then knows their revisions.
  std::vector<RecordWrite> take_theirs(double now);

  // Called when a transaction finishes, either way (the app redraws and settles flush() promises).
  std::function<void()> on_settle;

 private:
  void start(WriteBatch batch, double now);
  void finished(std::uint64_t seq, CommitResult result);

  Storage* storage_;
  PersistenceOptions options_;
  StorageMirror mirror_;
  std::deque<WriteBatch> queue_;      // not started yet, in order
  std::vector<WriteBatch> in_flight_;  // started, waiting for their outcome
  std::uint64_t next_seq_ = 1;
  double due_ = 0;        // when the head of the queue may be written
  double last_now_ = 0;
  double backoff_ = 0;    // 0 until something fails
  std::string error_, error_name_;
  std::vector<Conflict> conflicts_;
  std::size_t commits_ = 0;
  bool unavailable_ = false;
  std::uint64_t generation_ = 0;  // callbacks from before set_unavailable() are ignored
};

}  // namespace pb
