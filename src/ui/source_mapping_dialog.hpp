// The mapping screen for another tool's file (Trello, Pipedrive, HubSpot, any CSV): what the
// file holds, a choice for each list or column (MappingForm, src/core/importers/mapping_form.hpp),
// and a live preview of the first deals as they would import. "Continue" converts the file (a
// large CSV in slices, with a progress bar and Cancel) and opens the usual import preview.
#pragma once
#include <string>

#include "mapping_form.hpp"
#include "ui_state.hpp"

namespace pb::ui {

struct SourceMappingUi {
  MappingForm form;
  std::string source;     // the file name(s), for "From …"
  bool dirty = false;     // an answer changed: the app refreshes `sample` after the frame
  SourceImport sample;    // the first rows as they would import
  bool running = false;   // converting the whole file
  double progress = 0;    // 0..1 while running
  std::string status;     // "Reading row 20,000 of 100,000", or why it stopped
};

void open_source_mapping(UiState& ui, SourceMappingUi& m, MappingForm form, std::string source);
void draw_source_mapping(const Ctx& ctx, UiState& ui, SourceMappingUi& m, Actions& actions);

}  // namespace pb::ui
