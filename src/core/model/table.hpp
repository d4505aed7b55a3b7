// Table<T>: an ordered collection of immutable records, looked up by their string id.
//
// Records are shared_ptr<const T>: an edit swaps in a new record, so undo history and
// storage keep old versions without copying them. Order is kept because users see it
// (pipelines, stages) and because documents must round-trip exactly.
#pragma once
#include <cstddef>
#include <algorithm>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pb {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class T>
class Table {
 public:
  using Ptr = std::shared_ptr<const T>;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  struct Slot {
    Ptr record;
    std::size_t hint = 0;  // where the record last stood in order_: index_of looks there first
  };
  using Map = std::unordered_map<std::string, Slot, StringHash, std::equal_to<>>;
  using Entry = typename Map::value_type;
  // A place in the order: the entry, and its record for scans that need not visit the entry.
  struct Ref {
    Entry* entry = nullptr;
    const T* record = nullptr;
  };

 public:

  Table() = default;
  Table(const Table& other) { *this = other; }
  Table& operator=(const Table& other) {
    if (this == &other) return *this;
    clear();
    for (const Ref& ref : other.order_) insert(size(), ref.entry->second.record);
    return *this;
  }
  Table(Table&&) noexcept = default;
  Table& operator=(Table&&) noexcept = default;

  std::size_t size() const { return order_.size(); }
  bool empty() const { return order_.empty(); }
  void reserve(std::size_t n) { map_.reserve(n); order_.reserve(n); }
  void clear() {
    map_.clear();
    order_.clear();
    far_lookups_ = 0;
  }

  const T& at(std::size_t pos) const { return *order_[pos].record; }
  const Ptr& ptr_at(std::size_t pos) const { return order_[pos].entry->second.record; }

  const T* find(std::string_view id) const {
    auto it = map_.find(id);
    return it == map_.end() ? nullptr : it->second.record.get();
  }
  Ptr find_ptr(std::string_view id) const {
    auto it = map_.find(id);
    return it == map_.end() ? nullptr : it->second.record;
  }
  bool contains(std::string_view id) const { return map_.find(id) != map_.end(); }

  // Near constant while a record stays close to where it was last found or put (edits in place,
  // undo, inserts and erases elsewhere); linear (a pointer scan) otherwise.
  std::size_t index_of(std::string_view id) const {
    auto it = map_.find(id);
    return it == map_.end() ? npos : locate(&*it);
  }
  // The same, remembering the position for the next lookup.
  std::size_t index_of(std::string_view id) {
    auto it = map_.find(id);
    return it == map_.end() ? npos : position_of(&*it);
  }

  // Inserts a record whose id is not present yet; pos is clamped to the end.
  void insert(std::size_t pos, Ptr record) {
    if (pos > order_.size()) pos = order_.size();
    const std::string& id = record->id;  // the record outlives the move of its pointer
    auto [it, inserted] = map_.emplace(id, Slot{std::move(record), pos});
    if (!inserted) return;
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(pos), Ref{&*it, it->second.record.get()});
  }
  // Replaces the record with the same id, keeping its position.
  void replace(Ptr record) {
    auto it = map_.find(record->id);
    if (it == map_.end()) return;
    order_[position_of(&*it)].record = record.get();
    it->second.record = std::move(record);
  }
  void erase(std::string_view id) {
    const std::size_t pos = index_of(id);
    if (pos == npos) return;
    order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(pos));
    map_.erase(map_.find(id));
  }
  void move(std::string_view id, std::size_t to) {
    const std::size_t from = index_of(id);
    if (from == npos) return;
    const Ref ref = order_[from];
    order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(from));
    if (to > order_.size()) to = order_.size();
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(to), ref);
    ref.entry->second.hint = to;
  }

  // Positions of the given ids (npos for unknown ones), found in one pass.
  std::vector<std::size_t> positions_of(const std::vector<std::string>& ids) const {
    std::unordered_map<const Entry*, std::size_t> wanted;
    std::vector<std::size_t> out(ids.size(), npos);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto it = map_.find(ids[i]);
      if (it != map_.end()) wanted.emplace(&*it, i);
    }
    for (std::size_t pos = 0; pos < order_.size() && !wanted.empty(); ++pos) {
      auto it = wanted.find(order_[pos].entry);
      if (it == wanted.end()) continue;
      out[it->second] = pos;
      wanted.erase(it);
    }
    return out;
  }

  // Erases many ids with one compaction pass: O(size), not O(size x count).
  void erase_many(const std::vector<std::string>& ids) {
    std::unordered_map<const Entry*, bool> doomed;
    for (const auto& id : ids)
      if (auto it = map_.find(id); it != map_.end()) doomed.emplace(&*it, true);
    std::erase_if(order_, [&](const Ref& r) { return doomed.count(r.entry) > 0; });
    for (const auto& id : ids)
      if (auto it = map_.find(id); it != map_.end()) map_.erase(it);
  }

  // Same result as calling insert(pos, record) for each pair in turn, in O((size + n) log size).
  // Placing the last insert first: each item's final slot is the pos-th slot still free.
  void insert_many(const std::vector<std::pair<std::size_t, Ptr>>& all) {
    // Ids already present, or repeated in the batch, are no-ops as in insert(): map them first, in order, so
    // the first of a repeat wins and later positions count only the records really inserted.
    std::vector<std::pair<std::size_t, Entry*>> items;
    items.reserve(all.size());
    for (const auto& [pos, record] : all)
      if (auto [it, inserted] = map_.emplace(record->id, Slot{record, 0}); inserted) items.emplace_back(pos, &*it);
    const std::size_t total = order_.size() + items.size();
    std::vector<int> tree(total + 1, 0);  // Fenwick tree of free slots
    for (std::size_t i = 1; i <= total; ++i) {
      tree[i] += 1;
      if (std::size_t j = i + (i & (0 - i)); j <= total) tree[j] += tree[i];
    }
    auto take_kth_free = [&](std::size_t k) {  // 1-based k, returns 0-based slot
      std::size_t pos = 0, step = 1;
      while (step * 2 <= total) step *= 2;
      for (; step; step /= 2)
        if (pos + step <= total && static_cast<std::size_t>(tree[pos + step]) < k) {
          pos += step;
          k -= static_cast<std::size_t>(tree[pos]);
        }
      for (std::size_t i = pos + 1; i <= total; i += i & (0 - i)) tree[i] -= 1;
      return pos;
    };
    std::vector<Ref> result(total);
    for (std::size_t j = items.size(); j-- > 0;) {
      const std::size_t size_then = order_.size() + j;
      const std::size_t pos = std::min(items[j].first, size_then);
      const std::size_t slot = take_kth_free(pos + 1);
      result[slot] = Ref{items[j].second, items[j].second->second.record.get()};
      items[j].second->second.hint = slot;
    }
    std::size_t next = 0;
    for (Ref& slot : result)
      if (!slot.entry) slot = order_[next++];  // free slots keep the existing entries in order
    order_ = std::move(result);
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    using Inner = typename std::vector<Ref>::const_iterator;
    explicit const_iterator(Inner it) : it_(it) {}
    const T& operator*() const { return *it_->record; }
    const T* operator->() const { return it_->record; }
    const_iterator& operator++() { ++it_; return *this; }
    const_iterator operator++(int) { auto old = *this; ++it_; return old; }
    bool operator==(const const_iterator& o) const { return it_ == o.it_; }
   private:
    Inner it_;
  };
  const_iterator begin() const { return const_iterator(order_.begin()); }
  const_iterator end() const { return const_iterator(order_.end()); }

  bool operator==(const Table& other) const {
    if (size() != other.size()) return false;
    for (std::size_t i = 0; i < size(); ++i)
      if (!(at(i) == other.at(i))) return false;
    return true;
  }

 private:
  // Where entry stands, if near its hint (positions shift a little with edits elsewhere).
  std::size_t locate_near(const Entry* entry) const {
    const std::size_t n = order_.size(), hint = entry->second.hint;
    if (hint < n && order_[hint].entry == entry) return hint;
    constexpr std::size_t kNear = 32;
    const std::size_t lo = hint > kNear ? hint - kNear : 0, hi = std::min(n, hint + kNear + 1);
    for (std::size_t i = lo; i < hi; ++i)
      if (order_[i].entry == entry) return i;
    return npos;
  }
  std::size_t locate(const Entry* entry) const {
    if (const std::size_t pos = locate_near(entry); pos != npos) return pos;
    for (std::size_t i = 0; i < order_.size(); ++i)
      if (order_[i].entry == entry) return i;
    return npos;
  }
  // locate(), remembering the answer. Once hints are broadly stale (many inserts or erases before
  // the records looked up), refreshes them all in one pass instead of scanning for each.
  std::size_t position_of(Entry* entry) {
    std::size_t pos = locate_near(entry);
    if (pos == npos && ++far_lookups_ > 8) {
      for (std::size_t i = 0; i < order_.size(); ++i) order_[i].entry->second.hint = i;
      far_lookups_ = 0;
      return entry->second.hint;
    }
    if (pos == npos) pos = locate(entry);
    entry->second.hint = pos;
    return pos;
  }

  Map map_;                  // owns the records; node addresses are stable
  std::vector<Ref> order_;   // the user-visible order
  std::size_t far_lookups_ = 0;  // position_of() calls that missed their hint since the last refresh
};

}  // namespace pb
