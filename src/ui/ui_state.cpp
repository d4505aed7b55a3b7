#include "ui_state.hpp"

#include <cstring>

namespace pb::ui {

void reset_board_settings(UiState& ui) {
  ui.view.clear();
  ui.group_by = "stage";
  ui.sort = {SortKey{"updated", true}};
  ui.hidden_stages.clear();
  ui.filter = FilterInputs{};
  ui.search[0] = '\0';
  ui.collapsed.clear();
  ui.selected.clear();
  ui.focused_deal.clear();
}

QuickFilter quick_filter_from(const Workspace& ws, const UiState& ui, std::string& error) {
  QuickFilter q;
  q.owner = ui.filter.owner;
  for (const auto& [key, value] : ui.filter.fields)
    if (!value.empty()) q.fields.emplace(key, value);
  q.status = ui.filter.status;
  q.custom = ui.filter.custom;
  const Pipeline* p = ws.pipelines.find(ui.pipeline);
  const std::string currency = p ? p->currency : "USD";
  auto amount = [&](const TextBuffer& text, std::optional<std::int64_t>& out, const char* what) {
    if (!text[0]) return;
    out = parse_amount(text.data(), currency);
    if (!out && error.empty()) error = std::string(what) + " is not an amount";
  };
  amount(ui.filter.min_value, q.min_value, "Minimum value");
  amount(ui.filter.max_value, q.max_value, "Maximum value");
  auto date = [&](const TextBuffer& text, std::optional<Date>& out, const char* what) {
    if (!text[0]) return;
    out = parse_date(text.data());
    if (!out && error.empty()) error = std::string(what) + " must be a date like 2026-12-31";
  };
  date(ui.filter.close_from, q.close_from, "Close from");
  date(ui.filter.close_to, q.close_to, "Close to");
  return q;
}

Query build_query(const Workspace& ws, const UiState& ui) {
  Query q;
  q.pipeline = ui.pipeline;
  q.group_by = ui.group_by;
  q.sort = ui.sort;
  q.hidden_stages = ui.hidden_stages;
  q.text = ui.search.data();
  std::string error;
  json bar = to_filter(quick_filter_from(ws, ui, error));
  if (!ui.filter.extra.is_null() && !bar.is_null()) q.filter = json{{"all", json::array({ui.filter.extra, bar})}};
  else q.filter = bar.is_null() ? ui.filter.extra : bar;
  return q;
}

void open_dialog(UiState& ui, Dialog kind, std::string target) {
  ui.dialog = DialogState{};
  ui.dialog.kind = kind;
  ui.dialog.just_opened = true;
  ui.dialog.target = std::move(target);
}

}  // namespace pb::ui
