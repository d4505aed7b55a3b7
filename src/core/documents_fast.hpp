// Fast paths for the workspace document's deals, which are nearly all of a large workspace file.
// Internal to documents.cpp; not part of the core's public API.
//
// Both are optimizations with no behaviour of their own: the writer emits exactly the bytes that
// nlohmann's dump of the DOM would, and the reader succeeds only on documents the DOM reader
// accepts, producing the same workspace. Whenever either meets anything else (invalid UTF-8, an
// older version, a null, a field with a problem, ...) it gives up and the DOM path does the work,
// with its messages.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "model.hpp"

namespace pb::detail {

// Appends the deals as json(array of to_json(deal)).dump(indent) would, for an array starting at
// indentation `level` (spaces). False when a string is not valid UTF-8 (nlohmann refuses those).
bool write_deals_json(const Table<Deal>& deals, int indent, int level, std::string& out);

// Reads a valid current-version workspace document; false, leaving `out` alone, otherwise.
bool load_workspace_fast(std::string_view text, Workspace& out);

// Reads stored deal rows (one deal's JSON each) as read_deal with DealRead::Document would, the
// custom values checked against `fields`. False, for the careful reader and its messages, on
// anything else; `out` is then partly written. References to other records are not checked.
class FastDealRows {
 public:
  FastDealRows();
  ~FastDealRows();
  FastDealRows(const FastDealRows&) = delete;
  FastDealRows& operator=(const FastDealRows&) = delete;
  bool read(std::string_view text, const Table<FieldDef>& fields, Deal& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace pb::detail
