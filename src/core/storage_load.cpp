// Reading stored rows back into a workspace, and applying rows another tab wrote.
#include <algorithm>

#include "codec.hpp"
#include "documents.hpp"
#include "storage.hpp"
#include "validate.hpp"

namespace pb {
namespace {

bool decode(const json& v, const Workspace&, Pipeline& out, Issues& issues) {
  return read_pipeline(v, out, JsonPath(), issues, Ids::Required);
}
bool decode(const json& v, const Workspace&, Person& out, Issues& issues) {
  return read_person(v, out, JsonPath(), issues, Ids::Required);
}
bool decode(const json& v, const Workspace&, FieldDef& out, Issues& issues) {
  return read_field(v, out, JsonPath(), issues, Ids::Required);
}
bool decode(const json& v, const Workspace&, View& out, Issues& issues) {
  return read_view(v, out, JsonPath(), issues, Ids::Required);
}
bool decode(const json& v, const Workspace& ws, Deal& out, Issues& issues) {
  return read_deal(v, out, ws.fields, JsonPath(), issues, DealRead::Document);
}

// References to other records, checked against what has loaded so far.
void check_refs(const Workspace& ws, const Pipeline& p, Issues& issues) { check_pipeline(ws, p, JsonPath(), issues); }
void check_refs(const Workspace&, const Person&, Issues&) {}
void check_refs(const Workspace&, const FieldDef&, Issues&) {}
void check_refs(const Workspace& ws, const View& v, Issues& issues) { check_view(ws, v, JsonPath(), issues); }
void check_refs(const Workspace& ws, const Deal& d, Issues& issues) { check_deal(ws, d, JsonPath(), issues); }

// Row by row, for stores holding something the document reader refused.
struct RowReader {
  const LoadedRows& rows;
  Workspace& ws;
  StorageMirror& mirror;
  LoadReport& report;
  std::size_t row = 0;  // index into rows.keys

  template <class T>
  void read(const json& doc) {
    const std::string_view store = store_name(kind_of<T>());
    auto it = doc.find(store);
    if (it == doc.end() || !it->is_array()) return;
    for (const json& v : *it) {
      const std::string key = row < rows.keys.size() ? rows.keys[row] : "";
      const double rev = 2 * row + 1 < rows.revs_ranks.size() ? rows.revs_ranks[2 * row] : 0;
      const double rank = 2 * row + 1 < rows.revs_ranks.size() ? rows.revs_ranks[2 * row + 1] : 0;
      ++row;
      Issues issues;
      T record;
      if (decode(v, ws, record, issues)) {
        if (record.id != key) issues.add("/id", "does not match the row's key \"" + key + "\"");
        else if (table_of<T>(ws).contains(record.id)) issues.add("/id", "repeats id \"" + key + "\"");
        else check_refs(ws, record, issues);
      }
      if (!issues.ok()) {
        report.quarantined.push_back(QuarantinedRecord{std::string(store), key, issues.summary(), v});
        continue;
      }
      table_of<T>(ws).insert(table_of<T>(ws).size(), std::make_shared<const T>(std::move(record)));
      mirror.set(kind_of<T>(), key, {static_cast<std::int64_t>(rev), rank});
    }
  }
};

template <class T>
bool keys_match(const Table<T>& table, const LoadedRows& rows, std::size_t& row) {
  for (const auto& r : table)
    if (row >= rows.keys.size() || rows.keys[row++] != r.id) return false;
  return true;
}

template <class T>
void mirror_table(const Table<T>& table, const LoadedRows& rows, std::size_t& row, StorageMirror& mirror) {
  for (const auto& r : table) {
    mirror.set(kind_of<T>(), r.id, {static_cast<std::int64_t>(rows.revs_ranks[2 * row]), rows.revs_ranks[2 * row + 1]});
    ++row;
  }
}

}  // namespace

bool load_rows(const LoadedRows& rows, Workspace& out, StorageMirror& mirror, LoadReport& report) {
  if (rows.revs_ranks.size() != 2 * rows.keys.size()) {
    report.error = "storage returned " + std::to_string(rows.keys.size()) + " keys but " +
                   std::to_string(rows.revs_ranks.size() / 2) + " revisions";
    return false;
  }
  // Healthy data: the fast document reader checks everything at once.
  Workspace ws;
  Issues issues;
  if (load_workspace(rows.document, ws, issues)) {
    std::size_t row = 0;
    const bool match = keys_match(ws.pipelines, rows, row) && keys_match(ws.people, rows, row) &&
                       keys_match(ws.fields, rows, row) && keys_match(ws.views, rows, row) &&
                       keys_match(ws.deals, rows, row) && row == rows.keys.size();
    if (match) {
      mirror.clear();
      row = 0;
      mirror_table(ws.pipelines, rows, row, mirror);
      mirror_table(ws.people, rows, row, mirror);
      mirror_table(ws.fields, rows, row, mirror);
      mirror_table(ws.views, rows, row, mirror);
      mirror_table(ws.deals, rows, row, mirror);
      out = std::move(ws);
      return true;
    }
  }
  // Something is wrong: read row by row and set the bad ones aside.
  json doc;
  std::string error;
  if (!parse_json(rows.document, doc, error, ParseLimits{kMaxWorkspaceBytes, 64}) || !doc.is_object()) {
    report.error = "stored data could not be read: " + (error.empty() ? std::string("not an object") : error);
    return false;
  }
  Workspace partial;
  StorageMirror partial_mirror;
  RowReader reader{rows, partial, partial_mirror, report};
  reader.read<Pipeline>(doc);
  reader.read<Person>(doc);
  reader.read<FieldDef>(doc);
  reader.read<View>(doc);
  reader.read<Deal>(doc);
  out = std::move(partial);
  mirror = std::move(partial_mirror);
  return true;
}

// [SECTION] Rows from another tab

namespace {

template <class T>
std::size_t position_for_rank(const Table<T>& table, const StorageMirror& mirror, double rank) {
  std::size_t lo = 0, hi = table.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    const StorageMirror::Entry* e = mirror.find(kind_of<T>(), table.at(mid).id);
    if (e && e->rank < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

template <class T>
void apply_row(Workspace& ws, StorageMirror& mirror, const RecordWrite& w, Change& change, std::vector<std::string>& errors) {
  constexpr RecordKind kind = kind_of<T>();
  Table<T>& table = table_of<T>(ws);
  const StorageMirror::Entry* known = mirror.find(kind, w.id);
  Diff<T> d{w.id, table.find_ptr(w.id), nullptr, table.index_of(w.id), 0};
  if (w.data.is_null()) {  // deleted there
    if (!d.before) return;
    table.erase(w.id);
    mirror.erase(kind, w.id);
    diffs_of<T>(change).push_back(std::move(d));
    return;
  }
  if (known && known->rev >= w.rev) return;  // our own write coming back, or older news
  Issues issues;
  T record;
  if (!decode(w.data, ws, record, issues) || record.id != w.id) {
    errors.push_back(std::string(store_name(kind)) + "/" + w.id + ": " + (issues.ok() ? "id mismatch" : issues.summary()));
    return;
  }
  d.after = std::make_shared<const T>(std::move(record));
  if (d.before && known && known->rank == w.rank) {
    table.replace(d.after);
    d.after_pos = d.before_pos;
  } else {
    if (d.before) table.erase(w.id);
    mirror.erase(kind, w.id);
    d.after_pos = position_for_rank(table, mirror, w.rank);
    table.insert(d.after_pos, d.after);
  }
  mirror.set(kind, w.id, {w.rev, w.rank});
  diffs_of<T>(change).push_back(std::move(d));
}

}  // namespace

Change apply_external(Workspace& ws, StorageMirror& mirror, const std::vector<RecordWrite>& writes,
                      std::vector<std::string>& errors) {
  Change change;
  change.label = "Change from another tab";
  // Containers before what they contain: pipelines and fields before the deals that use them.
  for (RecordKind kind : kRecordKinds)
    for (const auto& w : writes) {
      if (w.kind != kind) continue;
      switch (kind) {
        case RecordKind::Pipeline: apply_row<Pipeline>(ws, mirror, w, change, errors); break;
        case RecordKind::Person: apply_row<Person>(ws, mirror, w, change, errors); break;
        case RecordKind::Field: apply_row<FieldDef>(ws, mirror, w, change, errors); break;
        case RecordKind::View: apply_row<View>(ws, mirror, w, change, errors); break;
        case RecordKind::Deal: apply_row<Deal>(ws, mirror, w, change, errors); break;
      }
    }
  return change;
}

}  // namespace pb
