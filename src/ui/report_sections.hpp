// The Reports view's tabs: each draws one part of a report (a chart with hover tooltips, then
// its sortable table) and says which figure was clicked, so the view can list its deals.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "report.hpp"
#include "ui_state.hpp"

namespace pb::ui {

// A clicked figure: the deals behind it (report_deals), possibly several figures in one list
// (a row of owners: open now, won and lost in the period).
struct FigureClick {
  std::string title;
  std::vector<ReportFigure> figures;
};

struct SectionInput {
  const Report& report;
  const PipelineReport& pipeline;  // the pipeline the charts show
  const std::string& currency;     // the currency the charts show
};

struct ReportTab {
  const char* name;   // ReportsUi::tab, item "report:tab:<name>"
  const char* label;
  const char* csv;    // the report_csv table its "Export CSV" writes
  std::optional<FigureClick> (*draw)(const Ctx&, const SectionInput&);
};

const std::vector<ReportTab>& report_tabs();

// The currencies of a pipeline's figures, the most used first (the charts' default).
std::vector<std::string> report_currencies(const PipelineReport& p);

}  // namespace pb::ui
