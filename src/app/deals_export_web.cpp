#include "deals_export_web.hpp"

#include "app.hpp"
#include "csv_export.hpp"
#include "share_web.hpp"

namespace pb::app {

void open_csv_export(App& app) { ui::open_csv_export(app.session.workspace(), app.ui, app.import_ui.csv_export); }

void export_deals_csv(App& app, const std::vector<std::string>& columns) {
  const Workspace& ws = app.session.workspace();
  std::string error;
  if (!check_export_columns(ws, columns, error)) return say(app, error, true);
  std::vector<const Deal*> deals;
  for (const auto& g : app.board.groups) deals.insert(deals.end(), g.deals.begin(), g.deals.end());
  // Named after the saved view on screen, else the pipeline.
  const View* v = ws.views.find(app.ui.view);
  const Pipeline* p = ws.pipelines.find(app.ui.pipeline);
  const std::string name = v ? v->name : p ? p->name : std::string("deals");
  download_text(file_name_for(name, ".csv", "deals"), export_deals_csv(ws, deals, columns));
  say(app, "Exported " + std::to_string(deals.size()) + (deals.size() == 1 ? " deal" : " deals") + " as CSV", false);
}

}  // namespace pb::app
