#include "csv_export_dialog.hpp"

#include <imgui.h>

#include "csv_export.hpp"
#include "dialogs.hpp"
#include "item_registry.hpp"

namespace pb::ui {
namespace {

// A column key as the dialog names it: a custom field by its name.
std::string column_label(const Ctx& ctx, const std::string& key) {
  if (key.rfind("custom.", 0) == 0)
    if (const FieldDef* f = ctx.ws.fields.find(key.substr(7))) return f->name;
  std::string label = key;
  for (char& c : label) c = c == '_' ? ' ' : c;
  if (!label.empty()) label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

}  // namespace

void open_csv_export(const Workspace& ws, UiState& ui, CsvExportUi& e) {
  e.columns = default_export_columns(ws);
  e.chosen.assign(e.columns.size(), 1);
  open_dialog(ui, Dialog::ExportCsv);
}

void draw_csv_export(const Ctx& ctx, const QueryResult& board, UiState& ui, CsvExportUi& e, Actions& actions) {
  if (!begin_modal(ctx, ui, "Export deals as CSV", 620, "dialog:csvexport")) return;
  std::size_t deals = 0;
  for (const auto& g : board.groups) deals += g.deals.size();
  ImGui::TextWrapped("The %zu deal%s this view shows, one row each, in a file any spreadsheet opens and Pipeboard "
                     "imports back. Columns:", deals, deals == 1 ? "" : "s");
  if (ImGui::BeginTable("##columns", 3)) {
    for (std::size_t i = 0; i < e.columns.size(); ++i) {
      ImGui::TableNextColumn();
      bool on = e.chosen[i] != 0;
      if (ImGui::Checkbox(column_label(ctx, e.columns[i]).c_str(), &on)) e.chosen[i] = on ? 1 : 0;
      items().add_last_item("check:csvcolumn:" + e.columns[i]);
    }
    ImGui::EndTable();
  }
  std::vector<std::string> chosen;
  for (std::size_t i = 0; i < e.columns.size(); ++i)
    if (e.chosen[i]) chosen.push_back(e.columns[i]);
  ImGui::Spacing();
  ImGui::BeginDisabled(chosen.empty() || deals == 0);
  const bool download = ImGui::Button("Download CSV", ImVec2(ctx.px(150), 0));
  items().add_last_item("button:csv-download");
  ImGui::EndDisabled();
  if (download) actions.effect(effect::ExportDealsCsv{chosen});
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", ImVec2(ctx.px(100), 0));
  items().add_last_item("button:csv-cancel");
  end_modal(ui, download || cancel);
}

}  // namespace pb::ui
