// by_owner and by_source (a row per owner id or source, with the summary's counts) and
// lost_reasons (a row per reason of the deals lost in the period).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report.hpp"
#include "status_tally_internal.hpp"

namespace pb::report_detail {

// Rows keyed by one text member of the deal (owner or source); "" is the row of none.
class BreakdownBuilder {
 public:
  explicit BreakdownBuilder(std::string Deal::*key) : key_(key) {}
  void add(const DealFacts& f);
  // Owner rows are labelled with the person's name, source rows with the source.
  std::vector<BreakdownRow> finish(const Workspace& ws) const;

 private:
  std::string Deal::*key_;
  std::unordered_map<std::string_view, std::size_t> index_;
  std::vector<std::pair<std::string_view, StatusTally>> rows_;
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
  std::unordered_map<std::string_view, std::size_t> index_;
  std::vector<Row> rows_;
};

}  // namespace pb::report_detail
