// Cross-tab sync: applying the rows another tab wrote, in rank order; our own writes and older news are ignored.
#include "cross_tab.hpp"

#include "record_decode_internal.hpp"

namespace pb {

namespace {

using detail::decode;

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
