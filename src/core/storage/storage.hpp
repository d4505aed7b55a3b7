// Storage: how the workspace is kept record by record (IndexedDB in the browser, memory in tests).
//
// Each record is stored with a revision and a rank. The revision lets a write check that nobody
// (another tab) changed the record since we read it; the rank keeps the user-visible order without
// rewriting neighbours. A command's Change becomes one WriteBatch, written all or nothing.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "change.hpp"
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
std::string_view store_name(RecordKind kind);
bool parse_store_name(std::string_view name, RecordKind& out);

// Bumped when the stored layout changes. Schema 0 was one whole-workspace document (see
// storage_load.cpp); schema 1 kept a record per row; schema 2 keeps deals in chunk rows
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
json batch_to_json(const WriteBatch& b);
bool batch_from_json(const json& j, WriteBatch& out, std::string& error);

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
json commit_result_to_json(const CommitResult& r);
CommitResult commit_result_from_json(const json& j);

// The store behind the app. commit() never calls `done` before returning: completion is reported
// from the transaction's outcome, as IndexedDB does.
class Storage {
 public:
  virtual ~Storage() = default;
  virtual void commit(const WriteBatch& batch, std::function<void(CommitResult)> done) = 0;
};

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

// Rows as loaded: each row's key, revision, rank and JSON text, per kind. Texts stay text: valid
// data is read by the fast readers; only a row they refuse is parsed alone, for its messages, so
// one bad row cannot hide the others.
struct LoadedRows {
  struct Row {
    std::string_view key;   // views into `text`, or into memory the loader's caller keeps alive
    std::int64_t rev = 0;
    double rank = 0;
    std::string_view json;
  };
  std::array<std::vector<Row>, kRecordKinds.size()> rows;
  std::string text;  // owns what the rows' views point at, when they are not borrowed
};
// Puts each kind's rows in rank order (stored rows come in key or chunk order).
void sort_by_rank(LoadedRows& rows);
struct LoadReport {
  std::vector<QuarantinedRecord> quarantined;  // rows that could not be used
};

// Builds the workspace from stored rows that arrive in parts, as the browser reads them: first
// every record but the deals, then the deals in batches, in any order (they are put in rank order
// at the end). Unreadable rows, and rows that break references (a deal in a missing stage), are set
// aside in the report, never dropped silently; the rest loads. Rows need to live only for the call
// they are passed to.
class WorkspaceLoader {
 public:
  WorkspaceLoader();
  ~WorkspaceLoader();
  WorkspaceLoader(const WorkspaceLoader&) = delete;
  WorkspaceLoader& operator=(const WorkspaceLoader&) = delete;
  // Pipelines, people, fields and views (deal rows in `rows` are ignored), each kind in rank order.
  void records(const LoadedRows& rows);
  void deals(const std::vector<LoadedRows::Row>& rows);
  void finish(Workspace& out, StorageMirror& mirror, LoadReport& report);

 private:
  struct State;
  std::unique_ptr<State> state_;
};
// All at once: records(rows), deals(the deal rows), finish().
void load_rows(const LoadedRows& rows, Workspace& out, StorageMirror& mirror, LoadReport& report);

// Applies records written by another tab. Returns the change made (for redrawing and history).
Change apply_external(Workspace& ws, StorageMirror& mirror, const std::vector<RecordWrite>& writes,
                      std::vector<std::string>& errors);

}  // namespace pb
