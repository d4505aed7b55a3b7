// Table<T>: order, lookup and the batch paths, checked against a plain std::vector.
#include <algorithm>
#include <random>
#include <set>

#include "test_helpers.hpp"

using namespace pb;

namespace {

struct Rec {
  std::string id;
  int version = 0;
  bool operator==(const Rec&) const = default;
};
using T = Table<Rec>;
using Naive = std::vector<Rec>;

std::shared_ptr<const Rec> rec(std::string id, int version = 0) {
  return std::make_shared<const Rec>(Rec{std::move(id), version});
}

// The reference semantics, written the obvious way.
void naive_insert(Naive& v, std::size_t pos, const Rec& r) {
  for (const auto& e : v)
    if (e.id == r.id) return;
  v.insert(v.begin() + static_cast<std::ptrdiff_t>(std::min(pos, v.size())), r);
}
void naive_erase(Naive& v, const std::string& id) {
  std::erase_if(v, [&](const Rec& e) { return e.id == id; });
}
void naive_move(Naive& v, const std::string& id, std::size_t to) {
  auto it = std::find_if(v.begin(), v.end(), [&](const Rec& e) { return e.id == id; });
  if (it == v.end()) return;
  Rec r = *it;
  v.erase(it);
  v.insert(v.begin() + static_cast<std::ptrdiff_t>(std::min(to, v.size())), r);
}
void naive_replace(Naive& v, const Rec& r) {
  for (auto& e : v)
    if (e.id == r.id) e = r;
}

// Returns "" when the table matches the model, else what differs (one assertion per call keeps this fast).
std::string diff(const T& t, const Naive& v) {
  if (t.size() != v.size()) return "size " + std::to_string(t.size()) + " != " + std::to_string(v.size());
  if (t.empty() != v.empty()) return "empty()";
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!(t.at(i) == v[i])) return "at(" + std::to_string(i) + ") is " + t.at(i).id + ", expected " + v[i].id;
    if (t.find(v[i].id) != &t.at(i)) return "find(" + v[i].id + ")";
    ids.push_back(v[i].id);
  }
  // index_of is linear: spot-check it, and check every position with positions_of's single pass.
  for (std::size_t i = 0; i < v.size(); i += 1 + v.size() / 8)
    if (t.index_of(v[i].id) != i) return "index_of(" + v[i].id + ")";
  const auto positions = t.positions_of(ids);
  for (std::size_t i = 0; i < v.size(); ++i)
    if (positions[i] != i) return "positions_of(" + v[i].id + ")";
  std::size_t i = 0;
  for (const Rec& r : t)
    if (!(r == v[i++])) return "iteration at " + std::to_string(i - 1);
  return "";
}

void check_same(const T& t, const Naive& v) { REQUIRE(diff(t, v) == ""); }

std::vector<std::string> ids_of(const T& t) {
  std::vector<std::string> out;
  for (const auto& r : t) out.push_back(r.id);
  return out;
}

}  // namespace

TEST_CASE("Table: insert, clamp, duplicates, replace, erase, move") {
  T t;
  CHECK(t.empty());
  t.insert(0, rec("b"));
  t.insert(0, rec("a"));
  t.insert(99, rec("d"));  // clamped to the end
  t.insert(2, rec("c"));
  CHECK(ids_of(t) == std::vector<std::string>{"a", "b", "c", "d"});
  t.insert(0, rec("c", 9));  // an existing id is not inserted again
  CHECK(ids_of(t) == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(t.find("c")->version == 0);
  t.replace(rec("c", 1));
  CHECK(t.find("c")->version == 1);
  CHECK(t.index_of("c") == 2);
  t.replace(rec("zz", 1));  // unknown: nothing happens
  CHECK(t.size() == 4);
  CHECK_FALSE(t.contains("zz"));
  CHECK(t.find("zz") == nullptr);
  CHECK(t.find_ptr("zz") == nullptr);
  CHECK(t.index_of("zz") == T::npos);
  t.move("a", 99);
  CHECK(ids_of(t) == std::vector<std::string>{"b", "c", "d", "a"});
  t.move("d", 0);
  CHECK(ids_of(t) == std::vector<std::string>{"d", "b", "c", "a"});
  t.move("nope", 0);
  t.erase("b");
  t.erase("nope");
  CHECK(ids_of(t) == std::vector<std::string>{"d", "c", "a"});
  CHECK(t.positions_of({"a", "x", "d", "a"}) == std::vector<std::size_t>{2, T::npos, 0, T::npos});
}

TEST_CASE("Table: copies are independent and share records; equality is ordered") {
  T a;
  for (const char* id : {"x", "y", "z"}) a.insert(a.size(), rec(id));
  T b = a;
  CHECK(b == a);
  CHECK(b.ptr_at(1).get() == a.ptr_at(1).get());  // records are shared, not copied
  b.erase("y");
  CHECK(a.size() == 3);
  CHECK(a.contains("y"));
  CHECK_FALSE(b == a);
  b.insert(1, rec("y"));
  CHECK(b == a);
  b.move("x", 2);
  CHECK_FALSE(b == a);  // same records, other order
  b.move("x", 0);
  b.replace(rec("z", 1));
  CHECK_FALSE(b == a);  // same order, other version
  T moved = std::move(b);
  CHECK(moved.size() == 3);
  a = a;  // self-assignment keeps everything
  CHECK(ids_of(a) == std::vector<std::string>{"x", "y", "z"});
}

TEST_CASE("Table: insert_many equals inserting one by one, erase_many equals erasing one by one") {
  T t;
  Naive v;
  for (int i = 0; i < 10; ++i) {
    t.insert(t.size(), rec("r" + std::to_string(i)));
    naive_insert(v, v.size(), Rec{"r" + std::to_string(i)});
  }
  std::vector<std::pair<std::size_t, T::Ptr>> items = {{0, rec("n0")}, {5, rec("n1")}, {100, rec("n2")},
                                                       {3, rec("n3")}, {3, rec("n4")},  {1, rec("n5")}};
  t.insert_many(items);
  for (const auto& [pos, r] : items) naive_insert(v, pos, *r);
  check_same(t, v);
  t.erase_many({"n1", "r0", "missing", "r9", "n5"});
  for (const char* id : {"n1", "r0", "missing", "r9", "n5"}) naive_erase(v, id);
  check_same(t, v);
  t.insert_many({});
  t.erase_many({});
  check_same(t, v);
}

TEST_CASE("Table: insert_many with ids already present or repeated in the batch") {
  T t;
  Naive v;
  for (const char* id : {"a", "c"}) {
    t.insert(t.size(), rec(id));
    naive_insert(v, v.size(), Rec{id});
  }
  // A repeat within the batch is a no-op, like a second insert() of the same id.
  std::vector<std::pair<std::size_t, T::Ptr>> items = {{0, rec("x", 1)}, {1, rec("x", 2)}, {1, rec("y")},
                                                       {2, rec("a", 5)}, {0, rec("b")}};
  t.insert_many(items);
  for (const auto& [pos, r] : items) naive_insert(v, pos, *r);
  check_same(t, v);
  CHECK(t.find("x")->version == 1);
  CHECK(t.find("a")->version == 0);
}

TEST_CASE("Table: randomized operations match a naive vector") {
  for (std::uint32_t seed : {1u, 2u, 3u, 4u, 5u}) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    auto below = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    T t;
    Naive v;
    int next_id = 0;
    // Mostly fresh ids, sometimes ones that exist or existed.
    auto some_id = [&]() {
      if (below(4) == 0 && next_id > 0) return "id" + std::to_string(below(static_cast<std::size_t>(next_id)));
      return "id" + std::to_string(next_id++);
    };
    for (int step = 0; step < 500; ++step) {
      const std::size_t op = v.size() > 400 ? 6 : below(7);  // keep sizes moderate: the model is quadratic
      const std::size_t pos = below(v.size() + 4);
      if (op == 0 || op == 1) {
        Rec r{some_id(), static_cast<int>(step)};
        t.insert(pos, std::make_shared<const Rec>(r));
        naive_insert(v, pos, r);
      } else if (op == 2) {
        const std::string id = some_id();
        t.erase(id);
        naive_erase(v, id);
      } else if (op == 3 && !v.empty()) {
        const std::string id = v[below(v.size())].id;
        t.move(id, pos);
        naive_move(v, id, pos);
      } else if (op == 4 && !v.empty()) {
        Rec r{v[below(v.size())].id, step};
        t.replace(std::make_shared<const Rec>(r));
        naive_replace(v, r);
      } else if (op == 5) {
        std::vector<std::pair<std::size_t, T::Ptr>> items;
        const std::size_t n = below(3) == 0 ? below(4) : 32 + below(60);
        for (std::size_t k = 0; k < n; ++k)
          items.emplace_back(below(v.size() + k + 3), std::make_shared<const Rec>(Rec{some_id(), step}));
        t.insert_many(items);
        for (const auto& [p, r] : items) naive_insert(v, p, *r);
      } else if (op == 6) {
        std::vector<std::string> ids;
        const std::size_t n = below(v.size() + 3);
        for (std::size_t k = 0; k < n; ++k) ids.push_back(below(5) == 0 || v.empty() ? some_id() : v[below(v.size())].id);
        t.erase_many(ids);
        for (const auto& id : ids) naive_erase(v, id);
      }
      check_same(t, v);
    }
    CHECK(t.size() == v.size());
  }
}
