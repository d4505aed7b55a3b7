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

}  // namespace

void BreakdownBuilder::add(const DealFacts& f, int key) {
  const auto n = static_cast<std::size_t>(key);
  if (n >= rows_.size()) {
    rows_.resize(n + 1);
    used_.resize(n + 1, false);
  }
  rows_[n].add(f);
  used_[n] = true;
}

std::vector<BreakdownRow> BreakdownBuilder::finish(const Workspace& ws, const KeyNumbers& keys) const {
  std::vector<BreakdownRow> out;
  for (std::size_t n = 0; n < rows_.size(); ++n) {
    if (!used_[n]) continue;
    const std::string_view key = keys.key(static_cast<int>(n));
    const StatusTally& t = rows_[n];
    BreakdownRow r{key_or_none(key), std::string(key), t.open_count, t.open_value.totals(), t.won_count,
                   t.won_value.totals(), t.lost_count, t.win_rate()};
    if (key.empty()) {
      r.label = "None";
    } else if (labels_ == Labels::Owners) {
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
  const auto n = static_cast<std::size_t>(index_.insert(reason, static_cast<int>(rows_.size())));
  if (n == rows_.size()) rows_.push_back(Row{reason, 0, {}});
  ++rows_[n].count;
  rows_[n].value.add(f.deal->value);
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
