// Fast paths for the workspace document's deals, which are nearly all of a large workspace file.
// Driven by documents.cpp (whole documents) and storage (deal rows); it calls neither.
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
#include <vector>

#include "model.hpp"

namespace pb::detail {

// Appends the deals as json(array of to_json(deal)).dump(indent) would, for an array starting at
// indentation `level` (spaces). False when a string is not valid UTF-8 (nlohmann refuses those).
bool write_deals_json(const Table<Deal>& deals, int indent, int level, std::string& out);

// A deal scanned from a document's "deals" array. Its custom values wait for the document's
// fields: [custom_begin, custom_end) is the "custom" object's text (0, 0 when there is none).
struct ScannedDeal {
  std::shared_ptr<Deal> deal;
  std::size_t custom_begin = 0, custom_end = 0;
};
struct ScannedDeals {
  std::size_t begin = 0, end = 0;  // the "deals" array's text, brackets included
  std::vector<ScannedDeal> deals;
};

// One pass over a workspace document's text: finds the top-level "deals" array (exactly once) and
// reads each deal as read_deal with DealRead::Document would, at most max_deals. False, for the
// DOM reader, on anything else. Everything outside the array is left to the caller (documents.cpp).
bool scan_document_deals(std::string_view text, std::size_t max_deals, ScannedDeals& out);
// Reads a scanned deal's custom values against the document's fields.
bool read_scanned_custom(std::string_view text, const Table<FieldDef>& fields, ScannedDeal& d);

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
