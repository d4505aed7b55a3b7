// Loading: every record but the deals (few, read once, row by row), and the careful reader for deal rows.
// The deals' fast path is in storage_load_deals.cpp.
#include "storage_load.hpp"

#include <algorithm>

#include "codec.hpp"
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

// Whether a row's references are checked as it is read, against the records read before it, or
// later, for all rows at once (check_workspace, indexed: a pipeline's stages are not looked for
// in every pipeline before it).
enum class Refs { Each, Later };

// One row read on its own, with messages: false, and the row set aside in the report, when it is
// not JSON, not a valid record, not under its own key, a repeat, or (Refs::Each) pointing at
// missing records.
template <class T>
bool read_row(const LoadedRows::Row& row, const Workspace& ws, T& record, LoadReport& report, Refs refs = Refs::Each) {
  Issues issues;
  json v;
  std::string error;
  if (!parse_json(row.json, v, error, ParseLimits{kMaxRowBytes, 64})) {
    issues.add("", "not JSON: " + error);
    v = std::string(row.json.substr(0, 4096));  // keep what there is, for the export
  } else if (decode(v, ws, record, issues)) {
    if (record.id != row.key) issues.add("/id", "does not match the row's key \"" + std::string(row.key) + "\"");
    else if (table_of<T>(ws).contains(record.id)) issues.add("/id", detail::repeats_id(row.key));
    else if (refs == Refs::Each) check_refs(ws, record, issues);
  }
  if (issues.ok()) return true;
  report.quarantined.push_back(QuarantinedRecord{std::string(store_name(kind_of<T>())), std::string(row.key), issues.summary(), std::move(v)});
  return false;
}

// A kind's rows, each read on its own.
template <class T>
void read_rows(const std::vector<LoadedRows::Row>& rows, Workspace& ws, StorageMirror& mirror, LoadReport& report, Refs refs) {
  table_of<T>(ws).reserve(rows.size());
  mirror.reserve(kind_of<T>(), rows.size());
  for (const auto& row : rows) {
    T record;
    if (!read_row(row, ws, record, report, refs)) continue;
    table_of<T>(ws).insert(table_of<T>(ws).size(), std::make_shared<const T>(std::move(record)));
    mirror.set(kind_of<T>(), row.key, {row.rev, row.rank});
  }
}

// Pipelines, people, fields and views, in the order their references need.
void read_records(const LoadedRows& rows, Workspace& ws, StorageMirror& mirror, LoadReport& report, Refs refs) {
  auto of = [&](RecordKind k) -> const std::vector<LoadedRows::Row>& { return rows.rows[static_cast<int>(k)]; };
  read_rows<Pipeline>(of(RecordKind::Pipeline), ws, mirror, report, refs);
  read_rows<Person>(of(RecordKind::Person), ws, mirror, report, refs);
  read_rows<FieldDef>(of(RecordKind::Field), ws, mirror, report, refs);
  read_rows<View>(of(RecordKind::View), ws, mirror, report, refs);
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
  // Healthy rows: each read alone, then their references all checked at once.
  {
    Workspace ws;
    StorageMirror mirror;
    LoadReport refused;
    read_records(rows, ws, mirror, refused, Refs::Later);
    Issues issues;
    if (refused.quarantined.empty()) check_workspace(ws, issues);
    if (refused.quarantined.empty() && issues.ok()) {
      s.ws = std::move(ws);
      s.mirror = std::move(mirror);
      return;
    }
  }
  // Something is wrong: read again, each row checked against those before it (a view after the
  // pipelines and fields it names; of two pipelines sharing a stage id the later one), and the
  // bad ones set aside.
  s.ws = Workspace{};
  s.mirror.clear();
  read_records(rows, s.ws, s.mirror, s.report, Refs::Each);
}

}  // namespace pb
