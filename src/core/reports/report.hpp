// Reports and forecast: pure functions of a workspace and ReportParams (report_params.hpp), with
// exactly the definitions of README "Reports" (issue 12). In short:
// - A pipeline's deals are those whose `pipeline` is that pipeline now (and, for a view, that
//   match the view's filter). Only history entries in the pipeline count for its funnel and stage
//   times; an entry whose stage no longer exists is no stage, but still ends the visit before it.
// - A won or lost deal closed at the `at` of its last history entry in the pipeline whose stage
//   has the deal's status as its kind, else at its `updated`; it closed in the period when that UTC
//   day is in [from, to].
// - Money is per currency in minor units (MoneyTotals, sorted by code), never summed across
//   currencies; weighted money sums amount x probability exactly and divides by 100 once per
//   figure, rounding half away from zero. Ratios and days are rounded (report_numbers.hpp).
// - A figure with nothing to measure (a ratio of nothing, the mean of no deals) is nullopt, never
//   0. Counts and sums of no deals are 0 and an empty MoneyTotals.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"
#include "report_numbers.hpp"
#include "report_params.hpp"

namespace pb {

struct ReportSummary {
  std::size_t open_count = 0;    // open now, whatever the period
  MoneyTotals open_value;
  MoneyTotals weighted_value;    // x the probability of the deal's stage
  std::size_t won_count = 0;     // won in the period
  MoneyTotals won_value;
  std::size_t lost_count = 0;    // lost in the period
  std::optional<Ratio> win_rate;                 // won / (won + lost)
  std::optional<MoneyTotals> avg_won_value;      // per currency: its won value / its won deals
  std::optional<Days> cycle_days_median;         // created -> closed at, deals won in the period
  std::optional<Days> cycle_days_mean;
  bool operator==(const ReportSummary&) const = default;
};

struct CountAndValue {
  std::size_t count = 0;
  MoneyTotals value;
  bool operator==(const CountAndValue&) const = default;
};

struct ForecastMonth {
  std::string month;       // "2026-03"
  MoneyTotals weighted;    // open deals expected to close in the month (within the period)
  MoneyTotals best_case;   // the same deals' full value
  MoneyTotals won;         // deals closed won in the month (within the period)
  bool operator==(const ForecastMonth&) const = default;
};

struct Forecast {
  std::vector<ForecastMonth> months;  // every calendar month from `from` to `to`
  CountAndValue no_date;              // open deals without an expected close
  CountAndValue overdue;              // open deals expected to close before now's day
  bool operator==(const Forecast&) const = default;
};

struct FunnelStep {
  Id stage;            // an open stage, in pipeline order
  std::string name;    // the stage's name (for the screen and CSV; the JSON has the id)
  std::size_t reached = 0;        // deals of the cohort (created in the period) that got this far
  std::optional<Ratio> to_next;   // reached(next open stage, or won after the last) / reached
  std::optional<Ratio> to_won;    // the cohort's won deals / reached
  bool operator==(const FunnelStep&) const = default;
};

struct StageTime {
  Id stage;
  std::string name;
  std::size_t visits = 0;          // visits that ended in the period
  std::optional<Days> median_days;
  std::optional<Days> mean_days;
  bool operator==(const StageTime&) const = default;
};

struct LostReasonRow {
  std::optional<std::string> reason;  // nullopt: no reason given
  std::size_t count = 0;
  MoneyTotals value;
  bool operator==(const LostReasonRow&) const = default;
};

// A row of by_owner or by_source: the summary's counts for the deals of one owner or source.
struct BreakdownRow {
  std::optional<std::string> key;  // the owner id or the source; nullopt: none
  std::string label;               // the owner's name ("<id> (unknown)" for a deleted person), or the source
  std::size_t open_count = 0;
  MoneyTotals open_value;
  std::size_t won_count = 0;
  MoneyTotals won_value;
  std::size_t lost_count = 0;
  std::optional<Ratio> win_rate;
  bool operator==(const BreakdownRow&) const = default;
};

struct PipelineReport {
  Id id;
  std::string name;
  ReportSummary summary;
  Forecast forecast;
  std::vector<FunnelStep> funnel;
  std::vector<StageTime> stage_time;
  std::optional<Id> bottleneck;  // the open stage with the largest median (as rounded); the earlier on a tie
  std::vector<LostReasonRow> lost_reasons;  // count descending, then reason (none last)
  // Rows of owners and sources with a deal open now or closed in the period: most won first,
  // then most open, then by key (none last).
  std::vector<BreakdownRow> by_owner;
  std::vector<BreakdownRow> by_source;
  bool operator==(const PipelineReport&) const = default;
};

struct Report {
  ReportParams params;
  std::vector<PipelineReport> pipelines;  // in workspace order: the comparison, side by side
  std::vector<BreakdownRow> by_source;    // across every pipeline of the scope: the channel comparison
  bool operator==(const Report&) const = default;
};

// The report for the params (checked again: see check_report_params); false with `error`.
// Scope pipeline: that pipeline. All: every pipeline. View: the view's pipeline, or every pipeline
// for a view of all pipelines, each with only the deals that match the view's filter (its hidden
// stages are a way of showing the board, not a filter, and are ignored).
bool compute_report(const Workspace& ws, const ReportParams& params, Report& out, std::string& error);

// --- Which deals are behind a figure (the UI's click-through) ----------------------------------

enum class FigureDeals {
  Open,             // summary open_count / open_value / weighted_value
  Won,              // summary won_*, avg_won_value, cycle days
  Lost,             // summary lost_count; lost_reasons (with by = LostReason)
  ExpectedInMonth,  // forecast month's weighted and best_case (month)
  WonInMonth,       // forecast month's won (month)
  NoDate,           // forecast no_date
  Overdue,          // forecast overdue
  Reached,          // funnel: the cohort deals that reached `stage`
  CohortWon,        // funnel: the cohort's won deals (the step after the last open stage)
  Visited,          // stage_time: deals with a visit to `stage` that ended in the period
};
enum class FigureRow { All, Owner, Source, LostReason };

struct ReportFigure {
  Id pipeline;  // empty: every pipeline of the scope (the top-level by_source)
  FigureDeals deals = FigureDeals::Open;
  std::string month;  // "YYYY-MM", for ExpectedInMonth and WonInMonth
  Id stage;           // for Reached and Visited
  FigureRow row = FigureRow::All;  // narrows to a row of by_owner, by_source or lost_reasons...
  std::optional<std::string> key;  // ...with this owner id, source or reason (nullopt: the row of none)
};

// The deals behind a figure, in workspace order, with the report's own rules; false with `error`
// for bad params or a pipeline outside the scope.
bool report_deals(const Workspace& ws, const ReportParams& params, const ReportFigure& figure,
                  std::vector<const Deal*>& out, std::string& error);

}  // namespace pb
