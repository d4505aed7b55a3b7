// Loading the deals: the fast reader per deal row, then rank order (see WorkspaceLoader in storage_load.hpp).
#include <algorithm>

#include "codec.hpp"
#include "storage_load_internal.hpp"
#include "validate.hpp"

namespace pb {

void sort_by_rank(LoadedRows& loaded) {
  const auto by_rank = [](const LoadedRows::Row& a, const LoadedRows::Row& b) { return a.rank < b.rank; };
  for (auto& rows : loaded.rows)
    if (!std::is_sorted(rows.begin(), rows.end(), by_rank)) std::stable_sort(rows.begin(), rows.end(), by_rank);
}

void WorkspaceLoader::deals(const std::vector<LoadedRows::Row>& rows) {
  State& s = *state_;
  s.deals.reserve(s.deals.size() + rows.size());
  for (const auto& row : rows) {
    // The fast reader takes healthy rows; anything it refuses is read again with messages.
    auto deal = std::make_shared<Deal>();
    if (row.json.size() <= kMaxRowBytes && s.fast.read(row.json, s.ws.fields, *deal) && deal->id == row.key) {
      Issues issues;
      check_deal(s.ws, *deal, JsonPath(), issues);
      if (issues.ok()) {
        s.deals.push_back({row.rank, row.rev, std::move(deal)});
        continue;
      }
    }
    Deal careful;
    if (detail::read_deal_row(row, s.ws, careful, s.report))
      s.deals.push_back({row.rank, row.rev, std::make_shared<const Deal>(std::move(careful))});
  }
}

void WorkspaceLoader::finish(Workspace& out, StorageMirror& mirror, LoadReport& report) {
  State& s = *state_;
  const auto by_rank = [](const State::Pending& a, const State::Pending& b) { return a.rank < b.rank; };
  if (!std::is_sorted(s.deals.begin(), s.deals.end(), by_rank)) std::stable_sort(s.deals.begin(), s.deals.end(), by_rank);
  s.ws.deals.reserve(s.deals.size());
  s.mirror.reserve(RecordKind::Deal, s.deals.size());
  for (auto& pending : s.deals) {
    const std::size_t before = s.ws.deals.size();
    s.ws.deals.insert(before, pending.deal);
    if (s.ws.deals.size() == before) {  // the same id again, further down in rank order
      Issues issues;
      issues.add("/id", detail::repeats_id(pending.deal->id));
      report.quarantined.push_back(QuarantinedRecord{std::string(store_name(RecordKind::Deal)), pending.deal->id,
                                                     issues.summary(), to_json(*pending.deal)});
      continue;
    }
    s.mirror.set(RecordKind::Deal, pending.deal->id, {pending.rev, pending.rank});
  }
  s.deals = {};
  for (auto& q : s.report.quarantined) report.quarantined.push_back(std::move(q));
  s.report = {};
  out = std::move(s.ws);
  mirror = std::move(s.mirror);
  s.ws = Workspace{};
  s.mirror.clear();
}

void load_rows(const LoadedRows& rows, Workspace& out, StorageMirror& mirror, LoadReport& report) {
  WorkspaceLoader loader;
  loader.records(rows);
  loader.deals(rows.rows[static_cast<int>(RecordKind::Deal)]);
  loader.finish(out, mirror, report);
}

}  // namespace pb
