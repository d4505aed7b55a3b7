#include "list_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "format.hpp"
#include "item_registry.hpp"

namespace pb::ui {
namespace {

struct Column {
  const char* title;
  const char* sort_key;
  float weight;
};
constexpr Column kColumns[] = {{"Title", "title", 3.0f},  {"Company", "company", 2.0f},   {"Stage", "stage", 1.5f},
                               {"Value", "value", 1.2f},  {"Owner", "owner", 1.5f},       {"Expected close", "expected_close", 1.3f},
                               {"Status", "status", 0.9f}, {"Updated", "updated", 1.3f}};

void bulk_bar(const Ctx& ctx, UiState& ui, Actions& actions) {
  const std::vector<Id> ids(ui.selected.begin(), ui.selected.end());
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%zu selected", ids.size());
  ImGui::SameLine();
  const Pipeline* p = ctx.ws.pipelines.find(ui.pipeline);
  ImGui::SetNextItemWidth(ctx.px(170));
  if (ImGui::BeginCombo("##bulkstage", "Move to stage…")) {
    if (p)
      for (const auto& s : p->stages) {
        const bool chosen = ImGui::Selectable(s.name.c_str());
        items().add_last_item("bulkstage:" + s.id);
        if (chosen) {
          if (s.kind == StageKind::Lost) {
            open_dialog(ui, Dialog::LostReason);
            ui.dialog.deals = ids;
            ui.dialog.pending = cmd::DealsMove{ids, s.id, "", "", {}};
          } else {
            actions.push(cmd::DealsMove{ids, s.id, "", "", {}});
          }
        }
      }
    ImGui::EndCombo();
  }
  items().add_last_item("bulk:stage");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(170));
  if (ImGui::BeginCombo("##bulkowner", "Change owner…")) {
    for (const auto& person : ctx.ws.people) {
      if (ImGui::Selectable(person.name.c_str())) actions.push(cmd::DealsUpdate{ids, json{{"owner", person.id}}});
      items().add_last_item("bulkowner:" + person.id);
    }
    if (ImGui::Selectable("No owner")) actions.push(cmd::DealsUpdate{ids, json{{"owner", nullptr}}});
    items().add_last_item("bulkowner:none");
    ImGui::EndCombo();
  }
  items().add_last_item("bulk:owner");
  const Stage* won = p ? p->first_of_kind(StageKind::Won) : nullptr;
  const Stage* lost = p ? p->first_of_kind(StageKind::Lost) : nullptr;
  ImGui::SameLine();
  if (ImGui::Button("Mark won")) {
    if (won) actions.push(cmd::DealsMove{ids, won->id, "", "", {}});
    else
      for (const auto& id : ids)
        if (const Deal* d = ctx.ws.deals.find(id); d && d->status != DealStatus::Won) actions.push(cmd::DealWin{id});
  }
  items().add_last_item("bulk:won");
  ImGui::SameLine();
  if (ImGui::Button("Mark lost")) {
    open_dialog(ui, Dialog::LostReason);
    ui.dialog.deals = ids;
    if (lost) ui.dialog.pending = cmd::DealsMove{ids, lost->id, "", "", {}};
    else ui.message = "This pipeline has no lost stage; mark deals lost one by one from the deal panel.";
  }
  items().add_last_item("bulk:lost");
  ImGui::SameLine();
  if (ImGui::Button("Delete…")) {
    open_dialog(ui, Dialog::DeleteDeals);
    ui.dialog.deals = ids;
  }
  items().add_last_item("bulk:delete");
  ImGui::SameLine();
  if (ImGui::Button("Clear selection")) ui.selected.clear();
  items().add_last_item("bulk:clear");
}

}  // namespace

void draw_list_view(const Ctx& ctx, const ViewData& data, UiState& ui, Actions& actions) {
  const QueryResult& board = data.board;
  std::vector<const Deal*> rows;
  for (const auto& g : board.groups) rows.insert(rows.end(), g.deals.begin(), g.deals.end());
  // Forget selected deals that are gone (deleted, filtered out stays selected on purpose).
  std::erase_if(ui.selected, [&](const Id& id) { return !ctx.ws.deals.contains(id); });
  if (!ui.selected.empty() && !data.past) bulk_bar(ctx, ui, actions);  // the past is read-only

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("deals", IM_ARRAYSIZE(kColumns), flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const auto& c : kColumns) {
    ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthStretch;
    if (!ui.sort.empty() && ui.sort.front().field == c.sort_key)
      cf |= ImGuiTableColumnFlags_DefaultSort | (ui.sort.front().descending ? ImGuiTableColumnFlags_PreferSortDescending : 0);
    ImGui::TableSetupColumn(c.title, cf, c.weight);
  }
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      const auto& s = specs->Specs[0];
      ui.sort = {SortKey{kColumns[s.ColumnIndex].sort_key, s.SortDirection == ImGuiSortDirection_Descending}};
    }
    specs->SpecsDirty = false;
  }
  // Shift+click selects from the anchor deal to the clicked one, in the order shown.
  int anchor = -1;
  for (int i = 0; i < static_cast<int>(rows.size()) && !ui.select_anchor.empty(); ++i)
    if (rows[i]->id == ui.select_anchor) anchor = i;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Deal& d = *rows[i];
      ImGui::TableNextRow();
      ImGui::PushID(d.id.c_str());
      ImGui::TableNextColumn();
      const bool selected = ui.selected.count(d.id) > 0;
      if (ImGui::Selectable(d.title.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.KeyShift && anchor >= 0) {
          ui.selected.clear();
          for (int k = std::min(anchor, i); k <= std::max(anchor, i) && k < static_cast<int>(rows.size()); ++k)
            ui.selected.insert(rows[k]->id);
        } else if (io.KeyCtrl || io.KeySuper) {
          if (selected) ui.selected.erase(d.id);
          else ui.selected.insert(d.id);
          ui.select_anchor = d.id;
        } else {
          ui.selected = {d.id};
          ui.select_anchor = d.id;
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ui.open_deal = d.id;
      }
      items().add_last_item("row:" + d.id);
      if (data.past && data.past->is_changed.count(d.id)) {  // changed since that day: the board's amber
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.94f, 0.67f, 0.16f, 1), "changed since");
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(d.company.c_str());
      ImGui::TableNextColumn();
      const Pipeline* p = ctx.ws.pipelines.find(d.pipeline);
      const Stage* s = p ? p->stage(d.stage) : nullptr;
      ImGui::TextUnformatted(s ? s->name.c_str() : d.stage.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_money(d.value).c_str());
      ImGui::TableNextColumn();
      const Person* owner = ctx.ws.people.find(d.owner);
      ImGui::TextUnformatted(owner ? owner->name.c_str() : "");
      ImGui::TableNextColumn();
      if (d.expected_close) ImGui::TextUnformatted(format_date(*d.expected_close).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(to_string(d.status)).c_str());
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", format_timestamp(d.updated).substr(0, 10).c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace pb::ui
