#include "memory_storage.hpp"

#include <algorithm>

#include "documents.hpp"

namespace pb {

void MemoryStorage::commit(const WriteBatch& batch, std::function<void(CommitResult)> done) {
  queue_.emplace_back(batch, std::move(done));
}

std::size_t MemoryStorage::run() {
  std::size_t n = 0;
  while (!queue_.empty()) {
    auto [batch, done] = std::move(queue_.front());
    queue_.pop_front();
    CommitResult r = apply(batch);
    if (r.ok) ++commits;
    done(std::move(r));
    ++n;
  }
  return n;
}

CommitResult MemoryStorage::apply(const WriteBatch& batch) {
  CommitResult r;
  if (!fail_with.empty()) {
    r.error_name = fail_with;
    r.message = "the transaction was aborted (" + fail_with + ")";
    return r;
  }
  // Check every revision first: one stale record refuses the whole batch.
  for (const auto& w : batch.writes) {
    const auto& rows = store(w.kind);
    auto it = rows.find(w.id);
    const std::int64_t actual = it == rows.end() ? 0 : it->second.rev;
    if (actual != w.expected_rev)
      r.conflicts.push_back(Conflict{w.kind, w.id, w.expected_rev, actual, it == rows.end() ? 0.0 : it->second.rank,
                                     it == rows.end() ? json() : it->second.data});
  }
  if (!r.conflicts.empty()) {
    r.error_name = "ConflictError";
    r.message = "another tab changed " + std::to_string(r.conflicts.size()) + " of these records";
    return r;
  }
  for (const auto& w : batch.writes) {
    if (w.data.is_null()) store(w.kind).erase(w.id);
    else store(w.kind)[w.id] = Row{w.rev, w.rank, w.data};
  }
  for (const auto& [k, v] : batch.meta.items()) meta[k] = v;
  for (const auto& q : batch.quarantine) {
    RecordKind kind;
    if (parse_store_name(q.store, kind)) store(kind).erase(q.id);
    quarantine.push_back(q);
  }
  if (!batch.backup.is_null()) backups.push_back(batch.backup);
  r.ok = true;
  return r;
}

LoadedRows MemoryStorage::rows_for_load() const {
  LoadedRows out;
  json doc{{"format", kWorkspaceFormat}, {"version", kWorkspaceVersion}};
  for (RecordKind kind : kRecordKinds) {
    std::vector<std::pair<std::string, const Row*>> sorted;
    for (const auto& [id, row] : store(kind)) sorted.emplace_back(id, &row);
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second->rank < b.second->rank; });
    json arr = json::array();
    for (const auto& [id, row] : sorted) {
      arr.push_back(row->data);
      out.keys.push_back(id);
      out.revs_ranks.push_back(static_cast<double>(row->rev));
      out.revs_ranks.push_back(row->rank);
    }
    doc[std::string(store_name(kind))] = std::move(arr);
  }
  out.document = doc.dump();
  return out;
}

}  // namespace pb
