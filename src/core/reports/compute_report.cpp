// compute_report (report.hpp): one pass over the deals (report_scan_internal.hpp) feeding each
// pipeline's builders (one per figure), then reads each builder's figures.
#include "report.hpp"

#include "breakdowns_internal.hpp"
#include "forecast_internal.hpp"
#include "funnel_internal.hpp"
#include "stage_time_internal.hpp"
#include "summary_internal.hpp"

namespace pb {
namespace {

using namespace report_detail;

struct PipelineBuilder {
  PipelineBuilder(const Pipeline& p, int open_stages, const ReportPeriod& period)
      : pipeline(&p), forecast(period), funnel(p, open_stages), stage_time(p) {}
  void add(const DealFacts& f) {
    summary.add(f);
    forecast.add(f);
    funnel.add(f);
    lost_reasons.add(f);
  }
  PipelineReport finish(const Workspace& ws, const KeyNumbers& owner_keys, const KeyNumbers& source_keys) {
    PipelineReport r;
    r.id = pipeline->id;
    r.name = pipeline->name;
    r.summary = summary.finish();
    r.forecast = forecast.finish();
    r.funnel = funnel.finish();
    r.stage_time = stage_time.finish(r.bottleneck);
    r.lost_reasons = lost_reasons.finish();
    r.by_owner = owners.finish(ws, owner_keys);
    r.by_source = sources.finish(ws, source_keys);
    return r;
  }
  const Pipeline* pipeline;
  SummaryBuilder summary;
  ForecastBuilder forecast;
  FunnelBuilder funnel;
  StageTimeBuilder stage_time;
  LostReasonsBuilder lost_reasons;
  BreakdownBuilder owners{BreakdownBuilder::Labels::Owners};
  BreakdownBuilder sources{BreakdownBuilder::Labels::Sources};
};

}  // namespace

bool compute_report(const Workspace& ws, const ReportParams& params, Report& out, std::string& error) {
  ScopeIndex scope;
  if (!build_scope(ws, params, scope, error)) return false;
  std::vector<PipelineBuilder> builders;
  builders.reserve(scope.pipelines.size());
  for (std::size_t slot = 0; slot < scope.pipelines.size(); ++slot)
    builders.emplace_back(*scope.pipelines[slot], scope.open_stages[slot], params.period);
  BreakdownBuilder all_sources{BreakdownBuilder::Labels::Sources};
  KeyNumbers owner_keys, source_keys;
  scan_deals(
      ws, scope, params.period,
      [&](const DealFacts& f) {
        PipelineBuilder& b = builders[static_cast<std::size_t>(f.slot)];
        b.add(f);
        if (!StatusTally::counts(f)) return;  // closed outside the period: in no row
        const int owner = owner_keys.number(f.deal->owner);
        const int source = source_keys.number(f.deal->source);
        b.owners.add(f, owner);
        b.sources.add(f, source);
        all_sources.add(f, source);
      },
      [&](const VisitFacts& v) { builders[static_cast<std::size_t>(v.slot)].stage_time.add(v); });
  out = Report{};
  out.params = params;
  out.pipelines.reserve(builders.size());
  for (auto& b : builders) out.pipelines.push_back(b.finish(ws, owner_keys, source_keys));
  out.by_source = all_sources.finish(ws, source_keys);
  return true;
}

}  // namespace pb
