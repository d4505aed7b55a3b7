// The storage contract every storage job shares: record kinds, a transaction's writes and outcome.
//
// The workspace is kept record by record (IndexedDB in the browser, memory in tests). The jobs:
// record_writes.hpp turns changes into writes, storage_load.hpp reads stored rows back,
// cross_tab.hpp applies rows other tabs wrote, autosave.hpp queues and retries the writes.
//
// Each record is stored with a revision and a rank. The revision lets a write check that nobody
// (another tab) changed the record since we read it; the rank keeps the user-visible order without
// rewriting neighbours. A command's Change becomes one WriteBatch, written all or nothing.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "json_read.hpp"
#include "model.hpp"

namespace pb {

enum class RecordKind { Pipeline, Person, Field, View, Deal };
inline constexpr std::array kRecordKinds{RecordKind::Pipeline, RecordKind::Person, RecordKind::Field, RecordKind::View,
                                         RecordKind::Deal};
template <class T> constexpr RecordKind kind_of();
template <> constexpr RecordKind kind_of<Pipeline>() { return RecordKind::Pipeline; }
template <> constexpr RecordKind kind_of<Person>() { return RecordKind::Person; }
template <> constexpr RecordKind kind_of<FieldDef>() { return RecordKind::Field; }
template <> constexpr RecordKind kind_of<View>() { return RecordKind::View; }
template <> constexpr RecordKind kind_of<Deal>() { return RecordKind::Deal; }
// Object store names, which are also the workspace document's keys.
constexpr std::string_view store_name(RecordKind kind) {
  switch (kind) {
    case RecordKind::Pipeline: return "pipelines";
    case RecordKind::Person: return "people";
    case RecordKind::Field: return "fields";
    case RecordKind::View: return "views";
    case RecordKind::Deal: return "deals";
  }
  return "";
}
constexpr bool parse_store_name(std::string_view name, RecordKind& out) {
  for (RecordKind k : kRecordKinds)
    if (store_name(k) == name) {
      out = k;
      return true;
    }
  return false;
}

// Bumped when the stored layout changes. Schema 0 was one whole-workspace document (migrated by
// src/app/storage_web.cpp); schema 1 kept a record per row; schema 2 keeps deals in chunk rows
// (web/lib_deal_chunks.js), which this interface does not see: it still writes records.
inline constexpr int kStorageSchema = 2;
// A stored row's JSON text is at most this long (a deal with 100 kB of notes is far below).
inline constexpr std::size_t kMaxRowBytes = 16u << 20;

struct RecordWrite {
  RecordKind kind = RecordKind::Deal;
  Id id;
  std::int64_t expected_rev = 0;  // 0: the record must not exist yet
  std::int64_t rev = 0;           // 0 with a null data: delete
  double rank = 0;
  json data;  // the record's JSON (codec.hpp), null to delete
};

struct QuarantinedRecord {
  std::string store;   // where it was found
  std::string id;      // its key there
  std::string reason;  // why it could not be read, with a JSON path
  json raw;            // as found, for the user to export
};

// One transaction. seq orders batches; label names the command for messages.
struct WriteBatch {
  std::uint64_t seq = 0;
  std::string label;
  std::vector<RecordWrite> writes;
  json meta = json::object();  // meta store entries to set
  std::vector<QuarantinedRecord> quarantine;  // set aside (their rows are deleted in the same batch)
  json backup;                 // a copy of pre-migration data to keep, or null
  bool clear_legacy = false;   // empties the schema-0 store after migrating it
  bool clear_quarantine = false;  // the user dismissed the set-aside records
  bool empty() const {
    return writes.empty() && meta.empty() && quarantine.empty() && backup.is_null() && !clear_legacy && !clear_quarantine;
  }
};

struct Conflict {
  RecordKind kind = RecordKind::Deal;
  Id id;
  std::int64_t expected_rev = 0;
  std::int64_t actual_rev = 0;  // 0: the record is gone
  double rank = 0;              // theirs
  json theirs;                  // the stored record, null when gone
};

struct CommitResult {
  bool ok = false;
  std::string error_name;  // DOMException name: "QuotaExceededError", "ConflictError", "InvalidStateError", ...
  std::string message;
  std::vector<Conflict> conflicts;
};

// The store behind the app. commit() never calls `done` before returning: completion is reported
// from the transaction's outcome, as IndexedDB does.
class Storage {
 public:
  virtual ~Storage() = default;
  virtual void commit(const WriteBatch& batch, std::function<void(CommitResult)> done) = 0;
};

}  // namespace pb
