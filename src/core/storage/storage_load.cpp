// Loading: every record but the deals (few, read once), and the careful reader for rows the fast one refuses.
// The deals' fast path is in storage_load_deals.cpp.
#include "storage_load.hpp"

#include <algorithm>

#include "codec.hpp"
#include "documents.hpp"
#include "record_decode_internal.hpp"
#include "storage_load_internal.hpp"
#include "validate.hpp"

namespace pb {
namespace {

using detail::decode;

// References to other records, checked against what has loaded so far.
void check_refs(const Workspace& ws, const Pipeline& p, Issues& issues) { check_pipeline(ws, p, JsonPath(), issues); }
void check_refs(const Workspace&, const Person&, Issues&) {}
void check_refs(const Workspace&, const FieldDef&, Issues&) {}
void check_refs(const Workspace& ws, const View& v, Issues& issues) { check_view(ws, v, JsonPath(), issues); }
void check_refs(const Workspace& ws, const Deal& d, Issues& issues) { check_deal(ws, d, JsonPath(), issues); }

// One row read on its own, with messages: false, and the row set aside in the report, when it is
// not JSON, not a valid record, not under its own key, a repeat, or pointing at missing records.
template <class T>
bool read_row(const LoadedRows::Row& row, const Workspace& ws, T& record, LoadReport& report) {
  Issues issues;
  json v;
  std::string error;
  if (!parse_json(row.json, v, error, ParseLimits{kMaxRowBytes, 64})) {
    issues.add("", "not JSON: " + error);
    v = std::string(row.json.substr(0, 4096));  // keep what there is, for the export
  } else if (decode(v, ws, record, issues)) {
    if (record.id != row.key) issues.add("/id", "does not match the row's key \"" + std::string(row.key) + "\"");
    else if (table_of<T>(ws).contains(record.id)) issues.add("/id", detail::repeats_id(row.key));
    else check_refs(ws, record, issues);
  }
  if (issues.ok()) return true;
  report.quarantined.push_back(QuarantinedRecord{std::string(store_name(kind_of<T>())), std::string(row.key), issues.summary(), std::move(v)});
  return false;
}

// Row by row, for a kind whose rows the document reader refused.
template <class T>
void read_rows(const std::vector<LoadedRows::Row>& rows, Workspace& ws, StorageMirror& mirror, LoadReport& report) {
  for (const auto& row : rows) {
    T record;
    if (!read_row(row, ws, record, report)) continue;
    table_of<T>(ws).insert(table_of<T>(ws).size(), std::make_shared<const T>(std::move(record)));
    mirror.set(kind_of<T>(), row.key, {row.rev, row.rank});
  }
}

template <class T>
bool mirror_table(const Table<T>& table, const std::vector<LoadedRows::Row>& rows, StorageMirror& mirror) {
  if (table.size() != rows.size()) return false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (table.at(i).id != rows[i].key) return false;
    mirror.set(kind_of<T>(), rows[i].key, {rows[i].rev, rows[i].rank});
  }
  return true;
}

// Every record but the deals as one workspace document, for the document reader.
std::string document_without_deals(const LoadedRows& loaded) {
  std::string doc = "{\"format\":\"";
  doc += kWorkspaceFormat;
  doc += "\",\"version\":" + std::to_string(kWorkspaceVersion);
  for (RecordKind kind : kRecordKinds) {
    doc += ",\"";
    doc += store_name(kind);
    doc += "\":[";
    bool first = true;
    if (kind != RecordKind::Deal)
      for (const auto& r : loaded.rows[static_cast<int>(kind)]) {
        if (!first) doc += ',';
        first = false;
        doc += r.json;
      }
    doc += ']';
  }
  doc += '}';
  return doc;
}

}  // namespace

namespace detail {
bool read_deal_row(const LoadedRows::Row& row, const Workspace& ws, Deal& deal, LoadReport& report) {
  return read_row(row, ws, deal, report);
}
}  // namespace detail

WorkspaceLoader::WorkspaceLoader() : state_(std::make_unique<State>()) {}
WorkspaceLoader::~WorkspaceLoader() = default;

void WorkspaceLoader::records(const LoadedRows& rows) {
  State& s = *state_;
  auto of = [&](RecordKind k) -> const std::vector<LoadedRows::Row>& { return rows.rows[static_cast<int>(k)]; };
  // Healthy data: the document reader checks them all at once.
  {
    Workspace ws;
    Issues issues;
    StorageMirror fresh;
    if (load_workspace(document_without_deals(rows), ws, issues) && mirror_table(ws.pipelines, of(RecordKind::Pipeline), fresh) &&
        mirror_table(ws.people, of(RecordKind::Person), fresh) && mirror_table(ws.fields, of(RecordKind::Field), fresh) &&
        mirror_table(ws.views, of(RecordKind::View), fresh)) {
      s.ws = std::move(ws);
      s.mirror = std::move(fresh);
      return;
    }
  }
  // Something is wrong: read row by row and set the bad ones aside.
  s.ws = Workspace{};
  s.mirror.clear();
  read_rows<Pipeline>(of(RecordKind::Pipeline), s.ws, s.mirror, s.report);
  read_rows<Person>(of(RecordKind::Person), s.ws, s.mirror, s.report);
  read_rows<FieldDef>(of(RecordKind::Field), s.ws, s.mirror, s.report);
  read_rows<View>(of(RecordKind::View), s.ws, s.mirror, s.report);
}

}  // namespace pb
