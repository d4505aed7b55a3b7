// "Export deals as CSV…": the deals the board or list shows, with a choice of columns
// (csv_export.hpp in the core writes them; the app downloads the file).
#pragma once
#include <string>
#include <vector>

#include "query.hpp"
#include "ui_state.hpp"

namespace pb::ui {

struct CsvExportUi {
  std::vector<std::string> columns;  // every column on offer, in order
  std::vector<char> chosen;          // one per column
};

void open_csv_export(const Workspace& ws, UiState& ui, CsvExportUi& e);
void draw_csv_export(const Ctx& ctx, const QueryResult& board, UiState& ui, CsvExportUi& e, Actions& actions);

}  // namespace pb::ui
