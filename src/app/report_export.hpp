// The Reports view's downloads: a table as CSV, the whole report as JSON (the same text as
// pipeboard.report() and `pipeboard-json report --json`).
#pragma once
#include <string>

namespace pb::app {

struct App;

void export_report_csv(App& app, const std::string& table);
void export_report_json(App& app);

}  // namespace pb::app
