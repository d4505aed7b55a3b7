// What draw functions share: the transient UI state (selections, input buffers, open dialogs)
// and the actions they emit: commands with their origin, and effects (effects.hpp). Draw
// functions read a const Workspace and never change it; the app applies the actions after the
// frame (src/app/effects.cpp).
#pragma once
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "commands.hpp"
#include "effects.hpp"
#include "query.hpp"
#include "quick_filter.hpp"

namespace pb::ui {

using TextBuffer = std::array<char, 256>;

// The filter bar's inputs; turned into a QuickFilter each frame.
struct FilterInputs {
  std::string owner, status;
  FieldValues fields;  // built-in fields the bar offers (kInFilterBar): key -> value; absent = any
  TextBuffer min_value{}, max_value{};
  TextBuffer close_from{}, close_to{};
  std::map<Id, std::string> custom;
  json extra;  // a saved view's filter the bar cannot show, ANDed with the bar
};

// One modal dialog at a time.
enum class Dialog {
  None, NewPipeline, RenamePipeline, DeletePipeline, LostReason, SaveView, DeleteDeals, DeleteStage,
  Templates, PipelineEditor, DeleteView,
  Share, ImportPaste, ImportPreview,  // share_dialog.hpp, import_dialog.hpp
  SourceMapping, ExportCsv,           // source_mapping_dialog.hpp, csv_export_dialog.hpp
};

struct DialogState {
  Dialog kind = Dialog::None;
  bool just_opened = false;
  std::string target;            // pipeline / stage / view id the dialog is about
  std::vector<Id> deals;         // deals a dialog acts on (bulk delete, lost reason)
  TextBuffer text{};             // name or reason being typed
  std::string choice;            // e.g. "move" / "delete", or a target id
  std::string choice2;
  std::string error;             // shown in place, under the input
  std::optional<Command> pending;  // a lost move waiting for its reason
};

// A rejected edit, shown beside its field until the user fixes it or leaves the form
// (field_errors.hpp). Keyed in UiState::field_errors by the field's item name.
struct FieldError {
  std::string form;     // "deal:<id>" or "pipeline:<id>": the error goes when that form closes
  std::string text;     // what the user typed; the field keeps showing it for correction
  std::string message;  // why it was rejected, without the command's JSON Pointer
};

// The form field a command was typed into, so a rejection lands beside it. A command may come
// from several fields (a new custom field's name and options): each claims the errors under its
// `path`, a JSON Pointer prefix such as "/set/title"; the first field takes the others.
struct FieldTarget {
  std::string name;  // item name, buffer and error key: "editor:title", "stageprob:<id>"
  std::string form;
  std::string text;
  std::string path;
  bool clear_on_success = false;  // "add" boxes empty once the record exists
};

// The Reports view's choices (reports_view.hpp).
struct ReportsUi {
  std::string period = "this_month";  // "this_month", "this_quarter", "last_12_months" or "custom"
  std::string scope = "pipeline";     // "pipeline" (the selected one), "all" or "view" (the saved view)
  TextBuffer from{}, to{};            // the custom period, YYYY-MM-DD
  std::string tab = "overview";
  std::string pipeline;  // which of the report's pipelines the charts show ("" = the first)
  std::string currency;  // which currency the charts show ("" = the report's most used)
  // The deals behind the figure last clicked, listed in a window until closed.
  bool drill_open = false;
  std::string drill_title;
  std::vector<Id> drill;
};

// The board on a past day (past_day_bar.hpp); no day = today, the live board.
struct PastUi {
  std::optional<Date> day;
  bool playing = false;
  int step_days = 1;          // Play's step: a day or a week
  Timestamp next_step_at = 0;  // when Play takes its next step
  bool show_changes = false;   // the "changes since" list is open
  TextBuffer day_text{};       // the date field
};

struct UiState {
  // What is shown.
  Id pipeline;  // selected pipeline ("" = none)
  Id view;      // selected saved view ("" = the pipeline itself)
  std::string mode = "board";  // the main area's view, by its name in views.hpp
  std::string group_by = "stage";
  std::vector<SortKey> sort{SortKey{"updated", true}};
  std::vector<Id> hidden_stages;
  TextBuffer search{};
  FilterInputs filter;
  bool show_filters = false;
  std::set<std::string> collapsed;  // column keys
  bool dark = true;
  ReportsUi reports;
  PastUi past;

  // Selection and focus.
  Id open_deal;             // the deal editor's deal
  Id focused_deal;          // keyboard focus on the board
  int focus_col = -1, focus_row = -1;  // where focused_deal was last seen (a hint, see board.cpp)
  std::set<Id> selected;    // list view multi-select
  Id select_anchor;         // list view: where a Shift+click range starts
  // The named text field that takes keyboard focus next frame ("search", "quickadd:<column>",
  // "newstage"). Also how a field is emptied after Enter: ImGui keeps an active field's text.
  std::string focus_request;
  bool show_help = false;
  bool presenter = false;     // presenter mode: no trial banner, bigger text (presenter_bar.hpp)
  int zoom_percent = 100;     // the UI's size on top of devicePixelRatio: 125 or 150 for a projector
  bool show_welcome = false;  // the first-run welcome (welcome.hpp); reopened from the help menu

  // Editing buffers.
  std::map<std::string, TextBuffer> quick_add;  // per column key
  std::map<std::string, TextBuffer> edit_buffers;  // "add" boxes and other short inputs
  // Fields bound to model values (widgets.hpp field_text), any length: notes run to 100 kB and
  // a fixed buffer would cut them on the next edit.
  std::map<std::string, std::string> field_texts;
  std::map<std::string, FieldError> field_errors;  // rejected edits by field name
  int editor_tab_field_type = 0;  // pipeline editor: type of the field being added
  DialogState dialog;
  std::string message;      // last error, shown in the status bar
  bool message_is_error = true;
};

// Where a command came from, so that its failure lands where the user asked and its success
// selects what it made.
struct Origin {
  std::vector<FieldTarget> fields;    // typed into these form fields: a rejection shows beside them
  std::optional<DialogState> dialog;  // asked from this dialog: a rejection reopens it with the reason
  enum class Select { Nothing, CreatedPipeline, CreatedView };
  Select select = Select::Nothing;    // once it succeeds
};

struct QueuedCommand {
  Command command;
  Origin origin;
};

// What a frame's drawing asked for, applied in order after the frame.
struct Actions {
  std::vector<QueuedCommand> commands;
  std::vector<Effect> effects;
  void push(Command c, Origin origin = {}) { commands.push_back(QueuedCommand{std::move(c), std::move(origin)}); }
  // A command typed into form fields; a rejection is shown beside them.
  void typed(Command c, std::vector<FieldTarget> fields) { push(std::move(c), Origin{.fields = std::move(fields)}); }
  void effect(Effect e) { effects.push_back(std::move(e)); }
};

// Clears the per-pipeline board settings when switching pipeline or view.
void reset_board_settings(UiState& ui);
// The query the board and the list show.
Query build_query(const Workspace& ws, const UiState& ui);
// The bar's current inputs as a QuickFilter; `error` names the first invalid input.
QuickFilter quick_filter_from(const Workspace& ws, const UiState& ui, std::string& error);
// Opens a dialog with fresh buffers.
void open_dialog(UiState& ui, Dialog kind, std::string target = "");

}  // namespace pb::ui

namespace pb::ui {

struct Fonts;

// Everything a view reads besides UiState: the model, fonts, scale (devicePixelRatio) and now.
struct Ctx {
  const Workspace& ws;
  const Fonts& fonts;
  float scale;
  Timestamp now;
  float px(float css) const { return css * scale; }
};

}  // namespace pb::ui
