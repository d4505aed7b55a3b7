// Loading: stored rows back into a workspace, bad rows set aside (WorkspaceLoader).
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "record_writes.hpp"
#include "storage.hpp"

namespace pb {

// Rows as loaded: each row's key, revision, rank and JSON text, per kind. Texts stay text: deal
// rows are read by the fast deal reader, and only a row it refuses is parsed alone, for its
// messages; the other kinds' rows (few) are each parsed alone. One bad row cannot hide the others.
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

}  // namespace pb
