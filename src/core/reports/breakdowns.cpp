#include "breakdowns_internal.hpp"

#include <algorithm>

namespace pb::report_detail {
namespace {

std::optional<std::string> key_or_none(std::string_view key) {
  if (key.empty()) return std::nullopt;
  return std::string(key);
}

// Byte order of the keys, the row of none last.
bool key_before(std::string_view a, std::string_view b) {
  if (a.empty() != b.empty()) return b.empty();
  return a < b;
}

// The row for `key` in rows (pairs or structs with `.reason`), made on first use.
template <class Rows, class Make>
auto& row_for(std::unordered_map<std::string_view, std::size_t>& index, Rows& rows, std::string_view key, Make make) {
  auto [it, inserted] = index.emplace(key, rows.size());
  if (inserted) rows.push_back(make());
  return rows[it->second];
}

}  // namespace

void BreakdownBuilder::add(const DealFacts& f) {
  if (!StatusTally::counts(f)) return;
  const std::string_view key = f.deal->*key_;
  row_for(index_, rows_, key, [&] { return std::pair<std::string_view, StatusTally>(key, StatusTally{}); }).second.add(f);
}

std::vector<BreakdownRow> BreakdownBuilder::finish(const Workspace& ws) const {
  std::vector<BreakdownRow> out;
  out.reserve(rows_.size());
  for (const auto& [key, t] : rows_) {
    BreakdownRow r{key_or_none(key), std::string(key), t.open_count, t.open_value.totals(), t.won_count,
                   t.won_value.totals(), t.lost_count, t.win_rate()};
    if (key.empty()) r.label = "None";
    else if (key_ == &Deal::owner) {
      const Person* person = ws.people.find(key);
      r.label = person ? person->name : std::string(key) + " (unknown)";
    }
    out.push_back(std::move(r));
  }
  // A leaderboard: most won first, then most open, then by key.
  std::sort(out.begin(), out.end(), [](const BreakdownRow& a, const BreakdownRow& b) {
    if (a.won_count != b.won_count) return a.won_count > b.won_count;
    if (a.open_count != b.open_count) return a.open_count > b.open_count;
    return key_before(a.key.value_or(""), b.key.value_or(""));
  });
  return out;
}

void LostReasonsBuilder::add(const DealFacts& f) {
  if (!f.lost_in_period) return;
  const std::string_view reason = f.deal->lost_reason;
  Row& row = row_for(index_, rows_, reason, [&] { return Row{reason, 0, {}}; });
  ++row.count;
  row.value.add(f.deal->value);
}

std::vector<LostReasonRow> LostReasonsBuilder::finish() const {
  std::vector<LostReasonRow> out;
  out.reserve(rows_.size());
  for (const Row& r : rows_) out.push_back(LostReasonRow{key_or_none(r.reason), r.count, r.value.totals()});
  std::sort(out.begin(), out.end(), [](const LostReasonRow& a, const LostReasonRow& b) {
    if (a.count != b.count) return a.count > b.count;
    return key_before(a.reason.value_or(""), b.reason.value_or(""));
  });
  return out;
}

}  // namespace pb::report_detail
