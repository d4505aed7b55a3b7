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

  Table() = default;
  Table(const Table& other) { *this = other; }
  Table& operator=(const Table& other) {
    if (this == &other) return *this;
    clear();
    for (const auto* entry : other.order_) insert(size(), entry->second);
    return *this;
  }
  Table(Table&&) noexcept = default;
  Table& operator=(Table&&) noexcept = default;

  std::size_t size() const { return order_.size(); }
  bool empty() const { return order_.empty(); }
  void reserve(std::size_t n) { map_.reserve(n); order_.reserve(n); }
  void clear() { map_.clear(); order_.clear(); }

  const T& at(std::size_t pos) const { return *order_[pos]->second; }
  const Ptr& ptr_at(std::size_t pos) const { return order_[pos]->second; }

  const T* find(std::string_view id) const {
    auto it = map_.find(id);
    return it == map_.end() ? nullptr : it->second.get();
  }
  Ptr find_ptr(std::string_view id) const {
    auto it = map_.find(id);
    return it == map_.end() ? nullptr : it->second;
  }
  bool contains(std::string_view id) const { return map_.find(id) != map_.end(); }

  // Linear in the position (a pointer scan): only erase and reorder need it.
  std::size_t index_of(std::string_view id) const {
    auto it = map_.find(id);
    if (it == map_.end()) return npos;
    const Entry* entry = &*it;
    for (std::size_t i = 0; i < order_.size(); ++i)
      if (order_[i] == entry) return i;
    return npos;
  }

  // Inserts a record whose id is not present yet; pos is clamped to the end.
  void insert(std::size_t pos, Ptr record) {
    auto [it, inserted] = map_.emplace(record->id, std::move(record));
    if (!inserted) return;
    if (pos > order_.size()) pos = order_.size();
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(pos), &*it);
  }
  // Replaces the record with the same id, keeping its position.
  void replace(Ptr record) {
    auto it = map_.find(record->id);
    if (it != map_.end()) it->second = std::move(record);
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
    Entry* entry = order_[from];
    order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(from));
    if (to > order_.size()) to = order_.size();
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(to), entry);
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
      auto it = wanted.find(order_[pos]);
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
    std::erase_if(order_, [&](const Entry* e) { return doomed.count(e) > 0; });
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
      if (auto [it, inserted] = map_.emplace(record->id, record); inserted) items.emplace_back(pos, &*it);
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
    std::vector<Entry*> result(total, nullptr);
    for (std::size_t j = items.size(); j-- > 0;) {
      const std::size_t size_then = order_.size() + j;
      const std::size_t pos = std::min(items[j].first, size_then);
      result[take_kth_free(pos + 1)] = items[j].second;
    }
    std::size_t next = 0;
    for (auto*& slot : result)
      if (!slot) slot = order_[next++];  // free slots keep the existing entries in order
    order_ = std::move(result);
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    using Inner = typename std::vector<typename std::unordered_map<std::string, Ptr, StringHash, std::equal_to<>>::value_type*>::const_iterator;
    explicit const_iterator(Inner it) : it_(it) {}
    const T& operator*() const { return *(*it_)->second; }
    const T* operator->() const { return (*it_)->second.get(); }
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
  using Map = std::unordered_map<std::string, Ptr, StringHash, std::equal_to<>>;
  using Entry = typename Map::value_type;
  Map map_;                    // owns the records; node addresses are stable
  std::vector<Entry*> order_;  // the user-visible order
};

}  // namespace pb
