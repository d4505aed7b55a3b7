#include "filter_bar.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "format.hpp"
#include "item_registry.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

// SameLine(), or a new row when the next `width` pixels do not fit: the bar wraps when the
// deal panel narrows it.
void same_line_or_wrap(float width, float spacing = -1.0f) {
  ImGui::SameLine(0, spacing);
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

// A combo over (key, label) pairs with "Any" first; returns true when changed.
bool choice_combo(const char* label, std::string& value, const std::vector<std::pair<std::string, std::string>>& options,
                  const char* any = "Any") {
  std::string preview = any;
  for (const auto& [k, l] : options)
    if (k == value) preview = l;
  bool changed = false;
  if (ImGui::BeginCombo(label, preview.c_str())) {
    if (ImGui::Selectable(any, value.empty())) {
      value.clear();
      changed = true;
    }
    for (const auto& [k, l] : options)
      if (ImGui::Selectable(l.c_str(), value == k)) {
        value = k;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

std::vector<std::pair<std::string, std::string>> distinct_values(const Workspace& ws, const Id& pipeline,
                                                                 DealField field) {
  std::vector<std::string> values;
  for (const auto& d : ws.deals)
    if (const std::string& v = *string_member(d, field); (pipeline.empty() || d.pipeline == pipeline) && !v.empty())
      values.push_back(v);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& v : values) out.emplace_back(v, v);
  return out;
}

void draw_filters_popup(const Ctx& ctx, UiState& ui) {
  if (!ImGui::BeginPopup("filters")) return;
  const Workspace& ws = ctx.ws;
  const float w = ctx.px(220);
  ImGui::TextDisabled("Show deals where…");
  std::vector<std::pair<std::string, std::string>> people;
  for (const auto& p : ws.people) people.emplace_back(p.id, p.name);
  people.emplace_back(std::string(kNoOwner), "No owner");
  ImGui::SetNextItemWidth(w);
  choice_combo("Owner", ui.filter.owner, people);
  for (const DealFieldInfo& f : kDealFields) {  // the table's fields with kInFilterBar (product)
    if (!f.has(kInFilterBar)) continue;
    auto it = ui.filter.fields.find(f.key);
    std::string value = it == ui.filter.fields.end() ? "" : it->second;
    ImGui::SetNextItemWidth(w);
    if (choice_combo(f.label.data(), value, distinct_values(ws, ui.pipeline, f.field))) {
      if (value.empty()) ui.filter.fields.erase(std::string(f.key));
      else ui.filter.fields[std::string(f.key)] = value;
    }
  }
  ImGui::SetNextItemWidth(w);
  choice_combo("Status", ui.filter.status, {{"open", "Open"}, {"won", "Won"}, {"lost", "Lost"}});
  ImGui::SetNextItemWidth(w * 0.5f - ctx.px(4));
  ImGui::InputTextWithHint("##min", "min", ui.filter.min_value.data(), ui.filter.min_value.size());
  ImGui::SameLine(0, ctx.px(8));
  ImGui::SetNextItemWidth(w * 0.5f - ctx.px(4));
  ImGui::InputTextWithHint("Value##max", "max", ui.filter.max_value.data(), ui.filter.max_value.size());
  ImGui::SetNextItemWidth(w * 0.5f - ctx.px(4));
  ImGui::InputTextWithHint("##from", "YYYY-MM-DD", ui.filter.close_from.data(), ui.filter.close_from.size());
  ImGui::SameLine(0, ctx.px(8));
  ImGui::SetNextItemWidth(w * 0.5f - ctx.px(4));
  ImGui::InputTextWithHint("Expected close##to", "YYYY-MM-DD", ui.filter.close_to.data(), ui.filter.close_to.size());
  for (const auto& f : ws.fields) {
    if (f.type != FieldType::Choice) continue;
    std::vector<std::pair<std::string, std::string>> options;
    for (const auto& o : f.options) options.emplace_back(o, o);
    std::string value = ui.filter.custom.count(f.id) ? ui.filter.custom[f.id] : "";
    ImGui::SetNextItemWidth(w);
    if (choice_combo((f.name + "##cf" + f.id).c_str(), value, options)) {
      if (value.empty()) ui.filter.custom.erase(f.id);
      else ui.filter.custom[f.id] = value;
    }
  }
  std::string error;
  quick_filter_from(ws, ui, error);
  if (!error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.45f, 1.0f), "%s", error.c_str());
  if (!ui.filter.extra.is_null()) ImGui::TextDisabled("Plus the saved view's own filter.");
  if (ImGui::Button("Clear filters")) {
    ui.filter = FilterInputs{};
  }
  ImGui::EndPopup();
}

void draw_columns_popup(const Ctx& ctx, UiState& ui) {
  if (!ImGui::BeginPopup("columns")) return;
  const Pipeline* p = ctx.ws.pipelines.find(ui.pipeline);
  ImGui::TextDisabled("Stages shown on the board");
  if (p)
    for (const auto& s : p->stages) {
      const bool hidden = std::find(ui.hidden_stages.begin(), ui.hidden_stages.end(), s.id) != ui.hidden_stages.end();
      bool shown = !hidden;
      if (ImGui::Checkbox(s.name.c_str(), &shown)) {
        if (shown) std::erase(ui.hidden_stages, s.id);
        else ui.hidden_stages.push_back(s.id);
      }
    }
  ImGui::EndPopup();
}

int active_filter_count(const Ctx& ctx, const UiState& ui) {
  std::string error;
  const QuickFilter q = quick_filter_from(ctx.ws, ui, error);
  int n = !q.owner.empty() + static_cast<int>(q.fields.size()) + !q.status.empty() + q.min_value.has_value() + q.max_value.has_value() +
          q.close_from.has_value() + q.close_to.has_value() + static_cast<int>(q.custom.size());
  return n + !ui.filter.extra.is_null();
}

}  // namespace

void draw_filter_bar(const Ctx& ctx, const QueryResult& board, UiState& ui, Actions& actions) {
  // The view switch: one toggle per registered view.
  const std::span<const ViewDef> all = views();
  for (const ViewDef& v : all) {
    if (ImGui::RadioButton(v.label, ui.mode == v.name)) ui.mode = v.name;
    items().add_last_item(std::string("button:") + v.name);
    ImGui::SameLine(0, &v == &all.back() ? ctx.px(20) : -1.0f);
  }

  ImGui::SetNextItemWidth(ctx.px(240));
  ImGui::InputTextWithHint("##search", "Search deals  ( / )", ui.search.data(), ui.search.size());
  items().add_last_item("input:search");
  focus_claim(ui, "search");
  same_line_or_wrap(ctx.px(250), ctx.px(20));

  // Group by: every groupable field, custom fields included.
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Group by");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(170));
  if (ImGui::BeginCombo("##groupby", field_label(ctx.ws.fields, ui.group_by).c_str())) {
    for (const auto& key : groupable_keys(ctx.ws.fields)) {
      if (key == "pipeline" && !ui.pipeline.empty()) continue;
      if (ImGui::Selectable(field_label(ctx.ws.fields, key).c_str(), key == ui.group_by)) ui.group_by = key;
      items().add_last_item("groupby:" + key);
    }
    ImGui::EndCombo();
  }
  items().add_last_item("combo:groupby");
  same_line_or_wrap(ctx.px(170));

  // Sort.
  static const std::pair<const char*, const char*> kSorts[] = {
      {"updated", "Last updated"}, {"value", "Value"}, {"expected_close", "Expected close"},
      {"title", "Title"},          {"created", "Created"}, {"owner", "Owner"}};
  const std::string sort_field = ui.sort.empty() ? "" : ui.sort.front().field;
  const bool desc = !ui.sort.empty() && ui.sort.front().descending;
  std::string sort_label = "Sort";
  for (auto [k, l] : kSorts)
    if (sort_field == k) sort_label = std::string(l) + (desc ? " (high first)" : " (low first)");
  ImGui::SetNextItemWidth(ctx.px(170));
  if (ImGui::BeginCombo("##sort", sort_label.c_str())) {
    for (auto [k, l] : kSorts) {
      if (ImGui::Selectable(l, sort_field == k)) {
        // Choosing the current field again flips the direction.
        const bool flip = sort_field == k;
        ui.sort = {SortKey{k, flip ? !desc : (std::string_view(k) != "title")}};
      }
    }
    ImGui::EndCombo();
  }
  same_line_or_wrap(ctx.px(100));

  const int active = active_filter_count(ctx, ui);
  const std::string filters_label = active ? "Filters (" + std::to_string(active) + ")###filters" : "Filters###filters";
  if (ImGui::Button(filters_label.c_str())) ImGui::OpenPopup("filters");
  items().add_last_item("button:filters");
  draw_filters_popup(ctx, ui);
  if (ui.group_by == "stage") {
    same_line_or_wrap(ctx.px(150));
    const std::string columns_label =
        ui.hidden_stages.empty() ? "Columns###columns" : "Columns (" + std::to_string(ui.hidden_stages.size()) + " hidden)###columns";
    if (ImGui::Button(columns_label.c_str())) ImGui::OpenPopup("columns");
    draw_columns_popup(ctx, ui);
  }
  same_line_or_wrap(ctx.px(110));
  if (ImGui::Button(ui.view.empty() ? "Save view" : "Update view")) {
    if (ui.view.empty()) open_dialog(ui, Dialog::SaveView, ui.pipeline);
    else {
      std::string error;
      json bar = to_filter(quick_filter_from(ctx.ws, ui, error));
      if (!error.empty()) {
        ui.message = error;
      } else {
        json filter = !ui.filter.extra.is_null() && !bar.is_null() ? json{{"all", json::array({ui.filter.extra, bar})}}
                                                                   : (bar.is_null() ? ui.filter.extra : bar);
        json sort = json::array();
        for (const auto& k : ui.sort) sort.push_back(json{{"field", k.field}, {"desc", k.descending}});
        actions.push(cmd::ViewUpdate{ui.view, json{{"filter", filter}, {"group_by", ui.group_by},
                                                                  {"sort", sort}, {"hidden_stages", ui.hidden_stages}}});
      }
    }
  }
  items().add_last_item("button:saveview");
  same_line_or_wrap(ctx.px(160));
  ImGui::TextDisabled("%zu deals · %s", board.totals.count, compact_totals(board.totals.value).c_str());
}

}  // namespace pb::ui
