// by_owner and by_source (a row per owner id or source, with the summary's counts) and
// lost_reasons (a row per reason of the deals lost in the period).
#pragma once
#include <string_view>
#include <vector>

#include "report.hpp"
#include "status_tally_internal.hpp"
#include "string_index_internal.hpp"

namespace pb::report_detail {

// Owner ids (or sources) numbered in the order met, once per report: a pipeline's rows and the
// rows across the scope share the numbers, so each deal's key is looked up once. "" is none.
class KeyNumbers {
 public:
  int number(std::string_view key) {
    if (const int n = index_.find(key); n >= 0) return n;
    const int n = index_.insert(key, static_cast<int>(keys_.size()));
    if (n == static_cast<int>(keys_.size())) keys_.push_back(key);
    return n;
  }
  std::string_view key(int n) const { return keys_[static_cast<std::size_t>(n)]; }

 private:
  StringIndex index_;
  std::vector<std::string_view> keys_;
};

class BreakdownBuilder {
 public:
  enum class Labels { Owners, Sources };  // a person's name, or the source itself
  explicit BreakdownBuilder(Labels labels) : labels_(labels) {}
  // For a deal that StatusTally::counts, with its key's number.
  void add(const DealFacts& f, int key);
  std::vector<BreakdownRow> finish(const Workspace& ws, const KeyNumbers& keys) const;

 private:
  Labels labels_;
  std::vector<StatusTally> rows_;  // by key number
  std::vector<bool> used_;
};

class LostReasonsBuilder {
 public:
  void add(const DealFacts& f);
  std::vector<LostReasonRow> finish() const;

 private:
  struct Row {
    std::string_view reason;
    std::size_t count = 0;
    MoneySum value;
  };
  StringIndex index_;
  std::vector<Row> rows_;
};

}  // namespace pb::report_detail
