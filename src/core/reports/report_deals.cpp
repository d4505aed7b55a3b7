// report_deals: the deals behind one figure, picked from the same pass (and so the same rules) as
// the figure itself.
#include "report.hpp"
#include "report_scan_internal.hpp"

namespace pb {
namespace {

using namespace report_detail;

bool in_row(const ReportFigure& fig, const Deal& d) {
  const std::string* field = nullptr;
  switch (fig.row) {
    case FigureRow::All: return true;
    case FigureRow::Owner: field = &d.owner; break;
    case FigureRow::Source: field = &d.source; break;
    case FigureRow::LostReason: field = &d.lost_reason; break;
  }
  return fig.key ? *field == *fig.key : field->empty();
}

// The figure's month as a month number; false when it is not "YYYY-MM".
bool month_of_figure(const std::string& month, int& out) {
  const auto first = parse_date(month + "-01");
  if (month.size() != 7 || !first) return false;
  out = month_number(*first);
  return true;
}

bool needs_stage(FigureDeals d) { return d == FigureDeals::Reached || d == FigureDeals::Visited; }
bool needs_month(FigureDeals d) { return d == FigureDeals::ExpectedInMonth || d == FigureDeals::WonInMonth; }

}  // namespace

bool report_deals(const Workspace& ws, const ReportParams& params, const ReportFigure& fig,
                  std::vector<const Deal*>& out, std::string& error) {
  ScopeIndex scope;
  if (!build_scope(ws, params, scope, error)) return false;
  int slot = -1;  // -1: every pipeline of the scope
  if (!fig.pipeline.empty()) {
    slot = scope.slot_of.find(fig.pipeline);
    if (slot < 0) {
      error = "pipeline \"" + fig.pipeline + "\" is not in the report's scope";
      return false;
    }
  }
  int stage = -1, open_rank = -1, month = 0;
  if (needs_stage(fig.deals)) {
    const StageRef ref = scope.stage(fig.stage);
    if (slot < 0 || ref.slot != slot || scope.open_rank[static_cast<std::size_t>(slot)][static_cast<std::size_t>(ref.stage)] < 0) {
      error = "stage \"" + fig.stage + "\" is not an open stage of the figure's pipeline";
      return false;
    }
    stage = ref.stage;
    open_rank = scope.open_rank[static_cast<std::size_t>(slot)][static_cast<std::size_t>(stage)];
  }
  if (needs_month(fig.deals) && !month_of_figure(fig.month, month)) {
    error = "month: expected a month like 2026-03, got \"" + fig.month + "\"";
    return false;
  }
  const Date today = date_of(params.period.now);
  auto matches = [&](const DealFacts& f) {
    const Deal& d = *f.deal;
    switch (fig.deals) {
      case FigureDeals::Open: return f.open;
      case FigureDeals::Won: return f.won_in_period;
      case FigureDeals::Lost: return f.lost_in_period;
      case FigureDeals::ExpectedInMonth:
        return f.open && d.expected_close && params.period.contains(*d.expected_close) &&
               month_number(*d.expected_close) == month;
      case FigureDeals::WonInMonth: return f.won_in_period && month_number(date_of(f.closed_at)) == month;
      case FigureDeals::NoDate: return f.open && !d.expected_close;
      case FigureDeals::Overdue: return f.open && d.expected_close && *d.expected_close < today;
      case FigureDeals::Reached: return f.in_cohort && f.reached > open_rank;
      case FigureDeals::CohortWon: return f.in_cohort && d.status == DealStatus::Won;
      case FigureDeals::Visited: return false;  // by its visits, below
    }
    return false;
  };
  out.clear();
  const Deal* visited = nullptr;  // the deal of the last visit taken, so a deal is listed once
  scan_deals(
      ws, scope, params.period,
      [&](const DealFacts& f) {
        if ((slot < 0 || f.slot == slot) && in_row(fig, *f.deal) && matches(f)) out.push_back(f.deal);
      },
      [&](const VisitFacts& v) {
        if (fig.deals == FigureDeals::Visited && v.slot == slot && v.stage == stage && v.deal != visited &&
            in_row(fig, *v.deal)) {
          out.push_back(v.deal);
          visited = v.deal;
        }
      });
  return true;
}

}  // namespace pb
