// A table whose columns sort on a header click (ImGui keeps the choice per table id), with
// clickable rows: the Reports view's tables under each chart.
#pragma once
#include <string>
#include <vector>

#include "ui_state.hpp"

namespace pb::ui {

struct TableCell {
  std::string text;
  double sort = 0;       // the sort key of a numeric cell
  bool numeric = false;  // right-aligned, sorted by `sort`; text cells sort by text
};

struct TableRow {
  std::string key;  // the row's item name is "table:<table id>:<key>"
  std::vector<TableCell> cells;
};

struct SortableTable {
  std::string id;
  std::vector<std::string> columns;
  std::vector<TableRow> rows;  // in the default order (the first column's sort is "as given")
};

// Returns the index (into table.rows) of the row clicked this frame, or -1.
int draw_sortable_table(const SortableTable& table);

// Cells for common figures; a figure with nothing to measure shows "–" and sorts first.
TableCell text_cell(std::string text);
TableCell count_cell(std::size_t n);
TableCell number_cell(std::string text, double sort);
TableCell missing_cell();

}  // namespace pb::ui
