// Turning changes into record writes: revisions and ranks (the mirror), batches, and their JSON form.
#include "record_writes.hpp"

#include <algorithm>
#include <cmath>

#include "codec.hpp"

namespace pb {

// [SECTION] JSON forms, for the JavaScript side and for tests

namespace {

// A row's record travels as JSON text in "json" (null for a deletion).
bool read_row_json(const json& j, json& out, std::string& error) {
  auto it = j.find("json");
  if (it == j.end() || it->is_null()) {
    out = json();
    return true;
  }
  if (!it->is_string()) {
    error = "a row's json is not text";
    return false;
  }
  return parse_json(it->get_ref<const std::string&>(), out, error, ParseLimits{kMaxRowBytes, 64});
}

}  // namespace

json batch_to_json(const WriteBatch& b) {
  json writes = json::array();
  for (const auto& w : b.writes)
    writes.push_back({{"store", store_name(w.kind)}, {"id", w.id}, {"expect", w.expected_rev}, {"rev", w.rev},
                      {"rank", w.rank}, {"json", w.data.is_null() ? json() : json(w.data.dump())}});
  json quarantine = json::array();
  for (const auto& q : b.quarantine)
    quarantine.push_back({{"store", q.store}, {"id", q.id}, {"reason", q.reason}, {"raw", q.raw}});
  return {{"seq", b.seq},     {"label", b.label},           {"writes", std::move(writes)}, {"meta", b.meta},
          {"quarantine", std::move(quarantine)}, {"backup", b.backup}, {"clear_legacy", b.clear_legacy},
          {"clear_quarantine", b.clear_quarantine}};
}

bool batch_from_json(const json& j, WriteBatch& out, std::string& error) {
  if (!j.is_object() || !j.contains("writes") || !j["writes"].is_array()) {
    error = "a batch needs a writes array";
    return false;
  }
  WriteBatch b;
  b.seq = j.value("seq", std::uint64_t{0});
  b.label = j.value("label", "");
  for (const auto& w : j["writes"]) {
    RecordWrite r;
    if (!w.is_object() || !parse_store_name(w.value("store", ""), r.kind)) {
      error = "a write names an unknown store";
      return false;
    }
    r.id = w.value("id", "");
    r.expected_rev = w.value("expect", std::int64_t{0});
    r.rev = w.value("rev", std::int64_t{0});
    r.rank = w.value("rank", 0.0);
    if (!read_row_json(w, r.data, error)) return false;
    b.writes.push_back(std::move(r));
  }
  if (j.contains("meta") && j["meta"].is_object()) b.meta = j["meta"];
  out = std::move(b);
  return true;
}

json commit_result_to_json(const CommitResult& r) {
  json conflicts = json::array();
  for (const auto& c : r.conflicts)
    conflicts.push_back({{"store", store_name(c.kind)}, {"id", c.id}, {"expected", c.expected_rev},
                         {"actual", c.actual_rev}, {"rank", c.rank},
                         {"json", c.theirs.is_null() ? json() : json(c.theirs.dump())}});
  return {{"ok", r.ok}, {"error", r.error_name}, {"message", r.message}, {"conflicts", std::move(conflicts)}};
}

CommitResult commit_result_from_json(const json& j) {
  CommitResult r;
  if (!j.is_object()) {
    r.error_name = "UnknownError";
    r.message = "storage gave no result";
    return r;
  }
  r.ok = j.value("ok", false);
  r.error_name = j.value("error", "");
  r.message = j.value("message", "");
  if (auto it = j.find("conflicts"); it != j.end() && it->is_array())
    for (const auto& c : *it) {
      Conflict k;
      if (!c.is_object() || !parse_store_name(c.value("store", ""), k.kind)) continue;
      k.id = c.value("id", "");
      k.expected_rev = c.value("expected", std::int64_t{0});
      k.actual_rev = c.value("actual", std::int64_t{0});
      k.rank = c.value("rank", 0.0);
      std::string error;
      if (!read_row_json(c, k.theirs, error)) k.theirs = json();
      r.conflicts.push_back(std::move(k));
    }
  return r;
}

// [SECTION] Mirror

const StorageMirror::Entry* StorageMirror::find(RecordKind kind, std::string_view id) const {
  const Map& m = maps_[static_cast<int>(kind)];
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

void StorageMirror::set(RecordKind kind, std::string_view id, Entry e) {
  Map& m = map(kind);
  if (auto it = m.find(id); it != m.end()) it->second = e;
  else m.emplace(std::string(id), e);
}

void StorageMirror::erase(RecordKind kind, std::string_view id) {
  Map& m = map(kind);
  if (auto it = m.find(id); it != m.end()) m.erase(it);
}

void StorageMirror::clear() {
  for (auto& m : maps_) m.clear();
}

// [SECTION] Batches

namespace {

constexpr double kRankStep = 1024.0;

template <class T>
void put_write(WriteBatch& batch, StorageMirror& mirror, const T& record, double rank) {
  constexpr RecordKind kind = kind_of<T>();
  const StorageMirror::Entry* e = mirror.find(kind, record.id);
  const std::int64_t expected = e ? e->rev : 0;
  batch.writes.push_back(RecordWrite{kind, record.id, expected, expected + 1, rank, to_json(record)});
  mirror.set(kind, record.id, {expected + 1, rank});
}

template <class T>
void delete_write(WriteBatch& batch, StorageMirror& mirror, const Id& id) {
  constexpr RecordKind kind = kind_of<T>();
  const StorageMirror::Entry* e = mirror.find(kind, id);
  if (!e) return;  // never stored
  batch.writes.push_back(RecordWrite{kind, id, e->rev, 0, 0, json()});
  mirror.erase(kind, id);
}

// Every record of the table written with evenly spaced ranks: when ranks run out of room.
template <class T>
void renumber(WriteBatch& batch, StorageMirror& mirror, const Table<T>& table) {
  constexpr RecordKind kind = kind_of<T>();
  std::erase_if(batch.writes, [&](const RecordWrite& w) { return w.kind == kind && !w.data.is_null(); });
  for (std::size_t i = 0; i < table.size(); ++i) put_write(batch, mirror, table.at(i), static_cast<double>(i + 1) * kRankStep);
}

// Writes the records of one table that the change left in place (created or edited), giving each
// a rank between its neighbours. Records outside the change keep their ranks: the change did not
// reorder them relative to each other.
template <class T>
void write_table(const Change& change, bool forward, const Table<T>& table, WriteBatch& batch, StorageMirror& mirror) {
  constexpr RecordKind kind = kind_of<T>();
  std::vector<std::size_t> positions;
  for (const auto& d : diffs_of<T>(change)) {
    if (!(forward ? d.after : d.before)) {
      delete_write<T>(batch, mirror, d.id);
      continue;
    }
    const std::size_t pos = table.index_of(d.id);
    if (pos != Table<T>::npos) positions.push_back(pos);
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  auto rank_at = [&](std::size_t pos) { return mirror.find(kind, table.at(pos).id); };
  // Runs of consecutive changed positions share their outside neighbours.
  for (std::size_t i = 0; i < positions.size();) {
    std::size_t j = i + 1;
    while (j < positions.size() && positions[j] == positions[j - 1] + 1) ++j;
    const std::size_t first = positions[i], last = positions[j - 1], count = j - i;
    const StorageMirror::Entry* left = first > 0 ? rank_at(first - 1) : nullptr;
    const StorageMirror::Entry* right = last + 1 < table.size() ? rank_at(last + 1) : nullptr;
    const double lo = left ? left->rank : (right ? right->rank - kRankStep * static_cast<double>(count + 1) : 0.0);
    const double hi = right ? right->rank : lo + kRankStep * static_cast<double>(count + 1);
    // Keep the run's own ranks when they are all known, increasing and inside (lo, hi).
    bool keep = true;
    double prev = lo;
    for (std::size_t p = first; p <= last && keep; ++p) {
      const StorageMirror::Entry* e = rank_at(p);
      keep = e && e->rank > prev && e->rank < hi;
      if (e) prev = e->rank;
    }
    const double step = (hi - lo) / static_cast<double>(count + 1);
    if (!keep && !(lo + step > lo && lo + step * static_cast<double>(count) < hi)) {
      renumber(batch, mirror, table);  // no room left between the neighbours
      return;
    }
    for (std::size_t p = first; p <= last; ++p) {
      const StorageMirror::Entry* e = rank_at(p);
      put_write(batch, mirror, table.at(p), keep ? e->rank : lo + step * static_cast<double>(p - first + 1));
    }
    i = j;
  }
}

// Storage ends up holding exactly this table: rows it does not have are deleted.
template <class T>
void write_all(const Table<T>& table, WriteBatch& batch, StorageMirror& mirror) {
  constexpr RecordKind kind = kind_of<T>();
  std::vector<Id> gone;
  mirror.for_each(kind, [&](const Id& id) {
    if (!table.contains(id)) gone.push_back(id);
  });
  for (const auto& id : gone) delete_write<T>(batch, mirror, id);
  for (std::size_t i = 0; i < table.size(); ++i) put_write(batch, mirror, table.at(i), static_cast<double>(i + 1) * kRankStep);
}

}  // namespace

WriteBatch make_batch(const Change& change, bool forward, const Workspace& ws, StorageMirror& mirror) {
  WriteBatch batch;
  batch.label = change.label;
  write_table(change, forward, ws.pipelines, batch, mirror);
  write_table(change, forward, ws.people, batch, mirror);
  write_table(change, forward, ws.fields, batch, mirror);
  write_table(change, forward, ws.views, batch, mirror);
  write_table(change, forward, ws.deals, batch, mirror);
  collapse_writes(batch.writes, mirror);
  return batch;
}

void collapse_writes(std::vector<RecordWrite>& writes, StorageMirror& mirror) {
  std::unordered_map<std::string, std::size_t> first;  // "store/id" -> index of its first write
  std::vector<bool> drop(writes.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    RecordWrite& w = writes[i];
    auto [it, inserted] = first.emplace(std::string(store_name(w.kind)) + "/" + w.id, i);
    if (inserted) continue;
    RecordWrite& f = writes[it->second];
    f.rev = w.data.is_null() ? 0 : std::max(w.rev, f.expected_rev + 1);
    f.rank = w.rank;
    f.data = std::move(w.data);
    drop[i] = any = true;
  }
  if (!any) return;
  std::vector<RecordWrite> kept;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    if (drop[i]) continue;
    RecordWrite& w = writes[i];
    if (w.expected_rev == 0 && w.data.is_null()) continue;  // created and deleted: nothing to store
    if (w.data.is_null()) mirror.erase(w.kind, w.id);
    else mirror.set(w.kind, w.id, {w.rev, w.rank});
    kept.push_back(std::move(w));
  }
  writes = std::move(kept);
}

WriteBatch make_full_batch(const Workspace& ws, StorageMirror& mirror) {
  WriteBatch batch;
  batch.label = "Save everything";
  write_all(ws.pipelines, batch, mirror);
  write_all(ws.people, batch, mirror);
  write_all(ws.fields, batch, mirror);
  write_all(ws.views, batch, mirror);
  write_all(ws.deals, batch, mirror);
  return batch;
}

}  // namespace pb
