// What the user asked for that is not a command on the workspace: undo and redo, storage,
// importing and sharing, the user's own templates. Views return these as data in
// Actions::effects; the app performs them after the frame (src/app/effects.cpp).
#pragma once
#include <variant>

#include "model.hpp"
#include "tour.hpp"

namespace pb::ui::effect {

struct Undo {};
struct Redo {};
// Storage: the save indicator, the banner, the details window and the conflict dialog.
struct DownloadBackup {};
struct ExportQuarantine {};
struct DismissQuarantine {};
struct KeepMine {};
struct TakeTheirs {};
// Importing: the Export / Import menu, the "Import…" dialog and the import preview.
struct PickImportFile {};
struct OpenPaste {};
struct SubmitPaste {};
struct ConfirmImport {};
// Another tool's file: convert it with the mapping screen's answers, or stop converting.
struct ImportFromSource {};
struct CancelSourceImport {};
// The deals the board or list shows, as CSV with the chosen columns (csv_export.hpp).
struct OpenCsvExport {};
struct ExportDealsCsv {
  std::vector<std::string> columns;
};
// Sharing a pipeline, and the user's own templates (kept outside the workspace).
struct DownloadTemplate {
  Id pipeline;
  bool include_deals = false;
};
struct CopyShareLink {
  Id pipeline;
  bool include_deals = false;
};
struct SaveUserTemplate {
  Id pipeline;
};
struct DeleteUserTemplate {
  int index = -1;  // among the user's templates
};
// The Reports view's exports, of the report on screen (report_csv.hpp, report_json.hpp).
struct ExportReportCsv {
  std::string table;
};
struct ExportReportJson {};
// The trial and the first run (trial_ui.hpp, welcome.hpp).
struct ActivateLicence {
  std::string key;
};
// The welcome screen's three starts.
struct StartWorkspace {
  enum class From { Demo, Template, Empty } from = From::Demo;
  bool tour = false;  // then the built-in tour (demo only)
};
// Guided tours and presenter mode (tour_recorder.hpp, presenter_bar.hpp).
struct SaveTour {  // checked, kept with the workspace's data, and offered in the help menu
  Tour tour;
  bool download = false;  // also as a .pipeboard-tour.json file
};
struct ResetDemo {};  // a fresh demo workspace, as one undoable change

}  // namespace pb::ui::effect

namespace pb::ui {

using Effect = std::variant<effect::Undo, effect::Redo, effect::DownloadBackup, effect::ExportQuarantine,
                            effect::DismissQuarantine, effect::KeepMine, effect::TakeTheirs, effect::PickImportFile,
                            effect::OpenPaste, effect::SubmitPaste, effect::ConfirmImport, effect::ImportFromSource,
                            effect::CancelSourceImport, effect::OpenCsvExport, effect::ExportDealsCsv, effect::DownloadTemplate,
                            effect::CopyShareLink, effect::SaveUserTemplate, effect::DeleteUserTemplate,
                            effect::ExportReportCsv, effect::ExportReportJson, effect::ActivateLicence,
                            effect::StartWorkspace, effect::SaveTour, effect::ResetDemo>;

}  // namespace pb::ui
