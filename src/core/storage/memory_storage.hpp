// Storage kept in memory, for native tests: the IndexedDB library's contract, and its failures on demand.
//
// The same contract as web/lib_storage.js: revisions checked, batches all or nothing, completion
// reported later (on run()), never inside commit(). It can be told to fail the way a browser does.
#pragma once
#include <deque>
#include <map>

#include "storage.hpp"
#include "storage_load.hpp"

namespace pb {

class MemoryStorage : public Storage {
 public:
  struct Row {
    std::int64_t rev = 0;
    double rank = 0;
    json data;
  };

  void commit(const WriteBatch& batch, std::function<void(CommitResult)> done) override;
  // Completes queued commits in order, like the browser's event loop would. Returns how many.
  std::size_t run();
  std::size_t queued() const { return queue_.size(); }

  // The rows as IndexedDB's getAll would give them, ordered by rank (see LoadedRows).
  LoadedRows rows_for_load() const;

  // Direct access, as another tab or a corrupting hand would have.
  std::map<std::string, Row>& store(RecordKind kind) { return stores_[static_cast<int>(kind)]; }
  const std::map<std::string, Row>& store(RecordKind kind) const { return stores_[static_cast<int>(kind)]; }
  json meta = json::object();
  std::vector<QuarantinedRecord> quarantine;
  std::vector<json> backups;

  // The next commits fail with this DOMException name ("QuotaExceededError"), until cleared.
  std::string fail_with;
  std::size_t commits = 0;  // transactions completed successfully

 private:
  CommitResult apply(const WriteBatch& batch);
  std::array<std::map<std::string, Row>, kRecordKinds.size()> stores_;
  std::deque<std::pair<WriteBatch, std::function<void(CommitResult)>>> queue_;
};

}  // namespace pb
