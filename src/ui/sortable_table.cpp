#include "sortable_table.hpp"

#include <imgui.h>

#include <algorithm>
#include <limits>
#include <numeric>

#include "item_registry.hpp"

namespace pb::ui {
namespace {

// Row order for the table's current sort specs; the given order when there are none.
std::vector<int> sorted_rows(const SortableTable& table) {
  std::vector<int> order(table.rows.size());
  std::iota(order.begin(), order.end(), 0);
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || specs->SpecsCount == 0) return order;
  const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
  const int col = s.ColumnIndex;
  const bool descending = s.SortDirection == ImGuiSortDirection_Descending;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const TableCell& x = table.rows[a].cells[col];
    const TableCell& y = table.rows[b].cells[col];
    const bool less = x.numeric || y.numeric ? x.sort < y.sort : x.text < y.text;
    const bool greater = x.numeric || y.numeric ? y.sort < x.sort : y.text < x.text;
    return descending ? greater : less;
  });
  specs->SpecsDirty = false;
  return order;
}

}  // namespace

int draw_sortable_table(const SortableTable& table) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  const int columns = static_cast<int>(table.columns.size());
  if (columns == 0 || !ImGui::BeginTable(("table:" + table.id).c_str(), columns, flags)) return -1;
  for (int c = 0; c < columns; ++c)
    ImGui::TableSetupColumn(table.columns[c].c_str(), c == 0 ? ImGuiTableColumnFlags_WidthStretch : 0, c == 0 ? 2.0f : 1.0f);
  // Headers one by one, so each is a named item: "header:<table>:<column index>".
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    ImGui::TableHeader(table.columns[c].c_str());
    items().add_last_item("header:" + table.id + ":" + std::to_string(c));
  }
  int clicked = -1;
  for (int r : sorted_rows(table)) {
    const TableRow& row = table.rows[r];
    ImGui::TableNextRow();
    ImGui::PushID(r);
    for (int c = 0; c < columns && c < static_cast<int>(row.cells.size()); ++c) {
      ImGui::TableSetColumnIndex(c);
      const TableCell& cell = row.cells[c];
      if (c == 0) {
        if (ImGui::Selectable(cell.text.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) clicked = r;
        items().add_last_item("table:" + table.id + ":" + row.key);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click for the deals in this row");
        continue;
      }
      if (cell.numeric) {  // right-aligned, so digits line up
        const float w = ImGui::CalcTextSize(cell.text.c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
      }
      ImGui::TextUnformatted(cell.text.c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  return clicked;
}

TableCell text_cell(std::string text) { return TableCell{std::move(text), 0, false}; }
TableCell count_cell(std::size_t n) { return TableCell{std::to_string(n), static_cast<double>(n), true}; }
TableCell number_cell(std::string text, double sort) { return TableCell{std::move(text), sort, true}; }
TableCell missing_cell() { return TableCell{"–", -std::numeric_limits<double>::infinity(), true}; }

}  // namespace pb::ui
