#include "report_scan_internal.hpp"

namespace pb::report_detail {

bool build_scope(const Workspace& ws, const ReportParams& params, ScopeIndex& out, std::string& error) {
  if (auto problems = check_report_params(ws, params); !problems.empty()) {
    error = problems.front().param + ": " + problems.front().message;
    return false;
  }
  out = ScopeIndex{};
  Id only;  // one pipeline, or every pipeline when empty
  if (params.scope == ReportScope::Pipeline) only = params.pipeline;
  if (params.scope == ReportScope::View) {
    const View& v = *ws.views.find(params.view);
    only = v.pipeline;
    Issues issues;
    compile_filter(v.filter, ws.fields, out.filter, JsonPath() / "filter", issues);  // checked above
  }
  for (const Pipeline& p : ws.pipelines) {
    if (!only.empty() && p.id != only) continue;
    const int slot = static_cast<int>(out.pipelines.size());
    out.pipelines.push_back(&p);
    out.slot_of.insert(p.id, slot);
    std::vector<int> ranks(p.stages.size(), -1);
    int open = 0;
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
      if (p.stages[i].kind == StageKind::Open) ranks[i] = open++;
      out.stage_of.insert(p.stages[i].id, static_cast<int>(out.stages.size()));
      out.stages.push_back(StageRef{slot, static_cast<int>(i)});
    }
    out.open_rank.push_back(std::move(ranks));
    out.open_stages.push_back(open);
  }
  return true;
}

}  // namespace pb::report_detail
