// A Change is what one command did: for each record it touched, the version before and after
// and where it stood. Undo applies it backwards, redo forwards, and storage writes exactly
// these records in one transaction.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model.hpp"

namespace pb {

template <class T>
struct Diff {
  Id id;
  std::shared_ptr<const T> before;  // null: the record was created
  std::shared_ptr<const T> after;   // null: the record was deleted
  std::size_t before_pos = 0;
  std::size_t after_pos = 0;
};

struct Change {
  std::string label;  // "Move deal", for undo menus
  std::vector<Diff<Pipeline>> pipelines;
  std::vector<Diff<Person>> people;
  std::vector<Diff<FieldDef>> fields;
  std::vector<Diff<View>> views;
  std::vector<Diff<Deal>> deals;

  bool empty() const;
  std::size_t record_count() const;
  std::size_t approx_bytes() const;  // for bounding the undo history
};

void apply_change(Workspace& ws, const Change& change, bool forward);

template <class T> Table<T>& table_of(Workspace& ws);
template <class T> const Table<T>& table_of(const Workspace& ws);
template <class T> std::vector<Diff<T>>& diffs_of(Change& c);
template <class T> const std::vector<Diff<T>>& diffs_of(const Change& c);

// Makes new ids: prefix + "_" + 10 base-36 characters from a seeded 64-bit mix. Seeded from
// time and randomness in the app so two tabs never collide; fixed in tests.
class IdFactory {
 public:
  explicit IdFactory(std::uint64_t seed = 0x5eed) : state_(seed) {}
  std::string next(std::string_view prefix);

 private:
  std::uint64_t state_;
};

// Applies record edits to the workspace as a command makes them, recording each in the Change.
class Tx {
 public:
  Tx(Workspace& ws, Change& change, Timestamp now, IdFactory& ids) : ws_(ws), change_(change), now_(now), ids_(ids) {}

  const Workspace& ws() const { return ws_; }
  Timestamp now() const { return now_; }
  // A fresh id that no record of that kind uses (stage ids: no stage anywhere).
  std::string new_id(std::string_view prefix);

  // Inserts at pos (end by default), or replaces the record with that id in place.
  template <class T> void put(T record, std::size_t pos = Table<T>::npos);
  template <class T> void erase(std::string_view id);
  template <class T> void erase_many(const std::vector<std::string>& ids);
  template <class T> void move(std::string_view id, std::size_t pos);

 private:
  Workspace& ws_;
  Change& change_;
  Timestamp now_;
  IdFactory& ids_;
};

}  // namespace pb
