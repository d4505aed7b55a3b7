// Turning changes into record writes: revisions and ranks (the mirror), batches, and their JSON form.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "change.hpp"
#include "storage.hpp"

namespace pb {

// What storage knows of each record: its revision and rank. Kept in step with every write, so a
// change costs what it touches, never the size of the workspace.
class StorageMirror {
 public:
  struct Entry {
    std::int64_t rev = 0;
    double rank = 0;
  };
  const Entry* find(RecordKind kind, std::string_view id) const;
  void set(RecordKind kind, std::string_view id, Entry e);
  void reserve(RecordKind kind, std::size_t n) { map(kind).reserve(n); }
  void erase(RecordKind kind, std::string_view id);
  std::size_t size(RecordKind kind) const { return maps_[static_cast<int>(kind)].size(); }
  template <class Fn> void for_each(RecordKind kind, Fn fn) const {
    for (const auto& [id, e] : maps_[static_cast<int>(kind)]) fn(id);
  }
  void clear();

 private:
  using Map = std::unordered_map<std::string, Entry, StringHash, std::equal_to<>>;
  Map& map(RecordKind kind) { return maps_[static_cast<int>(kind)]; }
  std::array<Map, kRecordKinds.size()> maps_;
};

// The writes that store what `change` did (applied `forward` or backwards) to `ws`, which already
// holds the result. Updates the mirror's revisions and ranks as if the writes succeeded.
WriteBatch make_batch(const Change& change, bool forward, const Workspace& ws, StorageMirror& mirror);
// Makes one write of several to the same record (a deal deleted and re-created by an import, or
// edited twice in merged batches): the first expected revision, the last contents, and a new
// revision above every one seen, which the mirror then holds.
void collapse_writes(std::vector<RecordWrite>& writes, StorageMirror& mirror);
// The writes that make storage hold exactly `ws` (first start, demo data, migration).
WriteBatch make_full_batch(const Workspace& ws, StorageMirror& mirror);

// JSON forms, for the JavaScript side (web/lib_storage.js) and for tests.
json batch_to_json(const WriteBatch& b);
bool batch_from_json(const json& j, WriteBatch& out, std::string& error);
json commit_result_to_json(const CommitResult& r);
CommitResult commit_result_from_json(const json& j);

}  // namespace pb
