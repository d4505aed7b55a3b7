#include "app.hpp"

#include "platform_web.hpp"

namespace pb::app {

App& the_app() {
  static App app;
  return app;
}

Timestamp now_ms() { return static_cast<Timestamp>(date_now_ms()); }

void fix_selection(App& app) {
  const Workspace& ws = app.session.workspace();
  if (!ws.pipelines.contains(app.ui.pipeline)) app.ui.pipeline = ws.pipelines.empty() ? "" : ws.pipelines.at(0).id;
}

std::string dispatch(App& app, const Command& c) {
  Outcome o = app.session.dispatch(c, now_ms());
  if (!o.ok) return o.error;
  ++app.revision;
  fix_selection(app);
  return "";
}

std::string dispatch_json(App& app, std::string_view json_text) {
  Outcome o = app.session.dispatch_json(json_text, now_ms());
  if (!o.ok) return o.error;
  ++app.revision;
  fix_selection(app);
  return "";
}

}  // namespace pb::app
