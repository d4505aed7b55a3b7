#include "change.hpp"

#include <algorithm>

namespace pb {

template <> Table<Pipeline>& table_of<Pipeline>(Workspace& ws) { return ws.pipelines; }
template <> Table<Person>& table_of<Person>(Workspace& ws) { return ws.people; }
template <> Table<FieldDef>& table_of<FieldDef>(Workspace& ws) { return ws.fields; }
template <> Table<View>& table_of<View>(Workspace& ws) { return ws.views; }
template <> Table<Deal>& table_of<Deal>(Workspace& ws) { return ws.deals; }
template <> const Table<Pipeline>& table_of<Pipeline>(const Workspace& ws) { return ws.pipelines; }
template <> const Table<Person>& table_of<Person>(const Workspace& ws) { return ws.people; }
template <> const Table<FieldDef>& table_of<FieldDef>(const Workspace& ws) { return ws.fields; }
template <> const Table<View>& table_of<View>(const Workspace& ws) { return ws.views; }
template <> const Table<Deal>& table_of<Deal>(const Workspace& ws) { return ws.deals; }
template <> std::vector<Diff<Pipeline>>& diffs_of<Pipeline>(Change& c) { return c.pipelines; }
template <> std::vector<Diff<Person>>& diffs_of<Person>(Change& c) { return c.people; }
template <> std::vector<Diff<FieldDef>>& diffs_of<FieldDef>(Change& c) { return c.fields; }
template <> std::vector<Diff<View>>& diffs_of<View>(Change& c) { return c.views; }
template <> std::vector<Diff<Deal>>& diffs_of<Deal>(Change& c) { return c.deals; }
template <> const std::vector<Diff<Pipeline>>& diffs_of<Pipeline>(const Change& c) { return c.pipelines; }
template <> const std::vector<Diff<Person>>& diffs_of<Person>(const Change& c) { return c.people; }
template <> const std::vector<Diff<FieldDef>>& diffs_of<FieldDef>(const Change& c) { return c.fields; }
template <> const std::vector<Diff<View>>& diffs_of<View>(const Change& c) { return c.views; }
template <> const std::vector<Diff<Deal>>& diffs_of<Deal>(const Change& c) { return c.deals; }

bool Change::empty() const { return record_count() == 0; }

std::size_t Change::record_count() const {
  return pipelines.size() + people.size() + fields.size() + views.size() + deals.size();
}

std::size_t Change::approx_bytes() const {
  // Records shared with the current state cost nothing extra; this over-counts on purpose.
  return sizeof(Change) + pipelines.size() * 2 * sizeof(Pipeline) + people.size() * 2 * sizeof(Person) +
         fields.size() * 2 * sizeof(FieldDef) + views.size() * 2 * sizeof(View) +
         deals.size() * 2 * (sizeof(Deal) + 128);
}

namespace {

// Runs of this many creations or deletions are applied in one pass (imports, bulk deletes).
constexpr std::size_t kBatch = 32;

template <class T>
void apply_one(Table<T>& table, const Diff<T>& d, bool forward) {
  const auto& from = forward ? d.before : d.after;
  const auto& to = forward ? d.after : d.before;
  const std::size_t from_pos = forward ? d.before_pos : d.after_pos;
  const std::size_t to_pos = forward ? d.after_pos : d.before_pos;
  if (from && to) {
    if (from_pos == to_pos) {
      table.replace(to);
    } else {
      table.erase(d.id);
      table.insert(to_pos, to);
    }
  } else if (to) {
    table.insert(to_pos, to);
  } else {
    table.erase(d.id);
  }
}

template <class T>
void apply_diffs(Table<T>& table, const std::vector<Diff<T>>& diffs, bool forward) {
  const std::size_t n = diffs.size();
  auto at = [&](std::size_t i) -> const Diff<T>& { return diffs[forward ? i : n - 1 - i]; };
  auto creates = [&](const Diff<T>& d) { return forward ? (!d.before && d.after) : (d.before && !d.after); };
  auto deletes = [&](const Diff<T>& d) { return forward ? (d.before && !d.after) : (!d.before && d.after); };
  std::size_t i = 0;
  while (i < n) {
    std::size_t end = i;
    if (creates(at(i))) {
      while (end < n && creates(at(end))) ++end;
      if (end - i >= kBatch) {
        std::vector<std::pair<std::size_t, typename Table<T>::Ptr>> items;
        for (std::size_t k = i; k < end; ++k)
          items.emplace_back(forward ? at(k).after_pos : at(k).before_pos, forward ? at(k).after : at(k).before);
        table.insert_many(items);
        i = end;
        continue;
      }
    } else if (deletes(at(i))) {
      while (end < n && deletes(at(end))) ++end;
      if (end - i >= kBatch) {
        std::vector<std::string> ids;
        for (std::size_t k = i; k < end; ++k) ids.push_back(at(k).id);
        table.erase_many(ids);
        i = end;
        continue;
      }
    }
    apply_one(table, at(i), forward);
    ++i;
  }
}

}  // namespace

void apply_change(Workspace& ws, const Change& c, bool forward) {
  // Order matters only within a table; stages live inside pipelines.
  apply_diffs(ws.pipelines, c.pipelines, forward);
  apply_diffs(ws.people, c.people, forward);
  apply_diffs(ws.fields, c.fields, forward);
  apply_diffs(ws.views, c.views, forward);
  apply_diffs(ws.deals, c.deals, forward);
}

std::string IdFactory::next(std::string_view prefix) {
  // splitmix64
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out(prefix);
  out += '_';
  for (int i = 0; i < 10; ++i) {
    out += kDigits[z % 36];
    z /= 36;
  }
  return out;
}

std::string Tx::new_id(std::string_view prefix) {
  for (;;) {
    std::string id = ids_.next(prefix);
    const bool used = ws_.pipelines.contains(id) || ws_.people.contains(id) || ws_.fields.contains(id) ||
                      ws_.views.contains(id) || ws_.deals.contains(id) || ws_.pipeline_of_stage(id);
    if (!used) return id;
  }
}

template <class T>
void Tx::put(T record, std::size_t pos) {
  Table<T>& table = table_of<T>(ws_);
  Diff<T> d;
  d.id = record.id;
  d.after = std::make_shared<const T>(std::move(record));
  if (auto before = table.find_ptr(d.id)) {
    d.before = std::move(before);
    d.before_pos = table.index_of(d.id);
    d.after_pos = pos == Table<T>::npos ? d.before_pos : std::min(pos, table.size() - 1);
  } else {
    d.after_pos = std::min(pos, table.size());
  }
  apply_one(table, d, true);
  diffs_of<T>(change_).push_back(std::move(d));
}

template <class T>
void Tx::erase(std::string_view id) {
  Table<T>& table = table_of<T>(ws_);
  Diff<T> d;
  d.id = std::string(id);
  d.before = table.find_ptr(id);
  if (!d.before) return;
  d.before_pos = table.index_of(id);
  apply_one(table, d, true);
  diffs_of<T>(change_).push_back(std::move(d));
}

template <class T>
void Tx::erase_many(const std::vector<std::string>& ids) {
  Table<T>& table = table_of<T>(ws_);
  const auto positions = table.positions_of(ids);
  // Recorded last-first, so each position is still the original one and undo re-inserts in order.
  std::vector<std::size_t> order(ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return positions[a] > positions[b]; });
  std::vector<std::string> present;
  for (std::size_t i : order) {
    if (positions[i] == Table<T>::npos) continue;
    Diff<T> d;
    d.id = ids[i];
    d.before = table.find_ptr(ids[i]);
    d.before_pos = positions[i];
    diffs_of<T>(change_).push_back(std::move(d));
    present.push_back(ids[i]);
  }
  table.erase_many(present);
}

template <class T>
void Tx::move(std::string_view id, std::size_t pos) {
  Table<T>& table = table_of<T>(ws_);
  auto record = table.find_ptr(id);
  if (!record) return;
  put<T>(*record, pos);
}

#define PB_INSTANTIATE(T)                                                   \
  template void Tx::put<T>(T, std::size_t);                                 \
  template void Tx::erase<T>(std::string_view);                             \
  template void Tx::erase_many<T>(const std::vector<std::string>&);         \
  template void Tx::move<T>(std::string_view, std::size_t);
PB_INSTANTIATE(Pipeline)
PB_INSTANTIATE(Person)
PB_INSTANTIATE(FieldDef)
PB_INSTANTIATE(View)
PB_INSTANTIATE(Deal)
#undef PB_INSTANTIATE

}  // namespace pb
