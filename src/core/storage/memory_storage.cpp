// Storage kept in memory, for native tests (see memory_storage.hpp).
#include "memory_storage.hpp"

#include <algorithm>

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
  if (batch.clear_quarantine) quarantine.clear();
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
  struct Spans {
    std::size_t key, key_size, json, json_size;  // offsets into out.text, made views below
  };
  std::vector<Spans> spans;
  out.text.reserve(64);  // on the heap even when short, so the views survive moving `out`
  for (RecordKind kind : kRecordKinds)
    for (const auto& [id, row] : store(kind)) {
      // A row holding a string stands for a row whose text is not JSON at all.
      const std::string text = row.data.is_string() && row.data.get<std::string>().rfind("raw:", 0) == 0
                                   ? row.data.get<std::string>().substr(4)
                                   : row.data.dump();
      spans.push_back({out.text.size(), id.size(), out.text.size() + id.size(), text.size()});
      out.text += id;
      out.text += text;
      out.rows[static_cast<int>(kind)].push_back(LoadedRows::Row{{}, row.rev, row.rank, {}});
    }
  std::size_t i = 0;
  const std::string_view all(out.text);
  for (auto& rows : out.rows)
    for (auto& r : rows) {
      r.key = all.substr(spans[i].key, spans[i].key_size);
      r.json = all.substr(spans[i].json, spans[i].json_size);
      ++i;
    }
  sort_by_rank(out);
  return out;
}

}  // namespace pb
