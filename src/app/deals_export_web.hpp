// "Export deals as CSV…": the deals of the view on screen, downloaded as a CSV file.
#pragma once
#include <string>
#include <vector>

namespace pb::app {

struct App;

void open_csv_export(App& app);
void export_deals_csv(App& app, const std::vector<std::string>& columns);

}  // namespace pb::app
